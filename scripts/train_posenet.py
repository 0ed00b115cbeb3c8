"""Train the shipped synthetic regressors of `posenet`: head pose (`PoseRegressor` -> data/v2s/pose_synth.safetensors) or
identity (`IdentityRegressor`, --target identity -> data/v2s/identity_synth.safetensors).

Renders `--n` portraits with exact labels (`posenet.pose_dataset`, seed 0; cached in the run folder), trains with
`posenet.train_pose_regressor` (resumable: run it again to continue), then saves the EMA network with its held-out
errors (512 renders, seed 424242) in the metadata.

usage: python scripts/train_posenet.py [--target pose|identity] [--run runs/posenet] [--n 16384] [--steps 4000] [--ship]"""
import argparse, json, time
from pathlib import Path
import torch
from talkhead_nb.core import atomic_path, data_path, write_target
from talkhead_nb.posenet import (pose_dataset, train_pose_regressor, save_pose_regressor, pose_errors, PoseNetConfig, PoseTrainConfig,
                                 IdentityRegressor, identity_net_config, POSE_REGRESSORS, IDENTITY_REGRESSORS)
from talkhead_nb.train import TrainConfig

ap = argparse.ArgumentParser()
ap.add_argument('--target', choices=('pose', 'identity'), default='pose')
ap.add_argument('--run', default=None, help='run folder (default runs/posenet or runs/idnet)')
ap.add_argument('--n', type=int, default=16384)
ap.add_argument('--steps', type=int, default=4000)
ap.add_argument('--threads', type=int, default=0, help='torch threads (0: torch default)')
ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
ap.add_argument('--ship', action='store_true')
a = ap.parse_args()
if a.threads: torch.set_num_threads(a.threads)
ident = a.target == 'identity'
run = Path(a.run or ('runs/idnet' if ident else 'runs/posenet')); run.mkdir(parents=True, exist_ok=True)
cache = run / f'{a.target}_{a.n}_64.pt'
if cache.exists(): imgs, lab = torch.load(cache, weights_only=True)
else:
    t = time.time(); imgs, lab = pose_dataset(a.n, 64, seed=0, target=a.target)
    with atomic_path(cache) as tmp: torch.save((imgs, lab), tmp)
    print(f'rendered {a.n} portraits in {time.time() - t:.0f} s', flush=True)
cfg = identity_net_config() if ident else PoseNetConfig()
t = time.time()
tr = train_pose_regressor(imgs, lab, run, cfg, PoseTrainConfig(),
                          TrainConfig(steps=a.steps, log_every=100, ckpt_every=500, ema_beta=0.995, progress=False), device=a.device,
                          cls=IdentityRegressor if ident else None)
net = tr.ema['net'].cpu().eval()
ti, tl = pose_dataset(512, 64, seed=424242, target=a.target)
err = pose_errors(net, ti, tl)
res = {'steps': tr.step, 'n_train': a.n, 'train_s_this_run': round(time.time() - t),
       'heldout_median_abs_error': err.median(0).values.tolist(), 'heldout_mean_abs_error': err.mean(0).tolist()}
if not ident: res.update(heldout_median_deg=res['heldout_median_abs_error'], heldout_mean_deg=res['heldout_mean_abs_error'])
print(json.dumps(res), flush=True)
if a.ship:
    dst = write_target(*(IDENTITY_REGRESSORS if ident else POSE_REGRESSORS)['synth'], ship=True)
    save_pose_regressor(net, dst, extra=res)
    print('shipped', dst)
