"""Regenerate requirements-lock.txt from the current .venv: every installed distribution, exactly as `pip freeze` pins it.

usage: make lock   (after changing a pin: edit requirements-lock.txt, `make setup`, then `make lock` to re-resolve the rest)"""
import re, subprocess, sys
from pathlib import Path

HEADER = """# Exact pins for talkhead_nb's development and CI environment (CPU, Python 3.11): every package of the resolved set,
# as pip freeze lists it (regenerate: make lock). `make setup` installs them in ONE pip command so that torch stays the
# local CPU wheel. settings.ini keeps the package's own, looser requirements.
# jupyterlab_widgets 3.0.15 is the newest built against JupyterLab 4.4 (3.0.17 needs @jupyterlab/services ^7.6.2).
"""
out = subprocess.run([sys.executable, '-m', 'pip', 'freeze', '--all', '--exclude-editable'], capture_output=True, text=True, check=True).stdout
lines = [re.sub(r'^(torch==[\d.]+)\+cpu$', r'\1', l) for l in out.splitlines() if l and not re.match(r'^(pip|talkhead[-_]nb)==', l)]
bad = [l for l in lines if '==' not in l]
if bad: sys.exit(f'cannot lock these (not from an index): {bad}')
Path(__file__).resolve().parents[1].joinpath('requirements-lock.txt').write_text(HEADER + '\n'.join(sorted(lines, key=str.lower)) + '\n')
print(f'locked {len(lines)} packages')
