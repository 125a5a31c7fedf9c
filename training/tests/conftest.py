import sys
from pathlib import Path

import pytest
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


@pytest.fixture
def synthetic_images():
    """Small smooth-plus-texture RGB images (no dataset needed)."""
    g = torch.Generator().manual_seed(1)
    imgs = []
    for h, w in ((60, 72), (53, 47), (90, 64)):
        yy, xx = torch.meshgrid(torch.arange(h, dtype=torch.float64), torch.arange(w, dtype=torch.float64), indexing="ij")
        base = torch.stack([128 + 100 * torch.sin(xx / (5 + c) + yy / 7) for c in range(3)])
        noise = torch.rand(3, h, w, generator=g, dtype=torch.float64) * 40
        imgs.append((base + noise).clamp(0, 255).round())
    return imgs
