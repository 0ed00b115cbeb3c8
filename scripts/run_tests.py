"""`make test`: sync check, notebook tests (nbdev_test) and pytest; ends with one line `N passed, N failed`.

1. `nbdev_export`, `nbdev_clean` and the README generator must not change any file: if they do, the notebooks,
   the library and the README drifted apart, and we list the files.
2. `nbdev_test` runs every notebook (cells flagged cuda/slow/weights are skipped, as settings.ini's tst_flags say).
3. `pytest tests/`.
Each notebook counts as one test, each pytest test as one.
"""
import hashlib, os, re, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

def snapshot() -> dict:
    files = [p for p in ROOT.glob('talkhead_nb/**/*.py')] + list(ROOT.glob('nbs/**/*.ipynb')) + [ROOT/'index.ipynb', ROOT/'README.md']
    return {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.exists()}

def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, text=True, capture_output=True, **kw)

def sync_check() -> list[str]:
    before = snapshot()
    steps = [[str(BIN/'nbdev_export')], [str(BIN/'nbdev_clean')], [str(BIN/'nbdev_clean'), '--fname', 'index.ipynb'],
             [sys.executable, 'scripts/readme.py']]
    for cmd in steps:
        r = run(cmd)
        if r.returncode: print(f'sync: {" ".join(Path(c).name for c in cmd)} failed:\n{r.stdout}{r.stderr}'); return ['<command failed>']
    after = snapshot()
    drift = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    if os.environ.get('CI') or os.environ.get('TALKHEAD_STRICT_GIT'):
        st = run(['git', 'status', '--porcelain']).stdout.strip()
        if st: drift += [f'(git not clean) {l}' for l in st.splitlines()]
    return drift

def notebook_tests() -> tuple[int, int, list[str]]:
    passed, failed, names = 0, 0, []
    for path in ['nbs', 'index.ipynb']:
        t0 = time.time()
        r = run([str(BIN/'nbdev_test'), '--path', path, '--n_workers', os.environ.get('NBDEV_WORKERS', '2'), '--do_print', '--timing'])
        out = r.stdout + r.stderr
        done = {Path(d.strip()).name for d in re.findall(r'^- Completed (.+)$', out, flags=re.M)}   # nbdev prints it for failed notebooks too
        bad = re.findall(r'^\s+(\S+\.ipynb)\s*$', out.split('Failed On The Following Notebooks')[-1], flags=re.M) if 'Failed On' in out else []
        if r.returncode and not bad: bad = [f'{path} (nbdev_test exit {r.returncode})']
        passed += len(done - set(bad)); failed += len(bad)
        if bad: print(out[-6000:])
        slow = re.findall(r'^(\S+\.ipynb): (\d+) secs$', out, flags=re.M)[:8]   # --timing: slowest first (printed on success)
        if slow: print('slowest notebooks: ' + ', '.join(f'{n} {s} s' for n, s in slow), flush=True)
        names += [f'FAIL {b}' for b in bad]
        print(f'nbdev_test {path}: {len(done)} passed, {len(bad)} failed ({time.time()-t0:.0f} s)', flush=True)
    return passed, failed, names

def pytest_tests() -> tuple[int, int]:
    t0 = time.time()
    r = subprocess.run([sys.executable, '-m', 'pytest', 'tests', '-q', '-p', 'no:cacheprovider', '--durations=5'], cwd=ROOT, text=True, capture_output=True)
    print(r.stdout[-8000:] + r.stderr[-2000:])
    last = [l for l in r.stdout.splitlines() if re.search(r'\d+ (passed|failed|error)', l)]
    summ = last[-1] if last else ''
    p = int(m.group(1)) if (m := re.search(r'(\d+) passed', summ)) else 0
    f = sum(int(x) for x in re.findall(r'(\d+) (?:failed|errors?)', summ))
    if r.returncode not in (0, 1, 5) and f == 0: f = 1  # crashed collection, internal error
    if r.returncode == 1 and f == 0: f = 1
    print(f'pytest: {p} passed, {f} failed ({time.time()-t0:.0f} s)', flush=True)
    return p, f

def main() -> int:
    t0 = time.time()
    drift = sync_check()
    sync_fail = 0
    if drift:
        sync_fail = 1
        print('FAIL sync: nbdev_export / nbdev_clean / README generation changed these files; the notebooks and the '
              'library (or README) are out of sync. Run `make sync`, review and commit:\n  ' + '\n  '.join(drift), flush=True)
    else: print('sync: notebooks, library and README are in sync and clean', flush=True)
    np_, nf, _ = notebook_tests()
    pp, pf = pytest_tests()
    passed, failed = np_ + pp + (0 if sync_fail else 1), nf + pf + sync_fail
    print(f'total time {time.time()-t0:.0f} s')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0

if __name__ == '__main__': sys.exit(main())
