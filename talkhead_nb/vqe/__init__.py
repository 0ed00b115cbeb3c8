"""VQ-StyleGAN performance editing: Stage I codebook masks (`codebook`), the Stage-II generator and discriminator
(`generator`), code-mask editing (`masks`), training and the model object (`train`), edit reports and cross-shot
expression transfer (`edit`), and the reproduction's measurements (`bench`).

Written by hand: the public names of its modules, re-exported lazily (`talkhead_nb.lazy_exports`)."""
from talkhead_nb import lazy_exports

_EXPORTS = {
    # codebook
    'Codebook': 'codebook', 'LABELS': 'codebook', 'best_layer': 'codebook', 'code_majority': 'codebook',
    'fit_codebook': 'codebook', 'label_f1': 'codebook', 'layer_features': 'codebook', 'layer_scan': 'codebook',
    'nmi': 'codebook', 'refined_labels': 'codebook', 'spherical_kmeans': 'codebook', 'upsample_codes': 'codebook',
    # generator
    'UpBlock': 'generator', 'VQEConfig': 'generator', 'VQEDiscriminator': 'generator', 'VQEGenerator': 'generator',
    'layer_table': 'generator', 'window_onehot': 'generator',
    # masks
    'CodeMasks': 'masks', 'REGIONS': 'masks', 'code_palette': 'masks', 'face_region': 'masks',
    # train
    'Stage1': 'train', 'Stage1Config': 'train', 'VQE': 'train', 'VQETrainConfig': 'train', 'fit_stage1': 'train',
    'load_stage1': 'train', 'recalibrate_bn': 'train', 'subject_video': 'train', 'train_stage2': 'train',
    'video_codes': 'train', 'vqe_step': 'train',
    # edit
    'EditReport': 'edit', 'LOWER_FACE_POINTS': 'edit', 'edit_report': 'edit', 'grow_mask': 'edit',
    'half_face_codes': 'edit', 'nearest_donor': 'edit', 'transfer_expression': 'edit',
    # bench
    'ABLATIONS': 'bench', 'BLINK': 'bench', 'GAZE_YAW': 'bench', 'METHOD': 'bench', 'REGION_PARTS': 'bench',
    'VIDEO': 'bench', 'boundary_jitter': 'bench', 'edit_gain': 'bench', 'edit_scores': 'bench', 'eye_truth': 'bench',
    'flicker_scores': 'bench', 'frame_scores': 'bench', 'pick_donor': 'bench', 'pose_distance': 'bench',
    'reconstructions': 'bench', 'region_masks': 'bench', 'save_benchmark': 'bench', 'static_jitter': 'bench',
    'subpart_scores': 'bench', 'tde': 'bench', 'teeth_off_edit': 'bench', 'transplant_edit': 'bench',
    'vqe_benchmark': 'bench',
}

__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
