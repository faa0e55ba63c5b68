"""augment_batch: shape, range and dtype kept, seeded randomness, centre of mass on (14, 14)."""

import numpy as np
import pytest

from nnstudio.core.digits.augment import CENTRE, AugmentParams, augment_batch, centre_of_mass


@pytest.fixture(scope="module")
def digits(mnist):
    (x, _), _ = mnist
    return x[:256].copy()


def test_shape_range_dtype_and_input_untouched(digits):
    before = digits.copy()
    out = augment_batch(digits, np.random.default_rng(0))
    assert out.shape == digits.shape and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() <= 1.0
    np.testing.assert_array_equal(digits, before)
    # float64 in, float32 out; an empty batch is fine
    assert augment_batch(digits[:3].astype(np.float64), np.random.default_rng(0)).dtype == np.float32
    assert augment_batch(digits[:0], np.random.default_rng(0)).shape == (0, 784)


def test_random_but_repeatable_with_a_seed(digits):
    a = augment_batch(digits, np.random.default_rng(7))
    b = augment_batch(digits, np.random.default_rng(7))
    c = augment_batch(digits, np.random.default_rng(8))
    assert (a != digits).any(axis=1).mean() > 0.7  # most images change (a few stay clean)
    np.testing.assert_array_equal(a, b)
    assert not np.allclose(a, c)
    assert not np.allclose(a, digits)  # it does distort
    # two images of one batch get different distortions
    twice = augment_batch(np.repeat(digits[:1], 2, axis=0), np.random.default_rng(1),
                          AugmentParams(identity_prob=0.0))
    assert not np.allclose(twice[0], twice[1])


def test_centre_of_mass_stays_near_the_mnist_centre(digits):
    # re-centred by a whole-pixel shift after the warp, as MNIST itself was: within half a pixel
    # (a little more when some ink left the frame)
    out = augment_batch(digits, np.random.default_rng(3), AugmentParams(identity_prob=0.0))
    r, c = centre_of_mass(out)
    assert np.abs(r - CENTRE).max() < 0.7 and np.abs(c - CENTRE).max() < 0.7
    assert np.mean((np.abs(r - CENTRE) <= 0.5) & (np.abs(c - CENTRE) <= 0.5)) > 0.97
    # without the re-centring the warp moves digits around
    loose = augment_batch(digits, np.random.default_rng(3), AugmentParams(identity_prob=0.0,
                                                                          recentre=False))
    r, c = centre_of_mass(loose)
    assert np.abs(np.concatenate([r, c]) - CENTRE).max() > 1.5


def test_some_images_stay_clean(digits):
    out = augment_batch(digits, np.random.default_rng(9), AugmentParams(identity_prob=0.5))
    same = (out == digits).all(axis=1)
    assert 0.3 < same.mean() < 0.7
    none = augment_batch(digits, np.random.default_rng(9), AugmentParams(identity_prob=0.0))
    assert not (none == digits).all(axis=1).any()


def test_ink_is_kept(digits):
    out = augment_batch(digits, np.random.default_rng(4))
    ratio = out.sum(axis=1) / digits.sum(axis=1)
    assert 0.3 < ratio.min() and ratio.max() < 2.5  # thinning/thickening, never wiped out
    assert ratio.std() > 0.05  # and the stroke width does vary


def test_no_distortion_is_identity_up_to_recentring(digits):
    plain = AugmentParams(rotation_deg=0, scale=(1, 1), aspect=0, shear=0, right_slant=0, shift=0, elastic_alpha=0,
                          width_prob=0, recentre=False, jitter=0)
    np.testing.assert_allclose(augment_batch(digits, np.random.default_rng(0), plain), digits, atol=1e-5)


def test_blank_images_stay_blank_and_bad_shapes_are_refused():
    out = augment_batch(np.zeros((4, 784), np.float32), np.random.default_rng(0))
    assert not out.any()
    with pytest.raises(ValueError, match="784"):
        augment_batch(np.zeros((4, 28, 28)), np.random.default_rng(0))


def test_right_slant_leans_the_top_to_the_right():
    # a vertical bar, only sheared: with all the room on the right-slant side, its top moves right
    bar = np.zeros((1, 28, 28), np.float32)
    bar[0, 6:22, 13:15] = 1.0
    lean = AugmentParams(rotation_deg=0, scale=(1, 1), aspect=0, shear=0.0, right_slant=0.4, elastic_alpha=0,
                         width_prob=0, identity_prob=0)
    out = augment_batch(np.repeat(bar.reshape(1, 784), 8, axis=0), np.random.default_rng(0), lean)
    for img in out.reshape(-1, 28, 28):
        cols = np.arange(28)
        top = (img[6:10] * cols).sum() / img[6:10].sum()
        bottom = (img[18:22] * cols).sum() / img[18:22].sum()
        assert top >= bottom
