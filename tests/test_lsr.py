"""Learned Spatial Representations end to end: the shipped tiny models load and are small; the micro preset trains,
resumes and reenacts through the `talkhead` command line (the whole run in well under a minute); the API refuses bad
input with errors that say what to do (K = 0, shots of different sizes, landmarks that are not 68 points or are
missing, a checkpoint of another config)."""
import json, subprocess, time
import numpy as np
import pytest
import torch
from conftest import BIN
from talkhead_nb.core import data_path, ConfigMismatchError, save_image
from talkhead_nb.synth import render, random_identity, talking_sequence
from talkhead_nb.video import write_video, VideoReader, is_marked_synthetic
from talkhead_nb.lsr.model import LSR, LSRConfig, LSRDiscriminator
from talkhead_nb.lsr.train import load_lsr, load_layout_stage
from talkhead_nb.lsr.infer import synthesize, finetune, check_shots

def talkhead(*args):
    return subprocess.run([str(BIN / 'talkhead'), *args], capture_output=True, text=True, timeout=600)

def test_shipped_models_are_small_and_load():
    for name in ('tiny', 'onestep'):
        d = data_path('lsr', name)                       # shipped: a missing model is a failure, not a skip
        sizes = {f.name: f.stat().st_size for f in d.iterdir()}
        assert max(sizes.values()) < 6.5e6 and sum(sizes.values()) < 10e6, sizes   # a few MB each
        m, D = load_lsr(d)
        assert m.cfg.size == 64 and D is not None and m.cfg.two_step == (name == 'tiny')
    lay = load_layout_stage(data_path('lsr', 'tiny', 'pretrained_layout.safetensors'))
    assert lay.cfg == LSRConfig.tiny()

def test_shipped_model_is_deterministic_and_finetune_leaves_it_alone():
    m, D = load_lsr(data_path('lsr', 'tiny'))
    r = render(talking_sequence(random_identity(2024), 6, seed=3), 64)
    x, lm = r.image[:4], r.landmarks[:4].numpy()
    a = synthesize(m, x, lm, r.landmarks[4:].numpy())['image']
    b = synthesize(m, x[[3, 1, 0, 2]], lm[[3, 1, 0, 2]], r.landmarks[4:].numpy())['image']   # shots in any order
    assert a.shape == (2, 3, 64, 64) and torch.allclose(a, b, atol=1e-5)
    before = {k: v.clone() for k, v in m.state_dict().items()}
    t = finetune(m, x, lm, 3, D)
    assert all(torch.equal(before[k], v) for k, v in m.state_dict().items())      # the model passed in is untouched
    assert any(not torch.equal(before[k], v) for k, v in t.state_dict().items())

@pytest.fixture(scope='module')
def footage(tmp_path_factory):
    d = tmp_path_factory.mktemp('lsr_cli')
    r = render(talking_sequence(random_identity(3), 2, seed=0), 128)
    for i in range(2): save_image(r.image[i], d / f'src{i}.png')
    frames = render(talking_sequence(random_identity(4), 6, seed=1), 128).image
    frames[2] = 0.02                                                            # a driving frame without a face
    write_video(d / 'drv.mp4', frames, fps=25)
    return d

def test_micro_end_to_end_through_the_cli(tmp_path, footage):
    t = time.time()
    r = talkhead('lsr-train', '--preset', 'micro', '--out', str(tmp_path / 'run'), '--steps', '2')
    assert r.returncode == 0, r.stderr
    log = tmp_path / 'run' / 'full' / 'log.jsonl'
    first = log.read_text().splitlines()
    r = talkhead('lsr-train', '--preset', 'micro', '--out', str(tmp_path / 'run'), '--steps', '4')   # resumes
    assert r.returncode == 0, r.stderr
    rows = log.read_text().splitlines()
    assert rows[:len(first)] == first and json.loads(rows[-1])['step'] == 4   # continued from step 2, not restarted
    out = tmp_path / 'out.mp4'
    r = talkhead('lsr-reenact', str(tmp_path / 'run'), '--source', str(footage / 'src0.png'),
                 str(footage / 'src1.png'), '--driving', str(footage / 'drv.mp4'), '--out', str(out),
                 '--finetune', 'auto', '--relative')
    assert r.returncode == 0, r.stderr
    assert 'no face in driving frames [2]' in r.stdout
    rec = json.loads(out.with_suffix('.json').read_text())
    assert rec['frames_skipped'] == [2] and rec['finetune_steps'] == 24 and rec['K'] == 2
    assert sum(1 for _ in VideoReader(out)) == 5 and is_marked_synthetic(out)
    print(f'micro train + resume + reenact through the CLI: {time.time() - t:.1f} s')

def test_cli_refuses_bad_input(tmp_path, footage):
    save_image(torch.rand(3, 96, 96) * 0.05, tmp_path / 'dark.png')
    cases = [(['--source', str(tmp_path / 'dark.png')], 'dark.png: no face found'),
             (['--source', str(footage / 'src0.png'), '--finetune', '-3'], '--finetune'),
             (['--source', str(footage / 'src0.png'), '--on-missing', 'fail'], 'no face'),
             (['--source', str(footage / 'drv.mp4')], 'not an image')]
    for extra, msg in cases:
        r = talkhead('lsr-reenact', '--driving', str(footage / 'drv.mp4'), '--out', str(tmp_path / 'x.mp4'), *extra)
        assert r.returncode == 1 and msg in r.stderr and len(r.stderr.strip().splitlines()) == 1, (extra, r.stderr)
    assert not (tmp_path / 'x.mp4').exists()
    r = talkhead('lsr-reenact', str(tmp_path), '--source', str(footage / 'src0.png'), '--driving',
                 str(footage / 'drv.mp4'), '--out', str(tmp_path / 'x.mp4'))
    assert r.returncode == 1 and 'lsr-train' in r.stderr

def test_api_refuses_bad_input(tmp_path):
    m = LSR(LSRConfig.micro())
    x, lm = torch.rand(2, 3, 32, 32), np.full((2, 68, 2), 16.)
    with pytest.raises(ValueError, match='K = 0'): check_shots(torch.zeros(0, 3, 32, 32), np.zeros((0, 68, 2)), 32)
    with pytest.raises(ValueError, match='differ in size'): check_shots([x[0], torch.rand(3, 40, 40)], lm, 32)
    with pytest.raises(ValueError, match='3×32×32'): check_shots(torch.rand(2, 3, 64, 64), lm, 32)
    with pytest.raises(ValueError, match='68 points'): synthesize(m, x, np.zeros((2, 5, 2)), lm)
    with pytest.raises(ValueError, match=r'\[T,68,2\]'): synthesize(m, x, lm, np.zeros((3, 67, 2)))
    nan = lm.copy(); nan[1] = np.nan
    with pytest.raises(ValueError, match=r'shot\(s\) \[1\]'): synthesize(m, x, nan, lm)
    from talkhead_nb.core import save_checkpoint
    save_checkpoint(tmp_path / 'lsr.safetensors', m, config=m.cfg)
    other = LSRDiscriminator(LSRConfig.micro(disc_channels=(4, 8, 8, 16)))
    save_checkpoint(tmp_path / 'discriminator.safetensors', other, config=other.cfg)
    with pytest.raises(ConfigMismatchError, match='discriminator.safetensors'): load_lsr(tmp_path)
    with pytest.raises(ConfigMismatchError, match='lsr.safetensors'): load_lsr(tmp_path, expect=LSRConfig.tiny())
