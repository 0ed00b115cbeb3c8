"""Face toolkit: bad input gives a clear error or flag, never a crash deep inside a library."""
import numpy as np, pytest, torch
from PIL import Image
from talkhead_nb.core import sample_image, ImageFormatError
from talkhead_nb.face import detect, landmarks68, ffhq_align, part_masks, head_pose

def test_huge_image_is_downscaled_and_mapped_back():
    small = (sample_image('astronaut').permute(1, 2, 0).numpy() * 255).round().astype(np.uint8)
    big = np.zeros((6000, 8000, 3), np.uint8)
    big[:, 1000:7000] = np.asarray(Image.fromarray(small).resize((6000, 6000), Image.BILINEAR))
    d, d0 = detect(big), detect(small)
    assert d is not None
    np.testing.assert_allclose((d.box - [1000, 0, 1000, 0]) * 512 / 6000, d0.box, atol=8)

@pytest.mark.parametrize('img,msg', [(np.zeros((16, 16, 3), np.uint8), 'too small'), (np.zeros((64, 64), np.uint8), 'image 0'),
                                     (np.zeros((64, 64, 4), np.uint8), 'image 0')])
def test_bad_images(img, msg):
    with pytest.raises(ImageFormatError, match=msg): detect(img)

def test_no_face_is_a_flag_not_a_crash():
    assert detect([torch.full((3, 128, 128), 0.3), torch.rand(3, 96, 96)]) == [None, None]

def test_bad_landmarks():
    with pytest.raises(ValueError, match=r'\[68,2\] or \[5,2\]'): ffhq_align(sample_image('astronaut'), np.zeros((12, 2)))
    with pytest.raises(ValueError, match='68,2'): part_masks(np.zeros((5, 2)), 64)
    with pytest.raises(ValueError, match='finite'): head_pose(np.full((68, 2), np.nan), 256)
    with pytest.raises(ValueError, match='empty'): landmarks68(sample_image('astronaut'), (10, 10, 5, 5))


# ---- parser, embedders, tracking ------------------------------------------------------------------------------------
from talkhead_nb import zoo
from talkhead_nb.core import CheckpointError
from talkhead_nb.face import (FaceParser, BiSeNet, FacenetEmbedder, DlibEmbedder, NoFaceFound, track_video, expression,
                              OneEuro, frontalize, Track)
from talkhead_nb.synth import render, talking_sequence, random_identity, render_video

def test_face_parser_missing_weights_names_the_file():
    with pytest.raises(zoo.WeightsNotFound, match='79999_iter.pth'): FaceParser.from_pretrained()

def test_face_parser_rejects_other_checkpoints(tmp_path):
    p = tmp_path / 'resnet.pth'
    torch.save({'conv1.weight': torch.zeros(64, 3, 7, 7)}, p)
    with pytest.raises(CheckpointError, match='resnet.pth'): FaceParser.from_pretrained(p)
    (tmp_path / 'trunc.pth').write_bytes(b'PK\x03\x04trunc')
    with pytest.raises(CheckpointError, match='trunc.pth'): FaceParser.from_pretrained(tmp_path / 'trunc.pth')

def test_facenet_missing_weights_names_the_file():
    with pytest.raises(zoo.WeightsNotFound, match='20180402-114759-vggface2.pt'): FacenetEmbedder()

def test_embedder_no_face_names_the_image():
    with pytest.raises(NoFaceFound, match='blank.png'): DlibEmbedder()([torch.full((3, 128, 128), 0.4)], names=['blank.png'])

def test_unknown_landmark_model():
    with pytest.raises(ValueError, match="'dlib', 'synth'"): landmarks68(sample_image('astronaut'), (180, 60, 270, 170), model='hog')

@pytest.fixture(scope='module')
def talking(tmp_path_factory):
    seq = talking_sequence(random_identity(3), 20, seed=3)
    p = tmp_path_factory.mktemp('vid') / 'talk.mp4'
    render_video(seq, p, size=256)
    return p, render(seq, 256)

def test_track_video_file_end_to_end(talking):
    path, truth = talking
    tr = track_video(path, model='synth', smoothing=(1.0, 0.05))
    assert len(tr) == 20 and tr.missing == [] and tr.fps == 25
    m = tr.as_metrics()
    assert m['R'].shape == (20, 3, 3) and m['gaze'].shape == (20, 2) and m['expression'].shape[0] == 20
    from talkhead_nb.metrics import pose_distance
    assert pose_distance(m['R'].float(), truth.R.float()).median() < 6

