"""Generate README.md from index.ipynb (markdown cells, and code cells not marked `#| hide`).

nbdev's own `nbdev_readme` needs quarto, which is not installable here; this is deterministic and offline.
"""
import json, sys
from pathlib import Path

def render(nb_path='index.ipynb') -> str:
    nb = json.loads(Path(nb_path).read_text())
    out = ['<!-- Generated from index.ipynb by scripts/readme.py: edit the notebook, not this file. -->', '']
    for c in nb['cells']:
        src = ''.join(c['source']).strip()
        if not src: continue
        if c['cell_type'] == 'markdown': out += [src, '']
        elif c['cell_type'] == 'code':
            lines = src.splitlines()
            if any(l.strip() in ('#| hide', '#|hide') for l in lines): continue
            body = '\n'.join(l for l in lines if not l.startswith('#|')).strip()
            if body: out += ['```python', body, '```', '']
    return '\n'.join(out).rstrip() + '\n'

if __name__ == '__main__':
    dst = Path(sys.argv[1] if len(sys.argv) > 1 else 'README.md')
    text = render()
    if not dst.exists() or dst.read_text() != text: dst.write_text(text)
