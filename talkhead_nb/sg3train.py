"""Moved: this module's names now live in `talkhead_nb.stylegan3.train` (kept for old import paths).

Written by hand, documented and tested in `nbs/99_moved.ipynb`."""
from talkhead_nb.stylegan3.train import (
    HELDOUT_SEED, SG3TrainConfig, TINY_SYNTH_BATCH, TINY_SYNTH_D, TINY_SYNTH_G, face_detection_rate,
    gan_optimizers, gan_step, portable_checkpoint, real_batches, sample_images, save_generator, synthetic_faces,
    train_stylegan3)
__all__ = [
    'HELDOUT_SEED', 'SG3TrainConfig', 'TINY_SYNTH_BATCH', 'TINY_SYNTH_D', 'TINY_SYNTH_G', 'face_detection_rate',
    'gan_optimizers', 'gan_step', 'portable_checkpoint', 'real_batches', 'sample_images', 'save_generator',
    'synthetic_faces', 'train_stylegan3']
