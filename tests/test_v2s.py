"Video2StyleGAN end to end: the Python entry point, the `talkhead reenact` command and bad input."
import json, subprocess
from pathlib import Path
import numpy as np
import pytest
import torch
from conftest import BIN

from talkhead_nb import v2s
from talkhead_nb.stylegan3.load import load_generator
from talkhead_nb.core import save_image
from talkhead_nb.video import write_video, read_video, is_marked_synthetic

SMALL = ('--ref-steps', '10', '--pti-steps', '5', '--embed-steps', '3', '--pose-steps', '5')   # the CLI's step options, test-sized
TINY = dict(ref_steps=10, pti_steps=5, embed_steps_first=10, embed_steps=3, pose_steps=5, w_lpips=0.)

@pytest.fixture(scope='module')
def bench():
    return v2s.synthetic_benchmark(6)

@pytest.fixture(scope='module')
def G():
    return load_generator('tiny-synth')

def talkhead(*args):
    return subprocess.run([str(BIN / 'talkhead'), *args], capture_output=True, text=True, timeout=600)

def test_reenact_end_to_end(tmp_path, G, bench):
    r = v2s.reenact(G, bench['reference'], bench['driving'], out=tmp_path / 'o.mp4', cfg=v2s.V2SConfig(**TINY), progress=False)
    assert r.frames.shape == (6, 3, 64, 64) and r.skipped == [] and len(r.diagnostics) == 6
    assert set(r.latents) >= {'w_ref', 'w_ref_p', 'w_drive', 'w_base', 'styles', 'transform'}
    assert r.latents['w_drive'].shape == (6, G.num_ws, G.w_dim)
    v, _ = read_video(r.path)
    assert v.shape == (6, 3, 64, 64) and is_marked_synthetic(r.path)
    # the written video is the returned frames (up to H.264 loss)
    assert (v.float() / 255 - r.frames).abs().mean() < 0.05 if v.dtype == torch.uint8 else (v - r.frames).abs().mean() < 0.05

def test_co_driving_supplies_pose_and_placement(G, bench):
    other = v2s.synthetic_benchmark(6, driver=33, seed=9)['driving']
    m = v2s.Video2StyleGAN(G, cfg=v2s.V2SConfig(**TINY, transform='co-driving', pose_source='co-driving')).set_reference(bench['reference'])
    enc = m.encode(bench['driving'], co_driving=other)
    lm_cd, _ = v2s.frame_landmarks(other)
    want = v2s.smooth_params(v2s.canonical_params(lm_cd, 64), 3)
    np.testing.assert_allclose(enc.placement, want, atol=1e-6)                # placement from the co-driving video
    with torch.no_grad(): target = m.regressor(v2s.canonicalize(other, want)) - m.ref['pose_image'] + m.ref['pose_recon']
    torch.testing.assert_close(enc.pose.target, v2s.temporal_mean(target, m.cfg.pose_smooth))   # pose target from the co-driving video (relative, filtered)
    f1, _ = m.synthesize(enc); assert f1.shape == (6, 3, 64, 64)

def test_missing_faces_skip_or_fail(G, bench):
    bad = bench['driving'].clone(); bad[1] = 0.5
    m = v2s.Video2StyleGAN(G, cfg=v2s.V2SConfig(**TINY)).set_reference(bench['reference'])
    r = m(bad)
    assert r.skipped == [1] and len(r.frames) == 5 and [d['frame'] for d in r.diagnostics] == [0, 2, 3, 4, 5]
    m.cfg.on_missing = 'fail'
    with pytest.raises(RuntimeError, match=r'no face in frames \[1\]'): m(bad)

def test_bad_reference_and_resolution(G, bench):
    m = v2s.Video2StyleGAN(G, cfg=v2s.V2SConfig(**TINY))
    with pytest.raises(RuntimeError, match='no face found in the reference'): m.set_reference(torch.full((3, 64, 64), 0.3))
    with pytest.raises(ValueError, match='generator makes 64x64'): m.set_reference(torch.rand(3, 128, 128))
    with pytest.raises(ValueError, match='grayscale'): m.set_reference(torch.rand(1, 64, 64))
    m.set_reference(bench['reference'])
    with pytest.raises(ValueError, match='resize the video to 64x64'): m.encode(torch.rand(3, 3, 128, 128))
    with pytest.raises(ValueError, match='NaN'): m.encode(torch.full((3, 3, 64, 64), float('nan')))

def test_cli_reenact(tmp_path, bench):
    save_image(bench['reference'], tmp_path / 'ref.png')
    write_video(tmp_path / 'drv.mp4', bench['driving'], fps=25)
    write_video(tmp_path / 'co.mp4', v2s.synthetic_benchmark(6, driver=33, seed=9)['driving'], fps=25)
    r = talkhead('reenact', '--reference', str(tmp_path / 'ref.png'), '--driving', str(tmp_path / 'drv.mp4'),
                 '--co-driving', str(tmp_path / 'co.mp4'), '--out', str(tmp_path / 'out.mp4'), '--fast', '--residual', 'first', *SMALL)
    assert r.returncode == 0, r.stderr
    assert 'wrote' in r.stdout and 'timings' in r.stdout
    v, _ = read_video(tmp_path / 'out.mp4')
    assert v.shape[0] == 6 and is_marked_synthetic(tmp_path / 'out.mp4')

