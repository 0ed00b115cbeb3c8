"""Train the shipped synthetic head-pose regressor (`posenet.PoseRegressor`) and write data/v2s/pose_synth.safetensors.

Renders `--n` portraits with exact pose labels (`posenet.pose_dataset`, seed 0; cached in the run folder), trains with
`posenet.train_pose_regressor` (resumable: run it again to continue), then saves the EMA network with its held-out
errors (512 renders, seed 424242) in the metadata.

usage: python scripts/train_posenet.py [--run runs/posenet] [--n 16384] [--steps 4000] [--ship]"""
import argparse, json, time
from pathlib import Path
import torch
from talkhead_nb.core import atomic_path, data_path
from talkhead_nb.posenet import pose_dataset, train_pose_regressor, save_pose_regressor, pose_errors, PoseNetConfig, PoseTrainConfig
from talkhead_nb.train import TrainConfig

ap = argparse.ArgumentParser()
ap.add_argument('--run', default='runs/posenet')
ap.add_argument('--n', type=int, default=16384)
ap.add_argument('--steps', type=int, default=4000)
ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
ap.add_argument('--ship', action='store_true')
a = ap.parse_args()
run = Path(a.run); run.mkdir(parents=True, exist_ok=True)
cache = run / f'pose_{a.n}_64.pt'
if cache.exists(): imgs, ang = torch.load(cache, weights_only=True)
else:
    t = time.time(); imgs, ang = pose_dataset(a.n, 64, seed=0)
    with atomic_path(cache) as tmp: torch.save((imgs, ang), tmp)
    print(f'rendered {a.n} portraits in {time.time() - t:.0f} s', flush=True)
tr = train_pose_regressor(imgs, ang, run, PoseNetConfig(), PoseTrainConfig(),
                          TrainConfig(steps=a.steps, log_every=100, ckpt_every=500, ema_beta=0.995, progress=False), device=a.device)
net = tr.ema['net'].cpu().eval()
ti, ta = pose_dataset(512, 64, seed=424242)
err = pose_errors(net, ti, ta)
res = {'steps': tr.step, 'n_train': a.n, 'heldout_median_deg': err.median(0).values.tolist(), 'heldout_mean_deg': err.mean(0).tolist()}
print(json.dumps(res), flush=True)
if a.ship:
    save_pose_regressor(net, data_path('v2s', 'pose_synth.safetensors', must_exist=False), extra=res)
    print('shipped data/v2s/pose_synth.safetensors')
