"""Inversion on the shipped tiny synthetic StyleGAN3: W and W+ projection (default 1000 steps) and PTI (the W pivot,
350 tuning steps) on 20 held-out synthetic frames (`sg3train.HELDOUT_SEED`) at 64 px. Writes
OUT/tiny_synth_inversion.json (--out, default runs/remeasure; --ship: data/stylegan3/) (mean PSNR / SSIM / LPIPS / L1 per method, per-frame PSNR, timings, machine).

usage: python scripts/eval_inversion.py [--frames 20] [--steps 1000] [--pti-steps 350] [--out PATH]"""
import argparse, json, platform, time, warnings
from pathlib import Path
import torch
from talkhead_nb.stylegan3.load import load_generator
from talkhead_nb.stylegan3.train import synthetic_faces, HELDOUT_SEED
from talkhead_nb.stylegan3.invert import project, pti
from talkhead_nb.metrics import psnr, ssim, LPIPS
from talkhead_nb.core import atomic_path, data_path, write_target

ap = argparse.ArgumentParser()
ap.add_argument('--frames', type=int, default=20)
ap.add_argument('--steps', type=int, default=1000)
ap.add_argument('--pti-steps', type=int, default=350)
ap.add_argument('--out', default=None, help='folder for the results (default runs/remeasure)')
ap.add_argument('--ship', action='store_true', help='write data/stylegan3/tiny_synth_inversion.json (the shipped table) instead')
a = ap.parse_args()
warnings.filterwarnings('ignore', message='LPIPS-')
torch.manual_seed(0)
G = load_generator('tiny-synth')
frames = synthetic_faces(a.frames, seed=HELDOUT_SEED).float() / 255
to01 = lambda ws, g=G: ((g.synthesis(ws).clamp(-1, 1) + 1) / 2).detach()
rec, secs = {}, {}
t = time.time(); pw = project(G, frames, 'w', steps=a.steps); rec['W'] = to01(pw.ws); secs['W'] = time.time() - t
t = time.time(); pwp = project(G, frames, 'w+', steps=a.steps); rec['W+'] = to01(pwp.ws); secs['W+'] = time.time() - t
t = time.time(); outs, pti_curves = [], []
for i in range(a.frames):   # PTI tunes one generator per image (as Video2StyleGAN does for its reference)
    r = pti(G, frames[i:i + 1], pivot=pw.w[i:i + 1], steps=a.pti_steps, progress=False)
    outs.append(to01(r.pivot, r.G)); pti_curves.append(r.losses[:, 0])
rec['PTI'] = torch.cat(outs); secs['PTI'] = time.time() - t
lp = LPIPS('alex', allow_random_backbone=True)
table = [dict(method=k, psnr=psnr(v, frames).mean().item(), ssim=ssim(v, frames).mean().item(),
              lpips=lp(v, frames).mean().item(), l1=(v - frames).abs().mean().item(), seconds=round(secs[k], 1)) for k, v in rec.items()]
out = dict(n_frames=a.frames, resolution=G.img_resolution, steps=a.steps, pti_steps=a.pti_steps, pti_pivot='W projection',
           lpips=lp.label, machine=f'{platform.machine()} CPU, {torch.get_num_threads()} threads',
           table=table, per_frame_psnr={k: psnr(v, frames).tolist() for k, v in rec.items()},
           loss_curves={'W': pw.losses.mean(1).tolist(), 'W+': pwp.losses.mean(1).tolist(),
                        'PTI': [float(sum(c[min(i, len(c) - 1)] for c in pti_curves) / len(pti_curves)) for i in range(max(map(len, pti_curves)))]})
with atomic_path(write_target('stylegan3', 'tiny_synth_inversion.json', ship=a.ship, out=a.out)) as tmp: Path(tmp).write_text(json.dumps(out, indent=1))
for r in table: print(r)
