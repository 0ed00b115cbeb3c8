"""Dynamic Neural Portraits: the model (`model`), its data (`data`), training and reenactment (`train`), and its
measurement (`bench`); the command-line glue (`commands`) is left out.

Written by hand: the public names of its modules, re-exported lazily (`talkhead_nb.lazy_exports`)."""
from talkhead_nb import lazy_exports

_EXPORTS = {
    # model
    'DNPConfig': 'model', 'DynamicNeuralPortrait': 'model', 'MIN_CH': 'model', 'PortraitDecoder': 'model',
    'PortraitMLP': 'model', 'TileDecoder': 'model', 'VARIANTS': 'model', 'load_portrait': 'model',
    'pixel_grid': 'model', 'posenc': 'model', 'save_portrait': 'model',
    # data
    'PortraitVideo': 'data', 'TINY_DATA': 'data', 'TINY_STEPS': 'data', 'nearest_frames': 'data',
    'nearest_rows': 'data', 'portrait_crop': 'data',
    # train
    'DNPTrainConfig': 'train', 'TINY_TRAIN': 'train', 'choose_latents': 'train', 'dnp_step': 'train',
    'export_portrait': 'train', 'portrait_from_data': 'train', 'reenact': 'train', 'reenact_video': 'train',
    'train_dnp': 'train',
    # bench
    'CrossRow': 'bench', 'DNPEval': 'bench', 'NAMES': 'bench', 'NEAREST': 'bench', 'RegressorRow': 'bench',
    'SelfRow': 'bench', 'cross_driver': 'bench', 'dnp_eval': 'bench', 'eval_check': 'bench', 'eval_figures': 'bench',
    'evaluate_cross': 'bench', 'evaluate_regressor': 'bench', 'evaluate_self': 'bench', 'motion_distances': 'bench',
    'render_fps': 'bench', 'self_outputs': 'bench', 'shipped_portraits': 'bench',
}

__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
