"""Your own footage, end to end (issue #27): a clip made from the shipped real photos (moving, scaling, rotating, two
black opening frames, one veiled frame) goes through the README's first real-footage example exactly as typed —
`talkhead prep`, `reenact --fast --paste-back`, `dnp-train --tiny`, `dnp-reenact --paste-back` — with only the step
counts cut for CI; faceless frames are reported by their ffmpeg numbers; the prepared folder is reused without
tracking again; an interrupted portrait can be exported."""
import json, shlex, time
from pathlib import Path
import pytest
from PIL import Image
from conftest import ROOT
from talkhead_nb.cli import main
from talkhead_nb.prep import photo_clip, load_prepared
from talkhead_nb.face import real_photos
from talkhead_nb.video import VideoReader, is_marked_synthetic, ffmpeg_frame_count

FAST = {'reenact': ['--ref-steps', '5', '--pti-steps', '2', '--embed-steps', '1', '--pose-steps', '1'],
        'dnp-train': ['--steps', '3']}

@pytest.fixture(scope='module')
def footage(tmp_path_factory):
    d = tmp_path_factory.mktemp('footage')
    clip = photo_clip(d / 'my_clip.mp4', n_frames=14, black=2, low_score=(7,), fps=30.)   # not 25: rates must follow
    Image.fromarray(real_photos(False)['grace_hopper']).save(d / 'my_photo.jpg')
    return d, clip

def readme_commands() -> list[list[str]]:
    "The command lines of the README's first real-footage example (comments dropped)."
    text = (ROOT / 'README.md').read_text()
    sec = text[text.index('## Your own footage'):]
    a = sec.index('```sh') + len('```sh')
    return [shlex.split(line.split('#')[0]) for line in sec[a:sec.index('```', a)].strip().splitlines()]

def test_readme_real_footage_example_works_as_written(footage, monkeypatch, capsys):
    d, clip = footage
    monkeypatch.chdir(d)
    cmds = readme_commands()
    assert [c[:2] for c in cmds] == [['talkhead', 'prep'], ['talkhead', 'reenact'], ['talkhead', 'dnp-train'],
                                     ['talkhead', 'dnp-reenact']]
    out, secs = '', {}
    for c in cmds:
        t = time.time(); rc = main(c[1:] + FAST.get(c[1], [])); secs.setdefault(c[1], time.time() - t)
        cap = capsys.readouterr(); out += cap.out
        assert rc == 0, f'{c}: {cap.err}'
    # prep: the faceless frames, by their ffmpeg numbers
    assert 'interpolated (short gaps): frames [7]' in out and 'skipped (no face, long gaps or clip ends): frames [0, 1]' in out
    rep = json.loads((d / 'my_clip.prep' / 'report.json').read_text())
    assert (rep['skipped'], rep['interpolated'], rep['landmarks']) == ([0, 1], [7], 'dlib')
    # the prepared folder is reused: the same command again tracks nothing
    t = time.time(); assert main(cmds[0][1:]) == 0; again = time.time() - t
    assert 'reusing it' in capsys.readouterr().out and again < 0.2 * secs['prep'], (secs['prep'], again)
    # reenact: pasted into the photo, at the clip's frame rate, one frame per kept frame, marked, diagnostics saved
    r = VideoReader(d / 'me.mp4')
    assert (r.size, len(r), r.fps) == ((512, 600), 12, 30.0) and is_marked_synthetic(d / 'me.mp4')
    diag = json.loads((d / 'me.diagnostics.json').read_text())
    assert diag['driving']['skipped_by_prep'] == [0, 1] and diag['driving']['interpolated_by_prep'] == [7]
    assert [f['frame'] for f in diag['frames']] == list(range(2, 14)) and diag['skipped'] == []
    assert diag['reference']['landmarks'] == 'dlib' and 0 < diag['reference']['reconstruction_psnr'] < 40
    assert all('embed_loss' in f and 'pose_error' in f for f in diag['frames'])
    assert 'WARNING' in out and 'FFHQ' in out                   # a real face through the synthetic-world generator
    # dnp: a portrait from the prepared folder, driven and pasted back into the clip's own 720x528 frames
    assert (d / 'runs' / 'me' / 'portrait.safetensors').exists()
    r2 = VideoReader(d / 'me_driven.mp4')
    assert (r2.size, len(r2), r2.fps) == ((720, 528), 14, 30.0) and is_marked_synthetic(d / 'me_driven.mp4')
    # every clip here: the reader's len(), the frames it yields and ffmpeg's own count agree
    for f in ('my_clip.mp4', 'me.mp4', 'me_driven.mp4', 'my_clip.prep/aligned.mp4'):
        n = len(VideoReader(d / f))
        assert n == sum(1 for _ in VideoReader(d / f)) == ffmpeg_frame_count(d / f), f

def test_on_missing_fail_names_the_frames(footage, capsys):
    d, clip = footage
    assert main(['prep', str(clip.path), '--out', str(d / 'strict.prep'), '--on-missing', 'fail', '--quiet']) == 1
    err = capsys.readouterr().err
    assert 'my_clip.mp4' in err and 'frames [0, 1, 7]' in err and not (d / 'strict.prep' / 'track.safetensors').exists()

def test_raw_clip_trains_and_an_interrupted_run_exports(footage, capsys):
    d, clip = footage
    run = d / 'runs' / 'raw'
    assert main(['dnp-train', str(clip.path), '--tiny', '--steps', '2', '--out', str(run)]) == 0
    assert (run / 'prep' / 'report.json').exists()               # prepared next to the run, once
    (run / 'portrait.safetensors').unlink()                       # as if interrupted before the end
    assert main(['dnp-train', '--out', str(run), '--export']) == 0
    assert (run / 'portrait.safetensors').exists() and 'latest checkpoint' in capsys.readouterr().out
    rc = main(['dnp-train', '--out', str(d / 'runs' / 'none'), '--export'])
    assert rc == 1 and 'no training checkpoint' in capsys.readouterr().err
