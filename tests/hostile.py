"""Hostile weights files, built opcode by opcode, and the matrix of what every loader does with them.

Used by `tests/test_hostile.py` and shown as a table in `nbs/10_stylegan3.ipynb`. Nothing here executes a payload:
code payloads would only create a marker file, and the tests check that the marker never appears.

`emit` is a tiny pickle writer: Python values become opcodes, and a few node types (`Global`, `Call`, `Build`,
`NewObj`, `PersId`, `Memo`, `Get`, `Raw`) spell out what a hostile file needs, so every byte is ours.
"""
from __future__ import annotations
import json, struct, zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
import torch

# ---------------------------------------------------------------- a pickle writer, opcode by opcode
@dataclass
class Global: module: str; name: str                    # GLOBAL
@dataclass
class Call:                                               # f(*args): REDUCE
    f: object
    args: tuple = ()
@dataclass
class Build: obj: object; state: object                 # BUILD
@dataclass
class NewObj: cls: object; args: tuple = (); items: dict = field(default_factory=dict)   # NEWOBJ (+ SETITEMS)
@dataclass
class PersId: pid: object                                # BINPERSID
@dataclass
class Memo: obj: object                                  # ... MEMOIZE
@dataclass
class Get: i: int                                        # BINGET / LONG_BINGET
@dataclass
class Raw: b: bytes                                      # bytes copied as they are

