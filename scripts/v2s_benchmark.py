"""Run the Video2StyleGAN synthetic benchmark (`v2s.v2s_benchmark`) and write data/v2s/benchmark.json + stills.

usage: python scripts/v2s_benchmark.py [--frames 48] [--full]   (--full: the paper-faithful V2SConfig, slower)"""
import argparse, json, platform, time
import torch
from talkhead_nb import v2s
from talkhead_nb.core import atomic_path, data_path, save_image, make_grid
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument('--frames', type=int, default=48)
ap.add_argument('--full', action='store_true')
a = ap.parse_args()
t = time.time()
r = v2s.v2s_benchmark(n_frames=a.frames, cfg=v2s.V2SConfig() if a.full else v2s.V2SConfig.fast())
outs = r.pop('_outputs')
r['machine'] = f'{platform.machine()} CPU, {torch.get_num_threads()} threads' + (f', {torch.cuda.get_device_name()}' if torch.cuda.is_available() else '')
r['wall_s'] = time.time() - t
dst = data_path('v2s', 'benchmark.json', must_exist=False)
with atomic_path(dst) as tmp: Path(tmp).write_text(json.dumps(r, indent=1))
bm = v2s.synthetic_benchmark(a.frames)
pick = list(range(0, a.frames, max(a.frames // 6, 1)))[:6]
res = v2s.MotionConfig().residual
rows = [bm['driving'][pick]] + [outs[(res, anc, m, 'forward')][pick] for m, anc in
                                (('baseline', 'reference'), ('lf', 'reference'), ('ours', 'reference'), ('ours', 'first'))]
save_image(make_grid(torch.cat(rows), ncols=len(pick)), data_path('v2s', 'benchmark_stills.png', must_exist=False))
print(json.dumps({k: v for k, v in r.items() if k != 'rows'}, indent=1)); print(f'wrote {dst}')
