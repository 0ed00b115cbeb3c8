"""Synthetic portrait world: the acceptance checks that are too slow for the notebook, bytes-level determinism across
processes, bad input, atomic video output and the dataset cache."""
import hashlib, subprocess, sys
import numpy as np, pytest, torch
import talkhead_nb  # torchvision compatibility hook before facenet_pytorch
from talkhead_nb.core import to_uint8
from talkhead_nb.synth import render, random_params, render_video, SequenceDataset, PortraitParams, talking_sequence, random_identity
from conftest import ROOT, BIN

def test_mtcnn_finds_faces_in_random_renders():
    "facenet-pytorch MTCNN (shipped weights) finds a face in ≥ 90% of 200 random 256² renders with |yaw| < 30°."
    from facenet_pytorch import MTCNN
    m = MTCNN(keep_all=True, device='cpu')
    found = 0
    for b in range(0, 200, 25):
        r = render([random_params(1000 + i, max_yaw=30) for i in range(b, b + 25)], 256)
        assert r.angles[:, 0].abs().max() < 30
        boxes, _ = m.detect(list(to_uint8(r.image)))
        found += sum(bx is not None for bx in boxes)
    print(f'MTCNN detected {found}/200')
    assert found >= 180, f'MTCNN found faces in only {found}/200 renders'

_SNIPPET = ("import hashlib; from talkhead_nb.synth import render, random_params; "
            "r = render([random_params(i) for i in range(4)], 96); "
            "print(hashlib.sha256(r.image.numpy().tobytes() + r.parts.numpy().tobytes() + r.landmarks.numpy().tobytes()).hexdigest())")

def test_bit_identical_across_processes():
    outs = [subprocess.run([str(BIN / 'python'), '-c', _SNIPPET], capture_output=True, text=True, check=True).stdout.strip() for _ in range(2)]
    assert outs[0] == outs[1] and len(outs[0]) == 64

@pytest.mark.parametrize('bad,msg', [(dict(size=16), '32..1024'), (dict(size=2048), '32..1024'), (dict(size=128.0), '32..1024')])
def test_bad_sizes(bad, msg):
    with pytest.raises(ValueError, match=msg): render(random_params(0), **bad)

def test_bad_params_name_the_field():
    p = random_params(0)
    with pytest.raises(ValueError, match=r'params\[0\]\.pose\.scale'): render(p.replace(scale=0.), 64)
    with pytest.raises(ValueError, match=r'params\[0\]\.gaze\.pitch'): render(p.replace(gaze=type(p.gaze)(0., float('inf'))), 64)
    with pytest.raises(ValueError, match='hair_style'): render(p.replace(hair_style=7), 64)

def test_render_video_is_atomic(tmp_path):
    seq = talking_sequence(random_identity(1), 20, seed=0)
    bad = seq[:10] + [seq[10].replace(jaw_open=2.)] + seq[11:]
    out = tmp_path / 'talk.mp4'
    with pytest.raises(ValueError, match='jaw_open'): render_video(bad, out, size=64, batch_size=4)
    assert not out.exists() and list(tmp_path.iterdir()) == []
    render_video(seq, out, size=64, batch_size=4)
    from talkhead_nb.video import read_video
    frames, fps = read_video(out)
    assert frames.shape == (20, 3, 64, 64) and fps == 25

def test_dataset_cache_survives_damage_and_config_change(tmp_path):
    ds = SequenceDataset(2, n_frames=10, size=48, cache_dir=tmp_path)
    a = ds[3]['image']
    f = tmp_path / 'frame000003.safetensors'
    f.write_bytes(f.read_bytes()[:100])                # truncated, as by a crash mid-copy
    assert torch.equal(SequenceDataset(2, n_frames=10, size=48, cache_dir=tmp_path)[3]['image'], a)
    other = SequenceDataset(2, n_frames=10, size=64, cache_dir=tmp_path)[3]['image']   # same key, another size
    assert other.shape == (3, 64, 64)
