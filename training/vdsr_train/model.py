"""VDSR (Kim et al. 2016): D 3x3 convolutions, ReLU between them, the input added to the output.

The module names (`layers.{i}.weight|bias`) are the weights file's tensor names, so the state dict
exports without renaming.
"""
import math

import torch
from torch import nn


class VDSR(nn.Module):
    def __init__(self, depth: int = 20, channels: int = 64):
        super().__init__()
        if depth < 2:
            raise ValueError(f"depth must be >= 2, got {depth}")
        self.depth, self.channels = depth, channels
        dims = [1] + [channels] * (depth - 1) + [1]
        self.layers = nn.ModuleList(nn.Conv2d(dims[i], dims[i + 1], 3, padding=1) for i in range(depth))
        for conv in self.layers:
            # He initialisation as in the paper; biases start at zero.
            nn.init.normal_(conv.weight, 0.0, math.sqrt(2.0 / (9 * conv.in_channels)))
            nn.init.zeros_(conv.bias)
        # A small last layer makes the untrained network close to bicubic (residual ~ 0).
        self.layers[-1].weight.data.mul_(0.1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = x
        last = len(self.layers) - 1
        for i, conv in enumerate(self.layers):
            h = conv(h)
            if i < last:
                h = torch.relu(h)
        return x + h.to(x.dtype)
