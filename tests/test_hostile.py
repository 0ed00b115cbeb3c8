"""Hostile weights files (tests/hostile.py) against every loader: refused, nothing ran, the process untouched, bombs bounded."""
import collections, json, struct, subprocess, sys, textwrap, time
from pathlib import Path
import pytest
import torch
sys.path.insert(0, str(Path(__file__).parent))
import hostile as H

ROOT = Path(__file__).resolve().parents[1]
PAYLOADS = {p.name: p for p in H.payloads()}

def _process_state():
    "What the BUILD payloads aim at: torch's rebuilders and storages, OrderedDict, numpy's dtypes and arrays."
    import numpy as np
    return (torch._utils._rebuild_tensor_v2.__defaults__, torch._utils._rebuild_parameter.__defaults__,
            dict(vars(torch.UntypedStorage)), dict(vars(collections.OrderedDict)), dict(vars(np.ndarray)),
            np.dtype('f4').byteorder, np.dtype('f4').isnative, dict(vars(type(np.dtype('f4')))))
BEFORE = _process_state()          # taken at import, before any payload is loaded

@pytest.fixture(scope='module')
def outcomes(tmp_path_factory):
    "Every payload, loaded in this one process (in order), with its outcome."
    d = tmp_path_factory.mktemp('hostile')
    return {name: H.run(p, d / f'{i:03d}') for i, (name, p) in enumerate(PAYLOADS.items())}

@pytest.mark.parametrize('name', list(PAYLOADS))
def test_payload_refused(outcomes, name):
    o = outcomes[name]
    assert not o.ran_code, f'{name}: the marker file appeared'
    assert o.refused, f'{name}: expected a CheckpointError naming the file and saying {PAYLOADS[name].expect!r}, got {o.error}'

def test_every_attack_class_is_covered():
    kinds = collections.Counter(p.kind for p in PAYLOADS.values())
    for k in ('code execution', 'BUILD tampering', 'short storage', 'billion laughs', 'size claim', 'tampered metadata', 'bad values'):
        assert kinds[k] >= 2, k
    assert len(PAYLOADS) >= 70

def test_process_untouched_after_all_payloads(outcomes):
    "After every hostile file, legitimate files load bit-identical to a fresh process, and torch itself is unchanged."
    assert _process_state() == BEFORE
    here = H.fingerprint()
    code = f'import sys, json; sys.path.insert(0, {str(ROOT / "tests")!r}); import hostile; print(json.dumps(hostile.fingerprint()))'
    fresh = json.loads(subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True).stdout.splitlines()[-1])
    assert here == fresh
    assert here['torch.load'] == '[0.0, 1.0, 2.0, 3.0, 4.0]'

def test_emitted_snapshot_with_numpy_state_loads_exactly(tmp_path):
    "The opcode writer is faithful: a clean snapshot it writes (numpy arrays, dtypes and scalars included) loads equal."
    from talkhead_nb.stylegan3.load import load_generator
    G = H._G()
    arr = H.Build(H.Call(H.Global('numpy.core.multiarray', '_reconstruct'), (H.Global('numpy', 'ndarray'), (0,), b'b')),
                  (1, (2,), H.Build(H.Call(H.Global('numpy', 'dtype'), ('i8', False, True)), (3, '<', None, None, None, -1, -1, 0)),
                   False, (7).to_bytes(8, 'little') * 2))
    scalar = H.Call(H.Global('numpy._core.multiarray', 'scalar'),
                    (H.Build(H.Call(H.Global('numpy', 'dtype'), ('f8', False, True)), (3, '<', None, None, None, -1, -1, 0)),
                     struct.pack('<d', 0.5)))
    (tmp_path / 'clean.pkl').write_bytes(H.snapshot(G, extra_state={'in_size': arr, 'sampling_rate': scalar}))
    G2 = load_generator(tmp_path / 'clean.pkl')
    for k, v in G.state_dict().items(): assert torch.equal(G2.state_dict()[k], v), k

BOMB_SCRIPT = textwrap.dedent('''
    import json, resource, sys, time
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    import hostile as H
    from talkhead_nb.core import CheckpointError
    import talkhead_nb.dnp, safetensors.torch
    folder = Path({folder!r})
    payloads = {{p.name: p for p in H.payloads()}}
    H.fingerprint()                                   # warm every code path on legitimate files first
    rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    base, out = rss(), {{}}
    for name, path in json.loads(sys.argv[1]).items():
        t0 = time.perf_counter()
        try: payloads[name].load(Path(path)); ok = False
        except CheckpointError: ok = True
        out[name] = [ok, time.perf_counter() - t0]
    print(json.dumps({{'peak_extra': rss() - base, 'bombs': out}}))
''')

def test_bombs_refused_fast_and_small(tmp_path):
    "Each bomb is refused within 2 s, and all of them together add under 200 MB to the loading process's peak memory."
    bombs = {}
    for i, (n, p) in enumerate(PAYLOADS.items()):
        if p.bomb: (tmp_path / f'b{i}').mkdir(); bombs[n] = str(p.build(tmp_path / f'b{i}'))
    assert len(bombs) >= 12
    script = BOMB_SCRIPT.format(tests=str(ROOT / 'tests'), folder=str(tmp_path))
    r = subprocess.run([sys.executable, '-c', script, json.dumps(bombs)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    res = json.loads(r.stdout.splitlines()[-1])
    for name, (ok, secs) in res['bombs'].items():
        assert ok, f'{name} was not refused'
        assert secs < 2, f'{name} took {secs:.2f} s'
    assert res['peak_extra'] < 200 << 20, f"bombs raised peak memory by {res['peak_extra'] / 2**20:.0f} MB"

def test_cli_reports_a_hostile_generator_in_one_line(tmp_path):
    "`talkhead reenact --generator laughs.pkl` fails fast with one clear line, no traceback."
    p = PAYLOADS['laughs_modules.pkl'].build(tmp_path)
    from PIL import Image
    from talkhead_nb.video import write_video
    Image.new('RGB', (64, 64)).save(tmp_path / 'ref.png'); write_video(tmp_path / 'drv.mp4', [torch.rand(3, 64, 64)] * 2)
    t0 = time.time()
    r = subprocess.run([str(Path(sys.executable).parent / 'talkhead'), 'reenact', '--reference', str(tmp_path / 'ref.png'),
                        '--driving', str(tmp_path / 'drv.mp4'), '--generator', str(p), '--out', str(tmp_path / 'o.mp4')],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and 'Traceback' not in r.stderr, r.stderr[-2000:]
    assert 'laughs_modules.pkl' in r.stderr + r.stdout and 'more than' in r.stderr + r.stdout
    assert time.time() - t0 < 60
