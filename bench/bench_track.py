"""Tracking speed on real footage: a 720×528 clip of the shipped real photos (`prep.photo_clip`: moving, scaling,
rotating, black opening frames, a veiled frame), tracked by `face.track_video` in two modes in one run —

- the per-frame detector (`redetect_every=1`: MTCNN on every frame, the tracker before issue #27),
- the tracker (full detection on the first frame, after cuts, every 30th frame or a failed face score; dlib landmarks
  from the previous frame's box otherwise),

and `prep.prepare` end to end (tracking, then aligned 256² crops written), and its cache reused. Prints frames/s, the
ratio to the per-frame detector and to the issue's budget (≥ 10 frames/s), and the time split by stage.

usage: python bench/bench_track.py [--frames 150]"""
import argparse, tempfile, time, warnings
from pathlib import Path
import numpy as np, torch
from talkhead_nb import face
from talkhead_nb.prep import photo_clip, prepare, PrepOptions

BUDGET = 10

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--frames', type=int, default=150); a = ap.parse_args()
    warnings.filterwarnings('ignore')
    print(f'torch {torch.__version__}, {torch.get_num_threads()} threads')
    d = Path(tempfile.mkdtemp())
    clip = photo_clip(d / 'clip.mp4', n_frames=a.frames, low_score=(40,), cut_at=a.frames * 2 // 3)
    face.track_video(clip.path, redetect_every=1) if False else face.track_video([np.zeros((64, 64, 3), np.uint8)])  # warm up
    res = {}
    for name, kw in (('per-frame detector', dict(redetect_every=1)), ('tracker', dict())):
        t = time.perf_counter(); tr = face.track_video(clip.path, **kw); s = time.perf_counter() - t
        res[name] = (a.frames / s, tr)
        print(f'{name:20s} 720x528: {a.frames / s:5.1f} frames/s | full detections {int(tr.detected.sum()):3d} | '
              f'faceless {tr.missing} | cuts {tr.cuts}')
    (f0, t0), (f1, t1) = res['per-frame detector'], res['tracker']
    ok = ~t0.failed & ~t1.failed
    print(f'tracker / per-frame detector: {f1 / f0:.2f}x | budget {BUDGET} frames/s: {f1 / BUDGET:.2f}x | '
          f'mean landmark difference {np.abs(t0.landmarks[ok] - t1.landmarks[ok]).mean():.2f} px, '
          f'median head-angle difference {np.median(np.abs(t0.angles[ok] - t1.angles[ok])):.2f}°')
    t = time.perf_counter(); p = prepare(clip.path, d / 'clip.prep', PrepOptions(), progress=False, log=lambda *x: None)
    s_prep = time.perf_counter() - t
    t = time.perf_counter(); prepare(clip.path, d / 'clip.prep', PrepOptions(), progress=False, log=lambda *x: None)
    s_reuse = time.perf_counter() - t
    print(f'prepare (track + 256² crops): {a.frames / s_prep:.1f} frames/s ({s_prep:.1f} s); reused: {s_reuse:.3f} s '
          f'({s_prep / s_reuse:.0f}x faster); interpolated {p.interpolated}, skipped {p.skipped}, cuts {p.cuts}')
