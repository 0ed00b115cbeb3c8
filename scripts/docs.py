"""`make docs`: the documentation site under _docs/, like nbdev's.

With Quarto installed this is `nbdev_docs`, unchanged. Without it (Quarto's PyPI package downloads a binary at install
time, which cannot happen here) the site is built offline the way `nbdev_docs` prepares notebooks for Quarto:

1. each notebook is executed (cells flagged cuda/slow/weights are skipped, as in the tests; `--no-exec` skips this);
2. nbdev's own notebook processors run (`nbdev.processors.FilterDefaults`): `show_doc` cells are added after every
   exported definition and executed (signatures and docments tables), exported and hidden cells are removed,
   directives are interpreted;
3. every page is rendered with one template: a sidebar grouped by model family, the notebook's figures (inline PNG)
   and tables, math as MathML (latex2mathml, no network), `#|` directives never shown.

usage: python scripts/docs.py [--offline] [--no-exec] [--only NAME ...] [--out DIR]
"""
import argparse, html, os, re, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GROUPS = [   # sidebar sections, by notebook-number decade (DESIGN.md §2; first match wins)
    ('Start', ('index',)), ('Foundations', ('0',)), ('Synthetic world, faces and metrics', ('1',)),
    ('Shared layers', ('2',)), ('StyleGAN3', ('3',)), ('Video2StyleGAN', ('4',)), ('Dynamic Neural Portraits', ('5',)),
    ('VQ-StyleGAN editing', ('6',)), ('Learned Spatial Representations', ('7',)), ('Widgets', ('8',)),
    ('Command line', ('90',)), ('Other', ('',))]

def with_quarto() -> int:
    return subprocess.call([str(Path(sys.executable).parent / 'nbdev_docs')], cwd=ROOT)

# ---------------------------------------------------------------- 1–2: execute, then nbdev's processors
def execute(nb, path: Path) -> None:
    from execnb.shell import CaptureShell
    from nbdev.config import get_config
    skip = set(get_config().tst_flags.split())
    def _skip(cell):
        if any(l.startswith('#|') and set(l[2:].split()) & skip for l in cell.source.splitlines()):
            cell.source = '#| echo: false\n# (not run in the docs build: flagged ' + ' / '.join(sorted(skip)) + ')'
    cwd = os.getcwd(); os.chdir(path.parent)
    try: CaptureShell().run_all(nb, exc_stop=False, preproc=_skip)
    except Exception as e: print(f'{path.name}: execution error {e}')
    finally: os.chdir(cwd)

def _filters():
    """nbdev's processors, with `exec_show_docs` skipping cells that mix imports with other code (nbdev's FAQ case): those
    are examples and tests, already run in step 1; running them again in a shell without their context only fails."""
    import ast
    from nbdev import processors as P
    class exec_show_docs(P.exec_show_docs):
        def __call__(self, cell):
            if not self.nb.has_docs_ or not hasattr(self, 'k'): return
            trees = cell.parsed_() if cell.cell_type == 'code' else None
            mixed = trees and P._ast_contains(trees, (ast.Import, ast.ImportFrom)) and P._ast_contains(trees, (ast.Expr, ast.Assign, ast.With, ast.For, ast.If))
            exported = cell.directives_.keys() & {'export', 'exports', 'exporti', 'exec_doc'}
            if P._do_eval(cell) and (exported or not mixed): self.k.cell(cell)
            if self.k.exc: print(f'  show_doc: cell {cell.idx_} failed ({type(self.k.exc).__name__}: {self.k.exc})'); self.k.exc = None
    class Filters(P.FilterDefaults):
        def base_procs(self): return [exec_show_docs if p is P.exec_show_docs else p for p in super().base_procs()]
    return Filters()

def process(nb, path: Path):
    "nbdev's docs processors, as `nbdev_docs` runs them before Quarto."
    import warnings
    cwd = os.getcwd(); os.chdir(path.parent)
    try:
        with warnings.catch_warnings():      # nbdev's "cells containing imports and other code" FAQ note, once per cell
            warnings.filterwarnings('ignore', message='Found cells containing imports')
            _filters()(nb)
    finally: os.chdir(cwd)
    return nb

