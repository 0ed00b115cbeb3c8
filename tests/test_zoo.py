import os
from pathlib import Path
import pytest
from talkhead_nb import zoo

def test_offline_error_gives_url_and_path(tmp_path):
    with pytest.raises(zoo.WeightsNotFound) as e: zoo.path('stylegan3-r-ffhq-1024')
    msg = str(e.value)
    assert 'https://api.ngc.nvidia.com/v2/models/nvidia/research/stylegan3/versions/1/files/stylegan3-r-ffhq-1024x1024.pkl' in msg
    assert str(Path(os.environ['TALKHEAD_HOME'])/'stylegan3-r-ffhq-1024'/'stylegan3-r-ffhq-1024x1024.pkl') in msg
    assert 'TALKHEAD_OFFLINE' in msg and 'licence' in msg

def test_every_entry_has_url_licence_and_offline_message():
    names = set(zoo.REGISTRY)
    for need in ['stylegan3-r-ffhq-1024', 'stylegan3-t-ffhq-1024', 'stylegan3-r-ffhqu-1024', 'stylegan3-t-ffhqu-1024', 'alexnet', 'vgg16',
                 'facenet-vggface2', 'bisenet-faceparsing', 'inception-fid', 'i3d-kinetics400', '6drepnet']:
        assert need in names
    for s in zoo.REGISTRY.values():
        assert s.url.startswith('https://') and s.licence and s.used_by
        with pytest.raises(zoo.WeightsNotFound, match=s.url.replace('?', r'\?')): zoo.path(s.name)

def test_failed_download_is_reported(monkeypatch):
    monkeypatch.delenv('TALKHEAD_OFFLINE')
    spec = zoo.REGISTRY['vgg16']
    monkeypatch.setitem(zoo.REGISTRY, 'vgg16', zoo.WeightSpec(**{**spec.__dict__, 'url': 'http://127.0.0.1:9/vgg16-397923af.pth'}))
    with pytest.raises(zoo.WeightsNotFound, match='download failed'): zoo.path('vgg16', timeout=2)
    assert not zoo.cache_path('vgg16').exists()

def test_found_in_torch_hub_cache_and_verified():
    hub = Path(os.environ['TORCH_HOME'])/'hub'/'checkpoints'; hub.mkdir(parents=True)
    (hub/'alexnet-owt-7be5be79.pth').write_bytes(b'wrong bytes')
    assert zoo.available('alexnet')
    with pytest.raises(zoo.WeightsNotFound, match='sha256'): zoo.path('alexnet')

def test_status_rows():
    rows = zoo.status()
    assert len(rows) == len(zoo.REGISTRY) and not any(r['present'] for r in rows)

def test_truncated_cache_file_is_detected(recwarn):
    "A cached file without a published hash is recorded when first seen; a truncated copy is refused with 'delete it'."
    p = zoo.cache_path('6drepnet'); p.parent.mkdir(parents=True)
    p.write_bytes(b'\x80\x02' + bytes(4000))
    assert zoo.path('6drepnet') == p and any('first-seen' in str(w.message) for w in recwarn)
    p.write_bytes(p.read_bytes()[:1000])
    with pytest.raises(zoo.WeightsNotFound, match='truncated or was replaced — delete it'): zoo.path('6drepnet')
