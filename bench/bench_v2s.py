"""Video2StyleGAN throughput after setup (reference already projected and PTI-tuned), batched over frames, against the
paper's reported ~1.5 frames/s at 1024² (A100). Prints frames/s per stage and the ratio to the paper's figure.

usage: python bench/bench_v2s.py [--g tiny-synth|r1024] [--frames 16] [--device cpu|cuda]
  tiny-synth: the shipped 64 px generator on the synthetic benchmark (the full pipeline, fast preset).
  r1024:      a random-weight 1024² StyleGAN3-R (the paper's generator size): per-frame cost of the latent stages
              (W+ embedding steps, Eq. 7 pose steps, synthesis) on frames the generator itself made, since a random
              G's frames hold no face for the landmark stage; the paper's step counts are those of V2SConfig.fast.
There is no public implementation of Video2StyleGAN to time side by side; the ratio is against the paper's number."""
import argparse, time, warnings
import torch
warnings.filterwarnings('ignore')
from talkhead_nb import v2s
from talkhead_nb.stylegan3.networks import Generator, SG3Config
from talkhead_nb.stylegan3.load import load_generator
from talkhead_nb.stylegan3.invert import project, embed_frames

PAPER_FPS = 1.5
ap = argparse.ArgumentParser()
ap.add_argument('--g', default='tiny-synth', choices=['tiny-synth', 'r1024'])
ap.add_argument('--frames', type=int, default=16)
ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
a = ap.parse_args()
dev = torch.device(a.device)
sync = (lambda: torch.cuda.synchronize()) if dev.type == 'cuda' else (lambda: None)
cfg = v2s.V2SConfig.fast()
if a.g == 'tiny-synth':
    G = load_generator('tiny-synth').to(dev)
    bm = v2s.synthetic_benchmark(a.frames)
    m = v2s.Video2StyleGAN(G, cfg=cfg, device=a.device)
    m.regressor = m.regressor.to(dev)
    m.set_reference(bm['reference'].to(dev))
    sync(); t = time.time(); enc = m.encode(bm['driving'].to(dev)); sync(); te = time.time() - t
    sync(); t = time.time(); fr, _ = m.synthesize(enc); sync(); ts = time.time() - t
    stages = {**{k: v / a.frames for k, v in enc.timings.items()}, 'synthesis': ts / a.frames}
else:
    G = Generator(SG3Config.R(1024)).eval().to(dev)
    from talkhead_nb.posenet import load_pose_regressor
    reg = load_pose_regressor('synth', a.device)
    with torch.no_grad():
        z = torch.randn(a.frames + 1, G.z_dim, device=dev)
        ws = G.mapping(z, None, truncation_psi=0.7)
        frames = ((G.synthesis(ws) + 1) / 2).clamp(0, 1)
    sync(); t = time.time()
    wd, _ = embed_frames(G, frames[1:], steps_first=cfg.embed_steps, steps=cfg.embed_steps, chunk=cfg.chunk, w_lpips=0.,
                             init=ws[:1])
    sync(); t_embed = time.time() - t
    with torch.no_grad(): target = reg(frames[1:])
    sync(); t = time.time()
    pe = v2s.pose_encode(G, ws[:1], target, reg, steps=cfg.pose_steps, lr=cfg.pose_lr)
    sync(); t_pose = time.time() - t
    sync(); t = time.time()
    with torch.no_grad():
        st = v2s.combine_styles(G, pe.ws, wd, v2s.residual_motion(pe.ws, wd, v2s.paper_layers(v2s.RESIDUAL_LAYERS, G.num_ws), 'first'), {})
        img = G.synthesis(None, styles=st)
    sync(); t_syn = time.time() - t
    stages = {'embed': t_embed / a.frames, 'pose': t_pose / a.frames, 'synthesis': t_syn / a.frames}
total = sum(stages.values())
name = torch.cuda.get_device_name() if dev.type == 'cuda' else f'CPU ({torch.get_num_threads()} threads)'
print(f'{a.g} on {name}, {a.frames} frames, batched:')
for k, v in stages.items(): print(f'  {k:10s} {v * 1e3:9.1f} ms/frame')
print(f'  total      {total * 1e3:9.1f} ms/frame = {1 / total:.2f} frames/s; paper {PAPER_FPS} frames/s -> ratio {1 / total / PAPER_FPS:.2f}x')
