"""The GPU figures in one call (issue #31): 1024² StyleGAN3-R generation in fp16 and fp32, W+ projection steps per
second, and Video2StyleGAN frames per second, printed with the device's name. Random weights of the paper's generator
size (the official FFHQ weights cannot be fetched here; speed does not depend on the values); under 5 minutes on one
data-centre GPU. On a machine without CUDA it runs the same on the CPU at 256² so that the script itself stays tested.

usage: python bench/bench_gpu.py [--res 1024] [--batch 4] [--frames 8] [--json OUT.json] [--smoke]
--smoke: the tiny 64 px generator and two steps per stage, on any device (the test suite runs this: it only shows that
the script works; its numbers mean nothing)."""
import argparse, json, time, warnings
import torch
warnings.filterwarnings('ignore')
from talkhead_nb.stylegan3.networks import Generator, SG3Config
from talkhead_nb.stylegan3.invert import project, embed_frames
from talkhead_nb import v2s
from talkhead_nb.posenet import load_pose_regressor

ap = argparse.ArgumentParser()
ap.add_argument('--res', type=int, default=None)
ap.add_argument('--batch', type=int, default=4)
ap.add_argument('--frames', type=int, default=8)
ap.add_argument('--json', default=None)
ap.add_argument('--smoke', action='store_true')
a = ap.parse_args()
cuda = torch.cuda.is_available()
dev = torch.device('cuda' if cuda else 'cpu')
res = 64 if a.smoke else a.res or (1024 if cuda else 256)
sync = torch.cuda.synchronize if cuda else (lambda: None)
name = torch.cuda.get_device_name() if cuda else f'CPU ({torch.get_num_threads()} threads)'
if cuda: torch.backends.cudnn.benchmark = True

def timed(fn, reps):
    "Median seconds per call after one warm-up call."
    fn(); sync(); ts = []
    for _ in range(reps):
        t = time.perf_counter(); fn(); sync(); ts.append(time.perf_counter() - t)
    return sorted(ts)[len(ts) // 2]

out = {'device': name, 'torch': torch.__version__, 'res': res}
torch.manual_seed(0)
G = Generator(SG3Config.tiny() if a.smoke else SG3Config.R(res)).eval().to(dev).requires_grad_(False)
z = torch.randn(a.batch, G.z_dim, device=dev)
with torch.no_grad():
    ws = G.mapping(z, None, truncation_psi=0.7)
    for prec, f32 in (('fp16', False), ('fp32', True)):
        s = timed(lambda: G.synthesis(ws, force_fp32=f32), 5 if cuda and not a.smoke else 1)
        out[f'generate_{prec}_ms_per_image'] = 1000 * s / a.batch
        print(f'{name}: {res}² StyleGAN3-R generation, batch {a.batch}, {prec}: {1000 * s / a.batch:.1f} ms/image '
              f'({a.batch / s:.1f} images/s)', flush=True)
    target = ((G.synthesis(ws[:1]) + 1) / 2).clamp(0, 1)
steps = 2 if a.smoke else 20 if cuda else 3
t = time.perf_counter(); project(G, target, 'w+', steps=steps, w_lpips=0., progress=False); sync()
out['projection_steps_per_s'] = steps / (time.perf_counter() - t)
print(f'{name}: W+ projection (L2, batch 1): {out["projection_steps_per_s"]:.1f} steps/s', flush=True)

cfg = v2s.V2SConfig.fast(**(dict(embed_steps=2, pose_steps=2) if a.smoke else {}))
reg = load_pose_regressor('synth', str(dev))
n = 2 if a.smoke or not cuda else a.frames
with torch.no_grad():
    zf = torch.randn(n + 1, G.z_dim, device=dev)
    wf = G.mapping(zf, None, truncation_psi=0.7)
    frames = ((G.synthesis(wf) + 1) / 2).clamp(0, 1)
sync(); t = time.perf_counter()
wd, _ = embed_frames(G, frames[1:], steps_first=cfg.embed_steps, steps=cfg.embed_steps, chunk=cfg.chunk,
                         w_lpips=0., init=wf[:1])
sync(); t_embed = time.perf_counter() - t
with torch.no_grad(): target_pose = reg(frames[1:])
t = time.perf_counter()
pe = v2s.pose_encode(G, wf[:1], target_pose, reg, steps=cfg.pose_steps, lr=cfg.pose_lr)
sync(); t_pose = time.perf_counter() - t
t = time.perf_counter()
with torch.no_grad():
    layers = v2s.paper_layers(v2s.RESIDUAL_LAYERS, G.num_ws)
    st = v2s.combine_styles(G, pe.ws, wd, v2s.residual_motion(pe.ws, wd, layers, 'first'), {})
    G.synthesis(None, styles=st)
sync(); t_syn = time.perf_counter() - t
per = (t_embed + t_pose + t_syn) / n
out.update(v2s_embed_s_per_frame=t_embed / n, v2s_pose_s_per_frame=t_pose / n, v2s_synthesis_s_per_frame=t_syn / n,
           v2s_frames_per_s=1 / per)
print(f'{name}: Video2StyleGAN latent stages at {res}² (fast preset: {cfg.embed_steps} embedding and {cfg.pose_steps} '
      f'pose steps), {n} frames: embed {t_embed / n:.2f} s, pose {t_pose / n:.2f} s, synthesis {t_syn / n:.3f} s '
      f'per frame = {1 / per:.2f} frames/s (paper: ~1.5 frames/s on an A100)', flush=True)
if a.json: json.dump(out, open(a.json, 'w'), indent=1)
print('RESULT ' + json.dumps(out))
