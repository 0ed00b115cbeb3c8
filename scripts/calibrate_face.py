"""Measure the dlib landmark model's pose and gaze calibration (`face.fit_frontal_calibration`, about half a minute of
CPU) and write calibration.json into --out (default runs/remeasure), or into data/face/ (the shipped file) with --ship.

The offsets make the real photos that ship with scikit-image and matplotlib (and their mirror images) read frontal;
frontal renders of the synthetic world, measured with the same dlib landmarks, are the cross-check. Before/after
numbers of both go into the file.

usage: python scripts/calibrate_face.py [--out DIR | --ship]"""
import argparse, json, platform, time, warnings
import numpy as np, torch
from talkhead_nb import face, synth
from talkhead_nb.core import write_target, atomic_path

N_FRONTAL = 16

def summary(rows):
    keys = ('yaw', 'pitch', 'roll', 'gaze_yaw', 'gaze_pitch')
    a = np.array([[r[k] for k in keys] for r in rows])
    return dict(keys=list(keys), mean=a.mean(0).round(2).tolist(), mean_abs=np.abs(a).mean(0).round(2).tolist(), n=len(a))

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default=None, help='folder for the result (default runs/remeasure)')
    ap.add_argument('--ship', action='store_true', help='write data/face/calibration.json (the shipped file) instead')
    a = ap.parse_args()
    warnings.filterwarnings('ignore')
    t0 = time.time()
    photos = face.real_photos()
    source = (f'frontal reading of {len(photos)} real photos (2 subjects and their mirror images: scikit-image astronaut, '
              'matplotlib grace_hopper) facing and looking at the camera; scripts/calibrate_face.py')
    cal = face.fit_frontal_calibration(photos, source=source)
    renders = synth.render([synth.PortraitParams(identity=synth.random_identity(9000 + i)) for i in range(N_FRONTAL)], 256)
    frontal = {f'render {i}': im for i, im in enumerate(renders.image)}
    rep = {w: {'photos': face.frontal_report(photos, calibration=c), 'frontal_renders': face.frontal_report(frontal, calibration=c)}
           for w, c in (('before', None), ('after', cal))}
    doc = {'models': {'dlib': {
        'offsets': {'pitch': round(cal.pitch, 3), 'gaze_yaw': round(cal.gaze_yaw, 3), 'gaze_pitch': round(cal.gaze_pitch, 3)},
        'source': source,
        'report': {'photos': {w: rep[w]['photos'] for w in rep},
                   'frontal_renders': {w: summary(rep[w]['frontal_renders']) for w in rep}}}},
        'machine': f'{platform.machine()} CPU, {torch.get_num_threads()} threads', 'wall_s': round(time.time() - t0, 1)}
    dst = write_target('face', 'calibration.json', ship=a.ship, out=a.out)
    with atomic_path(dst) as tmp: tmp.write_text(json.dumps(doc, indent=1))
    print('offsets', doc['models']['dlib']['offsets'])
    for w in rep:
        print(w, 'frontal renders', doc['models']['dlib']['report']['frontal_renders'][w])
        for r in rep[w]['photos']: print(w, r['image'], {k: round(v, 1) for k, v in r.items() if k != 'image'})
    print(f'wrote {dst} in {time.time() - t0:.0f} s')
