"""MATLAB-compatible bicubic imresize (cubic a=-0.5, antialiased when shrinking, mirrored edges).

Implemented as one dense weight matrix per axis so it runs the same on CPU and CUDA and is exact in
float64; the images here are small enough (at most a few hundred pixels a side) for that to be cheap.
"""
import math

import torch


def _cubic(x: torch.Tensor) -> torch.Tensor:
    ax = x.abs()
    ax2 = ax * ax
    ax3 = ax2 * ax
    return (1.5 * ax3 - 2.5 * ax2 + 1) * (ax <= 1) + (-0.5 * ax3 + 2.5 * ax2 - 4 * ax + 2) * ((ax > 1) & (ax <= 2))


def axis_matrix(in_len: int, out_len: int, scale: float, device=None) -> torch.Tensor:
    """The (out_len, in_len) matrix W such that W @ column resizes it as MATLAB does."""
    kernel_width = 4.0
    antialias = scale < 1
    if antialias:
        kernel_width /= scale
    x = torch.arange(1, out_len + 1, dtype=torch.float64, device=device)
    u = x / scale + 0.5 * (1 - 1 / scale)
    left = torch.floor(u - kernel_width / 2)
    taps = math.ceil(kernel_width) + 2
    idx = left[:, None] + torch.arange(taps, dtype=torch.float64, device=device)[None, :]
    dist = u[:, None] - idx
    w = scale * _cubic(scale * dist) if antialias else _cubic(dist)
    w = w / w.sum(dim=1, keepdim=True)
    # MATLAB mirrors out-of-range indices symmetrically: [1..n, n..1] repeated.
    idx0 = idx.long() - 1
    period = 2 * in_len
    m = torch.remainder(idx0, period)
    m = torch.where(m >= in_len, period - 1 - m, m)
    mat = torch.zeros(out_len, in_len, dtype=torch.float64, device=device)
    mat.scatter_add_(1, m, w)
    return mat


def output_size(in_len: int, scale: float) -> int:
    return math.ceil(in_len * scale - 1e-9)


def imresize(img: torch.Tensor, scale: float | None = None, size: tuple[int, int] | None = None) -> torch.Tensor:
    """Resizes the last two dims (H, W) of a float tensor. Give `scale` or `size` = (out_h, out_w)."""
    h, w = img.shape[-2], img.shape[-1]
    if size is None:
        if scale is None:
            raise ValueError("imresize needs scale or size")
        size = (output_size(h, scale), output_size(w, scale))
        sy = sx = scale
    else:
        sy, sx = (scale, scale) if scale is not None else (size[0] / h, size[1] / w)
    x = img.to(torch.float64)
    # MATLAB resizes the dimension with the smaller scale first.
    order = ("h", "w") if sy <= sx else ("w", "h")
    for axis in order:
        if axis == "h":
            x = torch.matmul(axis_matrix(h, size[0], sy, x.device), x)
        else:
            x = torch.matmul(x, axis_matrix(w, size[1], sx, x.device).T)
    return x


def to_uint8(x: torch.Tensor) -> torch.Tensor:
    """MATLAB's conversion of a double result to uint8: round half away from zero, saturate."""
    return torch.floor(x + 0.5).clamp(0, 255)
