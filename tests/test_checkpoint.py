import dataclasses, json, os, signal, subprocess, sys, textwrap, time
import pytest, torch
from talkhead_nb import core
from talkhead_nb.core import save_checkpoint, load_checkpoint, read_checkpoint_meta, ConfigMismatchError, CheckpointError

@dataclasses.dataclass
class Cfg:
    channels: int = 16
    layers: int = 3
    resolution: int = 64
    kernel: tuple = (1, 3, 3, 1)

def net(cfg=Cfg()):
    return torch.nn.Sequential(*[torch.nn.Conv2d(cfg.channels, cfg.channels, 3) for _ in range(cfg.layers)])

def test_round_trip_and_meta(tmp_path):
    m = net(); p = save_checkpoint(tmp_path/'g.safetensors', m, Cfg(), extra={'step': 5, 'loss': [1.0, 0.5]})
    m2 = net(); t, meta = load_checkpoint(p, config=Cfg(), model=m2)
    assert all(torch.equal(a, b) for a, b in zip(m.state_dict().values(), m2.state_dict().values()))
    assert meta['class'] == 'Sequential' and meta['extra'] == {'step': 5, 'loss': [1.0, 0.5]}
    assert meta['config']['kernel'] == [1, 3, 3, 1] and meta['version'] == core.__version__
    assert read_checkpoint_meta(p) == meta

def test_config_mismatch_names_fields(tmp_path):
    p = save_checkpoint(tmp_path/'g.safetensors', net(), Cfg())
    with pytest.raises(ConfigMismatchError) as e:
        load_checkpoint(p, config=Cfg(channels=32, resolution=128))
    msg = str(e.value)
    assert str(p) in msg and 'channels: checkpoint has 16, expected 32' in msg and 'resolution: checkpoint has 64, expected 128' in msg
    assert 'layers' not in msg.split('field(s)')[1]  # equal fields are not listed
    with pytest.raises(CheckpointError, match='does not fit'):
        load_checkpoint(p, model=net(Cfg(layers=2)))

def test_interrupted_write_keeps_previous(tmp_path, monkeypatch):
    "An exception in the middle of writing leaves the previous checkpoint intact and no temp files."
    p = save_checkpoint(tmp_path/'g.safetensors', net(), Cfg(), extra={'step': 1})
    good = p.read_bytes()
    import safetensors.torch as st
    real = st.save_file
    def crash(tensors, filename, metadata=None):
        real(tensors, filename, metadata)
        with open(filename, 'r+b') as f: f.truncate(os.path.getsize(filename) // 2)  # half written ...
        raise KeyboardInterrupt('simulated crash')                                   # ... then the process dies
    monkeypatch.setattr(st, 'save_file', crash)
    with pytest.raises(KeyboardInterrupt):
        save_checkpoint(p, net(), Cfg(), extra={'step': 2})
    assert p.read_bytes() == good
    assert read_checkpoint_meta(p)['extra']['step'] == 1
    assert [x.name for x in tmp_path.iterdir()] == ['g.safetensors']

def test_killed_process_mid_write(tmp_path):
    "SIGKILL a process that keeps overwriting a large checkpoint: the file on disk always loads."
    p = tmp_path/'big.safetensors'
    code = textwrap.dedent(f'''
        import torch, sys
        from talkhead_nb.core import save_checkpoint
        t = {{'w': torch.randn(4_000_000)}}
        i = 0
        while True:
            save_checkpoint({str(p)!r}, t, {{'n': 1}}, extra={{'step': i}}); i += 1
            print(i, flush=True)
        ''')
    proc = subprocess.Popen([sys.executable, '-c', code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == '1'   # one complete write exists
        time.sleep(0.3)                                 # now kill it, most likely mid-write
        proc.send_signal(signal.SIGKILL); proc.wait(10)
    finally:
        if proc.poll() is None: proc.kill()
    tensors, meta = load_checkpoint(p, config={'n': 1})
    assert tensors['w'].shape == (4_000_000,) and meta['extra']['step'] >= 0

def test_bad_files(tmp_path):
    with pytest.raises(CheckpointError, match='not found'): load_checkpoint(tmp_path/'none.safetensors')
    (tmp_path/'x.safetensors').write_bytes(b'garbage')
    with pytest.raises(CheckpointError, match='truncated'): load_checkpoint(tmp_path/'x.safetensors')
    from safetensors.torch import save_file
    save_file({'a': torch.zeros(2)}, str(tmp_path/'foreign.safetensors'))
    with pytest.raises(CheckpointError, match='not a talkhead_nb checkpoint'): load_checkpoint(tmp_path/'foreign.safetensors')
    with pytest.raises(TypeError, match="'lr'"): save_checkpoint(tmp_path/'y.safetensors', {'lr': 0.1})
