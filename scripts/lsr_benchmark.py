"""Run the Learned Spatial Representations benchmark (`lsr.commands.evaluate_checkpoints`, the FSTH protocol of
`lsr.bench` on the first 14 of the 20 held-out synthetic identities: about 125 s per identity on the idle 2-core
machine, most of it the K = 32 fine-tuning's 400 steps) on the shipped tiny model, the shipped one-step baseline
and the shipped pre-trained layout stage, and write benchmark.json and its figures (cross-identity stills, predicted layouts
next to the oracle) into --out (default runs/remeasure), or into data/lsr/ (the shipped files) with --ship.

usage: python scripts/lsr_benchmark.py [--identities 14] [--out DIR | --ship]"""
import argparse, json, platform, time
import torch
from talkhead_nb.core import write_target, data_path, save_image, make_grid, atomic_path
from talkhead_nb.synth import colorize_parts
from talkhead_nb.lsr.train import load_lsr
from talkhead_nb.lsr.infer import synthesize
from talkhead_nb.lsr.bench import fsth_identities, cross_identity_stills, condition_key
from talkhead_nb.lsr.commands import evaluate_checkpoints

def check_slice(model, v: dict, n: int = 4) -> dict:
    "What the reproduction notebook recomputes on every test run: K=4 meta PSNR of the first identity's first views."
    from talkhead_nb.metrics import psnr
    r = synthesize(model, v['inputs']['image'][:4], v['inputs']['landmarks'][:4], v['holdout']['landmarks'][:n])
    return dict(identity=v['identity'], views=n, psnr=psnr(r['image'], v['holdout']['image'][:n]).tolist())

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--identities', type=int, default=14, help='held-out identities (1..20)')
    ap.add_argument('--out', default=None, help='folder for the files (default runs/remeasure)')
    ap.add_argument('--ship', action='store_true', help='write data/lsr/ (the shipped files) instead')
    a = ap.parse_args()
    t = time.time()
    r = evaluate_checkpoints('tiny', 'onestep', data_path('lsr', 'tiny', 'pretrained_layout.safetensors'),
                             identities=a.identities, log=lambda s: print(s, flush=True))
    model, _ = load_lsr(data_path('lsr', 'tiny'))
    ids = fsth_identities(2)
    r['check'] = check_slice(model, ids[0])
    r['machine'] = f'{platform.machine()} CPU, {torch.get_num_threads()} threads'
    r['wall_s'] = round(time.time() - t, 1)
    dst = write_target('lsr', 'benchmark.json', ship=a.ship, out=a.out)
    with atomic_path(dst) as tmp: tmp.write_text(json.dumps(r, indent=1))
    save_image(cross_identity_stills(model, ids[0], ids[1], K=4, n=6),
               write_target('lsr', 'cross_identity.png', ship=a.ship, out=a.out))
    v = ids[0]
    o = synthesize(model, v['inputs']['image'][:4], v['inputs']['landmarks'][:4], v['holdout']['landmarks'][:6])
    rows = [v['holdout']['image'][:6], o['image'], colorize_parts(v['holdout']['parts'][:6].long()),
            colorize_parts(o['label'])]
    save_image(make_grid(torch.cat(rows), ncols=6), write_target('lsr', 'layouts.png', ship=a.ship, out=a.out))
    for b in r['bars']: print(f"{'met' if b['met'] else 'NOT MET'}: {b['bar']}: {b['measured']}")
    print(f'wrote {dst} in {r["wall_s"]:.0f} s')
