"""Run the Video2StyleGAN synthetic benchmark (`v2s.v2s_benchmark`) and write benchmark.json + stills
into --out (default runs/remeasure), or into data/v2s/ (the shipped table) with --ship.

usage: python scripts/v2s_benchmark.py [--frames 48] [--full] [--out DIR | --ship]   (--full: the paper-faithful V2SConfig, slower)"""
import argparse, json, platform, time
import torch
from talkhead_nb import v2s
from talkhead_nb.core import save_image, make_grid, write_target
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument('--frames', type=int, default=48)
ap.add_argument('--full', action='store_true')
ap.add_argument('--out', default=None, help='folder for the results (default runs/remeasure)')
ap.add_argument('--ship', action='store_true', help='write data/v2s/benchmark.json and its stills (the shipped files) instead')
a = ap.parse_args()
t = time.time()
r = v2s.v2s_benchmark(n_frames=a.frames, cfg=v2s.V2SConfig() if a.full else v2s.V2SConfig.fast(), progress=True)
r.machine = f'{platform.machine()} CPU, {torch.get_num_threads()} threads' + (f', {torch.cuda.get_device_name()}' if torch.cuda.is_available() else '')
r.wall_s = time.time() - t
dst = r.save(write_target('v2s', 'benchmark.json', ship=a.ship, out=a.out))
bm = v2s.synthetic_benchmark(a.frames)
pick = list(range(0, a.frames, max(a.frames // 6, 1)))[:6]
res = v2s.MotionConfig().residual
rows = [bm['driving'][pick]] + [r.outputs[(res, anc, m, 'forward')][pick] for m, anc in
                                (('baseline', 'reference'), ('lf', 'reference'), ('ours', 'reference'), ('ours', 'first'))]
save_image(make_grid(torch.cat(rows), ncols=len(pick)), write_target('v2s', 'benchmark_stills.png', ship=a.ship, out=a.out))
print(json.dumps({k: v for k, v in r.to_json().items() if k not in ('rows', 'bounds', 'controls', 'references')}, indent=1))
print(f'wrote {dst}')
