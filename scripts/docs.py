"""`make docs`: render the notebooks into a browsable HTML site under _docs/.

Uses quarto (nbdev_docs) when it is installed; otherwise executes each notebook with execnb (skipping cells flagged
cuda/slow/weights, as the tests do) and converts it with nbconvert's HTML exporter, plus an index page. Offline.
"""
import html, os, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT/'_docs'

def with_quarto() -> int:
    return subprocess.call([str(Path(sys.executable).parent/'nbdev_docs')], cwd=ROOT)

def offline(execute: bool = True) -> int:
    import nbformat
    from nbconvert import HTMLExporter
    from execnb.nbio import read_nb, write_nb
    from execnb.shell import CaptureShell
    from nbdev.config import get_config
    skip = set(get_config().tst_flags.split())
    OUT.mkdir(exist_ok=True)
    nbs = [ROOT/'index.ipynb'] + sorted((ROOT/'nbs').glob('*.ipynb'))
    exp = HTMLExporter(template_name='lab')
    links = []
    for nbp in nbs:
        nb = read_nb(nbp)
        if execute:
            def _skip(cell):
                src = cell.source.splitlines()
                if any(l.startswith('#|') and set(l[2:].split()) & skip for l in src): cell.source = '# (skipped in docs build: flagged ' + ' '.join(skip) + ')'
            os.chdir(nbp.parent)
            sh = CaptureShell()
            try: sh.run_all(nb, exc_stop=False, preproc=_skip)
            except Exception as e: print(f'{nbp.name}: execution error {e}')
            os.chdir(ROOT)
        tmp = OUT/(nbp.stem + '.ipynb'); write_nb(nb, tmp)
        body, _ = exp.from_notebook_node(nbformat.read(tmp, as_version=4))
        tmp.unlink()
        (OUT/(nbp.stem + '.html')).write_text(body)
        title = next((c.source.splitlines()[0].lstrip('# ') for c in nb.cells if c.cell_type == 'markdown' and c.source.strip()), nbp.stem)
        links.append(f'<li><a href="{nbp.stem}.html">{html.escape(title)}</a> <small>({nbp.name})</small></li>')
        print(f'rendered {nbp.name}')
    (OUT/'index.html').write_text('<!doctype html><meta charset="utf-8"><title>talkhead_nb docs</title>'
                                  '<h1>talkhead_nb</h1><ul>' + '\n'.join(links) + '</ul>')
    print(f'site: {OUT/"index.html"}')
    return 0

if __name__ == '__main__':
    if shutil.which('quarto') and '--offline' not in sys.argv: sys.exit(with_quarto())
    sys.exit(offline('--no-exec' not in sys.argv))
