"""Train the shipped tiny synthetic StyleGAN3 (`sg3train.TINY_SYNTH_G`) on CPU or GPU, resumably.

Renders the training set once (`synthetic_faces(N, 64, seed=0)`, cached in the run folder), then trains in chunks of
`--snap` steps; after each chunk it writes `snapshots/NNNNNN.png` (a ψ=0.7 sample grid, fixed seeds) and
`G_ema.safetensors`. Run it again (same arguments, larger --steps) to continue. With --ship, the final `G_ema` is
copied to data/stylegan3/tiny_synth.safetensors, with the sample grid and log next to it, and the whole training
checkpoint to data/stylegan3/tiny_synth_train/ (`portable_checkpoint`: Adam's second moments in bfloat16, to stay
small): a fresh clone's first run continues from there.

usage: python scripts/train_sg3_tiny.py [--run runs/sg3_tiny] [--steps N] [--snap 500] [--n-images 16384] [--ship]"""
import argparse, json, shutil, time
from pathlib import Path
import torch
from talkhead_nb.core import save_image, make_grid, atomic_path
from talkhead_nb.stylegan3.train import synthetic_faces, train_stylegan3, portable_checkpoint, SG3TrainConfig, TINY_SYNTH_G, TINY_SYNTH_D
from talkhead_nb.train import TrainConfig

ap = argparse.ArgumentParser()
ap.add_argument('--run', default='runs/sg3_tiny')
ap.add_argument('--steps', type=int, default=8000)
ap.add_argument('--snap', type=int, default=500)
ap.add_argument('--n-images', type=int, default=16384)
ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
ap.add_argument('--ship', action='store_true')
a = ap.parse_args()
run = Path(a.run); run.mkdir(parents=True, exist_ok=True)
shipped = Path(__file__).resolve().parents[1] / 'data' / 'stylegan3'
if not (run / 'checkpoint.safetensors').exists() and (shipped / 'tiny_synth_train' / 'checkpoint.safetensors').exists():
    for f in ('checkpoint.safetensors', 'log.jsonl'):   # continue the committed run (a fresh clone resumes where it stopped)
        shutil.copyfile(shipped / 'tiny_synth_train' / f, run / f)
    print('continuing the committed run in', shipped / 'tiny_synth_train', flush=True)
cache = run / f'faces_{a.n_images}_64.pt'
if cache.exists(): faces = torch.load(cache, weights_only=True)
else:
    t = time.time(); faces = synthetic_faces(a.n_images, 64, seed=0, progress=True)
    with atomic_path(cache) as tmp: torch.save(faces, tmp)
    print(f'rendered {len(faces)} faces in {time.time() - t:.0f} s', flush=True)
cfg = SG3TrainConfig()
z = torch.randn(32, TINY_SYNTH_G.z_dim, generator=torch.Generator().manual_seed(123))
step = 0
while step < a.steps:
    target = min(a.steps, (step // a.snap + 1) * a.snap)
    t = time.time()
    tr = train_stylegan3(faces, run, TINY_SYNTH_G, TINY_SYNTH_D, cfg,
                         TrainConfig(steps=target, log_every=50, ckpt_every=250, progress=False), device=a.device)
    step = tr.step
    with torch.no_grad(): img = tr.ema['G'].cpu()(z, truncation_psi=0.7)
    (run / 'snapshots').mkdir(exist_ok=True)
    save_image(make_grid((img.clamp(-1, 1) + 1) / 2, ncols=8), run / 'snapshots' / f'{step:06d}.png')
    print(json.dumps({'step': step, 'kimg': step * cfg.batch / 1000, 'chunk_s': round(time.time() - t), **{k: round(v, 4) for k, v in tr.history[-1].items() if k not in ('step', 'time')}}), flush=True)
if a.ship:   # G_ema + samples + log for users; the full training checkpoint (G, D, Adam, RNG) so that the run can resume
    dst = shipped; (dst / 'tiny_synth_train').mkdir(parents=True, exist_ok=True)
    shutil.copyfile(run / 'G_ema.safetensors', dst / 'tiny_synth.safetensors')
    shutil.copyfile(run / 'snapshots' / f'{step:06d}.png', dst / 'tiny_synth_samples.png')
    shutil.copyfile(run / 'log.jsonl', dst / 'tiny_synth_log.jsonl')
    portable_checkpoint(run / 'checkpoint.safetensors', dst / 'tiny_synth_train' / 'checkpoint.safetensors')   # bf16 second moments: < 5 MB
    shutil.copyfile(run / 'log.jsonl', dst / 'tiny_synth_train' / 'log.jsonl')
    print('shipped', dst / 'tiny_synth.safetensors')
