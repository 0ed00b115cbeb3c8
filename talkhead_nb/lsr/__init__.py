"""Learned Spatial Representations for few-shot talking heads (Meshry et al., ICCV 2021): the landmark sketches that
condition every network (`sketch`), the networks (`model`), the two training stages and their schedule (`train`), and
K-shot synthesis, fine-tuning and reenactment (`infer`).

Written by hand: the public names of its modules, re-exported lazily (`talkhead_nb.lazy_exports`)."""
from talkhead_nb import lazy_exports

_EXPORTS = {
    # sketch
    'SKETCH_PARTS': 'sketch', 'landmark_sketch': 'sketch', 'sketch_colors': 'sketch', 'sketch_width': 'sketch',
    # model
    'Encoder': 'model', 'EncoderBlock': 'model', 'ImageGenerator': 'model', 'LSR': 'model', 'LSRConfig': 'model',
    'LSRDiscriminator': 'model', 'LayoutGenerator': 'model', 'ResBlockDown': 'model', 'ResBlockUp': 'model',
    'halve': 'model', 'layer_table': 'model',
    # train
    'FINETUNE_STEPS': 'train', 'LSRTrainConfig': 'train', 'fewshot_batch': 'train', 'finetune_steps': 'train',
    'load_layout_stage': 'train', 'load_lsr': 'train', 'lr_factor': 'train', 'lsr_d_loss': 'train',
    'lsr_step': 'train', 'save_layout_stage': 'train', 'set_lr': 'train', 'train_lsr': 'train',
    # infer
    'check_shots': 'infer', 'finetune': 'infer', 'reenact': 'infer', 'relative_landmarks': 'infer',
    'similarity': 'infer', 'synthesize': 'infer',
    # bench
    'BETTER': 'bench', 'FACE_PARTS': 'bench', 'HAND_RGB': 'bench', 'Instruments': 'bench', 'METRICS': 'bench',
    'MTCNN_REL': 'bench', 'WORLD': 'bench', 'benchmark_bars': 'bench', 'benchmark_table': 'bench',
    'bootstrap_ci': 'bench', 'condition_key': 'bench', 'cross_identity_stills': 'bench', 'frame_scores': 'bench',
    'fsth_identities': 'bench', 'layout_accuracy': 'bench', 'lsr_benchmark': 'bench', 'occlude': 'bench',
    'paired_diff': 'bench', 'pose_bins': 'bench', 'pose_difference': 'bench', 'run_condition': 'bench',
    'summarize': 'bench',
}

__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
