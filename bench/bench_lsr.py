"""Learned Spatial Representations, tiny recipe: seconds per step of layout pre-training and of the full pipeline on
this machine (batch 8, K = 4, 64 px) and of K-shot fine-tuning, and what a schedule costs from them. Run it on an
idle machine before sizing the tiny model's training. There is no reference to time against here (the official code is TensorFlow 2.2, not in
this environment); the numbers size the schedule. Rendering is excluded: the views are rendered (and cached) first.

usage: python bench/bench_lsr.py [--reps 3]"""
import argparse, os, sys, tempfile, time, warnings
from pathlib import Path
import torch
warnings.filterwarnings('ignore')
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from talkhead_nb.synth import PortraitDataset, FewShotDataset
from talkhead_nb.train import TrainConfig
from talkhead_nb.lsr.model import LSRConfig
from talkhead_nb.lsr.train import LSRTrainConfig, train_lsr
from talkhead_nb.lsr.model import LSR, LSRDiscriminator
from talkhead_nb.lsr.infer import finetune
from bench_vqe import per_step          # (median, min) s/step after a warm-up: the same timer as the VQE bench

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--reps', type=int, default=3); a = ap.parse_args()
    torch.manual_seed(0)
    with tempfile.TemporaryDirectory() as cache:
        base = PortraitDataset(n_identities=12, frames_per_identity=10, size=64, split='all', cache_dir=cache)
        t = time.perf_counter()
        for i in range(len(base)): base[i]
        render_s = (time.perf_counter() - t) / len(base)
        data = FewShotDataset(base, k=4)
        cfg, tc = LSRConfig.tiny(), LSRTrainConfig.tiny()
        def run(stage):
            def fn(n):
                with tempfile.TemporaryDirectory() as d:
                    train_lsr(data, d, cfg, tc, TrainConfig(steps=n, log_every=10 ** 6, ckpt_every=10 ** 6,
                                                            progress=False), stage)
            return fn
        pre, full = per_step(run('pretrain'), 20, a.reps), per_step(run('full'), 20, a.reps)   # 20: setup amortised
        m, D = LSR(cfg), LSRDiscriminator(cfg)
        shots = data[0]['sources']
        tune = per_step(lambda n: finetune(m, shots['image'], shots['landmarks'], n, D), 20, a.reps)
    print(f'torch {torch.__version__}, {torch.get_num_threads()} threads, {os.cpu_count()} CPUs')
    print(f'  rendering one 64 px view: {render_s * 1000:.0f} ms (once; cached)')
    for name, (med, mn) in (('layout pre-training, batch 8', pre), ('full pipeline, batch 8', full),
                            ('fine-tuning (K=4, batch 1, with D)', tune)):
        print(f'  {name:30s} {med:6.3f} s/step (min {mn:.3f})')
    for p, f in ((1500, 5000), (800, 3000), (500, 2000)):
        print(f'  {p} pre-training + {f} full steps: {(p * pre[0] + f * full[0]) / 60:.1f} min')
    print(f'  the benchmark\'s fine-tuning (24 + 60 + 60 + 400 steps per identity, 20 identities): '
          f'{20 * 544 * tune[0] / 60:.1f} min')
