"""Dynamic Neural Portraits end to end: the command line (train on a video, resume, reenact), exact resume of
`train_dnp`, and the bad inputs the issue names (untracked frames, another config's checkpoint, mismatched drivers)."""
import json, subprocess
import pytest
import torch
from conftest import BIN
from talkhead_nb import dnp, synth
from talkhead_nb.core import CheckpointError, ConfigMismatchError, data_path
from talkhead_nb.train import TrainConfig
from talkhead_nb.video import read_video, write_video, is_marked_synthetic

def talkhead(*args):
    return subprocess.run([str(BIN/'talkhead'), *args], capture_output=True, text=True, timeout=600)

@pytest.fixture(scope='module')
def videos(tmp_path_factory):
    d = tmp_path_factory.mktemp('dnp_videos')
    a = synth.render_video(synth.talking_sequence(synth.random_identity(2), 30, seed=1), d/'person.mp4', size=128)
    b = synth.render_video(synth.talking_sequence(synth.random_identity(9), 12, seed=4), d/'driver.mp4', size=128)
    return a, b

def test_cli_train_resume_reenact(videos, tmp_path):
    person, driver = videos
    run = tmp_path/'run'
    common = ['--tracker', 'synth', '--tiny', '--size', '64', '--batch', '2', '--out', str(run)]
    r = talkhead('dnp-train', str(person), *common, '--steps', '4')
    assert r.returncode == 0, r.stderr
    assert '30 frames, 24 train / 6 test' in r.stdout and (run/'portrait.safetensors').exists()
    # the same command with more steps resumes from the step-4 checkpoint
    r = talkhead('dnp-train', str(person), *common, '--steps', '6')
    assert r.returncode == 0, r.stderr
    steps = [json.loads(l)['step'] for l in (run/'log.jsonl').read_text().splitlines()]
    assert steps[-1] == 6 and steps == sorted(steps)
    out = tmp_path/'reenacted.mp4'
    r = talkhead('dnp-reenact', str(run/'portrait.safetensors'), '--driving', str(driver), '--tracker', 'synth', '--out', str(out), '--side-by-side')
    assert r.returncode == 0, r.stderr
    v, _ = read_video(out)
    assert v.shape == (12, 3, 64, 128) and is_marked_synthetic(out)

def test_untracked_frames_are_named(videos, tmp_path):
    "A blank frame is interpolated (a short gap) and named (`prep --on-missing fail` refuses it: tests/test_prep.py)."
    person, _ = videos
    frames, fps = read_video(person)
    frames[7] = 0.5                                    # a blank frame: no face
    bad = write_video(tmp_path/'gap.mp4', frames, fps=fps)
    r = talkhead('dnp-train', str(bad), '--tracker', 'synth', '--tiny', '--size', '64', '--steps', '1', '--out', str(tmp_path/'r'))
    assert r.returncode == 0 and 'interpolated (short gaps): frames [7]' in r.stdout, r.stderr

def test_wrong_checkpoints_and_drivers(videos, tmp_path):
    _, driver = videos
    shipped = data_path('dnp', 'tiny_mlp_cnn.safetensors')
    m = dnp.load_portrait(shipped)
    with pytest.raises(ConfigMismatchError, match='width'):
        dnp.load_portrait(shipped, cfg=dnp.DNPConfig.tiny(width=128))
    # a training checkpoint is not a portrait
    torch.save({'x': torch.zeros(1)}, tmp_path/'other.pt')
    r = talkhead('dnp-reenact', str(tmp_path/'other.pt'), '--driving', str(driver), '--out', str(tmp_path/'o.mp4'))
    assert r.returncode == 1 and 'other.pt' in r.stderr and not (tmp_path/'o.mp4').exists()
    # the shipped portrait learnt the synthetic 10-d blendshapes; a tracked video gives the 18-d landmark descriptor
    r = talkhead('dnp-reenact', str(shipped), '--driving', str(driver), '--tracker', 'synth', '--out', str(tmp_path/'o.mp4'))
    assert r.returncode == 1 and 'expression must be [T, 10]' in r.stderr and not (tmp_path/'o.mp4').exists()
    # NaN parameters name the frame
    P = torch.zeros(3, 6); P[1, 2] = float('nan')
    with pytest.raises(ValueError, match=r'frames \[1\]'):
        dnp.reenact(m, P, torch.zeros(3, 10), torch.zeros(3, 2))

def test_train_resume_is_exact(tmp_path):
    data = dnp.PortraitVideo.from_synth(identity=1, n_frames=24, size=32, n_test=4)
    cfg = dnp.DNPConfig.tiny(size=32, width=32, feat_dim=8, n_res=1)
    tc = dnp.DNPTrainConfig(batch=2, w_perc=0, w_l2=5.)
    tcfg = lambda n: TrainConfig(steps=n, log_every=1, ckpt_every=3, progress=False)
    full, _ = dnp.train_dnp(data, tmp_path/'full', cfg, tc, tcfg(6), device='cpu')
    dnp.train_dnp(data, tmp_path/'half', cfg, tc, tcfg(3), device='cpu')
    resumed, hist = dnp.train_dnp(data, tmp_path/'half', cfg, tc, tcfg(6), device='cpu')
    assert [r['step'] for r in hist] == list(range(1, 7))
    for (n, a), b in zip(full.state_dict().items(), resumed.state_dict().values()): assert torch.equal(a, b), n
    # another configuration in the same run folder is refused, naming the field
    with pytest.raises(CheckpointError, match='feat_dim'):
        dnp.train_dnp(data, tmp_path/'half', dnp.DNPConfig.tiny(size=32, width=32, feat_dim=16, n_res=1), tc, tcfg(8), device='cpu')
