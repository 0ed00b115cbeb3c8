"""Moved: this module's names now live in `talkhead_nb.ops` (kept for old import paths).

Written by hand, documented and tested in `nbs/99_moved.ipynb`."""
from talkhead_nb.ops import (
    bias_act, filtered_lrelu, filtered_lrelu_reference, upfirdn2d, upfirdn2d_reference)
__all__ = [
    'bias_act', 'filtered_lrelu', 'filtered_lrelu_reference', 'upfirdn2d', 'upfirdn2d_reference']
