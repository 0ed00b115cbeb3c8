"""Evaluate the shipped tiny Dynamic Neural Portraits (`dnp.bench.dnp_eval`, about 10 CPU-minutes) and write eval.json
and its two figures into --out (default runs/remeasure), or into data/dnp/ (the shipped files) with --ship.

usage: python scripts/eval_dnp.py [--out DIR | --ship]"""
import argparse, platform, time
import torch
from talkhead_nb.core import write_target
from talkhead_nb.dnp.bench import cross_driver, dnp_eval, eval_figures, evaluate_cross, shipped_portraits
from talkhead_nb.dnp.data import PortraitVideo, TINY_DATA

ap = argparse.ArgumentParser()
ap.add_argument('--out', default=None, help='folder for the results (default runs/remeasure)')
ap.add_argument('--ship', action='store_true', help='write data/dnp/eval.json and its figures (the shipped files) instead')
a = ap.parse_args()
t0 = time.time()
data, models = PortraitVideo.from_synth(**TINY_DATA), shipped_portraits()
r = dnp_eval(data, models)
r.machine = f'{platform.machine()} CPU, {torch.get_num_threads()} threads'
r.wall_s = time.time() - t0
dst = r.save(write_target('dnp', 'eval.json', ship=a.ship, out=a.out))
drv, R_true = cross_driver(data.size)
figs = eval_figures(data, models, drv, evaluate_cross(data, models, drv, R_true)[1], dst.parent)
for row in r.self_rows: print(row)
print(f'wrote {dst}, {figs["self"]}, {figs["cross"]} in {time.time() - t0:.0f} s')
