import json
from pathlib import Path

import pytest
import torch

from vdsr_train.colour import rgb_to_ycbcr, ycbcr_to_rgb
from vdsr_train.imresize import imresize
from vdsr_train.metrics import psnr, ssim

GOLDEN = json.loads((Path(__file__).parent / "fixtures" / "resize-color.json").read_text())


@pytest.mark.parametrize("case", GOLDEN["imresize"], ids=lambda c: c["name"])
def test_imresize_matches_matlab(case):
    x = torch.tensor(case["input"], dtype=torch.float64).reshape(case["height"], case["width"])
    size = None if "scale" in case else (case["outHeight"], case["outWidth"])
    y = imresize(x, scale=case.get("scale"), size=size)
    ref = torch.tensor(case["output"], dtype=torch.float64).reshape(case["outHeight"], case["outWidth"])
    assert y.shape == ref.shape
    assert float((y - ref).abs().max()) < 1e-4


def test_rgb2ycbcr_matches_matlab():
    c = GOLDEN["rgb2ycbcr"]
    rgb = torch.tensor(c["rgb"], dtype=torch.float64).T[:, :, None]
    ycc = rgb_to_ycbcr(rgb)[:, :, 0].T
    assert float((ycc - torch.tensor(c["ycbcr"], dtype=torch.float64)).abs().max()) < 1e-4
    back = ycbcr_to_rgb(torch.tensor(c["ycbcr"], dtype=torch.float64).T[:, :, None])[:, :, 0].T
    assert float((back - torch.tensor(c["roundtrip_rgb"], dtype=torch.float64)).abs().max()) < 1e-4


def test_psnr_and_ssim_of_identical_and_shifted_images():
    a = torch.rand(40, 40, dtype=torch.float64) * 255
    assert psnr(a, a) == float("inf")
    assert ssim(a, a) == pytest.approx(1.0)
    b = a + 5.0
    assert psnr(a, b) == pytest.approx(10 * torch.log10(torch.tensor(255.0**2 / 25.0)).item())
    assert ssim(a, b, shave=2) < 1.0


def test_shave_removes_the_border():
    a = torch.zeros(20, 20, dtype=torch.float64)
    b = a.clone()
    b[0, :] = 100  # differences only on the border
    assert psnr(a, b, shave=1) == float("inf")
    assert psnr(a, b, shave=0) < 40
