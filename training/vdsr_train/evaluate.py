"""Set5/Set14-style evaluation on the protocol of ../shared/datasets/README.md.

Each method's output goes through the same path as the product's pipeline: an RGB image rounded to
8 bits, then luma; VDSR's Y is merged with bicubic Cb/Cr first. Luma is MATLAB's rgb2ycbcr of a uint8
image, so it is rounded to integers too: with it the bicubic row reproduces the published figures
within 0.02 dB on all six (dataset, scale) pairs; unrounded, Set5 x2 is 0.022 dB off.
"""
from pathlib import Path

import torch

from .colour import luma, rgb_to_ycbcr, ycbcr_to_rgb
from .degrade import make_pair
from .images import list_images, read_image
from .imresize import imresize, to_uint8
from .metrics import psnr, ssim


@torch.no_grad()
def super_resolve(model, lr: torch.Tensor, y_in: torch.Tensor, scale: int, device) -> torch.Tensor:
    """LR image (C,h,w uint8 values) + its upscaled luma -> SR image (C,H,W uint8 values)."""
    x = (y_in / 255.0).to(device=device, dtype=torch.float32)[None, None]
    y_out = model(x)[0, 0].to("cpu", torch.float64) * 255.0
    if lr.shape[0] == 1:
        return to_uint8(y_out)[None]
    cbcr = imresize(rgb_to_ycbcr(lr)[1:], size=tuple(y_in.shape), scale=float(scale))
    return to_uint8(ycbcr_to_rgb(torch.cat([y_out[None], cbcr])))


def evaluate(model, folders: list[Path], scales: tuple[int, ...], device, methods=("bicubic", "vdsr")) -> list[dict]:
    """Returns rows {dataset, scale, method, psnr, ssim, images: [{name, psnr, ssim}]}."""
    was_training = model.training if model is not None else False
    if model is not None:
        model.eval()
    # Every benchmark image has its own size: cuDNN's autotuner would search again for each one.
    benchmark, torch.backends.cudnn.benchmark = torch.backends.cudnn.benchmark, False
    rows = []
    for folder in folders:
        paths = list_images(folder)
        imgs = [(p.stem, read_image(p)) for p in paths]
        for s in scales:
            per = {m: [] for m in methods}
            for name, img in imgs:
                hr, lr, y_in = make_pair(img, s)
                y_hr = to_uint8(luma(hr))
                for m in methods:
                    out = to_uint8(imresize(lr, size=tuple(hr.shape[-2:]), scale=float(s))) if m == "bicubic" \
                        else super_resolve(model, lr, y_in, s, device)
                    y = to_uint8(luma(out))
                    per[m].append({"name": name, "psnr": psnr(y, y_hr, s), "ssim": ssim(y, y_hr, s)})
            for m in methods:
                ims = per[m]
                rows.append({
                    "dataset": Path(folder).name, "scale": s, "method": m,
                    "psnr": sum(i["psnr"] for i in ims) / len(ims),
                    "ssim": sum(i["ssim"] for i in ims) / len(ims),
                    "images": ims,
                })
    torch.backends.cudnn.benchmark = benchmark
    if model is not None and was_training:
        model.train()
    return rows


def format_table(rows: list[dict]) -> str:
    lines = ["| dataset | scale | method | PSNR (dB) | SSIM |", "| --- | --- | --- | --- | --- |"]
    for r in rows:
        lines.append(f"| {r['dataset']} | x{r['scale']} | {r['method']} | {r['psnr']:.2f} | {r['ssim']:.4f} |")
    return "\n".join(lines)
