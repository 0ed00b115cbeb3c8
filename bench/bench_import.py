"""Import time of talkhead_nb + lpips + facenet_pytorch in fresh interpreters (acceptance: under 5 s on CPU)."""
import statistics, subprocess, sys, time

def once(code):
    t = time.perf_counter(); subprocess.run([sys.executable, '-c', code], check=True); return time.perf_counter() - t

if __name__ == '__main__':
    base = [once('import torch') for _ in range(3)]
    ours = [once('import talkhead_nb, lpips, facenet_pytorch') for _ in range(3)]
    print(f'import torch                                 : median {statistics.median(base):.2f} s')
    print(f'import talkhead_nb, lpips, facenet_pytorch    : median {statistics.median(ours):.2f} s (target < 5 s)')
    print(f'ratio to bare torch import                   : {statistics.median(ours) / statistics.median(base):.2f}x')
