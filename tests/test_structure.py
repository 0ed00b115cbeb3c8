"""The package's shape: the module map of DESIGN.md §2 holds.

- no module imports another module's underscore names, and there are no star imports;
- every notebook imports only modules exported by lower-numbered notebooks (notebook numbers follow the import order);
- every public module has a notebook; the hand-written files are exactly the family `__init__`s and the old-path
  aliases documented in `nbs/99_moved.ipynb`;
- each family's `__init__` re-exports exactly the public names of its modules;
- an application family never imports another application family.
"""
import ast, importlib, json, re
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / 'talkhead_nb'
ALIASES = {'gan', 'sg3ops', 'sg3train', 'invert', 'v2s_channels'}      # old import paths (nbs/99_moved.ipynb)
FAMILIES = {'stylegan3', 'v2s', 'dnp', 'vqe', 'lsr'}
APPLICATIONS = {'v2s', 'dnp', 'vqe', 'lsr'}                               # systems built on the shared layers and StyleGAN3

def modname(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix('')
    parts = list(rel.parts)
    if parts[-1] == '__init__': parts = parts[:-1]
    return '.'.join(parts)

def package_modules() -> dict[str, Path]:
    return {modname(p): p for p in PKG.rglob('*.py') if p.name != '_modidx.py'}

def resolve(module: str | None, level: int, here: str, is_pkg: bool) -> str:
    "Absolute name of a (possibly relative) import target."
    if not level: return module or ''
    base = here.split('.') if is_pkg else here.split('.')[:-1]
    base = base[:len(base) - (level - 1)]
    return '.'.join(base + ([module] if module else []))

def imports_of(tree: ast.AST, here: str, is_pkg: bool = False):
    "(target module, imported names) for every import in a module or cell, absolute names."
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            yield resolve(node.module, node.level, here, is_pkg), [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for a in node.names: yield a.name, []

def notebooks() -> dict[str, dict]:
    out = {}
    for p in sorted((ROOT / 'nbs').glob('*.ipynb')):
        cells = [''.join(c['source']) for c in json.loads(p.read_text())['cells'] if c['cell_type'] == 'code']
        exp = next((m.group(1) for s in cells if (m := re.search(r'^#\|\s*default_exp\s+(\S+)', s, re.M))), None)
        out[p.name] = dict(num=p.name.split('_')[0], exp=exp, cells=cells)
    return out

def test_no_private_or_star_imports_across_modules():
    bad = []
    for name, path in package_modules().items():
        tree = ast.parse(path.read_text())
        for target, names in imports_of(tree, name, path.name == '__init__.py'):
            if not target.startswith('talkhead_nb') or target == name: continue
            bad += [f'{name}: from {target} import {n}' for n in names if n == '*' or (n.startswith('_') and n != '__version__')]
    assert not bad, bad

def test_notebooks_import_only_lower_numbered_modules():
    nbs = notebooks()
    home = {f"talkhead_nb.{nb['exp']}": nb['num'] for nb in nbs.values() if nb['exp']}
    for fam in FAMILIES:             # a family package (its lazy __init__) counts as its highest-numbered module
        home[f'talkhead_nb.{fam}'] = max(n for m, n in home.items() if m.startswith(f'talkhead_nb.{fam}.'))
    for a in ALIASES: home[f'talkhead_nb.{a}'] = nbs['99_moved.ipynb']['num']
    home['talkhead_nb'] = '00'
    bad = []
    for fname, nb in nbs.items():
        for src in nb['cells']:
            code = '\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('%', '!')))
            for target, names in imports_of(ast.parse(code), 'talkhead_nb.__nb__'):
                if not target.startswith('talkhead_nb'): continue
                mods = [target] + ([f'{target}.{n}' for n in names if f'{target}.{n}' in home] if target == 'talkhead_nb' else [])
                for m in mods:
                    num = home.get(m)
                    assert num is not None, f'{fname} imports {m}, which no notebook exports'
                    own = m in ('talkhead_nb', f"talkhead_nb.{nb['exp']}") or (fname == '99_moved.ipynb' and m.split('.')[-1] in ALIASES)
                    if num > nb['num'] or (num == nb['num'] and not own):
                        bad.append(f'{fname} imports {m} (notebook {num})')
    assert not bad, sorted(set(bad))

def test_every_public_module_has_a_notebook():
    exported = {f"talkhead_nb.{nb['exp']}" for nb in notebooks().values() if nb['exp']}
    mods = set(package_modules())
    hand = {'talkhead_nb'} | {f'talkhead_nb.{f}' for f in FAMILIES} | {f'talkhead_nb.{a}' for a in ALIASES}
    assert mods - hand == exported - hand, (sorted(mods - hand - exported), sorted(exported - mods))
    assert hand <= mods
    moved = ''.join(notebooks()['99_moved.ipynb']['cells']) + (ROOT / 'nbs' / '99_moved.ipynb').read_text()
    assert all(f'talkhead_nb.{a}`' in moved for a in ALIASES)

@pytest.mark.parametrize('family', sorted(FAMILIES))
def test_family_init_reexports_the_public_names(family):
    pkg = importlib.import_module(f'talkhead_nb.{family}')
    subs = [m for m in package_modules() if m.startswith(f'talkhead_nb.{family}.') and not m.endswith('.commands')]
    public = {n: m.rsplit('.', 1)[1] for m in subs for n in importlib.import_module(m).__all__}
    assert {k: v for k, v in pkg._EXPORTS.items() if k in public} == public, 'run scripts/family_init.py'
    for n, sub in pkg._EXPORTS.items():          # extra names (old import paths) resolve to the same objects
        assert getattr(pkg, n) is getattr(importlib.import_module(f'talkhead_nb.{family}.{sub}'), n)

def test_application_families_do_not_import_each_other():
    bad = []
    for name, path in package_modules().items():
        parts = name.split('.')
        if len(parts) < 3 or parts[1] not in APPLICATIONS: continue
        for target, names in imports_of(ast.parse(path.read_text()), name, path.name == '__init__.py'):
            t = target.split('.')
            if len(t) > 1 and t[0] == 'talkhead_nb' and t[1] in APPLICATIONS and t[1] != parts[1]: bad.append(f'{name} imports {target}')
    assert not bad, bad

def test_no_config_instance_as_default_argument():
    "`cfg: X | None = None`, never `cfg: X = X()`: a default instance is shared by every call and hides the preset."
    bad = []
    for name, path in package_modules().items():
        for n in ast.walk(ast.parse(path.read_text())):
            if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)): continue
            for d in n.args.defaults + [x for x in n.args.kw_defaults if x is not None]:
                call = isinstance(d, ast.Call) and ast.unparse(d.func).split('.')[0].endswith('Config')
                preset = isinstance(d, ast.Name) and d.id.isupper() and any(k in d.id for k in ('TINY', 'TRAIN'))
                if call or preset: bad.append(f'{name}.{n.name}: default {ast.unparse(d)}')
    assert not bad, bad

def test_train_entry_points_share_one_signature_order():
    "Every `train_*` entry point takes the data first, then the run folder (and configs, recipe, TrainConfig, device)."
    import inspect
    from talkhead_nb.stylegan3.train import train_stylegan3
    from talkhead_nb.posenet import train_pose_regressor
    from talkhead_nb.dnp.train import train_dnp
    for f in (train_stylegan3, train_pose_regressor, train_dnp):
        names = list(inspect.signature(f).parameters)
        data_end = names.index('out_dir')
        assert data_end in (1, 2) and 'device' in names, (f.__name__, names)
        rest = names[data_end + 1:]
        assert rest.index('train') > max(i for i, n in enumerate(rest) if 'cfg' in n or n == 'tc'), (f.__name__, names)
        assert rest.index('device') > rest.index('train'), (f.__name__, names)

def test_losses_are_torch_only():
    "`losses` imports torch and the standard library only (never `metrics`): training code stays light."
    tree = ast.parse((PKG / 'losses.py').read_text())
    roots = {t.split('.')[0] for t, _ in imports_of(tree, 'talkhead_nb.losses') if t}
    assert roots <= {'__future__', 'typing', 'torch', 'math'}, roots
