__version__ = "0.1.0"

# Make torchvision (and so lpips / facenet_pytorch) importable on a CPU-only torch; a no-op where its
# C++ extension loads. See nbs/01_compat.ipynb.
from .compat import ensure_torchvision_ops as _ensure_torchvision_ops
_ensure_torchvision_ops()
