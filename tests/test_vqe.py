"""VQ-StyleGAN editing end to end on the shipped tiny model: it loads, renders deterministically, re-encodes a frame
into the same code space, survives an edit round trip through palette PNGs, and refuses bad inputs (another K, a code
outside the codebook, an empty region, a wrong frame size)."""
import numpy as np
import pytest
import torch
from talkhead_nb.core import data_path, load_checkpoint, CheckpointError
from talkhead_nb.vqe.masks import CodeMasks, face_region
from talkhead_nb.vqe.train import VQE, subject_video, load_stage1
from talkhead_nb.vqe.edit import edit_report

TINY = data_path('vqe', 'tiny')                   # shipped: a missing model is a failure, not a skip

@pytest.fixture(scope='module')
def shipped():
    vq = VQE.load(TINY)
    codes = CodeMasks(load_checkpoint(TINY / 'codes.safetensors', cls='vqe-codes')[0]['codes'].long(), vq.cfg.K)
    return vq, codes

def test_shipped_sizes_are_small():
    sizes = {f.name: f.stat().st_size for f in TINY.iterdir()}   # the model, its masks and two ablation generators
    assert max(sizes.values()) < 3e6 and sum(sizes.values()) < 12e6, sizes
    assert {'generator_codes_w1.safetensors', 'generator_parts_w3.safetensors'} <= set(sizes)

def test_render_is_deterministic_and_windowed(shipped):
    vq, codes = shipped
    a = vq.render(codes, [10, 11, 12]); b = vq.render(codes, [11])
    assert a.shape == (3, 3, 64, 64) and torch.allclose(a[1], b[0], atol=1e-5)   # batching changes rounding only
    ed = codes.copy().paint(11, torch.ones(codes.size, dtype=torch.bool), 0)
    after = vq.render(ed, [9, 10, 11, 12, 13])
    before = vq.render(codes, [9, 10, 11, 12, 13])
    changed = [(x - y).abs().max().item() > 1e-4 for x, y in zip(after, before)]
    assert changed == [False, True, True, True, False]          # frames 10-12 see frame 11 in their window

def test_encode_a_frame_again(shipped):
    vq, codes = shipped
    vid = subject_video(11, n_frames=250, size=64, n_test=50)
    again = vq.encode(vid['frames'][198:200], steps_first=10, steps=10)
    agree = (again.codes == codes.codes[198:200]).float().mean().item()
    assert again.K == codes.K and agree > 0.5, agree             # the same frames land on mostly the same codes

def test_png_edit_round_trip(shipped, tmp_path):
    vq, codes = shipped
    sub = CodeMasks(codes.codes[:3].clone(), codes.K)
    sub.to_png(tmp_path)
    back = CodeMasks.from_png(tmp_path)
    assert torch.equal(back.codes, sub.codes)
    rep = edit_report(vq, sub, back.copy().paint(1, torch.eye(*sub.size, dtype=torch.bool), 0))
    assert rep.frames == [0, 1, 2] and np.all(rep.share <= 1)

def test_bad_inputs(shipped):
    vq, codes = shipped
    with pytest.raises(ValueError, match='K=5'): vq.render(CodeMasks(codes.codes[:2] % 5, 5))
    full = torch.ones(codes.size, dtype=torch.bool)
    with pytest.raises(ValueError, match=f'0..{codes.K - 1}'): codes.copy().paint(0, full, codes.K)
    with pytest.raises(ValueError, match='empty at frame 0'): codes.copy().paint(0, ~full, 0)
    with pytest.raises(ValueError, match='64x64'): vq.encode(torch.rand(2, 3, 32, 32))
    with pytest.raises(FileNotFoundError, match='fit_stage1'): load_stage1(TINY.parent)

def test_edit_command_refuses_bad_input(tmp_path):
    """talkhead vqe-edit on the shipped model: a range or donor outside the video and an unknown op are refused before
    any work, each in one line that names the problem (a successful edit runs end to end in 65_vqe_commands)."""
    import subprocess
    from conftest import BIN
    from talkhead_nb.synth import talking_sequence, random_identity, render_video
    clip = render_video(talking_sequence(random_identity(11), 6, seed=5), tmp_path / 'me.mp4', size=64)
    run = lambda *a: subprocess.run([str(BIN / 'talkhead'), 'vqe-edit', str(TINY), '--video', str(clip), *a,
                                     '--out', str(tmp_path / 'x.mp4')], capture_output=True, text=True, timeout=600)
    r = run('--frames', '3:9', '--op', 'teeth-off')
    assert r.returncode == 1 and 'outside the video' in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run('--frames', '0:2', '--op', 'blur')
    assert r.returncode == 1 and 'eyes-from:N' in r.stderr
    r = run('--frames', '0:2', '--op', 'eyes-from:50')
    assert r.returncode == 1 and 'frame 50 is outside' in r.stderr
    r = run('--frames', '0:2', '--op', 'gaze:1,0', '--proj-steps', '0')
    assert r.returncode == 1 and 'proj-steps' in r.stderr
    assert not (tmp_path / 'x.mp4').exists()
