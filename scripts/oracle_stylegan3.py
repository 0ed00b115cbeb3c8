"""Make the StyleGAN3 equivalence fixtures in data/fixtures/stylegan3/ by running the official NVlabs code locally
as an oracle (CPU, its reference ops). Stores state dicts, constructor kwargs, z, a transform, and the official ws,
images and subsampled per-layer activations — tensors and JSON only, never code.

usage: python scripts/oracle_stylegan3.py /path/to/a/local/checkout/of/NVlabs/stylegan3 [--grads]
(the checkout is read, never copied into this repository; its licence is non-commercial)
--grads: only add {t64,r64}_grads.safetensors — the official gradients of a fixed scalar loss, sum(image × cotangent),
with respect to the W+ latents and every parameter, for the stored states and ws (issue #31's gradient check)."""
import sys, json, numpy as np, torch
args = [a for a in sys.argv[1:] if not a.startswith('--')]
if len(args) != 1: sys.exit(__doc__)
sys.path.insert(0, args[0])
from training.networks_stylegan3 import Generator
from safetensors.torch import save_file
from pathlib import Path
OUT = str(Path(__file__).resolve().parents[1] / 'data' / 'fixtures' / 'stylegan3')

def rot_translate(tx, ty, degrees):
    "[[c, s, tx], [-s, c, ty], [0, 0, 1]]: rotation by `degrees` and a translation (the convention of gen_images.py)."
    a = np.deg2rad(degrees)
    return np.array([[np.cos(a), np.sin(a), tx], [-np.sin(a), np.cos(a), ty], [0., 0., 1.]])

def build(name, kw, seed, batch=3, full=True):
    torch.manual_seed(seed)
    G = Generator(**kw).eval()
    g = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():   # randomise what init leaves constant, so every path is exercised
        for n, b in G.named_buffers():
            if n.endswith('magnitude_ema'): b.copy_(torch.rand([], generator=g) * 2 + 0.5)
            if n.endswith('w_avg'): b.copy_(torch.randn(b.shape, generator=g) * 0.5)
        for n, p in G.named_parameters():
            if n.endswith('.bias') and 'affine' not in n and 'fc' not in n: p.copy_(torch.randn(p.shape, generator=g) * 0.1)
    z = torch.randn(batch, kw['z_dim'], generator=g)
    T = torch.tensor(np.linalg.inv(rot_translate(0.13, -0.07, 11.0)), dtype=torch.float32)
    out = {}
    with torch.no_grad():
        out['z'] = z; out['transform'] = T
        out['ws'] = G.mapping(z, None)
        out['ws_trunc'] = G.mapping(z, None, truncation_psi=0.6, truncation_cutoff=5)
        out['img'] = G(z, None)
        if full:
            out['img_trunc'] = G(z, None, truncation_psi=0.7)
            out['img_trunc_cut'] = G(z, None, truncation_psi=0.6, truncation_cutoff=5)
        G.synthesis.input.transform.copy_(T)
        acts = {}
        hooks = [getattr(G.synthesis, n).register_forward_hook(lambda m, i, o, n=n: acts.__setitem__(n, o)) for n in G.synthesis.layer_names]
        hooks.append(G.synthesis.input.register_forward_hook(lambda m, i, o: acts.__setitem__('input', o)))
        out['img_transform'] = G(z, None)
        for h in hooks: h.remove()
        G.synthesis.input.transform.copy_(torch.eye(3))
        for n, a in acts.items(): out[f'act.{n}'] = a[:1, ::3, ::5, ::5].contiguous()
    sd = {k: v.detach().clone().contiguous() for k, v in G.state_dict().items()}
    save_file(sd, f'{OUT}/{name}_state.safetensors')
    save_file({k: v.contiguous() for k, v in out.items()}, f'{OUT}/{name}_expected.safetensors')
    json.dump({'source': 'NVlabs/stylegan3 training/networks_stylegan3.Generator, run locally on CPU (reference ops) as an oracle',
               'init_kwargs': kw, 'layer_names': G.synthesis.layer_names, 'seed': seed,
               'transform': 'inverse of the rotation-translation (tx=0.13, ty=-0.07, 11 degrees), as gen_images.py builds it'},
              open(f'{OUT}/{name}.json', 'w'), indent=1)
    print(name, sum(p.numel() for p in G.parameters()), G.synthesis.layer_names)

def grads(name):
    "Official gradients of sum(G.synthesis(ws) * cotangent) for a stored fixture (its state and its ws)."
    from safetensors.torch import load_file
    meta = json.load(open(f'{OUT}/{name}.json'))
    G = Generator(**meta['init_kwargs']).eval()
    G.load_state_dict(load_file(f'{OUT}/{name}_state.safetensors'))
    ws = load_file(f'{OUT}/{name}_expected.safetensors')['ws'].clone().requires_grad_(True)
    g = torch.Generator().manual_seed(31)
    img = G.synthesis(ws)
    cot = torch.randn(img.shape, generator=g)
    (img * cot).sum().backward()
    out = {'cotangent': cot, 'grad.ws': ws.grad}
    out.update({f'grad.{n}': p.grad for n, p in G.named_parameters() if p.grad is not None})
    save_file({k: v.contiguous() for k, v in out.items()}, f'{OUT}/{name}_grads.safetensors')
    print(name, 'grads of', len(out) - 2, 'parameters')

if '--grads' in sys.argv:
    for n in ('t64', 'r64'): grads(n)
    sys.exit()

base = dict(z_dim=32, c_dim=0, w_dim=32, img_channels=3, mapping_kwargs=dict(num_layers=2), magnitude_ema_beta=0.999)
build('t64', dict(base, img_resolution=64, channel_base=1024, channel_max=32), 1)
build('r64', dict(base, img_resolution=64, channel_base=2048, channel_max=64, conv_kernel=1, use_radial_filters=True), 2)
build('r256', dict(base, img_resolution=256, channel_base=1024, channel_max=32, conv_kernel=1, use_radial_filters=True), 3, batch=1, full=False)


# The StyleGAN2 residual discriminator that trains StyleGAN3 (talkhead_nb.gan), unconditional, 64 px.
from training.networks_stylegan2 import Discriminator
dkw = dict(c_dim=0, img_resolution=64, img_channels=3, channel_base=1024, channel_max=64)
torch.manual_seed(5)
D = Discriminator(**dkw).eval()
g = torch.Generator().manual_seed(6)
with torch.no_grad():
    for n, p in D.named_parameters():
        if n.endswith('.bias'): p.copy_(torch.randn(p.shape, generator=g) * 0.1)
    img = torch.randn(4, 3, 64, 64, generator=g)
    score = D(img, None)
save_file({k: v.contiguous() for k, v in D.state_dict().items()}, f'{OUT}/d64_state.safetensors')
save_file({'img': img, 'score': score}, f'{OUT}/d64_expected.safetensors')
json.dump({'source': 'NVlabs/stylegan3 training/networks_stylegan2.Discriminator, run locally on CPU as an oracle', 'init_kwargs': dkw},
          open(f'{OUT}/d64.json', 'w'), indent=1)
print('d64', sum(p.numel() for p in D.parameters()))
