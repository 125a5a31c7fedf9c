"""MATLAB rgb2ycbcr (BT.601 studio range) and BT.601's analytic inverse, on 0..255 values, channel dim first."""
import torch

_RGB2YCBCR = torch.tensor(
    [[65.481, 128.553, 24.966], [-37.797, -74.203, 112.0], [112.0, -93.786, -18.214]], dtype=torch.float64
) / 255.0
_OFFSET = torch.tensor([16.0, 128.0, 128.0], dtype=torch.float64)


def rgb_to_ycbcr(rgb: torch.Tensor) -> torch.Tensor:
    """(3, H, W) RGB on 0..255 -> (3, H, W) YCbCr on 0..255, float64."""
    m = _RGB2YCBCR.to(rgb.device)
    return torch.einsum("ij,jhw->ihw", m, rgb.to(torch.float64)) + _OFFSET.to(rgb.device)[:, None, None]


# The inverse is BT.601's analytic one (Kr 0.299, Kb 0.114), as the golden data's ycbcr2rgb: the exact
# inverse of the rounded forward matrix differs from it by up to 3e-4 on the 0..255 scale.
_KR, _KB = 0.299, 0.114
_KG = 1 - _KR - _KB
_YS, _CS = 255 / 219, 255 / 224
_YCBCR2RGB = torch.tensor([
    [_YS, 0.0, _CS * 2 * (1 - _KR)],
    [_YS, -_CS * 2 * (1 - _KB) * _KB / _KG, -_CS * 2 * (1 - _KR) * _KR / _KG],
    [_YS, _CS * 2 * (1 - _KB), 0.0],
], dtype=torch.float64)


def ycbcr_to_rgb(ycc: torch.Tensor) -> torch.Tensor:
    m = _YCBCR2RGB.to(ycc.device)
    return torch.einsum("ij,jhw->ihw", m, ycc.to(torch.float64) - _OFFSET.to(ycc.device)[:, None, None])


def luma(img: torch.Tensor) -> torch.Tensor:
    """Y plane (H, W) of a (C, H, W) image on 0..255; a grey image's luma is its grey value."""
    if img.shape[0] == 1:
        return img[0].to(torch.float64)
    return rgb_to_ycbcr(img[:3])[0]
