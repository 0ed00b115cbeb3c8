"""Learned Spatial Representations for few-shot talking heads (Meshry et al., ICCV 2021): the landmark sketches that
condition every network (`sketch`).

Written by hand: the public names of its modules, re-exported lazily (`talkhead_nb.lazy_exports`)."""
from talkhead_nb import lazy_exports

_EXPORTS = {
    # sketch
    'SKETCH_PARTS': 'sketch', 'landmark_sketch': 'sketch', 'sketch_colors': 'sketch', 'sketch_width': 'sketch',
}

__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
