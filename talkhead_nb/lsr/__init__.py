"""Learned Spatial Representations for few-shot talking heads (Meshry et al., ICCV 2021): the landmark sketches that
condition every network (`sketch`) and the networks: encoders, layout UNet, SPADE generator, discriminator (`model`).

Written by hand: the public names of its modules, re-exported lazily (`talkhead_nb.lazy_exports`)."""
from talkhead_nb import lazy_exports

_EXPORTS = {
    # sketch
    'SKETCH_PARTS': 'sketch', 'landmark_sketch': 'sketch', 'sketch_colors': 'sketch', 'sketch_width': 'sketch',
    # model
    'Encoder': 'model', 'EncoderBlock': 'model', 'ImageGenerator': 'model', 'LSR': 'model', 'LSRConfig': 'model',
    'LSRDiscriminator': 'model', 'LayoutGenerator': 'model', 'ResBlockDown': 'model', 'ResBlockUp': 'model',
    'halve': 'model', 'layer_table': 'model',
}

__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
