"""Metrics: our PSNR/SSIM against skimage.metrics and our Fréchet distance against scipy's sqrtm, side by side
(time ratio and max difference), then `evaluate` on 1000 frames of 256² streamed from a generator: peak memory
(measured in a child process) against the memory the frames would take if materialised."""
import json, resource, subprocess, sys, textwrap, time
import numpy as np, torch
from scipy import linalg
from skimage.metrics import peak_signal_noise_ratio as sk_psnr, structural_similarity as sk_ssim
from talkhead_nb import metrics as M

def side_by_side():
    g = torch.Generator().manual_seed(0)
    a = torch.rand(16, 3, 256, 256, generator=g); b = (a + 0.05 * torch.randn(a.shape, generator=g)).clamp(0, 1)
    an, bn = a.permute(0, 2, 3, 1).double().numpy(), b.permute(0, 2, 3, 1).double().numpy()
    t = time.perf_counter(); ours_s = M.ssim(a, b); t_ours = time.perf_counter() - t
    t = time.perf_counter()
    ref_s = [sk_ssim(x, y, data_range=1, channel_axis=2, gaussian_weights=True, sigma=1.5, use_sample_covariance=False) for x, y in zip(an, bn)]
    t_ref = time.perf_counter() - t
    print(f'SSIM 16x256²: ours {t_ours*1e3:7.1f} ms | skimage {t_ref*1e3:7.1f} ms | speed-up {t_ref/t_ours:5.2f}x | max |diff| {np.abs(ours_s.numpy() - np.array(ref_s)).max():.2e}')
    t = time.perf_counter(); ours_p = M.psnr(a, b); t_ours = time.perf_counter() - t
    t = time.perf_counter(); ref_p = [sk_psnr(x, y, data_range=1) for x, y in zip(an, bn)]; t_ref = time.perf_counter() - t
    print(f'PSNR 16x256²: ours {t_ours*1e3:7.1f} ms | skimage {t_ref*1e3:7.1f} ms | speed-up {t_ref/t_ours:5.2f}x | max |diff| {np.abs(ours_p.numpy() - np.array(ref_p)).max():.2e}')
    rng = np.random.default_rng(0)
    for d in (512, 2048):
        A, B = rng.normal(size=(d, d + 10)), rng.normal(size=(d, d + 10))
        s1, s2, m1, m2 = A @ A.T / d, B @ B.T / d, rng.normal(size=d), rng.normal(size=d)
        t = time.perf_counter(); ours = M.frechet_distance(m1, s1, m2, s2); t_ours = time.perf_counter() - t
        t = time.perf_counter(); cm = linalg.sqrtm(s1 @ s2).real; ref = ((m1 - m2) ** 2).sum() + np.trace(s1 + s2 - 2 * cm); t_ref = time.perf_counter() - t
        print(f'Fréchet d={d}: ours {t_ours:6.2f} s | scipy sqrtm {t_ref:6.2f} s | speed-up {t_ref/t_ours:5.2f}x | |diff| {abs(ours - ref):.2e} (value {ours:.3f})')

CHILD = textwrap.dedent('''
    import resource, time, json, warnings, torch, torch.nn.functional as F
    warnings.simplefilter('ignore')
    from talkhead_nb import metrics as M
    N, S = 1000, 256
    def frames(seed):
        g = torch.Generator().manual_seed(seed)
        base = torch.rand(3, 32, 32, generator=g)
        for t in range(N):
            yield F.interpolate(torch.roll(base, t % 32, 2)[None], size=S, mode='bilinear', align_corners=False)[0].clamp(0, 1)
    proj = torch.randn(3 * 16 * 16, 64, generator=torch.Generator().manual_seed(1))
    feat = lambda b: F.adaptive_avg_pool2d(b, 16).flatten(1) @ proj          # a plugged-in FID extractor
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    rep = M.evaluate(frames(0), frames(1), metrics=['l1', 'psnr', 'ssim', 'lpips', 'fid'], batch_size=16,
                     allow_random_backbone=True, fid_extractor=feat)
    print(json.dumps({'seconds': time.perf_counter() - t, 'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      'rss_before_mb': base_rss / 1024, 'frames': rep.n_frames, 'table': rep.to_markdown()}))
''')

def bounded_memory():
    r = subprocess.run([sys.executable, '-c', CHILD], capture_output=True, text=True, env={'TALKHEAD_OFFLINE': '1', 'PATH': '/usr/bin:/bin',
                       'TALKHEAD_HOME': '/tmp/talkhead_bench_home', 'TORCH_HOME': '/tmp/talkhead_bench_torch'})
    if r.returncode: print(r.stderr[-3000:]); raise SystemExit(1)
    d = json.loads(r.stdout.strip().splitlines()[-1])
    materialised = 2 * 1000 * 3 * 256 * 256 * 4 / 2**20
    print(f"evaluate(1000 frames 256², L1/PSNR/SSIM/LPIPS(random backbone)/FID(plugged-in)): {d['seconds']:.0f} s, "
          f"peak RSS {d['peak_rss_mb']:.0f} MB (after imports {d['rss_before_mb']:.0f} MB) vs {materialised:.0f} MB to hold both streams as float tensors")
    print(d['table'])

if __name__ == '__main__':
    side_by_side()
    bounded_memory()