# ---------------------------------------------------------------- 3: rendering
_DIRECTIVE = re.compile(r'^\s*#\|.*$\n?', re.M)

def directives(src: str) -> dict:
    out = {}
    for m in re.finditer(r'^\s*#\|\s*([\w-]+)\s*:?\s*(.*)$', src, re.M): out[m[1]] = m[2].strip()
    return out

def math_to_mathml(md: str) -> str:
    "$…$ and $$…$$ outside code become MathML, which browsers render natively (no MathJax download)."
    from latex2mathml.converter import convert
    parts = re.split(r'(```.*?```|`[^`\n]*`)', md, flags=re.S)
    def conv(m, display):
        try: return convert(m[1], display='block' if display else 'inline')
        except Exception: return html.escape(m[0])
    for i in range(0, len(parts), 2):
        parts[i] = re.sub(r'\$\$(.+?)\$\$', lambda m: conv(m, True), parts[i], flags=re.S)
        parts[i] = re.sub(r'(?<![\\$])\$([^$\n]+?)\$', lambda m: conv(m, False), parts[i])
    return ''.join(parts)

def markdown(md: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
    md = re.sub(r'(\]\([^)]*\))\{[^}\n]*\}', r'\1', md)       # Quarto link attributes ({target="_blank" ...}) from show_doc
    return markdown2html_mistune(math_to_mathml(md))

def code(src: str) -> str:
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer
    return highlight(src, PythonLexer(), HtmlFormatter(cssclass='code'))

def output(o) -> str:
    kind = o.get('output_type')
    if kind == 'stream': return f'<pre class="stream">{html.escape(_ansi(o.get("text", "")))}</pre>'
    if kind == 'error': return f'<pre class="error">{html.escape(_ansi(chr(10).join(o.get("traceback", []))))}</pre>'
    if kind == 'stream' and not _ansi(o.get('text', '')).strip(): return ''
    data = o.get('data', {})
    for mime in ('image/png', 'image/jpeg'):
        if mime in data: return f'<img src="data:{mime};base64,{"".join(data[mime]).strip()}" alt="figure">'
    if 'image/svg+xml' in data: return f'<div class="svg">{"".join(data["image/svg+xml"])}</div>'
    if 'text/html' in data: return f'<div class="html">{"".join(data["text/html"])}</div>'
    if 'text/markdown' in data: return f'<div class="md">{markdown("".join(data["text/markdown"]))}</div>'
    if 'text/plain' in data: return f'<pre class="plain">{html.escape("".join(data["text/plain"]))}</pre>'
    return ''

def _ansi(s) -> str: return re.sub(r'\x1b\[[0-9;]*[A-Za-z]', '', ''.join(s) if isinstance(s, list) else s)

def cells_html(nb) -> str:
    out = []
    for c in nb.cells:
        src = c.get('source', '') or ''
        if c.cell_type == 'markdown': out.append(f'<section class="md">{markdown(src)}</section>'); continue
        if c.cell_type != 'code': continue
        d = directives(src)
        if 'hide' in d or d.get('include') == 'false': continue
        body = _DIRECTIVE.sub('', src).strip()
        parts = [] if d.get('echo') == 'false' or not body else [code(body)]
        parts += [output(o) for o in c.get('outputs', [])]
        if any(parts): out.append('<section class="cell">' + ''.join(parts) + '</section>')
    return '\n'.join(out)

def title_of(nb, stem: str) -> tuple[str, str]:
    for c in nb.cells:
        if c.cell_type == 'markdown' and c.source.strip().startswith('# '):
            lines = c.source.strip().splitlines()
            desc = next((l.lstrip('> ').strip() for l in lines[1:] if l.startswith('>')), '')
            return lines[0][2:].strip(), desc
    return stem, ''

CSS = '''body{margin:0;font:15px/1.55 system-ui,sans-serif;color:#1d2430;display:flex}
nav{width:260px;flex:none;height:100vh;overflow:auto;position:sticky;top:0;background:#f4f6f9;border-right:1px solid #dde3ea;padding:14px}
nav h1{font-size:18px;margin:0 0 10px} nav h2{font-size:12px;text-transform:uppercase;color:#5b6b7d;margin:16px 0 4px}
nav a{display:block;color:#1d2430;text-decoration:none;padding:2px 6px;border-radius:4px;font-size:14px}
nav a.here{background:#dce8f7;font-weight:600} main{flex:1;max-width:1000px;padding:10px 40px 60px;min-width:0}
pre,.code{overflow:auto;background:#f6f8fa;border-radius:6px;padding:8px 10px;font-size:13px}
.stream,.plain{background:#fff;border-left:3px solid #dde3ea} .error{background:#fff0f0}
img{max-width:100%} table{border-collapse:collapse;margin:8px 0} td,th{border:1px solid #dde3ea;padding:3px 8px;font-size:14px}
section.cell{margin:12px 0} .desc{color:#5b6b7d;font-size:16px;margin-top:-6px}'''
# After load: how many images failed to load (the docs test reads it back from a headless browser).
CHECK = ('<script>addEventListener("load",()=>{document.body.dataset.brokenImages=[...document.images]'
         '.filter(i=>!i.complete||i.naturalWidth===0).length;document.body.dataset.loaded="1"})</script>')

def page(title: str, desc: str, body: str, nav: str) -> str:
    return (f'<!doctype html><html lang="en"><meta charset="utf-8"><title>{html.escape(title)} – talkhead_nb</title>'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><style>{CSS}</style>'
            f'{CHECK}<body><nav><h1><a href="index.html">talkhead_nb</a></h1>{nav}</nav><main><h1>{html.escape(title)}</h1>'
            + (f'<p class="desc">{html.escape(desc)}</p>' if desc else '') + f'{body}</main></body></html>')

def sidebar(pages: list[tuple[str, str]], here: str) -> str:
    out, seen = [], set()
    for group, prefixes in GROUPS:
        items = [(s, t) for s, t in pages if s not in seen and any(s.startswith(p) for p in prefixes)]
        if not items: continue
        seen |= {s for s, _ in items}
        out.append(f'<h2>{html.escape(group)}</h2>' + ''.join(
            f'<a href="{s}.html"{" class=here" if s == here else ""}>{html.escape(t)}</a>' for s, t in items))
    return ''.join(out)

def offline(out: Path, execute_nbs: bool = True, only: list[str] | None = None) -> int:
    from execnb.nbio import read_nb
    os.environ.setdefault('MPLBACKEND', 'Agg')
    paths = [ROOT / 'index.ipynb'] + sorted((ROOT / 'nbs').glob('*.ipynb'))
    if only: paths = [p for p in paths if p.stem in only or p.stem == 'index']
    out.mkdir(parents=True, exist_ok=True)
    rendered = []
    for p in paths:
        nb = read_nb(p)
        t, d = title_of(nb, p.stem)          # before nbdev's FrontmatterProc turns the title cell into front matter
        if execute_nbs: execute(nb, p)
        process(nb, p)
        rendered.append((p.stem, t, d, cells_html(nb)))
        print(f'processed {p.name}', flush=True)
    pages = [(s, t) for s, t, _, _ in rendered]
    for s, t, d, body in rendered:
        (out / f'{s}.html').write_text(page(t, d, body, sidebar(pages, s)))
    print(f'site: {out / "index.html"} ({len(rendered)} pages)')
    return 0

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--offline', action='store_true', help='the offline build even when Quarto is installed')
    ap.add_argument('--no-exec', action='store_true', help="do not execute the notebooks (show_doc output only)")
    ap.add_argument('--only', nargs='*', help='notebook names (stems) to build, besides the index')
    ap.add_argument('--out', default=str(ROOT / '_docs'))
    a = ap.parse_args()
    if shutil.which('quarto') and not a.offline: sys.exit(with_quarto())
    sys.exit(offline(Path(a.out), not a.no_exec, a.only))
