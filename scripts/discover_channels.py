"""S-channel discovery data for the shipped tiny synthetic StyleGAN3 (Video2StyleGAN §3.3.3).

1. Renders N held-out synthetic portraits with exact part labels (`synthetic_faces(N, seed=HELDOUT_SEED, with_parts=True)`)
   and projects them into W+ (`invert.project`) -> OUT/tiny_synth_heldout.safetensors (ws, the reconstruction PSNR).
   Without --reproject the shipped projections (data/stylegan3/) are used.
2. Runs `v2s.channel_iou` on them, selects the sets with the given thresholds (Eq. 9) and writes
   OUT/tiny_synth_channels.json; prints the counts and the localisation check.
OUT is --out (default runs/remeasure); only --ship writes into data/stylegan3/ (`core.write_target`).

usage: python scripts/discover_channels.py [--n 100] [--steps 300] [--t-fg ..] [--t-bg ..] [--delta ..] [--reproject] [--out DIR | --ship]"""
import argparse, json, time, warnings
import torch
from talkhead_nb.core import data_path, save_checkpoint, load_checkpoint, write_target
from talkhead_nb.stylegan3.load import load_generator
from talkhead_nb.stylegan3.train import synthetic_faces, HELDOUT_SEED
from talkhead_nb.stylegan3.invert import project
from talkhead_nb.metrics import psnr
from talkhead_nb.v2s.channels import part_masks, channel_iou, select_channels, localisation_check
from talkhead_nb.stylegan3.latents import style_std

ap = argparse.ArgumentParser()
ap.add_argument('--n', type=int, default=100)
ap.add_argument('--steps', type=int, default=300)
ap.add_argument('--batch', type=int, default=50)
ap.add_argument('--w-lpips', type=float, default=1., help='LPIPS weight of the projection loss (0: L2 only, about twice as fast on CPU)')
ap.add_argument('--threshold', type=float, default=0.5)
ap.add_argument('--t-fg', type=float, default=0.1)
ap.add_argument('--t-bg', type=float, default=0.1)
ap.add_argument('--neg-rule', default='max')
ap.add_argument('--delta', type=float, default=5.)
ap.add_argument('--reproject', action='store_true')
ap.add_argument('--out', default=None, help='folder for the results (default runs/remeasure)')
ap.add_argument('--ship', action='store_true', help='write into data/stylegan3/ (the shipped files) instead')
a = ap.parse_args()
warnings.filterwarnings('ignore', message='LPIPS-')
G = load_generator('tiny-synth')
frames, labels = synthetic_faces(a.n, seed=HELDOUT_SEED, with_parts=True)
x = frames.float() / 255
dst = write_target('stylegan3', 'tiny_synth_heldout.safetensors', ship=a.ship, out=a.out)
if not a.reproject and not dst.exists(): dst = data_path('stylegan3', 'tiny_synth_heldout.safetensors')   # read the shipped ones
if a.reproject or not dst.exists():
    t = time.time()
    ws = torch.cat([project(G, x[i:i + a.batch], 'w+', steps=a.steps, w_lpips=a.w_lpips, progress=True).ws for i in range(0, a.n, a.batch)])
    with torch.no_grad(): rec = (G.synthesis(ws).clamp(-1, 1) + 1) / 2
    p = psnr(rec, x)
    save_checkpoint(dst, {'ws': ws}, config=dict(seed=HELDOUT_SEED, n=a.n, steps=a.steps, w_lpips=a.w_lpips, space='w+', generator='tiny-synth'),
                    cls='Projections', extra=dict(psnr_mean=float(p.mean()), psnr_min=float(p.min()), seconds=round(time.time() - t)))
    print(f'projected {a.n} frames ({a.steps} steps) in {time.time() - t:.0f} s: PSNR {p.mean():.2f} dB (min {p.min():.2f})', flush=True)
ws = load_checkpoint(dst)[0]['ws']
masks = part_masks(labels)
t = time.time(); table = channel_iou(G, ws, masks, threshold=a.threshold); took = time.time() - t
sets = select_channels(table, a.t_fg, a.t_bg, a.neg_rule)
sets.meta.update(delta=a.delta, generator='tiny-synth', discovery_seconds=round(took, 2), images=f'{a.n} held-out synthetic frames (W+ projections)')
sets.save(write_target('stylegan3', 'tiny_synth_channels.json', ship=a.ship, out=a.out))
print(f'discovery on {a.n} images: {took:.1f} s;', {p: len(v) for p, v in sets.sets.items()}, flush=True)
std = style_std(G)
for d in (0, 2):
    for r in localisation_check(G, ws, masks, sets, delta=a.delta, n_random=20, dilate=d, std=std): print(json.dumps({'dilate': d, **{k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()}}))
