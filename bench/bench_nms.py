"""NMS fallback kernel (talkhead_nb.compat.nms_reference) against a full-IoU-matrix greedy NMS built on
torchvision.ops.box_iou, side by side on MTCNN-like box sets. Outputs must match exactly."""
import time, torch, torchvision
from talkhead_nb.compat import nms_reference

def matrix_nms(boxes, scores, thr):
    iou = torchvision.ops.box_iou(boxes, boxes)
    order = scores.argsort(descending=True, stable=True)
    dead = torch.zeros(len(boxes), dtype=torch.bool); keep = []
    for i in order.tolist():
        if dead[i]: continue
        keep.append(i); dead |= iou[i] > thr
    return torch.tensor(keep)

def timeit(f, *a, reps=5):
    f(*a); t = time.perf_counter()
    for _ in range(reps): out = f(*a)
    return (time.perf_counter() - t) / reps, out

if __name__ == '__main__':
    g = torch.Generator().manual_seed(0)
    for n in [200, 2000, 8000]:
        xy = torch.rand(n, 2, generator=g) * 1000; wh = torch.rand(n, 2, generator=g) * 60 + 12
        b = torch.cat([xy, xy + wh], 1); s = torch.rand(n, generator=g)
        t_ours, k1 = timeit(nms_reference, b, s, 0.5)
        t_ref, k2 = timeit(matrix_nms, b, s, 0.5)
        assert torch.equal(k1, k2)
        print(f'N={n:5d}: ours {t_ours*1e3:8.2f} ms | full-matrix reference {t_ref*1e3:8.2f} ms | speed-up {t_ref/t_ours:.2f}x | kept {len(k1)}')
