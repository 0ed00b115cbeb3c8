"""Video2StyleGAN encoding speed before and after a change, side by side in one run: the same synthetic benchmark clip,
the same fast preset, the shipped tiny generator, on this tree and on a `git worktree` of an earlier commit (default:
the commit before issue #31's faster StyleGAN3 passes). Each side runs in a fresh process, one after the other.

usage: python bench/bench_encode.py [--before COMMIT] [--frames 16] [--repeats 1] [--floor]
Prints s/frame for the W+ embedding, the Eq. 7 pose encoding and their sum, for both trees, and the ratio.
--floor instead times what encoding is made of, on both trees: one generator forward + backward (gradient into the
latents only, as projection and pose encoding need) per sample at batch 1, 8 and 16, and the pose regressor's, and
predicts s/frame from the number of such passes the fast preset makes."""
import argparse, json, os, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BEFORE = '76b3eca'          # main before issue #31

CHILD = r'''
import json, sys, time, torch, warnings
warnings.filterwarnings('ignore')
from talkhead_nb import v2s
from talkhead_nb.stylegan3.load import load_generator
n = int(sys.argv[1])
torch.manual_seed(0)
bm = v2s.synthetic_benchmark(n)
m = v2s.Video2StyleGAN(load_generator('tiny-synth'), cfg=v2s.V2SConfig.fast())
m.set_reference(bm['reference'])
t = time.time(); enc = m.encode(bm['driving']); total = time.time() - t
print('RESULT ' + json.dumps({'embed': enc.timings['embed'] / n, 'pose': enc.timings['pose'] / n, 'encode': total / n,
                              'embed_loss': float(enc.embed_loss.mean()), 'pose_err': float((enc.pose.achieved - enc.pose.target).abs().mean())}))
'''

FLOOR = r'''
import json, sys, time, torch, warnings
warnings.filterwarnings('ignore')
from talkhead_nb.stylegan3.load import load_generator
from talkhead_nb.posenet import load_pose_regressor
G = load_generator('tiny-synth').requires_grad_(False); P = load_pose_regressor('synth').requires_grad_(False)
torch.manual_seed(0)
out = {}
for n in (1, 8, 16):
    w = G.mapping(torch.randn(n, G.z_dim), None).detach().requires_grad_(True)
    f = lambda: G.synthesis(w).square().sum().backward()
    f(); ts = []
    for _ in range(5):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    out[f'G{n}'] = min(ts)
x = torch.rand(16, 3, 64, 64, requires_grad=True)
g = lambda: P(x).square().sum().backward()
g(); ts = []
for _ in range(5):
    t = time.perf_counter(); g(); ts.append(time.perf_counter() - t)
out['P16'] = min(ts)
print('RESULT ' + json.dumps(out))
'''

def side(tree: Path, frames: int, child: str = CHILD) -> dict:
    env = {**os.environ, 'PYTHONPATH': str(tree)}
    r = subprocess.run([sys.executable, '-c', child, str(frames)], cwd=tree, env=env, capture_output=True, text=True)
    line = next((l for l in r.stdout.splitlines() if l.startswith('RESULT ')), None)
    if line is None: sys.exit(f'{tree}: the encoding run failed:\n{r.stdout[-2000:]}{r.stderr[-2000:]}')
    return json.loads(line[7:])

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--before', default=BEFORE)
    ap.add_argument('--frames', type=int, default=16)
    ap.add_argument('--repeats', type=int, default=1)
    ap.add_argument('--floor', action='store_true')
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wt = Path(tmp) / 'before'
        subprocess.run(['git', 'worktree', 'add', '--detach', '-q', str(wt), a.before], cwd=ROOT, check=True)
        try:
            if a.floor:
                fl = {'before': side(wt, a.frames, FLOOR), 'after': side(ROOT, a.frames, FLOOR)}
            rows = {'before': [], 'after': []} if not a.floor else None
            for _ in range(a.repeats if not a.floor else 0):          # alternate the sides, so that drift in the machine's speed is shared
                rows['before'].append(side(wt, a.frames))
                rows['after'].append(side(ROOT, a.frames))
        finally:
            subprocess.run(['git', 'worktree', 'remove', '--force', str(wt)], cwd=ROOT)
    import statistics
    if a.floor:
        T, st_first, st, chunk, pose_steps = a.frames, 150, 30, 8, 40      # V2SConfig.fast()
        print(f'What encoding is made of (tiny-synth G, min of 5; before = {a.before}); seconds per call:')
        for s_, f_ in fl.items():
            chunks = [min(chunk, T - 1 - i) for i in range(0, T - 1, chunk)]
            gb = lambda n: f_['G1'] if n == 1 else f_['G8'] * n / 8 if n <= 8 else f_['G16'] * n / 16
            embed = st_first * f_['G1'] + sum(st * gb(n) for n in chunks)
            pose = pose_steps * (gb(T) + f_['P16'] * T / 16)
            print(f"  {s_:6s} G fwd+bwd: batch 1 {f_['G1'] * 1e3:6.1f} ms, batch 8 {f_['G8'] * 1e3:6.1f} ms, "
                  f"batch 16 {f_['G16'] * 1e3:6.1f} ms ({f_['G16'] / 16 * 1e3:.1f} ms/sample); pose regressor, "
                  f"batch 16 {f_['P16'] * 1e3:.1f} ms | predicted embed {embed / T:.2f}, pose {pose / T:.2f} s/frame")
        print('  ratios before/after: ' + ', '.join(f"{k} {fl['before'][k] / fl['after'][k]:.2f}x" for k in fl['after']))
        print('RESULT ' + json.dumps(fl)); sys.exit(0)
    print(f'Video2StyleGAN encoding, tiny-synth, V2SConfig.fast(), {a.frames} frames, {a.repeats} repeat(s), '
          f'{os.cpu_count()} CPUs; before = {a.before}')
    med = {s: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for s, rs in rows.items()}
    for k in ('embed', 'pose', 'encode'):
        b, f = med['before'][k], med['after'][k]
        print(f'  {k:7s} before {b:7.3f} s/frame   after {f:7.3f} s/frame   speed-up {b / f:5.2f}x'
              f'   (min before {min(r[k] for r in rows["before"]):.3f}, after {min(r[k] for r in rows["after"]):.3f})')
    for s in ('before', 'after'):
        print(f'  {s:6s} final embedding loss {med[s]["embed_loss"]:.4f}, pose error {med[s]["pose_err"]:.2f} deg')
    print('RESULT ' + json.dumps(med))
