"""Face toolkit: bad input gives a clear error or flag, never a crash deep inside a library."""
import numpy as np, pytest, torch
from PIL import Image
from talkhead_nb.core import sample_image, ImageFormatError
from talkhead_nb.face import detect, landmarks68, ffhq_align, part_masks, head_pose

def test_huge_image_is_downscaled_and_mapped_back():
    small = (sample_image('astronaut').permute(1, 2, 0).numpy() * 255).round().astype(np.uint8)
    big = np.zeros((6000, 8000, 3), np.uint8)
    big[:, 1000:7000] = np.asarray(Image.fromarray(small).resize((6000, 6000), Image.BILINEAR))
    d, d0 = detect(big), detect(small)
    assert d is not None
    np.testing.assert_allclose((d.box - [1000, 0, 1000, 0]) * 512 / 6000, d0.box, atol=8)

@pytest.mark.parametrize('img,msg', [(np.zeros((16, 16, 3), np.uint8), 'too small'), (np.zeros((64, 64), np.uint8), 'image 0'),
                                     (np.zeros((64, 64, 4), np.uint8), 'image 0')])
def test_bad_images(img, msg):
    with pytest.raises(ImageFormatError, match=msg): detect(img)

def test_no_face_is_a_flag_not_a_crash():
    assert detect([torch.full((3, 128, 128), 0.3), torch.rand(3, 96, 96)]) == [None, None]

def test_bad_landmarks():
    with pytest.raises(ValueError, match=r'\[68,2\] or \[5,2\]'): ffhq_align(sample_image('astronaut'), np.zeros((12, 2)))
    with pytest.raises(ValueError, match='68,2'): part_masks(np.zeros((5, 2)), 64)
    with pytest.raises(ValueError, match='finite'): head_pose(np.full((68, 2), np.nan), 256)
    with pytest.raises(ValueError, match='empty'): landmarks68(sample_image('astronaut'), (10, 10, 5, 5))
