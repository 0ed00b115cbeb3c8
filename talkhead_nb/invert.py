"""Moved: this module's names now live in `talkhead_nb.stylegan3.invert` (kept for old import paths).

Written by hand, documented and tested in `nbs/99_moved.ipynb`."""
from talkhead_nb.stylegan3.invert import (
    PTIResult, Projection, lr_schedule, morph_towards, project, pti, to_generator_range, w_stats)
__all__ = [
    'PTIResult', 'Projection', 'lr_schedule', 'morph_towards', 'project', 'pti', 'to_generator_range', 'w_stats']
