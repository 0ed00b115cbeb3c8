"""The offline docs site, checked in a headless browser: no directive text, every page reachable from the index, every
image loads, math rendered, signatures from nbdev's show_doc."""
import re, shutil, subprocess, sys
from pathlib import Path
import pytest
from conftest import ROOT

CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--virtual-time-budget=8000']

@pytest.fixture(scope='module')
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp('docs')
    r = subprocess.run([sys.executable, 'scripts/docs.py', '--offline', '--only', '00_core', '12_metrics', '--out', str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return out

def dom(page: Path, profile: Path) -> str:
    "The page's DOM after load, as a real (headless) Chromium rendered it."
    r = subprocess.run([CHROMIUM, *FLAGS, f'--user-data-dir={profile}', '--dump-dom', page.as_uri()], capture_output=True, text=True, timeout=120)
    return r.stdout

@pytest.mark.skipif(CHROMIUM is None, reason='Chromium is not installed (make setup installs it where apt-get is available)')
def test_site_in_a_headless_browser(site, tmp_path):
    pages = {p.name: dom(p, tmp_path / 'profile') for p in sorted(site.glob('*.html'))}
    assert set(pages) == {'index.html', '00_core.html', '12_metrics.html'}
    for name, d in pages.items():
        assert 'data-loaded="1"' in d, f'{name}: the page did not finish loading'
        assert 'data-broken-images="0"' in d, f'{name}: an image failed to load'
        main = d.split('<main>', 1)[1]
        assert '#|' not in main and 'default_exp' not in main, f'{name}: directive text is visible'
        assert 'In [' not in main, f'{name}: notebook prompts are visible'
    reach, todo = set(), ['index.html']                   # every page reachable from the index through links
    while todo:
        p = todo.pop()
        if p in reach: continue
        reach.add(p); todo += [h for h in re.findall(r'href="([\w.-]+\.html)"', pages[p]) if h in pages]
    assert reach == set(pages)
    core, metrics = pages['00_core.html'], pages['12_metrics.html']
    assert '<img src="data:image/png' in core                                     # the notebook's figures
    assert 'save_checkpoint' in core and 'class="code"' in core                    # show_doc signatures
    assert '<math' in metrics                                                     # L1 / PSNR formulas as MathML
    assert '<nav>' in core and 'Foundations' in core                               # the sidebar, grouped by family
