"""The lock is exact and complete, the environment it makes is consistent, and JupyterLab's extensions fit the pinned lab."""
import importlib.metadata as md, json, os, re, subprocess, sys
from pathlib import Path
from conftest import ROOT

def norm(name: str) -> str: return re.sub(r'[-_.]+', '-', name).lower()

def lock() -> dict:
    pins = {}
    for line in (ROOT / 'requirements-lock.txt').read_text().splitlines():
        line = line.split('#')[0].strip()
        if not line: continue
        name, _, ver = line.partition('==')
        assert ver, f'requirements-lock.txt: {line!r} is not an exact pin'
        pins[norm(name)] = ver
    return pins

def test_lock_pins_every_installed_package_exactly():
    "Every distribution in this environment is in the lock at its installed version, and every pin is installed."
    pins = lock()
    import sysconfig                                       # site-packages only: not setuptools' vendored copies that
    site = list({sysconfig.get_paths()['purelib'], sysconfig.get_paths()['platlib']})   # pkg_resources puts on sys.path
    installed = {norm(d.metadata['Name']): d.version for d in md.distributions(path=site)}
    installed.pop('talkhead-nb', None); installed.pop('pip', None)
    strip = lambda v: v.split('+')[0]                     # torch 2.13.0+cpu is the local CPU build of the 2.13.0 pin
    assert {k: strip(v) for k, v in installed.items()} == {k: strip(v) for k, v in pins.items()}

def test_pip_check_is_clean():
    r = subprocess.run([sys.executable, '-m', 'pip', 'check'], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr

def _caret_ok(req: list, have: str) -> bool:
    "webpack's [1, major, minor, patch] (^major.minor.patch) against an installed version."
    h = [int(x) for x in re.findall(r'\d+', have)[:3]]
    want = req[1:4]
    return h[0] == want[0] and h[:3] >= want[:3] if want[0] else h[:2] == want[:2] and h[2] >= want[2]

def test_lab_extensions_fit_the_pinned_jupyterlab():
    "No 'Unsatisfied version' warning at page load: every shared @jupyterlab singleton an extension needs, JupyterLab has."
    share = Path(sys.prefix) / 'share' / 'jupyter'
    res = json.loads((share / 'lab' / 'static' / 'package.json').read_text())['resolutions']
    problems, checked = [], 0
    for entry in (share / 'labextensions').rglob('remoteEntry*.js'):
        js = entry.read_text()
        reqs = re.findall(r'"(@jupyterlab/[a-z-]+)",\s*(?:!1|false),\s*\[([0-9,]+)\]', js)          # [1, major, minor, patch]
        reqs += [(n, '1,' + v.replace('.', ',')) for n, v in                                       # requiredVersion:"^x.y.z"
                 re.findall(r'shareKey:"(@jupyterlab/[a-z-]+)"[^}]*?requiredVersion:"\^(\d+\.\d+\.\d+)"', js)]
        for name, req in reqs:
            have = res.get(name)
            if have is None: continue
            checked += 1
            if not _caret_ok([int(x) for x in req.split(',')], have.lstrip('~^')):
                problems.append(f'{entry.parts[-3]}: {name} needs ^{".".join(req.split(",")[1:])}, JupyterLab has {have}')
    assert checked > 5 and not problems, problems

def test_make_lab_runs_as_root():
    out = subprocess.run(['make', '-n', 'lab'], cwd=ROOT, capture_output=True, text=True).stdout
    line = [l for l in out.splitlines() if 'jupyter lab' in l][-1]
    assert ('--allow-root' in line) == (os.getuid() == 0), line
