"""Dynamic Neural Portraits: the model (`model`), its data (`data`), training and reenactment (`train`), and
its measurement (`bench`).

The public names of the family's modules, re-exported explicitly and imported lazily (PEP 562):
`from talkhead_nb.dnp import X` loads only the module that defines X.
Written by hand (nbdev leaves `__init__.py` alone);
`tests/test_structure.py` checks that this table matches the modules' `__all__` (the command-line glue in
`commands` is left out: `talkhead` loads it)."""

_EXPORTS = {
    # model
    'DNPConfig': 'model', 'DynamicNeuralPortrait': 'model', 'MIN_CH': 'model', 'PortraitDecoder': 'model',
    'PortraitMLP': 'model', 'TileDecoder': 'model', 'VARIANTS': 'model', 'load_portrait': 'model',
    'pixel_grid': 'model', 'posenc': 'model', 'save_portrait': 'model',
    # data
    'PortraitVideo': 'data', 'TINY_DATA': 'data', 'TINY_STEPS': 'data', 'nearest_frames': 'data',
    'nearest_rows': 'data',
    # train
    'DNPTrainConfig': 'train', 'TINY_TRAIN': 'train', 'choose_latents': 'train', 'dnp_step': 'train',
    'portrait_from_data': 'train', 'reenact': 'train', 'reenact_video': 'train', 'train_dnp': 'train',
    # bench
    'CrossRow': 'bench', 'DNPEval': 'bench', 'NAMES': 'bench', 'NEAREST': 'bench', 'RegressorRow': 'bench',
    'SelfRow': 'bench', 'cross_driver': 'bench', 'dnp_eval': 'bench', 'eval_check': 'bench', 'eval_figures': 'bench',
    'evaluate_cross': 'bench', 'evaluate_regressor': 'bench', 'evaluate_self': 'bench', 'motion_distances': 'bench',
    'render_fps': 'bench', 'self_outputs': 'bench', 'shipped_portraits': 'bench',
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__(): return sorted(set(globals()) | set(_EXPORTS))
