"""Moved: this module's names now live in `talkhead_nb.v2s.channels`, `talkhead_nb.stylegan3.latents` (kept for old
import paths).

Written by hand, documented and tested in `nbs/99_moved.ipynb`."""
from talkhead_nb.v2s.channels import (
    ChannelSets, IOUTable, PART_GROUPS, change_energy, channel_iou, channel_localisation, channel_overlay,
    counts_table, dilate_masks, energy_share, iou_scatter, localisation_check, maps_iou, normalise_maps,
    part_masks, plot_part_channels, random_like, select_channels, threshold_sweep)
from talkhead_nb.stylegan3.latents import (
    edit_styles, s_layers, style_features, style_std)
__all__ = [
    'ChannelSets', 'IOUTable', 'PART_GROUPS', 'change_energy', 'channel_iou', 'channel_localisation',
    'channel_overlay', 'counts_table', 'dilate_masks', 'energy_share', 'iou_scatter', 'localisation_check',
    'maps_iou', 'normalise_maps', 'part_masks', 'plot_part_channels', 'random_like', 'select_channels',
    'threshold_sweep', 'edit_styles', 's_layers', 'style_features', 'style_std']
