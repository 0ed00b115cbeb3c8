"""VQ-StyleGAN editing, tiny recipe: seconds per step of each stage on this machine, and what the shipped schedule
costs from them (run it on an idle machine before sizing `scripts/train_vqe_tiny.py`). There is no reference
implementation to time against (no VQE code is public); the numbers size the schedule.

usage: python bench/bench_vqe.py [--reps 5]
Prints s/step for: W+ projection (batch 8, shipped tiny-synth G), video PTI (batch 8), Stage II (Gs + Ds, batch 8),
and the estimated minutes of Stage I and of Stage II at the shipped step counts."""
import argparse, os, statistics, sys, tempfile, time, warnings
from pathlib import Path
import torch
warnings.filterwarnings('ignore')
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from talkhead_nb.stylegan3.load import load_generator
from talkhead_nb.stylegan3.invert import project, pti
from talkhead_nb.train import TrainConfig
from talkhead_nb.vqe.generator import VQEConfig
from talkhead_nb.vqe.train import subject_video, train_stage2, VQETrainConfig, Stage1Config

def per_step(fn, steps: int, reps: int) -> tuple[float, float]:
    "(median, min) seconds per step of fn(steps) over `reps` runs, after one warm-up."
    fn(1)
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); fn(steps); ts.append((time.perf_counter() - t) / steps)
    return statistics.median(ts), min(ts)

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--reps', type=int, default=3); a = ap.parse_args()
    torch.manual_seed(0)
    G = load_generator('tiny-synth')
    vid = subject_video(n_frames=16, n_test=4)
    x = vid['frames'][:8]
    ws = G.mapping(torch.randn(8, G.z_dim), None).detach()
    proj = per_step(lambda n: project(G, x, 'w+', steps=n, init=ws, w_lpips=0, progress=False), 10, a.reps)
    tune = per_step(lambda n: pti(G, x, pivot=ws, steps=n, w_lpips=0, stop_lpips=None, batch=8, progress=False), 5,
                    a.reps)
    codes = torch.randint(0, 32, (16, 32, 32))
    cfg, tc = VQEConfig.tiny(), VQETrainConfig.tiny()
    def stage2(n):
        with tempfile.TemporaryDirectory() as d:
            train_stage2(codes, vid['frames'], torch.arange(12), d, cfg, tc,
                         TrainConfig(steps=n, log_every=10 ** 6, ckpt_every=10 ** 6, progress=False), device='cpu')
    s2 = per_step(stage2, 10, a.reps)
    s1c = Stage1Config()
    n_train = 200
    proj_steps = s1c.steps_first / 8 + (n_train - 1) / s1c.chunk * s1c.steps + 50 / s1c.chunk * s1c.steps
    print(f'torch {torch.__version__}, {torch.get_num_threads()} threads, {os.cpu_count()} CPUs')
    for name, (med, mn) in (('W+ projection, batch 8', proj), ('video PTI, batch 8', tune), ('Stage II, batch 8', s2)):
        print(f'  {name:24s} {med:6.3f} s/step (min {mn:.3f})')
    print(f'  Stage I estimate (200 + 50 frames, {s1c.pti_steps} PTI steps): '
          f'{(proj_steps * proj[0] + s1c.pti_steps * tune[0]) / 60:.1f} min (+ k-means, layer scan)')
    for steps in (1500, 2000, 3000):
        print(f'  Stage II, {steps} steps: {steps * s2[0] / 60:.1f} min')
