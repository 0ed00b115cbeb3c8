"""Test helpers shared by notebooks and pytest (never shipped in the package).

- `sg3_fixture(name)`: an official-oracle StyleGAN3 fixture from `data/fixtures/stylegan3/` (made by running NVlabs'
  code locally, see `scripts/oracle_stylegan3.py`): (config, state dict, expected tensors, meta).
- `write_snapshot(G, path, module_src)`: writes `G` in the official `.pkl` network-snapshot layout, with `module_src`
  as the embedded module source — to test that our loader never executes it.

Notebooks import it with `sys.path.insert(0, <repo>/tests)`; `conftest.py` puts this folder on the path for pytest.
"""
from __future__ import annotations
import collections, json, pickle, sys, types
from pathlib import Path
import numpy as np
import torch.nn as nn
from talkhead_nb.core import data_path, atomic_path

def sg3_fixture(name: str):
    "(config, state dict, expected tensors, meta) of an official-oracle fixture."
    from safetensors.torch import load_file
    from talkhead_nb.stylegan3.networks import SG3Config
    meta = json.loads(data_path('fixtures', 'stylegan3', f'{name}.json').read_text())
    cfg = SG3Config.from_init_kwargs(meta['init_kwargs'], f'fixture {name}')
    return (cfg, load_file(str(data_path('fixtures', 'stylegan3', f'{name}_state.safetensors'))),
            load_file(str(data_path('fixtures', 'stylegan3', f'{name}_expected.safetensors'))), meta)

def _stand_ins():
    "Module stand-ins named as NVlabs' `torch_utils.persistence` and `dnnlib.util`, so pickle writes their names."
    persistence, util = types.ModuleType('torch_utils.persistence'), types.ModuleType('dnnlib.util')
    def _reconstruct_persistent_obj(meta): raise RuntimeError('this stand-in is never called while pickling')
    _reconstruct_persistent_obj.__module__ = 'torch_utils.persistence'
    _reconstruct_persistent_obj.__qualname__ = '_reconstruct_persistent_obj'
    class EasyDict(dict): pass
    EasyDict.__module__, EasyDict.__qualname__ = 'dnnlib.util', 'EasyDict'
    persistence._reconstruct_persistent_obj, util.EasyDict = _reconstruct_persistent_obj, EasyDict
    return persistence, util

def write_snapshot(G, path, module_src: str, extra: dict | None = None) -> Path:
    "Write `G` as an official-layout network snapshot (to test the loader; our own checkpoints are safetensors)."
    persistence, util = _stand_ins()
    EasyDict, rebuild = util.EasyDict, persistence._reconstruct_persistent_obj
    class _Net:
        def __init__(self, cls_name, state): self.cls_name, self.state = cls_name, state
        def __reduce__(self):
            meta = dict(type='class', version=6, module_src=module_src, class_name=self.cls_name, state=self.state)
            return (rebuild, (meta,))
    def wrap(m: nn.Module, init_kwargs=None):
        plain = (int, float, bool, str, np.ndarray, list)
        st = {k: v for k, v in m.__dict__.items() if not k.startswith('_') and isinstance(v, plain)}
        st.update(_parameters=collections.OrderedDict(m._parameters), _buffers=collections.OrderedDict(m._buffers),
                  _modules=collections.OrderedDict((k, wrap(c)) for k, c in m._modules.items()), training=False,
                  _init_args=(), _init_kwargs=EasyDict(init_kwargs or {}))
        return _Net(type(m).__name__, st)
    kw = G.cfg.init_kwargs(); kw['mapping_kwargs'] = EasyDict(kw['mapping_kwargs'])
    data = {'G': wrap(G, kw), 'D': None, 'G_ema': wrap(G, kw),
            'training_set_kwargs': EasyDict(resolution=G.img_resolution), 'augment_pipe': None, **(extra or {})}
    names = ('torch_utils', 'torch_utils.persistence', 'dnnlib', 'dnnlib.util')
    saved = {k: sys.modules.get(k) for k in names}
    sys.modules.update({'torch_utils': types.ModuleType('torch_utils'), 'torch_utils.persistence': persistence,
                        'dnnlib': types.ModuleType('dnnlib'), 'dnnlib.util': util})
    try:
        with atomic_path(path) as tmp, open(tmp, 'wb') as f: pickle.dump(data, f, protocol=4)
    finally:
        for k, v in saved.items():
            if v is None: sys.modules.pop(k, None)
            else: sys.modules[k] = v
    return Path(path)
