"""Reading image folders into (C, H, W) float64 tensors on 0..255."""
from pathlib import Path

import torch

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"}


def list_images(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)


def read_image(path: Path) -> torch.Tensor:
    """Grey images stay 1-channel; everything else becomes RGB (alpha dropped)."""
    from PIL import Image  # imported here so the rest of the package works without Pillow

    with Image.open(path) as im:
        grey = im.mode in ("L", "LA", "I;16", "I", "1")
        conv = im.convert("L" if grey else "RGB")
        data = torch.frombuffer(bytearray(conv.tobytes()), dtype=torch.uint8)
        return data.reshape(conv.height, conv.width, -1).permute(2, 0, 1).to(torch.float64)


def modcrop(img: torch.Tensor, scale: int) -> torch.Tensor:
    h, w = img.shape[-2:]
    return img[..., : h - h % scale, : w - w % scale]
