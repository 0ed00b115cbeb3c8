"""Face tracking speed: `face.track_video` on a 256² synthetic talking-head video, frames/s against the issue's budget
(≥ 10 frames/s on this CPU), with the time split by stage. Prints the ratio to the budget."""
import time, warnings, torch
import numpy as np
from talkhead_nb import face
from talkhead_nb.synth import render, talking_sequence, random_identity

BUDGET = 10

def stage_times(frames, model):
    t = dict(detect=0., landmarks=0., pose=0., gaze=0., expression=0.)
    for im in frames:
        t0 = time.perf_counter(); d = face.detect(im)
        t1 = time.perf_counter(); lm = face.landmarks68(im, d.box, model=model)
        t2 = time.perf_counter(); hp = face.head_pose(lm, 256)
        t3 = time.perf_counter(); face.gaze(im, lm, pose=hp)
        t4 = time.perf_counter(); face.expression(lm, hp, 256)
        t5 = time.perf_counter()
        for k, a, b in zip(t, (t0, t1, t2, t3, t4), (t1, t2, t3, t4, t5)): t[k] += b - a
    return {k: 1000 * v / len(frames) for k, v in t.items()}

if __name__ == '__main__':
    warnings.filterwarnings('ignore')
    print(f'torch {torch.__version__}, {torch.get_num_threads()} threads')
    frames = render(talking_sequence(random_identity(1), 50, seed=1), 256).image
    face.track_video(frames[:3], model='synth')                       # warm up (loads MTCNN, dlib, basis)
    for model in ('synth', 'dlib'):
        t = time.perf_counter(); tr = face.track_video(frames, model=model, smoothing=(1.0, 0.05))
        fps = len(frames) / (time.perf_counter() - t)
        print(f'track_video 256², model={model}: {fps:5.1f} frames/s | budget {BUDGET} | ratio {fps / BUDGET:.2f}x | missing {tr.missing}')
    print('per-frame ms by stage (synth):', {k: round(v, 1) for k, v in stage_times(frames[:20], 'synth').items()})
