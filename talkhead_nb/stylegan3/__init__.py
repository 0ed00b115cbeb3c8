"""StyleGAN3: the generator (`networks`), safe loading (`load`), latent spaces (`latents`), training (`train`) and
inversion (`invert`).

The public names of the family's modules, re-exported explicitly and imported lazily (PEP 562):
`from talkhead_nb.stylegan3 import X` loads only the module that defines X.
Written by hand (nbdev leaves `__init__.py` alone);
`tests/test_structure.py` checks that this table matches the modules' `__all__`."""

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
    'PTIResult': 'invert', 'Projection': 'invert', 'lr_schedule': 'invert', 'morph_towards': 'invert',
    'project': 'invert', 'pti': 'invert', 'to_generator_range': 'invert', 'w_stats': 'invert',
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__(): return sorted(set(globals()) | set(_EXPORTS))
