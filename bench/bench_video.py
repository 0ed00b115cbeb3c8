"""Video read/write throughput: talkhead_nb's VideoReader/VideoWriter against raw imageio-ffmpeg, side by side.

The reference is the same ffmpeg binary driven directly (bytes in, bytes out, no tensors, no checks); the ratio is
the cost of our conversions, validation and provenance tagging.
"""
import tempfile, time
from pathlib import Path
import numpy as np, torch, imageio_ffmpeg
from talkhead_nb.video import VideoReader, write_video
from talkhead_nb.core import to_uint8

def main(n=200, size=256):
    tmp = Path(tempfile.mkdtemp())
    g = torch.Generator().manual_seed(0)
    base = torch.rand(3, size // 16, size // 16, generator=g)
    frames = [torch.roll(torch.nn.functional.interpolate(base[None], size=size, mode='bilinear')[0], t, 2) for t in range(n)]
    raw = [to_uint8(f).tobytes() for f in frames]
    t = time.perf_counter()
    w = imageio_ffmpeg.write_frames(str(tmp/'ref.mp4'), (size, size), fps=25, codec='libx264', quality=8, macro_block_size=1, ffmpeg_log_level='error')
    w.send(None)
    for b in raw: w.send(b)
    w.close(); t_ref_w = time.perf_counter() - t
    t = time.perf_counter(); write_video(tmp/'ours.mp4', frames, fps=25); t_our_w = time.perf_counter() - t
    t = time.perf_counter()
    gen = imageio_ffmpeg.read_frames(str(tmp/'ref.mp4')); next(gen); k = sum(1 for _ in gen); t_ref_r = time.perf_counter() - t
    t = time.perf_counter(); k2 = sum(1 for _ in VideoReader(tmp/'ours.mp4')); t_our_r = time.perf_counter() - t
    assert k == k2 == n
    print(f'{n} frames at {size}x{size}')
    print(f'write: reference imageio-ffmpeg {n/t_ref_w:7.1f} fps | talkhead_nb VideoWriter {n/t_our_w:7.1f} fps | ratio ours/ref time {t_our_w/t_ref_w:.2f}')
    print(f'read : reference imageio-ffmpeg {n/t_ref_r:7.1f} fps | talkhead_nb VideoReader {n/t_our_r:7.1f} fps | ratio ours/ref time {t_our_r/t_ref_r:.2f}')

if __name__ == '__main__': main()
