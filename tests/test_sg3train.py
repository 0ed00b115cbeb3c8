"""The tiny StyleGAN3's training (resume after a crash continues the same curve) and inversion (bad input, G untouched)."""
import json, warnings, pytest, torch
import talkhead_nb.stylegan3.train as sg3train
from talkhead_nb.stylegan3.train import synthetic_faces, train_stylegan3, SG3TrainConfig
from talkhead_nb.stylegan3.networks import SG3Config, Generator
from talkhead_nb.stylegan3.load import load_generator
from talkhead_nb.discriminators import DConfig
from talkhead_nb.train import TrainConfig
from talkhead_nb.stylegan3.invert import project, pti

G_CFG = SG3Config.micro()
D_CFG = DConfig.tiny(channel_base=512, channel_max=16)
RECIPE = SG3TrainConfig(batch=4, r1_interval=2)

@pytest.fixture(scope='module')
def faces(): return synthetic_faces(16, seed=3)

def _train(faces, out, steps, fail_at=None, monkeypatch=None):
    if fail_at is not None:
        inner = sg3train.gan_step
        def crashing(*a, **k):
            f = inner(*a, **k)
            def step(tr, s):
                if s == fail_at: raise KeyboardInterrupt
                return f(tr, s)
            return step
        monkeypatch.setattr(sg3train, 'gan_step', crashing)
    return train_stylegan3(faces, out, G_CFG, D_CFG, RECIPE, TrainConfig(steps=steps, log_every=1, ckpt_every=2, progress=False))

def test_gan_training_resumes_after_a_crash_on_the_same_curve(tmp_path, faces, monkeypatch):
    full = _train(faces, tmp_path / 'full', 6)
    with pytest.raises(KeyboardInterrupt): _train(faces, tmp_path / 'res', 6, fail_at=5, monkeypatch=monkeypatch)
    monkeypatch.undo()
    assert not (tmp_path / 'res' / 'G_ema.safetensors').exists()       # nothing half-finished is published
    res = _train(faces, tmp_path / 'res', 6)
    assert [r['loss_g'] for r in res.history] == [r['loss_g'] for r in full.history]
    assert [r['loss_d'] for r in res.history] == [r['loss_d'] for r in full.history]
    steps = [json.loads(l)['step'] for l in (tmp_path / 'res' / 'log.jsonl').read_text().splitlines()]
    assert steps == [1, 2, 3, 4, 5, 6]
    for a, b in zip(res.ema['G'].state_dict().values(), full.ema['G'].state_dict().values()): assert torch.equal(a, b)
    G = load_generator(tmp_path / 'res' / 'G_ema.safetensors')
    assert G.cfg == G_CFG and not G.mapping.w_avg.eq(0).all()          # w_avg was tracked during training

def test_training_refuses_wrong_images(tmp_path, faces):
    with pytest.raises(ValueError, match='uint8'): train_stylegan3(faces.float(), tmp_path, G_CFG, D_CFG, RECIPE, TrainConfig(steps=1, progress=False))
    with pytest.raises(ValueError, match='generator makes'): train_stylegan3(faces[:, :, :32, :32], tmp_path, G_CFG, D_CFG, RECIPE)

def test_named_generator_missing_says_where_it_belongs(tmp_path, monkeypatch):
    monkeypatch.setenv('TALKHEAD_DATA', str(tmp_path))
    with pytest.raises(FileNotFoundError, match='tiny_synth.safetensors'): load_generator('tiny-synth')

def test_inversion_bad_input_and_original_untouched(faces):
    warnings.filterwarnings('ignore', message='LPIPS-')
    torch.manual_seed(0)
    G = Generator(G_CFG).eval()
    before = {k: v.clone() for k, v in G.state_dict().items()}
    x = faces[:2].float() / 255
    with pytest.raises(Exception, match='RGBA'): project(G, torch.rand(4, 64, 64), steps=1, progress=False)
    with pytest.raises(Exception, match='target\\[1\\]: contains NaN'):
        project(G, torch.stack([x[0], torch.full_like(x[0], float('nan'))]), steps=1, progress=False)
    r = pti(G, x, steps=3, inv_steps=3, progress=False)           # pivot found by a (short) W projection
    assert r.inversion is not None and r.inversion.space == 'w' and r.pivot.shape == (2, G.num_ws, G.w_dim)
    assert r.losses.shape == (3, 2)
    assert all(torch.equal(v, before[k]) for k, v in G.state_dict().items())
    assert all(p.requires_grad for p in G.parameters())            # project() restores requires_grad as it found it

def test_portable_checkpoint_is_small_and_continues_the_curve(tmp_path, faces):
    "The committed copy (bf16 second moments, no first moments) resumes; the run follows the exact one closely."
    from talkhead_nb.stylegan3.train import portable_checkpoint
    full = _train(faces, tmp_path / 'full', 6)
    _train(faces, tmp_path / 'a', 4)
    (tmp_path / 'b').mkdir()
    portable_checkpoint(tmp_path / 'a' / 'checkpoint.safetensors', tmp_path / 'b' / 'checkpoint.safetensors')
    from safetensors.torch import load_file
    t = load_file(str(tmp_path / 'b' / 'checkpoint.safetensors'))
    assert not any(k.endswith('.exp_avg') for k in t)                           # β₁ = 0: never stored
    assert all(v.dtype == torch.bfloat16 for k, v in t.items() if k.endswith('.exp_avg_sq'))
    assert (tmp_path / 'b' / 'checkpoint.safetensors').stat().st_size < (tmp_path / 'a' / 'checkpoint.safetensors').stat().st_size
    res = _train(faces, tmp_path / 'b', 6)
    assert [r['step'] for r in res.history] == [1, 2, 3, 4, 5, 6]
    assert [r['loss_g'] for r in res.history[:4]] == [r['loss_g'] for r in full.history[:4]]
    for a, b in zip(res.modules['G'].parameters(), full.modules['G'].parameters()):
        assert torch.allclose(a, b, atol=1e-3, rtol=1e-2)
