"""Run the VQ-StyleGAN editing benchmark (`vqe.bench.vqe_benchmark`) on a trained model (default: the shipped tiny
model, with its two ablation generators) and write benchmark.json into --out (default runs/remeasure), or into
data/vqe/ (the shipped table) with --ship.

usage: python scripts/vqe_benchmark.py [--model DIR] [--n-edit 10] [--no-inversion] [--out DIR | --ship]"""
import argparse, json, platform, time
import torch
from talkhead_nb.core import write_target
from talkhead_nb.vqe.bench import vqe_benchmark, save_benchmark

ap = argparse.ArgumentParser()
ap.add_argument('--model', default=None, help='a model folder (default data/vqe/tiny)')
ap.add_argument('--n-edit', type=int, default=10)
ap.add_argument('--no-inversion', action='store_true', help='skip the W+ projection and PTI baselines (minutes)')
ap.add_argument('--out', default=None, help='folder for benchmark.json (default runs/remeasure)')
ap.add_argument('--ship', action='store_true', help='write data/vqe/benchmark.json (the shipped file) instead')
a = ap.parse_args()
t = time.time()
r = vqe_benchmark(a.model, n_edit=a.n_edit, inversion=not a.no_inversion)
r['machine'] = f'{platform.machine()} CPU, {torch.get_num_threads()} threads'
r['wall_s'] = round(time.time() - t, 1)
dst = save_benchmark(r, write_target('vqe', 'benchmark.json', ship=a.ship, out=a.out))
print(json.dumps({k: r[k] for k in ('reconstruction', 'flicker')}, indent=1))
print(f'wrote {dst} in {r["wall_s"]:.0f} s')
