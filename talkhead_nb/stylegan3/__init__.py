"""StyleGAN3: the generator (`networks`), safe loading (`load`), latent spaces (`latents`), training (`train`) and
inversion (`invert`).

Written by hand: the public names of its modules, re-exported lazily (`talkhead_nb.lazy_exports`)."""
from talkhead_nb import lazy_exports

_EXPORTS = {
    # networks (FullyConnectedLayer lives in `layers`; kept here for the old import path)
    'FullyConnectedLayer': 'networks',
    'Generator': 'networks', 'MappingNetwork': 'networks', 'SG3Config': 'networks', 'SynthesisInput': 'networks',
    'SynthesisLayer': 'networks', 'SynthesisNetwork': 'networks', 'design_lowpass_filter': 'networks',
    'layer_schedule': 'networks', 'make_transform': 'networks',
    # networks
    'Generator': 'networks', 'MappingNetwork': 'networks', 'SG3Config': 'networks', 'SynthesisInput': 'networks',
    'SynthesisLayer': 'networks', 'SynthesisNetwork': 'networks', 'design_lowpass_filter': 'networks',
    'layer_schedule': 'networks', 'make_transform': 'networks',
    # load
    'NAMED_GENERATORS': 'load', 'PersistentRecord': 'load', 'ShippedGenerator': 'load', 'infer_config': 'load',
    'load_generator': 'load', 'read_snapshot': 'load', 'shipped_channels': 'load',
    # latents
    'edit_styles': 'latents', 's_layers': 'latents', 'style_features': 'latents', 'style_std': 'latents',
    # train
    'HELDOUT_SEED': 'train', 'SG3TrainConfig': 'train', 'TINY_SYNTH_BATCH': 'train', 'TINY_SYNTH_D': 'train',
    'TINY_SYNTH_G': 'train', 'face_detection_rate': 'train', 'gan_optimizers': 'train', 'gan_step': 'train',
    'portable_checkpoint': 'train', 'real_batches': 'train', 'sample_images': 'train', 'save_generator': 'train',
    'synthetic_faces': 'train', 'train_stylegan3': 'train',
    # invert
    'PTIResult': 'invert', 'Projection': 'invert', 'embed_frames': 'invert', 'lr_schedule': 'invert',
    'morph_towards': 'invert', 'project': 'invert', 'pti': 'invert', 'to_generator_range': 'invert',
    'w_stats': 'invert',
}

__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
