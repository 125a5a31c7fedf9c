"""PSNR and SSIM on Y with a border shave, as the standard VDSR evaluation protocol."""
import math

import torch
import torch.nn.functional as F


def _shave(x: torch.Tensor, s: int) -> torch.Tensor:
    return x[s : x.shape[0] - s, s : x.shape[1] - s] if s > 0 else x


def psnr(a: torch.Tensor, b: torch.Tensor, shave: int = 0) -> float:
    mse = float(((_shave(a, shave).double() - _shave(b, shave).double()) ** 2).mean())
    return math.inf if mse == 0 else 10 * math.log10(255.0**2 / mse)


def _gaussian_window(size: int = 11, sigma: float = 1.5) -> torch.Tensor:
    r = torch.arange(size, dtype=torch.float64) - (size - 1) / 2
    g = torch.exp(-(r**2) / (2 * sigma**2))
    w = g[:, None] * g[None, :]
    return w / w.sum()


def ssim(a: torch.Tensor, b: torch.Tensor, shave: int = 0) -> float:
    """Wang et al.'s ssim.m: 11x11 Gaussian (sigma 1.5), K1 0.01, K2 0.03, L 255, 'valid' filtering."""
    x = _shave(a, shave).double()[None, None]
    y = _shave(b, shave).double()[None, None]
    w = _gaussian_window().to(x.device)[None, None]
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mx, my = F.conv2d(x, w), F.conv2d(y, w)
    sxx = F.conv2d(x * x, w) - mx * mx
    syy = F.conv2d(y * y, w) - my * my
    sxy = F.conv2d(x * y, w) - mx * my
    m = ((2 * mx * my + c1) * (2 * sxy + c2)) / ((mx * mx + my * my + c1) * (sxx + syy + c2))
    return float(m.mean())
