"""StyleGAN3: safe loading (never executes pickled code), bad files and bad inputs give clear errors."""
import io, os, pickle, builtins, subprocess
import pytest, torch
from talkhead_nb.core import CheckpointError, save_checkpoint
from talkhead_nb.stylegan3.networks import Generator, SG3Config
from talkhead_nb.stylegan3.load import load_generator, read_snapshot
from talkhead_nb.safeload import UnsafePickleError
from helpers import write_snapshot, sg3_fixture

@pytest.fixture(scope='module')
def r64():
    cfg, sd, exp, meta = sg3_fixture('r64')
    G = Generator(cfg).eval(); G.load_state_dict(sd)
    return G, exp

class _Call:
    def __init__(self, fn, *args): self.fn, self.args = fn, args
    def __reduce__(self): return (self.fn, self.args)

@pytest.mark.parametrize('fn,args,name', [(os.system, ('echo pwned',), 'system'), (builtins.eval, ('1+1',), 'eval'),
                                          (subprocess.call, (['true'],), 'subprocess')])
def test_malicious_pickles_are_refused_by_name(tmp_path, fn, args, name):
    p = tmp_path / 'bad.pkl'
    p.write_bytes(pickle.dumps({'G_ema': _Call(fn, *args)}))
    with pytest.raises(UnsafePickleError, match=name): load_generator(p)

def test_snapshot_embedded_source_never_runs(tmp_path, r64):
    G, exp = r64
    marker = tmp_path / 'RAN'
    src = f"open({str(marker)!r}, 'w').write('x')\nraise SystemExit('embedded code ran')\n"
    snap = write_snapshot(G, tmp_path / 'snap.pkl', src)
    G2 = load_generator(snap)
    with torch.no_grad(): torch.testing.assert_close(G2(exp['z']), exp['img'], atol=1e-4, rtol=0)
    assert not marker.exists()
    cfg, sd = read_snapshot(snap, 'G')
    assert cfg == G.cfg and set(sd) == set(G.state_dict())

def test_truncated_and_wrong_files(tmp_path, r64):
    G, exp = r64
    snap = write_snapshot(G, tmp_path / 'snap.pkl', 'raise SystemExit')
    (tmp_path / 'half.pkl').write_bytes(snap.read_bytes()[:5000])
    with pytest.raises(CheckpointError, match='half.pkl'): load_generator(tmp_path / 'half.pkl')
    with pytest.raises(FileNotFoundError, match='nope.pkl'): load_generator(tmp_path / 'nope.pkl')
    (tmp_path / 'g.onnx').write_bytes(b'x')
    with pytest.raises(CheckpointError, match='unknown generator format'): load_generator(tmp_path / 'g.onnx')
    # a checkpoint of another configuration
    save_checkpoint(tmp_path / 'tiny.safetensors', Generator(SG3Config.tiny()), SG3Config.tiny())
    with pytest.raises(CheckpointError, match='tiny.safetensors'): load_generator(tmp_path / 'tiny.safetensors', cfg=G.cfg)
    # a .pt that needs unpickling code is refused (weights_only)
    torch.save({'G_ema': _Call(print, 'hi')}, tmp_path / 'code.pt')
    with pytest.raises(CheckpointError, match='code.pt'): load_generator(tmp_path / 'code.pt')

def test_bad_latents_and_sizes():
    G = Generator(SG3Config.tiny()).eval()
    with pytest.raises(ValueError, match='NaN'): G(torch.full((1, G.z_dim), float('nan')))
    with pytest.raises(Exception, match='z'): G(torch.randn(1, G.z_dim + 1))
    with pytest.raises(ValueError, match='power of two'): SG3Config.tiny(img_resolution=48)
    with pytest.raises(ValueError, match='missing'): G.synthesis(None, styles={'input': torch.zeros(1, 4)})

def test_tiny_end_to_end_and_resave(tmp_path):
    torch.manual_seed(1)
    G = Generator(SG3Config.tiny()).eval()
    z = torch.randn(2, G.z_dim)
    with torch.no_grad(): img = G(z, truncation_psi=0.5)
    assert img.shape == (2, 3, 64, 64) and torch.isfinite(img).all()
    save_checkpoint(tmp_path / 'g.safetensors', G, G.cfg)
    with torch.no_grad(): torch.testing.assert_close(load_generator(tmp_path / 'g.safetensors')(z, truncation_psi=0.5), img)

def test_gpu_bench_script_runs(tmp_path):
    "bench/bench_gpu.py is the one call a lent GPU runs (issue #31): its smoke mode keeps the script itself working."
    import json, sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    r = subprocess.run([sys.executable, 'bench/bench_gpu.py', '--smoke', '--json', str(tmp_path / 'g.json')], cwd=root,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    out = json.loads((tmp_path / 'g.json').read_text())
    for k in ('device', 'generate_fp16_ms_per_image', 'generate_fp32_ms_per_image', 'projection_steps_per_s',
              'v2s_frames_per_s'):
        assert k in out, k
    assert out['projection_steps_per_s'] > 0 and out['v2s_frames_per_s'] > 0
    assert 'StyleGAN3-R generation' in r.stdout and 'Video2StyleGAN' in r.stdout
