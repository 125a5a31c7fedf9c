import torch

from vdsr_train.colour import luma
from vdsr_train.data import augment, build_bank, sample_batch
from vdsr_train.degrade import make_pair


def test_make_pair_shapes_and_uint8_lr(synthetic_images):
    img = synthetic_images[1]  # 53x47: modcrop matters
    for s in (2, 3, 4):
        hr, lr, y_in = make_pair(img, s)
        assert hr.shape[-2] % s == 0 and hr.shape[-1] % s == 0
        assert lr.shape[-2:] == (hr.shape[-2] // s, hr.shape[-1] // s)
        assert torch.equal(lr, lr.round()) and lr.min() >= 0 and lr.max() <= 255
        assert y_in.shape == hr.shape[-2:]
        # the input is a blurred version of the HR luma: close, not equal
        err = (y_in - luma(hr)).abs().mean()
        assert 0 < err < 30


def test_patches_mix_scales_and_have_the_right_shape(synthetic_images):
    bank = build_bank(synthetic_images, (2, 3, 4), 41)
    assert sorted(set(bank.scales.tolist())) == [2, 3, 4]
    g = torch.Generator().manual_seed(0)
    x, y = sample_batch(bank, 64, 41, g)
    assert x.shape == y.shape == (64, 1, 41, 41)
    assert 0 <= float(x.min()) and float(x.max()) <= 1.0
    # patches come from inside each entry: no zero padding of the bank leaks in
    assert float(y.amin(dim=(1, 2, 3)).min()) > 0.0


def test_sampling_is_seeded(synthetic_images):
    bank = build_bank(synthetic_images, (2, 3), 41)
    a = sample_batch(bank, 8, 41, torch.Generator().manual_seed(5))[0]
    b = sample_batch(bank, 8, 41, torch.Generator().manual_seed(5))[0]
    c = sample_batch(bank, 8, 41, torch.Generator().manual_seed(6))[0]
    assert torch.equal(a, b) and not torch.equal(a, c)


def test_augment_gives_the_eight_dihedral_transforms():
    p = torch.arange(9.0).reshape(1, 3, 3).repeat(8, 1, 1)
    out = augment(p, torch.arange(8))
    variants = {tuple(o.flatten().tolist()) for o in out}
    assert len(variants) == 8
    assert torch.equal(out[0], p[0])
