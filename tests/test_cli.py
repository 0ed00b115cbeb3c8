import json, os, subprocess, sys
from pathlib import Path
import pytest
from conftest import BIN, ROOT

def talkhead(*args, cwd=None):
    return subprocess.run([str(BIN/'talkhead'), *args], capture_output=True, text=True, cwd=cwd, timeout=900)

def test_info_text_and_json():
    r = talkhead('info')
    assert r.returncode == 0, r.stderr
    assert 'talkhead_nb' in r.stdout and 'offline fallbacks active' in r.stdout and 'stylegan3-r-ffhq-1024' in r.stdout
    r = talkhead('info', '--json')
    d = json.loads(r.stdout)
    assert d['device'] in ('cpu', 'cuda') and set(d['weights']) and isinstance(d['fallbacks'], list)
    # no LPIPS backbone in the empty cache: the fallback must be announced, never silent
    assert any('LPIPS' in f and 'NOT comparable' in f for f in d['fallbacks'])

from talkhead_nb.video import read_video, is_marked_synthetic
from talkhead_nb.dnp.data import TINY_DATA

def test_demo_writes_outputs(tmp_path):
    r = talkhead('demo', '--out', str(tmp_path/'outputs'), '--size', '128', '--v2s-frames', '0')   # V2S part: test_v2s.py
    assert r.returncode == 0, r.stderr
    out = tmp_path/'outputs'/'demo'
    assert {p.name for p in out.iterdir()} == {'info.json', 'faces.png', 'faces.mp4', 'synth.mp4', 'synth_truth.png', 'dnp_reenact.mp4', 'dnp_reenact.png', 'vqe_edit.mp4', 'vqe_edit.png', 'lsr_reenact.mp4', 'lsr_reenact.png'}
    v, fps = read_video(out/'faces.mp4')
    assert v.shape[1:] == (3, 128, 128) and v.shape[0] == 50 and is_marked_synthetic(out/'faces.mp4')
    assert json.loads((out/'info.json').read_text())['talkhead_nb']
    d, _ = read_video(out/'dnp_reenact.mp4')
    s = TINY_DATA['size']   # the shipped portrait's resolution: driver | portrait
    assert d.shape == (50, 3, s, 2 * s) and is_marked_synthetic(out/'dnp_reenact.mp4')
    q, _ = read_video(out/'vqe_edit.mp4')      # truth | render | edit of the shipped VQE model's 48 held-out frames
    assert q.shape == (48, 3, 64, 192) and is_marked_synthetic(out/'vqe_edit.mp4')
    l, _ = read_video(out/'lsr_reenact.mp4')   # driver | absolute | relative, the shipped tiny LSR model, 24 views
    assert l.shape == (24, 3, 64, 192) and is_marked_synthetic(out/'lsr_reenact.mp4')

def test_bad_arguments():
    r = talkhead('demo', '--size', '63')           # a value the command checks: one line, exit 1, as every command's checks
    assert r.returncode == 1 and 'even' in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = talkhead()
    assert r.returncode == 2 and 'usage' in r.stderr
    r = talkhead('frobnicate')
    assert r.returncode == 2 and 'invalid choice' in r.stderr
    r = talkhead('--version')
    assert r.returncode == 0 and 'talkhead_nb' in r.stdout
