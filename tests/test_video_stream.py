"""Large videos stream: a 4K clip is tracked (and made into a portrait) one frame at a time; holding a clip that would
not fit is refused before decoding, with how much it needs and how to downscale."""
import pytest
import torch
import torch.nn.functional as F
from talkhead_nb import video as V
from talkhead_nb.core import sample_image

@pytest.fixture(scope='module')
def clip4k(tmp_path_factory):
    "Two 3840×2160 frames with a real face (the astronaut) that moves."
    face = F.interpolate(sample_image('astronaut')[None], size=(1536, 1536), mode='bilinear', align_corners=False)[0]
    frames = []
    for k in range(2):
        f = torch.full((3, 2160, 3840), 0.2); x0 = 1000 + 120 * k
        f[:, 300:1836, x0:x0 + 1536] = face; frames.append(f)
    return V.write_video(tmp_path_factory.mktemp('4k') / 'clip4k.mp4', frames, fps=25)

def test_4k_clip_is_tracked_by_streaming(clip4k, monkeypatch):
    "Tracked (`face.track_video`, inside `PortraitVideo.from_video`) without ever holding the clip: read_video is never called."
    from talkhead_nb import dnp
    monkeypatch.setattr(V, 'read_video', lambda *a, **k: pytest.fail('PortraitVideo.from_video must stream, not read the clip whole'))
    pv = dnp.PortraitVideo.from_video(clip4k, size=64, n_test=1)
    assert len(pv) == 2 and pv.images(slice(None)).shape == (2, 3, 64, 64)
    assert abs(pv.pose[1, 3] - pv.pose[0, 3]) > 0.01                          # t_x follows the face's 120-px move

def test_read_video_refuses_a_clip_that_does_not_fit(clip4k, monkeypatch):
    monkeypatch.setattr(V, 'available_memory', lambda: 200 << 20)          # 200 MB free: two 4K float frames need 190 MB
    with pytest.raises(V.VideoReadError, match=r'clip4k.mp4: holding its 2 frames of 3840x2160 needs 0.2 GB.*downscale'):
        V.read_video(clip4k)
    x, fps = V.read_video(clip4k, max_frames=1)                             # what fits is read
    assert x.shape == (1, 3, 2160, 3840) and fps == 25