def emit(x) -> bytes:
    "The opcodes that push `x` on the pickle machine's stack."
    if isinstance(x, Raw): return x.b
    if x is None: return b'N'
    if x is True: return b'\x88'
    if x is False: return b'\x89'
    if isinstance(x, int):
        if -2 ** 31 <= x < 2 ** 31: return b'J' + struct.pack('<i', x)
        b = x.to_bytes((x.bit_length() + 8) // 8, 'little', signed=True)
        return b'\x8a' + bytes([len(b)]) + b
    if isinstance(x, float): return b'G' + struct.pack('>d', x)
    if isinstance(x, str): b = x.encode(); return b'X' + struct.pack('<I', len(b)) + b
    if isinstance(x, bytes): return b'B' + struct.pack('<I', len(x)) + x
    if isinstance(x, tuple): return b'(' + b''.join(map(emit, x)) + b't'
    if isinstance(x, list): return b']' + (b'(' + b''.join(map(emit, x)) + b'e' if x else b'')
    if isinstance(x, dict):
        return b'}' + (b'(' + b''.join(emit(k) + emit(v) for k, v in x.items()) + b'u' if x else b'')
    if isinstance(x, Global): return b'c' + x.module.encode() + b'\n' + x.name.encode() + b'\n'
    if isinstance(x, Call): return emit(x.f) + emit(tuple(x.args)) + b'R'
    if isinstance(x, Build): return emit(x.obj) + emit(x.state) + b'b'
    if isinstance(x, NewObj):
        out = emit(x.cls) + emit(tuple(x.args)) + b'\x81'
        return out + (b'(' + b''.join(emit(k) + emit(v) for k, v in x.items.items()) + b'u' if x.items else b'')
    if isinstance(x, PersId): return emit(x.pid) + b'Q'
    if isinstance(x, Memo): return emit(x.obj) + b'\x94'
    if isinstance(x, Get): return b'h' + bytes([x.i]) if x.i < 256 else b'j' + struct.pack('<I', x.i)
    raise TypeError(type(x))

def dumps(x, proto: int = 4) -> bytes: return b'\x80' + bytes([proto]) + emit(x) + b'.'

def laughs(depth: int = 40, leaf=Raw(emit('lol')), container: bytes = b'\x86') -> Raw:
    "A value with 2**depth leaves in depth + 1 objects: memo references, each level holding the previous twice."
    out = emit(leaf) + b'\x940'                                 # push, MEMOIZE, POP: only the memo keeps it
    for i in range(depth): out += b'h' + bytes([i]) + b'h' + bytes([i]) + container + b'\x940'
    return Raw(out + emit(Get(depth)))

def laughs_list(depth: int = 40) -> Raw:
    "The same with lists ([a, a]), which cannot be hashed but can be walked."
    out = emit('lol') + b'\x940'
    for i in range(depth): out += b']\x94(' + b'h' + bytes([i]) + b'h' + bytes([i]) + b'e0'
    return Raw(out + emit(Get(depth)))

# ---------------------------------------------------------------- tensors as the official files write them
TORCH_REBUILD, PARAM_REBUILD = Global('torch._utils', '_rebuild_tensor_v2'), Global('torch._utils', '_rebuild_parameter')
FROM_BYTES, ORDERED = Global('torch.storage', '_load_from_bytes'), Global('collections', 'OrderedDict')
LEGACY_INFO = {'protocol_version': 1001, 'little_endian': True, 'type_sizes': {'short': 2, 'int': 4, 'long': 4}}

def legacy_storage(data: bytes, numel: int, storage: str = 'FloatStorage', header: int | None = None) -> bytes:
    "torch's legacy serialisation of one storage: magic, protocol, info, persistent id, keys, count, bytes."
    pid = PersId(('storage', Global('torch', storage), '0', 'cpu', numel, None))
    return (dumps(0x1950a86a20f9469cfc6c, 2) + dumps(1001, 2) + dumps(LEGACY_INFO, 2) + dumps(pid, 2) + dumps(['0'], 2)
            + struct.pack('<q', numel if header is None else header) + data)

def tensor_node(t: torch.Tensor, keep: int | None = None, param: bool = False, size=None, stride=None):
    "A tensor as `_rebuild_tensor_v2(_load_from_bytes(...), ...)`; `keep` writes only that many elements of its storage."
    flat = t.detach().float().contiguous().view(-1)
    n = flat.numel() if keep is None else keep
    st = Call(FROM_BYTES, (legacy_storage(flat[:n].numpy().tobytes(), n),))
    node = Call(TORCH_REBUILD, (st, 0, tuple(t.shape) if size is None else size,
                                tuple(t.contiguous().stride()) if stride is None else stride, False, Call(ORDERED)))
    return Call(PARAM_REBUILD, (node, False, Call(ORDERED))) if param else node

def record(class_name, state: dict, src: str = "open('MARKER', 'w'); raise RuntimeError('the embedded source ran')"):
    "A network as the official persistence hook pickles it."
    meta = {'type': 'class', 'version': 6, 'module_src': src, 'class_name': class_name, 'state': state}
    return Call(Global('torch_utils.persistence', '_reconstruct_persistent_obj'), (meta,))

def easydict(d: dict): return NewObj(Global('dnnlib.util', 'EasyDict'), (), d)

def module_tree(sd: dict, tamper: Callable | None = None) -> dict:
    "Nested `_modules` / `_parameters` states for a flat state dict; `tamper(key, tensor)` may replace a tensor's node."
    root: dict = {}
    for k, v in sd.items():
        *path, leaf = k.split('.')
        node = root
        for p in path: node = node.setdefault(p, {})
        node[leaf] = (tamper(k, v) if tamper else None) or tensor_node(v, param=True)
    def state(node):
        mods = {k: record('Module', state(v)) for k, v in node.items() if isinstance(v, dict)}
        params = {k: v for k, v in node.items() if not isinstance(v, dict)}
        return {'_parameters': params, '_buffers': {}, '_modules': mods, 'training': False}
    return state(root)

def snapshot(G, init_kwargs: dict | None = None, tamper=None, extra_state: dict | None = None) -> bytes:
    "An official-layout snapshot `{'G_ema': Generator record}` of `G`, every byte written by `emit`."
    kw = dict(init_kwargs or G.cfg.init_kwargs())
    kw['mapping_kwargs'] = easydict(kw['mapping_kwargs']) if isinstance(kw.get('mapping_kwargs'), dict) else kw.get('mapping_kwargs')
    st = module_tree(G.state_dict(), tamper)
    st.update({'_init_args': (), '_init_kwargs': easydict(kw)}); st.update(extra_state or {})
    return dumps({'G_ema': record('Generator', st)})

def torch_zip(path: Path, pkl: bytes, records: dict[str, bytes], compress: int = zipfile.ZIP_STORED) -> Path:
    "A zip-format `.pt` with our own `data.pkl` and storage records."
    with zipfile.ZipFile(path, 'w', compress) as z:
        z.writestr('archive/data.pkl', pkl)
        z.writestr('archive/byteorder', b'little')
        for k, b in records.items(): z.writestr(f'archive/data/{k}', b)
    return path

def zip_tensor(key: str, numel: int, size, stride, storage: str = 'FloatStorage'):
    return Call(TORCH_REBUILD, (PersId(('storage', Global('torch', storage), key, 'cpu', numel)), 0, size, stride, False, Call(ORDERED)))

# ---------------------------------------------------------------- the payloads
@dataclass
class Payload:
    name: str
    kind: str                       # the attack class
    build: Callable[[Path], Path]   # writes the file into a folder, returns its path
    load: Callable[[Path], object]  # the loader it is fed to
    expect: str = ''                # a phrase the refusal must contain
    bomb: bool = False              # timed and memory-measured

def _G():
    from talkhead_nb.stylegan3.networks import Generator, SG3Config
    torch.manual_seed(0)
    return Generator(SG3Config.micro())

def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        (d / name).write_bytes(data); return d / name
    return build

def _marker(d: Path) -> Path: return d / 'EXECUTED'

def _code(name: str, node_fn, expect: str) -> Payload:
    "A code payload: the file asks to create the marker file."
    def build(d: Path) -> Path:
        (d / name).write_bytes(dumps({'G_ema': node_fn(str(_marker(d)))})); return d / name
    return Payload(name, 'code execution', build, _gen, expect)

def _gen(p): from talkhead_nb.stylegan3 import load_generator; return load_generator(p)
def _torch(p): from talkhead_nb.safeload import load_torch_file; return load_torch_file(p)
def _portrait(p): from talkhead_nb.dnp import load_portrait; return load_portrait(p)

def _safetensors(name: str, meta, tensors: dict | None = None, cls: str = 'Generator') -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        from safetensors.torch import save_file
        md = meta if isinstance(meta, str) else json.dumps(meta)
        save_file(tensors or {'x': torch.zeros(1)}, str(d / name), metadata={'talkhead_nb': md})
        return d / name
    return build

def _ckpt_meta(config, cls='Generator'):
    from talkhead_nb.core import CKPT_FORMAT
    return {'format': CKPT_FORMAT, 'class': cls, 'version': '0', 'config': config, 'extra': {}}

def _g_safetensors(name: str, change) -> Callable[[Path], Path]:
    "Our own generator checkpoint with its tensors changed by `change(sd)`."
    def build(d: Path) -> Path:
        from talkhead_nb.core import save_checkpoint
        G = _G(); sd = {k: v.clone() for k, v in G.state_dict().items()}; change(sd)
        return save_checkpoint(d / name, sd, G.cfg, cls='Generator')
    return build

def payloads() -> list[Payload]:
    from talkhead_nb.stylegan3.networks import SG3Config
    micro = SG3Config.micro().init_kwargs()
    sys_call = lambda m: Call(Global('os', 'system'), (f'touch {m}',))
    P = [
        _code('os_system.pkl', sys_call, "'os'.'system'"),
        _code('subprocess.pkl', lambda m: Call(Global('subprocess', 'check_call'), (['touch', m],)), "'subprocess'"),
        _code('eval.pkl', lambda m: Call(Global('builtins', 'eval'), (f"open({m!r}, 'w')",)), "'builtins'.'eval'"),
        _code('getattr_chain.pkl', lambda m: Call(Call(Global('builtins', 'getattr'), (Global('os', 'path'), 'join')), ('a', m)),
              "'builtins'.'getattr'"),
        _code('functools_partial.pkl', lambda m: Call(Call(Global('functools', 'partial'), (Global('os', 'system'),)), (f'touch {m}',)),
              "'functools'.'partial'"),
        _code('copyreg.pkl', lambda m: Call(Global('copyreg', '_reconstructor'), (Global('os', 'system'), Global('builtins', 'object'), f'touch {m}')),
              "'copyreg'"),
        _code('name_spoof.pkl', lambda m: Call(Global('torch._utils', '_rebuild_tensor_v2.__globals__'), ()), '__globals__'),
        _code('module_spoof.pkl', lambda m: Call(Global('torch._utils.os', 'system'), (f'touch {m}',)), "'torch._utils.os'"),
        _code('torch_load.pkl', lambda m: Call(Global('torch', 'load'), (m,)), "'torch'.'load'"),
        _code('newobj.pkl', lambda m: NewObj(Global('dnnlib.util', 'EasyDict'), (m,)), 'NEWOBJ'),
        _code('newobj_class.pkl', lambda m: NewObj(Global('numpy', 'ndarray'), ((10 ** 6,),)), 'NEWOBJ'),
        _code('reduce_class.pkl', lambda m: Call(Global('numpy', 'ndarray'), ((10 ** 6,),)), 'to call'),
        _code('storage_call.pkl', lambda m: Call(Global('torch', 'UntypedStorage'), (10 ** 12,)), 'to call'),
        _code('inst.pkl', lambda m: Raw(b'(' + emit(m) + b'idnnlib.util\nEasyDict\n'), 'INST'),
        _code('obj.pkl', lambda m: Raw(b'(' + emit(Global('dnnlib.util', 'EasyDict')) + b'o'), 'OBJ'),
        _code('ext.pkl', lambda m: Raw(b'\x82\x01'), 'EXT'),
        _code('persid.pkl', lambda m: PersId(('storage', m)), 'persistent id'),
        # process-wide tampering through BUILD
        Payload('poison_defaults.pkl', 'BUILD tampering', _write('poison_defaults.pkl',
                b'\x80\x04ctorch._utils\n_rebuild_tensor_v2\n(N(X\x0c\x00\x00\x00__defaults__((X\x03\x00\x00\x00neg\x88dtdtb0N.'),
                _gen, 'BUILD'),
        Payload('poison_storage.pkl', 'BUILD tampering', _write('poison_storage.pkl', dumps(
                Build(Global('torch', 'UntypedStorage'), (None, {'__init__': None, 'nbytes': None})))), _gen, 'BUILD'),
        Payload('poison_ordereddict.pkl', 'BUILD tampering', _write('poison_ordereddict.pkl', dumps(
                Build(Global('collections', 'OrderedDict'), (None, {'__call__': None})))), _gen, 'BUILD'),
        Payload('poison_items.pkl', 'BUILD tampering', _write('poison_items.pkl', dumps(
                {'G_ema': Build(Call(ORDERED), {'items': Global('collections', 'OrderedDict')})})), _gen, 'BUILD'),
        Payload('poison_easydict.pkl', 'BUILD tampering', _write('poison_easydict.pkl', dumps(
                Build(easydict({}), {'__class__': None}))), _gen, 'BUILD'),
        Payload('poison_dtype.pkl', 'BUILD tampering', _write('poison_dtype.pkl', dumps(
                Build(Call(Global('numpy', 'dtype'), ('f4', False, True)), (3, '<', None, ('a',), {'a': None}, 4, 4, 0)))),
                _gen, 'not a plain dtype'),
        Payload('poison_numpy_class.pkl', 'BUILD tampering', _write('poison_numpy_class.pkl', dumps(
                Build(Global('numpy', 'ndarray'), (None, {'__array_priority__': 99})))), _gen, 'BUILD'),
        # short storages
        Payload('short_storage.pkl', 'short storage', lambda d: _write('short_storage.pkl', snapshot(
                _G(), tamper=lambda k, v: tensor_node(v, keep=v.numel() // 2, param=True) if k == 'mapping.fc0.weight' else None))(d),
                _gen, 'needs'),
        Payload('stride0.pkl', 'short storage', lambda d: _write('stride0.pkl', snapshot(
                _G(), tamper=lambda k, v: tensor_node(v[:1].reshape(-1)[:1], param=True, size=tuple(v.shape),
                                                      stride=(0,) * v.dim()) if k == 'mapping.fc0.weight' else None))(d),
                _gen, 'stride 0'),
        Payload('offset_past_end.pkl', 'short storage', _write('offset_past_end.pkl', dumps({'G_ema': Call(TORCH_REBUILD, (
                Call(FROM_BYTES, (legacy_storage(b'\0' * 16, 4),)), 100, (4,), (1,), False, Call(ORDERED)))})), _gen, 'needs'),
        Payload('storage_header_lies.pkl', 'short storage', _write('storage_header_lies.pkl', dumps({'G_ema': Call(FROM_BYTES, (
                legacy_storage(b'\0' * 16, 4, header=2),))})), _gen, 'cut short'),
        Payload('short_record.pt', 'short storage', lambda d: torch_zip(d / 'short_record.pt', dumps(
                {'w': zip_tensor('0', 256, (16, 16), (16, 1))}, 2), {'0': b'\0' * 512}), _torch, 'holds 512 bytes'),
        Payload('short_legacy.pt', 'short storage', _write('short_legacy.pt', legacy_storage(b'\0' * 100, 256)), _torch, 'truncated'),
        # billion laughs
        Payload('laughs_kwargs.pkl', 'billion laughs', lambda d: _write('laughs_kwargs.pkl', snapshot(
                _G(), extra_state={'_init_kwargs': easydict({**{k: v for k, v in micro.items() if k != 'mapping_kwargs'},
                                                               'mapping_kwargs': laughs_list()})}))(d),
                _gen, 'more than', bomb=True),
        Payload('laughs_modules.pkl', 'billion laughs', _write('laughs_modules.pkl', dumps({'G_ema': record('Generator', {
                '_init_args': (), '_init_kwargs': easydict({k: v for k, v in micro.items() if k != 'mapping_kwargs'}),
                '_modules': {'a': Raw(_laugh_records(30)), 'b': Get(0)}})})), _gen, 'more than', bomb=True),
        Payload('laughs_dict_key.pkl', 'billion laughs', _write('laughs_dict_key.pkl', dumps(
                Raw(b'}' + emit(laughs()) + b'Ns'))), _gen, 'dictionary key', bomb=True),
        Payload('laughs_frozenset.pkl', 'billion laughs', _write('laughs_frozenset.pkl', dumps(
                Raw(b'(' + emit(laughs()) + b'\x91'))), _gen, 'set item', bomb=True),
        Payload('laughs_persid.pkl', 'billion laughs', _write('laughs_persid.pkl', dumps(PersId(laughs()))), _gen,
                'persistent id', bomb=True),
        Payload('laughs_class_name.pkl', 'billion laughs', _write('laughs_class_name.pkl', dumps(
                {'G_ema': record(laughs(), {})})), _gen, 'malformed', bomb=True),
        Payload('laughs_pid.pt', 'billion laughs', lambda d: torch_zip(d / 'laughs_pid.pt', dumps(
                {'w': Call(TORCH_REBUILD, (PersId(laughs()), 0, (1,), (1,), False, Call(ORDERED)))}, 2), {}), _torch,
                'persistent id', bomb=True),
        # size claims
        Payload('claims_60000.pkl', 'size claim', lambda d: _write('claims_60000.pkl', snapshot(
                _G(), init_kwargs={**micro, 'z_dim': 60000, 'w_dim': 60000}))(d), _gen, 'z_dim must be', bomb=True),
        Payload('claims_layers.pkl', 'size claim', lambda d: _write('claims_layers.pkl', snapshot(
                _G(), init_kwargs={**micro, 'num_layers': 20000}))(d), _gen, 'num_layers must be', bomb=True),
        Payload('claims_big_config.pkl', 'size claim', lambda d: _write('claims_big_config.pkl', snapshot(
                _G(), init_kwargs={**micro, 'channel_max': 4096, 'channel_base': 1 << 22, 'img_resolution': 1024,
                                   'num_layers': 32}))(d), _gen, 'does not fit', bomb=True),
        Payload('claims_config.safetensors', 'size claim', _safetensors('claims_config.safetensors',
                _ckpt_meta({**SG3Config.micro().__dict__, 'z_dim': 60000, 'w_dim': 60000})), _gen, 'z_dim must be', bomb=True),
        Payload('claims_frames.safetensors', 'size claim', lambda d: _portrait_claim(d, 50_000_000), _portrait, 'n_frames must be', bomb=True),
        Payload('claims_frames_in_range.safetensors', 'size claim', lambda d: _portrait_claim(d, 5_000_000, 'claims_frames_in_range'),
                _portrait, 'does not fit', bomb=True),    # within DNPConfig's bounds: refused by the meta-device comparison
        Payload('zip_bomb.pt', 'size claim', _zip_bomb, _torch, 'zip bomb', bomb=True),
        Payload('claims_storage.pt', 'size claim', _write('claims_storage.pt', legacy_storage(b'', 1 << 40)), _torch,
                'claim', bomb=True),
        Payload('claims_storage.pkl', 'size claim', _write('claims_storage.pkl', dumps({'G_ema': Call(FROM_BYTES, (
                legacy_storage(b'', 1 << 40),))})), _gen, 'claim', bomb=True),
        # checkpoint metadata and values
        *[Payload(f'meta_{n}.safetensors', 'tampered metadata', _safetensors(f'meta_{n}.safetensors', m), _gen, e) for n, m, e in [
            ('config_null', _ckpt_meta(None), "'config' is a NoneType"),
            ('unknown_key', _ckpt_meta({'z_dim': 16, 'colour': 1}), "'colour' is unknown"),
            ('wrong_type', _ckpt_meta({'z_dim': 'sixteen'}), "'z_dim' is 'sixteen'"),
            ('no_class', {k: v for k, v in _ckpt_meta({}).items() if k != 'class'}, "no 'class' field"),
            ('no_config', {k: v for k, v in _ckpt_meta({}).items() if k != 'config'}, "no 'config' field"),
            ('list', '[1, 2, 3]', 'is a list, not an object'),
            ('deep', '[' * 100_000 + ']' * 100_000, 'not valid JSON'),
            ('not_json', '{"format": ', 'not valid JSON')]],
        Payload('nan_weights.safetensors', 'bad values', _g_safetensors('nan_weights.safetensors',
                lambda sd: sd['mapping.fc0.weight'].view(-1)[:1].fill_(float('nan'))), _gen, 'NaN'),
        Payload('int8_weights.safetensors', 'bad values', _g_safetensors('int8_weights.safetensors',
                lambda sd: sd.update({'mapping.fc0.weight': sd['mapping.fc0.weight'].mul(100).to(torch.int8)})), _gen,
                'torch.int8'),
    ]
    return P + loader_payloads()

def _zip_bomb(d: Path, mb: int = 256) -> Path:
    "A 256 KB `.pt` whose storage record inflates to 256 MB of zeros (streamed, so building it takes little memory)."
    with zipfile.ZipFile(d / 'zip_bomb.pt', 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('archive/data.pkl', dumps({'w': zip_tensor('0', mb << 18, (mb << 18,), (1,))}, 2))
        with z.open('archive/data/0', 'w', force_zip64=True) as f:
            for _ in range(mb): f.write(bytes(1 << 20))
    return d / 'zip_bomb.pt'

def _laugh_records(depth: int) -> bytes:
    "Module records that hold their child twice, `depth` deep: 2**depth visits for a naive walk."
    out = emit(record('Module', {})) + b'\x940'
    for i in range(depth):
        out += emit(record('Module', {'_modules': {'a': Get(i), 'b': Get(i)}})) + b'\x940'
    return out + emit(Get(depth))

def _portrait_claim(d: Path, n_frames: int, name: str = 'claims_frames') -> Path:
    "A real tiny portrait whose config claims `n_frames` (its latent table would be n_frames × 16 floats)."
    from talkhead_nb.dnp.model import DNPConfig, DynamicNeuralPortrait, save_portrait
    cfg = DNPConfig.tiny(size=16, width=8, feat_dim=8, n_res=1, n_frames=2)
    p = save_portrait(d / f'{name}.safetensors', DynamicNeuralPortrait(cfg))
    from safetensors.torch import load_file, save_file
    from safetensors import safe_open
    with safe_open(str(p), 'pt') as f: md = f.metadata()
    meta = json.loads(md['talkhead_nb']); meta['config']['n_frames'] = n_frames
    save_file(load_file(str(p)), str(p), metadata={'talkhead_nb': json.dumps(meta)})
    return p

# ---------------------------------------------------------------- every loader, fed what is not its file
def _loaders() -> dict[str, Callable[[Path], object]]:
    from talkhead_nb import face, featnets, posenet
    return {'FaceParser': lambda p: face.FaceParser.from_pretrained(p),
            'facenet': lambda p: face.FacenetEmbedder(p),
            '6DRepNet': lambda p: posenet.load_6drepnet(p),
            'FID Inception': lambda p: featnets.FIDInceptionV3().load_official(p),
            'I3D': lambda p: featnets.I3D().load_official(p),
            'generator .pt': _gen}

def loader_payloads() -> list[Payload]:
    "A list instead of a state dict, a truncated file and a code payload, for each `.pt` loader."
    out = []
    def not_dict(d: Path) -> Path: torch.save([1, 2], d / 'list.pt'); return d / 'list.pt'
    def truncated(d: Path) -> Path:
        torch.save({'w': torch.randn(64, 64)}, d / 'full.pt'); b = (d / 'full.pt').read_bytes()
        (d / 'truncated.pt').write_bytes(b[: len(b) // 2]); return d / 'truncated.pt'
    def code(d: Path) -> Path:
        (d / 'code.pt').write_bytes(dumps(Call(Global('os', 'system'), (f'touch {_marker(d)}',)), 2)); return d / 'code.pt'
    for name, load in _loaders().items():
        out += [Payload(f'{name}: a list', 'wrong content', not_dict, load, 'not a state dict' if name != 'generator .pt' else 'expected a state dict'),
                Payload(f'{name}: truncated', 'wrong content', truncated, load, 'truncated.pt'),
                Payload(f'{name}: code', 'code execution', code, load, "'os'.'system'")]
    return out

# ---------------------------------------------------------------- running them
@dataclass
class Outcome:
    name: str
    kind: str
    refused: bool           # a CheckpointError naming the file (or the loader's file) was raised
    error: str              # the exception's class and the start of its message
    ran_code: bool          # the marker file appeared
    seconds: float

def run(p: Payload, d: Path) -> Outcome:
    "Build `p` in folder `d` and feed it to its loader."
    import time
    from talkhead_nb.core import CheckpointError
    d.mkdir(parents=True, exist_ok=True)
    path = p.build(d)
    t0 = time.perf_counter()
    try: p.load(path); err, ok = 'loaded without error', False
    except CheckpointError as e:
        err, ok = f'{type(e).__name__}: {e}', str(path.name) in str(e) and p.expect in str(e) and 'weights_only' not in str(e)
    except Exception as e: err, ok = f'{type(e).__name__}: {e}', False
    return Outcome(p.name, p.kind, ok, err[:300], _marker(d).exists(), time.perf_counter() - t0)

def fingerprint() -> dict[str, str]:
    "Hashes of legitimate files loaded by this process: a `.pkl`, a `.pt`, our safetensors and a plain `torch.load`."
    import hashlib, tempfile
    from talkhead_nb.stylegan3.load import load_generator
    from helpers import write_snapshot
    from talkhead_nb.core import save_checkpoint
    h = lambda m: hashlib.sha256(b''.join(v.detach().contiguous().numpy().tobytes() for v in m.state_dict().values())).hexdigest()
    d = Path(tempfile.mkdtemp()); G = _G(); out = {}
    out['pkl'] = h(load_generator(write_snapshot(G, d / 'g.pkl', 'raise RuntimeError')))
    torch.save(G.state_dict(), d / 'g.pt'); out['pt'] = h(load_generator(d / 'g.pt', cfg=G.cfg))
    out['safetensors'] = h(load_generator(save_checkpoint(d / 'g.safetensors', G, G.cfg)))
    torch.save(torch.arange(5.), d / 't.pt'); out['torch.load'] = str(torch.load(d / 't.pt', weights_only=True).tolist())
    out['shipped'] = h(load_generator('tiny-synth'))
    return out
