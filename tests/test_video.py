import subprocess, sys
import numpy as np, pytest, torch
from talkhead_nb.video import VideoReader, VideoReadError, VideoWriter, read_video, write_video, is_marked_synthetic, video_metadata
from talkhead_nb.core import ImageFormatError

def frames(n=40, h=72, w=96, seed=0):
    g = torch.Generator().manual_seed(seed)
    base = torch.rand(3, h // 8, w // 8, generator=g)
    out = []
    for t in range(n):  # smooth, moving content (compresses like video, not like noise)
        f = torch.nn.functional.interpolate(base[None], size=(h, w), mode='bilinear', align_corners=False)[0]
        out.append(torch.roll(f, shifts=t, dims=2))
    return out

def test_round_trip(tmp_path):
    fr = frames()
    p = write_video(tmp_path/'a.mp4', fr, fps=30)
    r = VideoReader(p)
    assert (r.fps, r.size, len(r)) == (30.0, (96, 72), 40)
    back = list(r)
    assert len(back) == 40 and back[0].shape == (3, 72, 96) and back[0].dtype == torch.float32
    psnr = [10 * torch.log10(1 / ((a - b) ** 2).mean()).item() for a, b in zip(fr, back)]
    assert min(psnr) > 27, psnr  # H.264 + 4:2:0 chroma on random colour blobs
    assert is_marked_synthetic(p)
    md = video_metadata(p)
    assert 'talkhead_nb' in md['comment'] and 'talkhead_nb' in md['description']
    v, fps = read_video(p, max_frames=7)
    assert v.shape == (7, 3, 72, 96) and fps == 30.0

def test_visible_mark_changes_corner_only(tmp_path):
    fr = frames(4)
    a, _ = read_video(write_video(tmp_path/'plain.mp4', fr))
    b, _ = read_video(write_video(tmp_path/'marked.mp4', fr, mark=True))
    diff = (a - b).abs().mean(0).mean(0)  # [H, W]
    assert diff[-12:, -60:].mean() > 0.1 and diff[:40, :40].mean() < 0.01

@pytest.mark.parametrize('frac', [0.3, 0.7])
def test_truncated_video_names_file_and_last_good_frame(tmp_path, frac):
    p = write_video(tmp_path/'full.mp4', frames(60), fps=25)
    data = p.read_bytes()
    cut = tmp_path/'cut.mp4'; cut.write_bytes(data[:int(len(data) * frac)])
    got = []
    with pytest.raises(VideoReadError) as e:
        for f in VideoReader(cut): got.append(f)
    msg = str(e.value)
    # a cut through the frame index fails at open; a later cut fails after the last decodable frame
    assert str(cut) in msg and f"last good frame: {len(got) - 1 if got else 'none'}" in msg
    assert len(got) < 60 and (not got or 'of 60 frames' in msg)

def test_corrupt_and_missing(tmp_path):
    junk = tmp_path/'junk.mp4'; junk.write_bytes(b'\x00\x01' * 3000)
    with pytest.raises(VideoReadError, match='junk.mp4: cannot open video'): VideoReader(junk)
    with pytest.raises(FileNotFoundError, match='nope.mp4'): VideoReader(tmp_path/'nope.mp4')
    txt = tmp_path/'notes.txt'; txt.write_text('hi')
    with pytest.raises(VideoReadError, match='unsupported extension'): VideoReader(txt)
    (tmp_path/'empty').mkdir()
    with pytest.raises(VideoReadError, match='holds no images'): VideoReader(tmp_path/'empty')

def test_streaming_does_not_hold_frames(tmp_path):
    "Iterating a long video keeps at most a few frames alive at once."
    import gc, weakref
    p = write_video(tmp_path/'long.mp4', frames(60, 64, 64), fps=25)
    alive, refs = 0, []
    for f in VideoReader(p):
        refs.append(weakref.ref(f)); del f; gc.collect()
        alive = max(alive, sum(r() is not None for r in refs))
    assert len(refs) == 60 and alive <= 2

def test_writer_is_atomic_on_error(tmp_path):
    dst = tmp_path/'out.mp4'
    write_video(dst, frames(5))
    before = dst.read_bytes()
    with pytest.raises(ImageFormatError, match='frame 2'):
        with VideoWriter(dst) as w:
            for f in frames(2) + [torch.full((3, 72, 96), float('nan'))]: w.write(f)
    assert dst.read_bytes() == before  # the old file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ['out.mp4']

def test_gif_and_avi(tmp_path):
    import imageio.v3 as iio
    from talkhead_nb.core import to_uint8
    fr = frames(6)
    iio.imwrite(tmp_path/'a.gif', np.stack([to_uint8(f) for f in fr]), duration=40, loop=0)
    v, _ = read_video(tmp_path/'a.gif')
    assert v.shape == (6, 3, 72, 96)
    import imageio_ffmpeg
    w = imageio_ffmpeg.write_frames(str(tmp_path/'a.avi'), (96, 72), fps=10, codec='mjpeg', pix_fmt_out='yuvj420p', quality=10, macro_block_size=8)
    w.send(None)
    for f in fr: w.send(to_uint8(f).tobytes())
    w.close()
    v, fps = read_video(tmp_path/'a.avi')
    assert v.shape == (6, 3, 72, 96) and fps == 10
