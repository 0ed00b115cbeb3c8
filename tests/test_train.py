"""The training loop: resume after an interruption continues the curve exactly; bad checkpoints are refused by name."""
import json, pytest, torch
from talkhead_nb.train import Trainer, TrainConfig
from talkhead_nb.core import CheckpointError

def run(out, fail_at=None, steps=60):
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    def step_fn(tr, step):
        if step == fail_at: raise KeyboardInterrupt
        x = torch.randn(32, 2)                                  # the global RNG: must be restored on resume
        loss = ((tr.modules['net'](x)[:, 0] - x.sum(1)) ** 2).mean()
        opt.zero_grad(); loss.backward(); opt.step()
        return {'loss': loss}
    return Trainer({'net': net}, {'net': opt}, step_fn, out, TrainConfig(steps=steps, log_every=10, ckpt_every=20, progress=False), ema=['net'])

def test_crash_between_log_and_checkpoint_resumes_exactly(tmp_path):
    full = run(tmp_path / 'a'); h = full.fit()
    with pytest.raises(KeyboardInterrupt): run(tmp_path / 'b', fail_at=35).fit()   # logged 30, checkpoint at 20
    r = run(tmp_path / 'b'); h2 = r.fit()
    assert [x['loss'] for x in h2] == [x['loss'] for x in h]
    steps = [json.loads(l)['step'] for l in (tmp_path / 'b' / 'log.jsonl').read_text().splitlines()]
    assert steps == [10, 20, 30, 40, 50, 60]                   # no duplicated rows after the resume
    for a, b in zip(r.ema['net'].parameters(), full.ema['net'].parameters()): assert torch.equal(a, b)

def test_truncated_or_foreign_checkpoint_is_refused(tmp_path):
    t = run(tmp_path / 'c', steps=20); t.fit()
    data = t.ckpt_path.read_bytes()
    t.ckpt_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckpointError, match='checkpoint.safetensors'): run(tmp_path / 'c', steps=40).fit()
    from talkhead_nb.core import save_checkpoint
    save_checkpoint(tmp_path / 'd' / 'checkpoint.safetensors', torch.nn.Linear(2, 2))
    with pytest.raises(CheckpointError, match='not a training checkpoint'): run(tmp_path / 'd').fit()

def test_longer_run_continues_a_finished_one(tmp_path):
    run(tmp_path / 'e', steps=20).fit()
    h = run(tmp_path / 'e', steps=40).fit()
    assert [x['step'] for x in h] == [10, 20, 30, 40]

def test_gan_training_resumes_exactly(tmp_path):
    "Tiny StyleGAN3 vs the StyleGAN2 D on synthetic portraits: interrupted after a checkpoint, resumed == uninterrupted."
    from talkhead_nb.discriminators import Discriminator, DConfig
    from talkhead_nb.stylegan3.train import gan_step
    from talkhead_nb.stylegan3.networks import Generator, SG3Config
    from talkhead_nb.synth import render, random_params
    real_fn = lambda step: render([random_params(1000 * step + i) for i in range(4)], 64).image * 2 - 1
    def make(out, fail_at=None):
        torch.manual_seed(0)
        G, D = Generator(SG3Config.tiny(num_layers=6, channel_max=32)), Discriminator(DConfig.tiny(channel_max=32))
        opts = {'G': torch.optim.Adam(G.parameters(), 2.5e-3, betas=(0., 0.99)), 'D': torch.optim.Adam(D.parameters(), 2e-3, betas=(0., 0.99))}
        inner = gan_step(G, D, real_fn, batch=4, r1_interval=2)
        def step_fn(tr, step):
            if step == fail_at: raise KeyboardInterrupt
            return inner(tr, step)
        return Trainer({'G': G, 'D': D}, opts, step_fn, out, TrainConfig(steps=4, log_every=1, ckpt_every=2, progress=False), ema=['G'])
    full = make(tmp_path / 'full'); h = full.fit()
    with pytest.raises(KeyboardInterrupt): make(tmp_path / 'res', fail_at=3).fit()
    r = make(tmp_path / 'res'); h2 = r.fit()
    assert [x['loss_g'] for x in h2] == [x['loss_g'] for x in h]
    for a, b in zip(r.ema['G'].parameters(), full.ema['G'].parameters()): assert torch.equal(a, b)
