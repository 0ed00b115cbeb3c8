"""Regenerate the `_EXPORTS` table of each model family's hand-written `__init__.py` from its modules' `__all__`
(run after adding a public name to a family module; `tests/test_structure.py` fails until the table matches).
Entries under a comment that says 'kept here for the old import path' are preserved.

usage: python scripts/family_init.py [family ...]     (default: every folder of talkhead_nb/ with an __init__.py)"""
import ast, re, sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / 'talkhead_nb'
SKIP = {'commands'}          # command-line glue: `talkhead` loads it, the family namespace does not re-export it

def order(fam: Path) -> list[str]:
    "The family's modules in notebook order (the nbdev header names the notebook)."
    mods = []
    for f in fam.glob('*.py'):
        if f.stem == '__init__' or f.stem in SKIP: continue
        m = re.search(r'File to edit: \S*/(\d+)_', f.read_text())
        mods.append((m.group(1) if m else '99', f.stem))
    return [s for _, s in sorted(mods)]

def public(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    node = next(n.value for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], 'id', '') == '__all__')
    return sorted(e.value for e in node.elts)

def regenerate(fam: Path) -> None:
    p = fam / '__init__.py'; t = p.read_text()
    head, tail = t[:t.index('_EXPORTS = {')], t[t.index('}\n\n__all__'):]
    old = t[t.index('_EXPORTS = {'):t.index('}\n\n__all__')]
    keep = re.findall(r"(    # [^\n]*kept here for the old import path[^\n]*\n(?:    '[^\n]*\n)+)", old)
    lines = ['_EXPORTS = {'] + [k.rstrip('\n') for k in keep]
    for s in order(fam):
        lines.append(f'    # {s}'); cur = '   '
        for n in public(fam / f'{s}.py'):
            item = f' {n!r}: {s!r},'
            if len(cur) + len(item) > 118: lines.append(cur); cur = '   '
            cur += item
        lines.append(cur)
    p.write_text(head + '\n'.join(lines) + '\n' + tail)
    print(f'wrote {p.relative_to(PKG.parent)}')

if __name__ == '__main__':
    fams = [PKG / f for f in sys.argv[1:]] or sorted(d for d in PKG.iterdir() if (d / '__init__.py').exists())
    for fam in fams: regenerate(fam)
