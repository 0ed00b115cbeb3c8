import subprocess, sys, textwrap, time
from conftest import ROOT

def py(code, timeout=120):
    return subprocess.run([sys.executable, '-c', textwrap.dedent(code)], capture_output=True, text=True, timeout=timeout, cwd=ROOT)

def test_bare_imports_in_fresh_interpreter():
    "lpips and facenet_pytorch import and run in a fresh interpreter, without importing talkhead_nb first."
    r = py('''
        import time; t = time.time()
        import lpips, facenet_pytorch, torchvision, torch
        print('import_s', time.time() - t)
        keep = torchvision.ops.nms(torch.tensor([[0, 0, 10, 10.], [1, 1, 10, 10], [20, 20, 30, 30]]), torch.tensor([.9, .8, .7]), .5)
        assert keep.tolist() == [0, 2], keep
        ''')
    assert r.returncode == 0, r.stderr
    print(r.stdout)  # import time is reported by bench/bench_import.py, not asserted

def test_import_order_talkhead_first_and_after():
    for order in ['import talkhead_nb, lpips, facenet_pytorch', 'import torchvision, lpips; import talkhead_nb, facenet_pytorch']:
        r = py(f'''
            {order}
            import torch, torchvision
            from torchvision.ops import batched_nms
            assert batched_nms(torch.tensor([[0, 0, 10, 10.], [0, 0, 10, 10]]), torch.tensor([.9, .8]), torch.tensor([0, 1]), .5).tolist() == [0, 1]
            print(talkhead_nb.compat.ensure_torchvision_ops())
            ''')
        assert r.returncode == 0, (order, r.stderr)

def test_noop_when_extension_loads():
    "Where torchvision's extension loads, the layer registers and patches nothing."
    r = py('''
        import sys, torch
        import talkhead_nb.compat as c
        c._STATE['mode'] = None
        c.torchvision_extension_loads = lambda: True
        n_hooks = len(sys.meta_path)
        assert c.ensure_torchvision_ops() == 'native'
        assert len(sys.meta_path) == n_hooks
        print('ok')
        ''')
    assert r.returncode == 0 and 'ok' in r.stdout, r.stderr

def test_mtcnn_runs_on_fallback():
    r = py('''
        import numpy as np
        from facenet_pytorch import MTCNN
        from skimage import data
        boxes, probs = MTCNN(keep_all=True).detect(data.astronaut())
        assert len(boxes) == 1 and float(probs[0]) > 0.99, (boxes, probs)
        ''')
    assert r.returncode == 0, r.stderr
