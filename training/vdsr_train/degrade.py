"""The degradation of the evaluation protocol, shared by training and evaluation."""
import torch

from .colour import luma
from .imresize import imresize, to_uint8
from .images import modcrop


def make_pair(img: torch.Tensor, scale: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """HR image (C,H,W, 0..255) -> (HR modcropped, LR as uint8 values, network input Y at HR size).

    The LR image is MATLAB bicubic of the RGB image rounded to uint8, as users' low-resolution
    images are 8-bit; the network input is its luma bicubic-upscaled back to the HR size.
    """
    hr = modcrop(img, scale)
    lr = to_uint8(imresize(hr, scale=1.0 / scale))
    y_in = imresize(luma(lr), size=tuple(hr.shape[-2:]), scale=float(scale))
    return hr, lr, y_in
