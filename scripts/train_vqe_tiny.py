"""Train the shipped tiny VQ-StyleGAN editing model on CPU for one synthetic subject (identity 11, 250 frames at 64²,
the first 200 train, the last 50 held out): Stage I (W+ projection of every frame, video PTI, the codebook of the
layer chosen by the NMI rule on a separate validation clip of the same person), the code masks of all 250 frames
(held-out frames projected into the tuned G only), then Stage II (Gs + Ds, the tiny recipe).
Resumable: run it again and each stage continues (Stage I from its last finished step, Stage II from its checkpoint).
With --ship the model is copied into data/vqe/tiny/ (the shipped files); without it it stays in the run folder.

usage: python scripts/train_vqe_tiny.py [--steps N] [--run DIR] [--condition codes|parts] [--window 3|1] [--ship]"""
import argparse, json, shutil, time
from pathlib import Path
from talkhead_nb.core import write_target
from talkhead_nb.stylegan3.load import load_generator
from talkhead_nb.train import TrainConfig
from talkhead_nb.vqe.generator import VQEConfig
from talkhead_nb.vqe.train import subject_video, fit_stage1, Stage1Config, train_stage2, VQETrainConfig, video_codes

TINY_STEPS = 1200        # Stage II: 0.52 s/step on the idle 2-core machine -> about 11 min; Stage I 518 s

ap = argparse.ArgumentParser()
ap.add_argument('--steps', type=int, default=TINY_STEPS)
ap.add_argument('--run', default='runs/vqe_tiny')
ap.add_argument('--condition', default='codes', choices=['codes', 'parts'])
ap.add_argument('--window', type=int, default=3, choices=[1, 3])
ap.add_argument('--ship', action='store_true', help='copy the finished model into data/vqe/tiny/ (the shipped files)')
a = ap.parse_args()
t0 = time.time()
run = Path(a.run); run.mkdir(parents=True, exist_ok=True)
vid = subject_video(11, n_frames=250, size=64, n_test=50)
val = subject_video(11, n_frames=24, size=64, n_test=1, seed=1)           # another clip of the person: layer choice
tr, te = vid['train_idx'], vid['test_idx']
print(f'data: {len(tr)} train + {len(te)} held-out frames in {time.time() - t0:.0f} s', flush=True)
timing = json.loads((run / 'timing.json').read_text()) if (run / 'timing.json').exists() else {}
t = time.time()
s1 = fit_stage1(load_generator('tiny-synth'), vid['frames'][tr], Stage1Config(layer='auto'), out_dir=run / 'stage1',
                held_out={k: val[k] for k in ('frames', 'parts', 'subparts')})
codes = video_codes(s1, vid['frames'], len(tr), run / 'stage1' / 'codes.safetensors')
timing.setdefault('stage1_s', round(time.time() - t))
print(f'Stage I: layer {s1.codebook.layer}, K={s1.codebook.K}, masks {tuple(codes.codes.shape)}', flush=True)
cond = codes if a.condition == 'codes' else vid['parts'].long()
cfg = VQEConfig.tiny(K=s1.codebook.K, condition=a.condition, window=(-1, 0, 1) if a.window == 3 else (0,))
name = 'stage2' if (a.condition, a.window) == ('codes', 3) else f'stage2_{a.condition}_w{a.window}'
t = time.time()
G, hist = train_stage2(cond, vid['frames'], tr, run / name, cfg, VQETrainConfig.tiny(),
                       TrainConfig(steps=a.steps, log_every=50, ckpt_every=250, progress=False, ema_beta=0.995), device='cpu')
timing[f'{name}_s_this_session'] = round(time.time() - t)
(run / 'timing.json').write_text(json.dumps(timing, indent=1))
if a.ship:
    def ship(name: str) -> Path:
        p = write_target('vqe', 'tiny', name, ship=True); p.parent.mkdir(parents=True, exist_ok=True); return p
    for f in ('G_tuned.safetensors', 'codebook.safetensors', 'stage1_ws.safetensors', 'stage1.json', 'codes.safetensors'):
        shutil.copyfile(run / 'stage1' / f, ship(f))
    gen = 'generator.safetensors' if name == 'stage2' else f'generator_{a.condition}_w{a.window}.safetensors'
    shutil.copyfile(run / name / 'generator.safetensors', ship(gen))
    ship('timing.json').write_text(json.dumps({**timing, 'steps': a.steps}, indent=1))
print(json.dumps({'run': name, 'steps': a.steps, 'timing': timing, 'last': hist[-1]}), flush=True)
