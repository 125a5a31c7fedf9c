"""Checkpoints that resume training exactly: weights, optimizer, step, schedule length, RNG state."""
import os
from pathlib import Path

import torch


def save(path: Path, state: dict) -> None:
    tmp = Path(str(path) + ".tmp")
    torch.save(state, tmp)
    os.replace(tmp, path)  # atomic: an interrupted save never leaves a broken checkpoint


def load(path: Path, device) -> dict:
    return torch.load(path, map_location=device)
