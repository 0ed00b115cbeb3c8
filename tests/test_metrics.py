import math, numpy as np, pytest, torch
from skimage.metrics import peak_signal_noise_ratio as sk_psnr, structural_similarity as sk_ssim
from talkhead_nb import metrics as M
from talkhead_nb.core import rotation_matrix

g = torch.Generator().manual_seed(0)

@pytest.mark.parametrize('shape', [(1, 3, 32, 32), (2, 3, 47, 61), (1, 3, 128, 96)])
def test_psnr_ssim_match_skimage(shape):
    a = torch.rand(shape, generator=g)
    b = (a + 0.1 * torch.randn(shape, generator=g)).clamp(0, 1)
    for i in range(shape[0]):
        an, bn = a[i].permute(1, 2, 0).double().numpy(), b[i].permute(1, 2, 0).double().numpy()
        assert abs(M.psnr(a[i:i+1], b[i:i+1]).item() - sk_psnr(an, bn, data_range=1)) < 1e-4
        ref = sk_ssim(an, bn, data_range=1, channel_axis=2, gaussian_weights=True, sigma=1.5, use_sample_covariance=False)
        assert abs(M.ssim(a[i:i+1], b[i:i+1]).item() - ref) < 1e-4

def test_edge_cases_are_clear():
    a = torch.rand(2, 3, 32, 32, generator=g)
    with pytest.raises(M.MetricError, match=r'identical \(MSE = 0\)'): M.psnr(a, a)
    with pytest.raises(M.MetricError, match='mask is empty for images'): M.ssim(a, a, mask=torch.zeros(2, 32, 32))
    with pytest.raises(M.MetricError, match='differ in shape'): M.l1(a, a[:, :, :16])
    with pytest.raises(M.MetricError, match='outside'): M.l1(a * 255, a)
    with pytest.raises(M.MetricError, match='larger than 11'): M.ssim(a[..., :8, :8], a[..., :8, :8])
    with pytest.raises(M.MetricError, match='does not fit'): M.l1(a, a, mask=torch.ones(16, 16))

def test_frechet_vs_scipy_sqrtm_and_streaming():
    from scipy import linalg
    rng = np.random.default_rng(1)
    d = 64
    X, Y = rng.normal(size=(500, d)) @ rng.normal(size=(d, d)), rng.normal(size=(400, d)) + 0.5
    m1, s1, m2, s2 = X.mean(0), np.cov(X, rowvar=False), Y.mean(0), np.cov(Y, rowvar=False)
    covmean = linalg.sqrtm(s1 @ s2).real
    ref = ((m1 - m2) ** 2).sum() + np.trace(s1 + s2 - 2 * covmean)
    assert abs(M.frechet_distance(m1, s1, m2, s2) - ref) < 1e-6 * max(1, abs(ref))
    st = M.FeatureStats()
    for chunk in np.array_split(X, 13): st.update(torch.from_numpy(chunk))
    assert np.allclose(st.mean, m1, atol=1e-12) and np.allclose(st.cov, s1, atol=1e-9)

def test_pose_and_gaze_10_degrees_any_axis():
    R = rotation_matrix(torch.tensor([20.]), torch.tensor([-10.]), torch.tensor([5.]))[0]
    assert M.pose_distance(R, R).item() < 1e-10
    for axis in torch.randn(10, 3, generator=g, dtype=torch.float64):
        k = axis / axis.norm(); K = torch.tensor([[0, -k[2], k[1]], [k[2], 0, -k[0]], [-k[1], k[0], 0]], dtype=torch.float64)
        Q = torch.eye(3, dtype=torch.float64) + math.sin(math.radians(10)) * K + (1 - math.cos(math.radians(10))) * K @ K
        assert abs(M.pose_distance(R, Q @ R).item() - 10) < 1e-4
        v = torch.linalg.cross(k, torch.tensor([0., 0, 1], dtype=torch.float64)); v = v / v.norm()   # perpendicular to the axis
        assert abs(M.gaze_distance(v, Q @ v).item() - 10) < 1e-4
    assert M.gaze_distance(torch.tensor([[0., 0, 1]]), torch.tensor([[0., 0, 1]])).item() == 0

def test_evaluate_streams_from_a_video_file(tmp_path):
    from talkhead_nb.video import write_video
    frames = [torch.rand(3, 32, 32, generator=g) for _ in range(9)]
    p = write_video(tmp_path/'ref.mp4', frames, fps=10)
    gen = (f for f in frames)                       # a generator: consumed once, never materialised
    rep = M.evaluate(gen, p, metrics=['l1', 'psnr', 'ssim'], batch_size=4)
    assert rep.n_frames == 9 and len(rep.per_frame['l1']) == 9
    assert 'PSNR ↑' in rep.to_markdown() and 'L1 ↓' in rep.to_markdown()

def test_evaluate_requires_what_it_needs():
    a = torch.rand(4, 3, 32, 32, generator=g)
    with pytest.raises(M.MetricError, match='embedder'): M.evaluate(a, a, metrics=['csim'])
    with pytest.raises(M.MetricError, match='landmarker'): M.evaluate(a, a, metrics=['nmke'])
    with pytest.raises(M.MetricError, match='tracker'): M.evaluate(a, a, metrics=['pose'], driving=a)
    with pytest.raises(M.MetricError, match='need `reference`'): M.evaluate(a, None, metrics=['ssim'])
    nan = a.clone(); nan[2, 0, 0, 0] = float('nan')
    with pytest.raises(M.MetricError, match='frames 0..3: generated: NaN or inf in images \\[2\\]'): M.evaluate(nan, a, metrics=['l1'])

def test_lpips_missing_backbone_uses_zoo_error(monkeypatch):
    from talkhead_nb import zoo, core
    import warnings
    monkeypatch.setattr(core, '_WARNED', set())            # a fresh process, as far as warn_once knows
    with pytest.raises(zoo.WeightsNotFound, match='vgg16-397923af.pth'): M.LPIPS('vgg')
    with pytest.warns(UserWarning, match='RANDOM backbone'): lp = M.LPIPS('alex', allow_random_backbone=True)
    with warnings.catch_warnings(record=True) as w:         # said once per process; torchvision's deprecation pair never
        warnings.simplefilter('always'); M.LPIPS('alex', allow_random_backbone=True)
    assert not [x for x in w if 'RANDOM backbone' in str(x.message) or 'deprecated' in str(x.message)], [str(x.message) for x in w]
    assert not lp.comparable and 'not comparable' in lp.label
    d = lp(torch.rand(2, 3, 64, 64, generator=g), torch.rand(2, 3, 64, 64, generator=g))
    assert d.shape == (2,) and torch.isfinite(d).all()

def test_fid_inception_missing_weights_error():
    from talkhead_nb import zoo
    with pytest.raises(zoo.WeightsNotFound, match='pt_inception-2015-12-05-6726825d.pth'):
        M.fid(torch.rand(4, 3, 32, 32), torch.rand(4, 3, 32, 32))
    with pytest.raises(zoo.WeightsNotFound, match='rgb_imagenet.pt'):
        M.fvd(torch.rand(20, 3, 32, 32), torch.rand(20, 3, 32, 32))
