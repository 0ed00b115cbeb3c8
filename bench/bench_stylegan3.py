"""StyleGAN3 generator speed on CPU: ours against the official NVlabs code (its CPU path = the reference ops) on the same
weights, same z, one run; checks the outputs agree and prints the speed ratio. The issue's bar: ≥ 10× at 64 px.

usage: python bench/bench_stylegan3.py /path/to/local/NVlabs/stylegan3 [--tuned] [--backward] [--configs=R-64,tiny] [--reps=N] [--batches=1,4]
(a local checkout, never committed). Without the path only our timings are printed. --backward times forward+backward
(gradients for every parameter, as in training, projection and PTI) and compares the gradients. --tuned first calls core.tune_cpu_allocator() (it speeds up both sides,
the official reference more: it allocates larger tensors); report both settings."""
import sys, time, warnings
import torch
from talkhead_nb.stylegan3.networks import Generator, SG3Config

CONFIGS = {  # 64 px generators: an R config of ~2 M parameters (the size DESIGN §3 timed), a T config, and tiny()
    'R-64 (2.1M)': SG3Config.R(64, z_dim=256, w_dim=256, channel_base=16384, channel_max=256),
    'T-64 (8.1M)': SG3Config.T(64, z_dim=256, w_dim=256, channel_base=8192, channel_max=256),
    'tiny (0.35M)': SG3Config.tiny(),
}

TIMES = {}

def timeit(fn, reps=5, key=None):
    """Median wall time of `reps` calls after a warm-up (this VM's timings are noisy; the median is robust); the minimum
    is kept in TIMES[key] for the report."""
    import statistics
    fn()
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    if key: TIMES[key] = min(ts)
    return statistics.median(ts)

def official(repo, cfg, sd):
    sys.path.insert(0, repo)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        from training.networks_stylegan3 import Generator as OG
    G = OG(**cfg.init_kwargs()).eval()
    G.load_state_dict(sd)
    return G

def fwd_bwd(G, z, *extra):
    "One training-style pass: forward with truncation, a scalar loss, backward into every parameter."
    G.zero_grad(set_to_none=True)
    G(z, *extra, truncation_psi=0.7).square().mean().backward()

if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    backward = '--backward' in sys.argv
    only = next((a.split('=', 1)[1].split(',') for a in sys.argv if a.startswith('--configs=')), None)
    repo = args[0] if args else None
    tuned = '--tuned' in sys.argv
    reps = int(next((a.split('=', 1)[1] for a in sys.argv if a.startswith('--reps=')), 0))
    if tuned:
        from talkhead_nb.core import tune_cpu_allocator
        tune_cpu_allocator()
    print(f'torch {torch.__version__}, {torch.get_num_threads()} threads, CPU, allocator {"tuned" if tuned else "default"}')
    for name, cfg in CONFIGS.items():
        if only and name.split(' ')[0] not in only: continue
        torch.manual_seed(0)
        G = Generator(cfg).eval()
        for n, b in G.named_buffers():
            if n.endswith('magnitude_ema'): b.fill_(1.7)
        batches = next((tuple(int(b) for b in a.split('=', 1)[1].split(',')) for a in sys.argv if a.startswith('--batches=')), (1, 4))
        for batch in batches:
            z = torch.randn(batch, cfg.z_dim)
            if backward:
                ours = timeit(lambda: fwd_bwd(G, z), reps=reps or 3, key='ours')
                line = f'{name:13s} batch {batch} fwd+bwd: ours {ours * 1000:8.1f} ms/batch'
                if repo:
                    OGn = official(repo, cfg, G.state_dict())
                    ref = timeit(lambda: fwd_bwd(OGn, z, None), reps=reps or 1, key='ref')
                    gd = {n: p.grad for n, p in G.named_parameters()}
                    err = max(((p.grad - gd[n]).abs().max() / gd[n].abs().max().clamp_min(1e-12)).item() for n, p in OGn.named_parameters() if p.grad is not None)
                    line += f' | official {ref * 1000:9.1f} ms | ratio {ref / ours:5.1f}x | max relative grad diff {err:.1e}'
                    line += f' | min: ours {TIMES["ours"] * 1000:.1f}, official {TIMES["ref"] * 1000:.1f} ms, ratio {TIMES["ref"] / TIMES["ours"]:.1f}x'
                print(line, flush=True)
                continue
            with torch.no_grad():
                ours = timeit(lambda: G(z, truncation_psi=0.7), reps=reps or 5, key='ours')
                line = f'{name:13s} batch {batch}: ours {ours * 1000:7.1f} ms/batch'
                if repo:
                    OGn = official(repo, cfg, G.state_dict())
                    ref = timeit(lambda: OGn(z, None, truncation_psi=0.7), reps=reps or 3, key='ref')
                    diff = (G(z, truncation_psi=0.7) - OGn(z, None, truncation_psi=0.7)).abs().max().item()
                    line += f' | official {ref * 1000:8.1f} ms | ratio {ref / ours:5.1f}x | max |diff| {diff:.1e}'
                    line += f' | min: ours {TIMES["ours"] * 1000:.1f}, official {TIMES["ref"] * 1000:.1f} ms, ratio {TIMES["ref"] / TIMES["ours"]:.1f}x'
            print(line, flush=True)
