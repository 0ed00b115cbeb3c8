"""Video2StyleGAN: S-channel discovery (`channels`), the method (`method`) and its measurement (`bench`); the
command-line glue (`commands`) is left out.

Written by hand: the public names of its modules, re-exported lazily (`talkhead_nb.lazy_exports`)."""
from talkhead_nb import lazy_exports

_EXPORTS = {
    # StyleGAN3's S-space utilities (in `stylegan3.latents`; kept here for the old import path)
    'edit_styles': 'channels', 's_layers': 'channels', 'style_features': 'channels', 'style_std': 'channels',
    # channels
    'ChannelSets': 'channels', 'IOUTable': 'channels', 'PART_GROUPS': 'channels', 'change_energy': 'channels',
    'channel_iou': 'channels', 'channel_localisation': 'channels', 'channel_overlay': 'channels',
    'counts_table': 'channels', 'dilate_masks': 'channels', 'energy_share': 'channels', 'iou_scatter': 'channels',
    'localisation_check': 'channels', 'maps_iou': 'channels', 'normalise_maps': 'channels', 'part_masks': 'channels',
    'plot_part_channels': 'channels', 'random_like': 'channels', 'select_channels': 'channels',
    'threshold_sweep': 'channels',
    # method
    'CANONICAL_EYE': 'method', 'Encoded': 'method', 'LOCAL_ANCHORS': 'method', 'METHODS': 'method',
    'MotionConfig': 'method', 'PAPER_NUM_WS': 'method', 'POSE_LAYERS': 'method', 'PoseEncoding': 'method',
    'RESIDUAL_LAYERS': 'method', 'RESIDUAL_MODES': 'method', 'Reenactment': 'method', 'V2SConfig': 'method',
    'Video2StyleGAN': 'method', 'canonical_params': 'method', 'canonicalize': 'method', 'combine_styles': 'method',
    'fourier_transform': 'method', 'frame_landmarks': 'method', 'local_channels': 'method', 'paper_layers': 'method',
    'pose_encode': 'method', 'reenact': 'method', 'residual_motion': 'method', 'smooth_params': 'method',
    'temporal_mean': 'method',
    # bench
    'BOUNDS': 'bench', 'BenchResult': 'bench', 'BenchRow': 'bench', 'BenchRun': 'bench', 'Scores': 'bench',
    'bench_check': 'bench', 'benchmark_rows': 'bench', 'control_rows': 'bench', 'demo_rows': 'bench',
    'fid_between': 'bench', 'output_landmarks': 'bench', 'reenactment_metrics': 'bench', 'reference_rows': 'bench',
    'row_label': 'bench', 'synth_frames': 'bench', 'synthetic_benchmark': 'bench', 'table_variants': 'bench',
    'v2s_benchmark': 'bench', 'v2s_demo': 'bench', 'write_demo_files': 'bench',
}

__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
