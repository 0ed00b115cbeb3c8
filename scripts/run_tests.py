"""`make test`: sync check, notebook tests (nbdev_test) and pytest; ends with one line `N passed, N failed`.

1. `nbdev_export`, `nbdev_clean` and the README generator must not change any file: if they do, the notebooks,
   the library and the README drifted apart, and we list the files.
2. `nbdev_test` runs every notebook, each in a process of its own (cells flagged cuda/slow/weights are skipped, as
   settings.ini's tst_flags say), and 3. `pytest tests/` runs as one more job: two jobs at a time, longest first.
   Each notebook's time and peak memory are printed, and a notebook over 4 GB fails.
Each notebook counts as one test, each pytest test as one.
"""
import hashlib, json, os, re, subprocess, sys, tempfile, time
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

# rough times of the slowest jobs on an idle 2-core machine: a fresh clone starts them first
EXPECTED_SECS = {'pytest': 560, '34_sg3_invert.ipynb': 155, '40_v2s_channels.ipynb': 140, '48_v2s_local_features.ipynb': 110,
                 '49_v2s_reproduce.ipynb': 105, '41_v2s_method.ipynb': 110, '13_face.ipynb': 80, '33_sg3_train.ipynb': 65,
                 '80_widgets.ipynb': 60, '14_posenet.ipynb': 50, '15_prep.ipynb': 40,
                 '60_vqe_codebook.ipynb': 60, '65_vqe_commands.ipynb': 110, '66_vqe_bench.ipynb': 40}
MEM_LIMIT_MB = 4096        # no notebook may need more than this (issue #25): each runs in a process of its own
PYTEST = [sys.executable, '-m', 'pytest', 'tests', '-q', '-p', 'no:cacheprovider', '--durations=10']

def run_jobs() -> dict:
    """Every notebook in its own `nbdev_test` process, and pytest as one more job, `NBDEV_WORKERS` (2) at a time,
    longest first (by the last run's times, kept in .notebook_times.json): each job's wall time and peak resident
    memory are measured (`os.wait4`). One BLAS/OpenMP thread per job, so two jobs fill two cores."""
    nbs = sorted((ROOT / 'nbs').glob('*.ipynb')) + [ROOT / 'index.ipynb']
    times_file = ROOT / '.notebook_times.json'
    try: last = json.loads(times_file.read_text())
    except (OSError, ValueError): last = EXPECTED_SECS
    jobs = {nb.name: [str(BIN / 'nbdev_test'), '--path', str(nb), '--n_workers', '0', '--do_print'] for nb in nbs}
    jobs['pytest'] = PYTEST
    queue = sorted(jobs, key=lambda n: -last.get(n, 30))
    slots, running, results = int(os.environ.get('NBDEV_WORKERS', '2')), {}, {}
    threads = str(max(1, (os.cpu_count() or 2) // slots))
    env = {**os.environ, 'OMP_NUM_THREADS': threads, 'MKL_NUM_THREADS': threads}
    while queue or running:
        while queue and len(running) < slots:
            name = queue.pop(0)
            log = tempfile.TemporaryFile('w+')
            proc = subprocess.Popen(jobs[name], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True, env=env)
            running[proc.pid] = (name, proc, log, time.time())
        pid, status, usage = os.wait4(-1, 0)
        if pid not in running: continue
        name, proc, log, start = running.pop(pid)
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0); out = log.read(); log.close()
        results[name] = dict(ok=proc.returncode == 0, rc=proc.returncode, secs=time.time() - start,
                             mb=usage.ru_maxrss / 1024, out=out)
        r = results[name]
        if name != 'pytest':
            print(f"  {'ok  ' if r['ok'] else 'FAIL'} {name:32s} {r['secs']:6.0f} s {r['mb']:7.0f} MB", flush=True)
    try: times_file.write_text(json.dumps({n: round(r['secs'], 1) for n, r in results.items()}, indent=1))
    except OSError: pass
    return results

def notebook_report(results: dict) -> tuple[int, int]:
    res = {n: r for n, r in results.items() if n != 'pytest'}
    bad = [n for n, r in res.items() if not r['ok']]
    heavy = [n for n, r in res.items() if r['mb'] > MEM_LIMIT_MB]
    for n in bad: print(f'--- {n} failed:\n' + res[n]['out'][-6000:])
    for n in heavy: print(f'FAIL {n}: peak resident memory {res[n]["mb"]:.0f} MB exceeds {MEM_LIMIT_MB} MB')
    slow = sorted(res.items(), key=lambda kv: -kv[1]['secs'])[:8]
    print('slowest notebooks: ' + ', '.join(f'{n} {r["secs"]:.0f} s' for n, r in slow))
    print(f'peak memory: {max(r["mb"] for r in res.values()):.0f} MB ({max(res, key=lambda n: res[n]["mb"])}); '
          f'notebook time summed: {sum(r["secs"] for r in res.values()):.0f} s')
    failed = set(bad) | set(heavy)
    print(f'notebooks: {len(res) - len(failed)} passed, {len(failed)} failed', flush=True)
    return len(res) - len(failed), len(failed)

def pytest_report(r: dict) -> tuple[int, int]:
    out = r['out']
    print(out[-8000:])
    last = [l for l in out.splitlines() if re.search(r'\d+ (passed|failed|error)', l)]
    summ = last[-1] if last else ''
    p = int(m.group(1)) if (m := re.search(r'(\d+) passed', summ)) else 0
    f = sum(int(x) for x in re.findall(r'(\d+) (?:failed|errors?)', summ))
    if r['rc'] not in (0, 1, 5) and f == 0: f = 1  # crashed collection, internal error
    if r['rc'] == 1 and f == 0: f = 1
    print(f'pytest: {p} passed, {f} failed ({r["secs"]:.0f} s, peak {r["mb"]:.0f} MB)', flush=True)
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
    results = run_jobs()
    np_, nf = notebook_report(results)
    pp, pf = pytest_report(results['pytest'])
    passed, failed = np_ + pp + (0 if sync_fail else 1), nf + pf + sync_fail
    print(f'total time {time.time()-t0:.0f} s')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0

if __name__ == '__main__': sys.exit(main())