def test_cli_reenact_bad_input(tmp_path, bench):
    save_image(torch.full((3, 64, 64), 0.4), tmp_path / 'flat.png')
    write_video(tmp_path / 'drv.mp4', bench['driving'], fps=25)
    r = talkhead('reenact', '--reference', str(tmp_path / 'flat.png'), '--driving', str(tmp_path / 'drv.mp4'), '--out', str(tmp_path / 'o.mp4'), '--fast', *SMALL)
    assert r.returncode == 1 and 'flat.png' in r.stderr and 'no face found in the reference' in r.stderr
    assert not (tmp_path / 'o.mp4').exists()
    r = talkhead('reenact', '--reference', str(tmp_path / 'nope.png'), '--driving', str(tmp_path / 'drv.mp4'), '--out', str(tmp_path / 'o.mp4'))
    assert r.returncode == 1 and 'nope.png' in r.stderr
    (tmp_path / 'broken.mp4').write_bytes(b'\x00' * 100)
    save_image(bench['reference'], tmp_path / 'ref.png')
    r = talkhead('reenact', '--reference', str(tmp_path / 'ref.png'), '--driving', str(tmp_path / 'broken.mp4'), '--out', str(tmp_path / 'o.mp4'), '--fast', *SMALL)
    assert r.returncode == 1 and 'broken.mp4' in r.stderr and not (tmp_path / 'o.mp4').exists()

def test_v2s_demo_outputs(tmp_path):
    files = v2s.v2s_demo(tmp_path, n_frames=8, cfg=v2s.V2SConfig(**TINY), log=lambda *a: None)
    rows = json.loads(files['metrics_json'].read_text())['rows']
    assert [r['method'] for r in rows] == [*v2s.METHODS, "ours (local_anchor='reference')"]
    assert all(np.isfinite(r['ΔK (1e-3)']) and np.isfinite(r['ID']) and np.isfinite(r['ID (synth)']) for r in rows)
    sbs, _ = read_video(files['side_by_side'])
    assert sbs.shape == (8, 3, 192, 576) and is_marked_synthetic(files['video'])


def test_v2s_benchmark_rows_and_bounds():
    "The benchmark's table shape on a 3-frame clip with minimal steps (one Eq. 10 reading): method rows, 3 bounds, an extra reference, both directions."
    assert len(list(v2s.table_variants())) == 12             # the full grid: both Eq. 10 readings × both Eq. 1 anchors
    cfg = v2s.V2SConfig.fast(ref_steps=10, pti_steps=5, embed_steps_first=5, embed_steps=2, pose_steps=2)
    r = v2s.v2s_benchmark(n_frames=3, cfg=cfg, residuals=('first',), extra_references=(7_000_006,), log=lambda *a: None)
    assert [(x.method, x.residual, x.anchor) for x in r.rows][:4] == [
        ('baseline', 'first', '—'), ('lf', '—', 'reference'), ('baseline+lf', 'first', 'reference'), ('ours', 'first', 'reference')]
    assert len(r.rows) == 7 and [b.method for b in r.bounds] == ['ground truth', 'placed reconstruction', 'static reference']
    assert [(x.method, x.anchor) for x in r.references] == [('baseline', '—'), ('ours', 'reference'), ('ours', 'first'),
                                                                    ('placed reconstruction', '—'), ('ground truth', '—')]
    for x in r.rows + r.bounds + r.references:
        for k in ('dK', 'ID', 'ID_synth', 'LP', 'pose', 'pose_gt', 'PSNR'):
            assert np.isfinite(getattr(x.f, k)) and np.isfinite(getattr(x.r, k)), (x.method, k)
    gt, placed, static = r.bounds
    assert gt.f.PSNR == 100. and placed.f.PSNR < 100.           # PSNR against the ground truth: capped where identical
    assert static.f.ID == 0 and static.f.ID_synth < 1e-5 and static.f.LP == 0   # the reference against itself
    assert gt.f.ID_synth < 0.5                                     # the pose-blind reading: GT is the reference's own identity
    assert gt.f.dK < static.f.dK and gt.f.pose < static.f.pose   # perfect motion follows the driver
    assert r.references[-1].f.ID_synth < 0.5 and r.references[-1].reference_seed == 7_000_006
    assert set(r.outputs) >= {('first', 'reference', 'ours', 'forward'), ('first', 'first', 'ours', 'reverse')}
    per_frame, smoothed = 'Eq. 7 per frame (pose_smooth=1)', 'driving W+ smoothed (k=5)'   # the temporal filter's controls
    assert [(x.control, x.method, x.anchor) for x in r.controls] == [
        (per_frame, 'ours', 'reference'), (per_frame, 'ours', 'first'), (smoothed, 'baseline', '—'), (smoothed, 'ours', 'reference'), (smoothed, 'ours', 'first')]
    assert all(np.isfinite(x.f.dK) and np.isfinite(x.r.pose) for x in r.controls)
    base = next(x for x in r.rows if x.method == 'baseline')
    assert r.controls[2].f.dK != base.f.dK                   # the smoothed embedding is a different run, not a copy