def test_track_video_flags_and_strict_mode():
    frames = render(talking_sequence(random_identity(4), 6, seed=4), 128).image
    frames[2] = 0.
    tr = track_video(frames, model='synth')
    assert tr.missing == [2] and np.isnan(tr.angles[2]).all() and np.isfinite(tr.angles[3]).all()
    with pytest.raises(NoFaceFound, match=r'frames \[2\]'): track_video(frames, model='synth', require_all=True)
    with pytest.raises(NoFaceFound, match=r'\[2\]'): tr.as_metrics()

def test_track_video_bad_inputs(tmp_path):
    bad = tmp_path / 'broken.mp4'
    bad.write_bytes(b'\x00\x00\x00\x18ftypmp42' + b'\x00' * 100)
    with pytest.raises(Exception, match='broken.mp4'): track_video(bad)
    with pytest.raises(ValueError, match=r'\[T,3,H,W\]'): track_video(torch.rand(3, 64, 64))
    with pytest.raises(ValueError, match='no frames'): track_video([])
    with pytest.raises(ImageFormatError, match='frame 0'): track_video([np.zeros((64, 64, 4), np.uint8)])

def test_one_euro_reduces_jitter_without_lag_at_rest():
    rng = np.random.default_rng(0)
    x = np.zeros((100, 2)) + rng.normal(0, 1, (100, 2))
    f = OneEuro(25, 1.0, 0.0)
    y = np.stack([f(v) for v in x])
    assert np.abs(np.diff(y[20:], axis=0)).mean() < 0.3 * np.abs(np.diff(x[20:], axis=0)).mean()
    step = np.r_[np.zeros(30), np.full(30, 50.)][:, None]
    f = OneEuro(25, 1.0, 0.5)
    ys = np.stack([f(v) for v in step])
    assert ys[40, 0] > 45   # a fast move is followed within ~10 frames

def test_train_synth_landmarker_small_run_and_resume(tmp_path, monkeypatch):
    "The training behind the shipped predictor, tiny: it writes a loadable (xz) model and reuses its cached renders."
    import lzma, dlib
    from talkhead_nb import face
    from talkhead_nb.synth import random_params
    out = tmp_path / 'lm.dat.xz'
    info = face.train_synth_landmarker(out, n=40, size=128, trees=4, cascades=2, depth=3, oversampling=2)
    assert info['faces'] >= 30 and out.exists()
    raw = tmp_path / 'lm.dat'; raw.write_bytes(lzma.decompress(out.read_bytes()))
    sp = dlib.shape_predictor(str(raw))
    im = render([random_params(999)], 128)
    pts = sp((im.image[0].permute(1, 2, 0).numpy() * 255).astype(np.uint8), dlib.rectangle(20, 20, 108, 108))
    assert pts.num_parts == 68
    chunks = sorted((tmp_path / 'lm.chunks').iterdir())
    stamps = [c.stat().st_mtime_ns for c in chunks]
    calls = []
    monkeypatch.setattr('talkhead_nb.face.render', lambda *a, **k: calls.append(1))   # a resumed run must not render again
    face.train_synth_landmarker(out, n=40, size=128, trees=4, cascades=2, depth=3, oversampling=2)
    assert calls == [] and [c.stat().st_mtime_ns for c in chunks] == stamps

def test_fit_expression_basis_and_roundtrip(tmp_path):
    "The fitting behind the shipped expression basis, on a small corpus: orthonormal components, sorted scales, save/load."
    from talkhead_nb.face import fit_expression_basis, save_expression_basis, expression_basis, frontalize, head_pose
    from talkhead_nb.synth import random_params
    r = render([random_params(i, max_yaw=30) for i in range(24)], 128)
    Fr = np.stack([frontalize(l.numpy(), head_pose(l.numpy(), 128), 128) for l in r.landmarks])
    B = fit_expression_basis(Fr, k=6)
    torch.testing.assert_close(B.components.double() @ B.components.double().T, torch.eye(6, dtype=torch.float64), atol=1e-5, rtol=0)
    assert (B.scales[:-1] >= B.scales[1:]).all()
    B2 = expression_basis(save_expression_basis(B, tmp_path / 'b.safetensors'))
    assert torch.equal(B2.components, B.components)
    with pytest.raises(ValueError, match='more than k'): fit_expression_basis(Fr[:5], k=6)
