"""Video2StyleGAN encoding speed before and after a change, side by side in one run: the same synthetic benchmark clip,
the same fast preset, the shipped tiny generator, on this tree and on a `git worktree` of an earlier commit (default:
the commit before issue #31's faster StyleGAN3 passes). Each side runs in a fresh process, one after the other.

usage: python bench/bench_encode.py [--before COMMIT] [--frames 16] [--repeats 1]
Prints s/frame for the W+ embedding, the Eq. 7 pose encoding and their sum, for both trees, and the ratio."""
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

def side(tree: Path, frames: int) -> dict:
    env = {**os.environ, 'PYTHONPATH': str(tree)}
    r = subprocess.run([sys.executable, '-c', CHILD, str(frames)], cwd=tree, env=env, capture_output=True, text=True)
    line = next((l for l in r.stdout.splitlines() if l.startswith('RESULT ')), None)
    if line is None: sys.exit(f'{tree}: the encoding run failed:\n{r.stdout[-2000:]}{r.stderr[-2000:]}')
    return json.loads(line[7:])

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--before', default=BEFORE)
    ap.add_argument('--frames', type=int, default=16)
    ap.add_argument('--repeats', type=int, default=1)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wt = Path(tmp) / 'before'
        subprocess.run(['git', 'worktree', 'add', '--detach', '-q', str(wt), a.before], cwd=ROOT, check=True)
        try:
            rows = {'before': [], 'after': []}
            for _ in range(a.repeats):          # alternate the sides, so that drift in the machine's speed is shared
                rows['before'].append(side(wt, a.frames))
                rows['after'].append(side(ROOT, a.frames))
        finally:
            subprocess.run(['git', 'worktree', 'remove', '--force', str(wt)], cwd=ROOT)
    import statistics
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
