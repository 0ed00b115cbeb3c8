"""Re-measuring never overwrites shipped files: scripts write into data/ only with --ship; notebooks never pass it."""
import hashlib, json, re, subprocess, sys
from pathlib import Path
import pytest
from conftest import ROOT

def data_snapshot() -> dict:
    return {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((ROOT / 'data').rglob('*')) if p.is_file()}

def test_notebooks_never_ship():
    "No notebook cell, slow ones included (JupyterLab's Run All runs them), asks a script to --ship or writes a data/ path."
    bad = []
    for nb in sorted((ROOT / 'nbs').glob('*.ipynb')):
        for c in json.loads(nb.read_text())['cells']:
            src = ''.join(c['source'])
            if c['cell_type'] != 'code' or src.startswith('#| export'): continue
            if re.search(r"""['"]--ship['"]""", src) or re.search(r'(save_\w+|write_video|write_text|write_bytes)\(.*data_path\(', src):
                bad.append(f'{nb.name}: {src.splitlines()[0][:80]}')
    assert not bad, bad

def test_scripts_that_write_data_need_ship():
    "Every script that can write into data/ has a --ship flag, and writes there only through it."
    for s in sorted((ROOT / 'scripts').glob('*.py')):
        src = s.read_text()
        if s.name in ('docs.py', 'readme.py', 'run_tests.py', 'oracle_stylegan3.py'): continue
        writes = 'write_target(' in src or 'must_exist=False' in src or re.search(r"'data'\s*/", src)
        if writes: assert "'--ship'" in src, f'{s.name} writes into data/ without a --ship flag'
        assert 'must_exist=False' not in src, f'{s.name}: write paths go through core.write_target'

def test_remeasuring_script_leaves_data_untouched(tmp_path):
    "The S-channel notebook's slow cell, in miniature: re-projection and discovery write to --out, data/ is unchanged."
    cmd = ['discover_channels.py', '--n', '2', '--steps', '1', '--batch', '2', '--reproject', '--w-lpips', '0']
    before = data_snapshot()
    r = subprocess.run([sys.executable, str(ROOT / 'scripts' / cmd[0]), *cmd[1:], '--out', str(tmp_path)], cwd=tmp_path,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert data_snapshot() == before
    assert any(tmp_path.iterdir())
