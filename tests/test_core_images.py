import numpy as np, pytest, torch
from PIL import Image
from talkhead_nb.core import to_tensor, to_uint8, ImageFormatError, assert_shape, ShapeError, save_image, load_image

@pytest.mark.parametrize('mode', ['L', 'RGBA', 'LA', 'P', 'RGB', '1'])
def test_pil_modes_explicit(mode):
    im = Image.new('RGB', (8, 6), (200, 100, 50)).convert(mode)
    if mode in ('RGB', 'P'):
        assert to_tensor(im).shape == (3, 6, 8)
    elif mode in ('L', '1'):
        with pytest.raises(ImageFormatError, match='grayscale'): to_tensor(im, what='frame 9')
        assert to_tensor(im, gray='replicate').shape == (3, 6, 8)
    else:
        with pytest.raises(ImageFormatError): to_tensor(im)
        assert to_tensor(im, alpha='drop', gray='replicate').shape == (3, 6, 8)

def test_uint8_round_trip_exact():
    a = np.random.default_rng(0).integers(0, 256, (5, 7, 3), dtype=np.uint8)
    assert (to_uint8(to_tensor(a)) == a).all()

def test_refusals_name_the_input():
    with pytest.raises(ImageFormatError, match='clip.mp4 frame 4: float values'): to_tensor(torch.rand(3, 4, 4) * 3, what='clip.mp4 frame 4')
    with pytest.raises(ImageFormatError, match='NaN'): to_tensor(np.full((4, 4, 3), np.nan, np.float32))
    with pytest.raises(ImageFormatError, match='channel axis'): to_tensor(torch.rand(5, 5, 5))
    with pytest.raises(ImageFormatError, match='high bit depth'): to_tensor(Image.new('I;16', (4, 4)))

def test_load_corrupt_image_names_file(tmp_path):
    p = save_image(torch.rand(3, 16, 16), tmp_path/'a.png')
    (tmp_path/'b.png').write_bytes(p.read_bytes()[:60])
    with pytest.raises(ImageFormatError, match='b.png'): load_image(tmp_path/'b.png')
    with pytest.raises(ValueError, match='unsupported image extension'): save_image(torch.rand(3, 4, 4), tmp_path/'c.tiff')

def test_assert_shape_binds_across_calls():
    dims = assert_shape(torch.zeros(2, 3, 4, 4), ('N', 3, 'H', 'W'))
    with pytest.raises(ShapeError, match='H=4'): assert_shape(torch.zeros(2, 3, 5, 4), ('N', 3, 'H', 'W'), dims=dims)
