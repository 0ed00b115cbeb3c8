__version__ = "0.1.0"

# Make torchvision (and so lpips / facenet_pytorch) importable on a CPU-only torch; a no-op where its
# C++ extension loads. See nbs/01_compat.ipynb.
from .compat import ensure_torchvision_ops as _ensure_torchvision_ops
_ensure_torchvision_ops()


def lazy_exports(package: str, exports: dict):
    """`(__getattr__, __dir__)` for a model-family package that re-exports `exports` (name -> submodule) lazily
    (PEP 562): `from talkhead_nb.<family> import X` loads only the module that defines X. Each family's `__init__.py`
    holds its table (`scripts/family_init.py` writes it; `tests/test_structure.py` checks it)."""
    import importlib, sys
    def __getattr__(name: str):
        if name in exports: return getattr(importlib.import_module(f'{package}.{exports[name]}'), name)
        raise AttributeError(f'module {package!r} has no attribute {name!r}')
    def __dir__(): return sorted(set(vars(sys.modules[package])) | set(exports))
    return __getattr__, __dir__
