"""Synthetic-world renderer speed: frames/s at 128² and 256², one frame at a time and batched, against the budget the
issue sets for this 2-core CPU (≥ 50 fps at 128², ≥ 10 fps at 256²). Prints the ratio to the budget."""
import time, torch
from talkhead_nb.synth import render, random_params

BUDGET = {128: 50, 256: 10}

def fps(size, batch, n=48):
    ps = [random_params(i) for i in range(n)]
    render(ps[:batch], size)  # warm up
    t = time.perf_counter()
    for i in range(0, n, batch): render(ps[i:i + batch], size)
    return n / (time.perf_counter() - t)

if __name__ == '__main__':
    print(f'torch {torch.__version__}, {torch.get_num_threads()} threads')
    for size in (128, 256):
        for batch in (1, 16):
            f = fps(size, batch)
            print(f'{size}²  batch {batch:2d}: {f:6.1f} frames/s | budget {BUDGET[size]} | ratio {f / BUDGET[size]:.2f}x')
