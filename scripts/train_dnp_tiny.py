"""Train the shipped tiny Dynamic Neural Portraits on CPU: one synthetic identity (`dnp.TINY_DATA`: 2000 frames at 64²,
the first 1600 train, the last 400 test), the method and its two ablations with the same steps and batch.
Resumable: run it again and it continues from each run's checkpoint. With --ship the finished portraits are copied to
data/dnp/ (the shipped files); without it they stay in the run folder.

usage: python scripts/train_dnp_tiny.py [--variant mlp+cnn|cnn|mlp|all] [--steps N] [--run DIR] [--threads N] [--ship]"""
import argparse, json, shutil, time
from pathlib import Path
import torch
from talkhead_nb.dnp.data import PortraitVideo, TINY_DATA, TINY_STEPS
from talkhead_nb.dnp.model import DNPConfig, VARIANTS
from talkhead_nb.dnp.train import train_dnp, TINY_TRAIN
from talkhead_nb.train import TrainConfig
from talkhead_nb.core import write_target

ap = argparse.ArgumentParser()
ap.add_argument('--variant', default='mlp+cnn', choices=[*VARIANTS, 'all'])
ap.add_argument('--steps', type=int, default=TINY_STEPS)
ap.add_argument('--run', default='runs/dnp_tiny')
ap.add_argument('--threads', type=int, default=None, help='torch CPU threads (default: torch\'s choice)')
ap.add_argument('--ship', action='store_true', help='copy the finished portraits into data/dnp/ (the shipped files)')
a = ap.parse_args()
if a.threads: torch.set_num_threads(a.threads)
t0 = time.time()
data = PortraitVideo.from_synth(**TINY_DATA)
print(f'data: {len(data)} frames ({len(data.train_idx)} train) in {time.time() - t0:.0f} s', flush=True)
for v in (VARIANTS if a.variant == 'all' else [a.variant]):
    t = time.time()
    out = Path(a.run) / v.replace('+', '_')
    model, hist = train_dnp(data, out, DNPConfig.tiny(variant=v), TINY_TRAIN,
                            TrainConfig(steps=a.steps, log_every=250, ckpt_every=1000, progress=False), device='cpu')
    took = time.time() - t
    if a.ship: shutil.copyfile(out / 'portrait.safetensors', write_target('dnp', f'tiny_{v.replace("+", "_")}.safetensors', ship=True))
    print(json.dumps({'variant': v, 'steps': a.steps, 'seconds_this_session': round(took), 'last': hist[-1]}), flush=True)
