"""Moved: this module's names now live in `talkhead_nb.discriminators`, `talkhead_nb.losses`,
`talkhead_nb.stylegan3.train` (kept for old import paths).

Written by hand, documented and tested in `nbs/99_moved.ipynb`."""
from talkhead_nb.discriminators import (
    DConfig, Discriminator, DiscriminatorBlock, DiscriminatorEpilogue, MinibatchStdLayer, MultiScaleDiscriminator,
    PatchDiscriminator)
from talkhead_nb.losses import (
    d_logistic_loss, g_nonsaturating_loss, r1_penalty)
from talkhead_nb.stylegan3.train import (
    gan_optimizers, gan_step)
from talkhead_nb.layers import (
    setup_filter, Conv2dLayer)
__all__ = [
    'DConfig', 'Discriminator', 'DiscriminatorBlock', 'DiscriminatorEpilogue', 'MinibatchStdLayer',
    'MultiScaleDiscriminator', 'PatchDiscriminator', 'd_logistic_loss', 'g_nonsaturating_loss', 'r1_penalty',
    'gan_optimizers', 'gan_step', 'setup_filter', 'Conv2dLayer']
