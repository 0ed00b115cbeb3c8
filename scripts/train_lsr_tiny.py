"""Train the shipped tiny Learned Spatial Representations model on CPU (`lsr.commands.PRESETS['tiny']`): 320 synthetic
identities at 64², 10 random views each, split at the identity level (1/16 = 20 identities held out for the
reproduction, never rendered here); K = 4 shots and one target view per example. Layout pre-training against the
world's oracle parts first (1500 steps), then the full pipeline (5000 steps, `LSRTrainConfig.tiny()`).
`--variant onestep` trains the paper's one-step comparison (the generator on the sketch alone, no layout stage) with
the same recipe and the same number of full steps.
Resumable: run it again and each stage continues from its checkpoint. With --ship the model goes to data/lsr/<variant>/
(the shipped files); without it, it stays in the run folder.

Budget: on the idle 2-core machine the first run measured about 0.15 s/step of pre-training and 0.5 s/step of the full
pipeline (bench/bench_lsr.py times both), so 1500 + 5000 steps take about 45 min, and the one-step model about 25.

usage: python scripts/train_lsr_tiny.py [--variant tiny|onestep] [--preset tiny|micro] [--run DIR] [--ship]"""
import argparse, json, shutil
from pathlib import Path
from talkhead_nb.core import write_target
from talkhead_nb.lsr.commands import train_preset

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--variant', default='tiny', choices=['tiny', 'onestep'])
    ap.add_argument('--preset', default='tiny', choices=['tiny', 'micro'], help="'micro': a seconds-long check")
    ap.add_argument('--run', default=None, help='run folder (default runs/lsr_<variant>)')
    ap.add_argument('--ship', action='store_true', help='copy the finished model into data/lsr/<variant>/')
    a = ap.parse_args()
    if a.ship and a.preset != 'tiny': ap.error('--ship ships the tiny preset only')
    run = Path(a.run or f'runs/lsr_{a.variant}'); run.mkdir(parents=True, exist_ok=True)
    old = json.loads((run / 'timing.json').read_text()) if (run / 'timing.json').exists() else {}
    t = train_preset(run, a.preset, onestep=a.variant == 'onestep', cache=Path('runs') / 'lsr_cache')
    timing = {**t, **{k: old.get(k, 0) + t[k] for k in ('pretrain_s', 'full_s') if k in t}}   # summed over resumes
    (run / 'timing.json').write_text(json.dumps(timing, indent=1))
    print(json.dumps(timing), flush=True)
    if a.ship:
        def ship(name: str) -> Path:
            p = write_target('lsr', a.variant, name, ship=True); p.parent.mkdir(parents=True, exist_ok=True); return p
        for f in ('lsr.safetensors', 'discriminator.safetensors', 'pretrained_layout.safetensors'):
            if (run / f).exists(): shutil.copyfile(run / f, ship(f))
        shutil.copyfile(run / 'full' / 'log.jsonl', ship('log.jsonl'))
        if (run / 'pretrain').exists(): shutil.copyfile(run / 'pretrain' / 'log.jsonl', ship('pretrain_log.jsonl'))
        ship('timing.json').write_text(json.dumps(timing, indent=1))
