"""Training patches: every (image, scale) pair precomputed once, 41x41 patches cut on the fly.

All pairs live in two padded tensors on the training device, so a batch is one gather: no data
loader workers, and the GPU is never waiting on Python.
"""
from dataclasses import dataclass
from pathlib import Path

import torch

from .colour import luma
from .degrade import make_pair
from .images import list_images, read_image


@dataclass
class PatchBank:
    inputs: torch.Tensor  # (E, Hmax, Wmax) network input Y / 255
    targets: torch.Tensor  # (E, Hmax, Wmax) HR Y / 255
    sizes: torch.Tensor  # (E, 2) valid height, width of each entry
    scales: torch.Tensor  # (E,) scale of each entry
    image_count: int

    def to(self, device) -> "PatchBank":
        return PatchBank(self.inputs.to(device), self.targets.to(device), self.sizes.to(device),
                         self.scales.to(device), self.image_count)


def build_bank(images: list[torch.Tensor], scales: tuple[int, ...], patch: int) -> PatchBank:
    planes = []
    for img in images:
        for s in scales:
            hr, _, y_in = make_pair(img, s)
            y_hr = luma(hr)
            if y_hr.shape[0] < patch or y_hr.shape[1] < patch:
                continue
            # Landscape everywhere keeps the padded bank small; transposes are part of the augmentation.
            if y_hr.shape[0] > y_hr.shape[1]:
                y_hr, y_in = y_hr.T, y_in.T
            planes.append((y_in / 255.0, y_hr / 255.0, s))
    if not planes:
        raise ValueError(f"no image is at least {patch}x{patch} pixels after cropping")
    hmax = max(p[0].shape[0] for p in planes)
    wmax = max(p[0].shape[1] for p in planes)
    inputs = torch.zeros(len(planes), hmax, wmax, dtype=torch.float32)
    targets = torch.zeros_like(inputs)
    sizes = torch.zeros(len(planes), 2, dtype=torch.long)
    for i, (y_in, y_hr, _) in enumerate(planes):
        h, w = y_in.shape
        inputs[i, :h, :w] = y_in
        targets[i, :h, :w] = y_hr
        sizes[i] = torch.tensor([h, w])
    scales_t = torch.tensor([p[2] for p in planes], dtype=torch.long)
    return PatchBank(inputs, targets, sizes, scales_t, len(images))


def load_folders(folders: list[Path]) -> tuple[list[torch.Tensor], list[dict]]:
    images, summary = [], []
    for folder in folders:
        paths = list_images(folder)
        images.extend(read_image(p) for p in paths)
        summary.append({"folder": str(folder), "images": len(paths)})
    return images, summary


def sample_batch(bank: PatchBank, batch: int, patch: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """(batch, 1, patch, patch) inputs and targets: uniform over entries (so scales are mixed in
    every batch), uniform positions, and one of the 8 rotations/flips per patch."""
    device = bank.inputs.device
    e = torch.randint(len(bank.sizes), (batch,), generator=gen, device=device)
    h, w = bank.sizes[e, 0], bank.sizes[e, 1]
    y0 = (torch.rand(batch, generator=gen, device=device) * (h - patch + 1)).long()
    x0 = (torch.rand(batch, generator=gen, device=device) * (w - patch + 1)).long()
    r = torch.arange(patch, device=device)
    rows = (y0[:, None] + r[None, :])[:, :, None]
    cols = (x0[:, None] + r[None, :])[:, None, :]
    ei = e[:, None, None]
    x = bank.inputs[ei, rows, cols]
    y = bank.targets[ei, rows, cols]
    aug = torch.randint(8, (batch,), generator=gen, device=device)
    x, y = augment(x, aug), augment(y, aug)
    return x[:, None], y[:, None]


def augment(p: torch.Tensor, aug: torch.Tensor) -> torch.Tensor:
    """Applies the dihedral transform aug[i] in 0..7 to patch i: bit 0 transposes, bit 1 flips rows,
    bit 2 flips columns; together the 8 rotations and reflections, without a host sync."""
    bit = lambda k: ((aug >> k) & 1).bool()[:, None, None]  # noqa: E731
    p = torch.where(bit(0), p.transpose(1, 2), p)
    p = torch.where(bit(1), p.flip(1), p)
    return torch.where(bit(2), p.flip(2), p)
