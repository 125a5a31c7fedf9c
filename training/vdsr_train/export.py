"""Writes the weights file of docs/weights-format.md (safetensors + vdsr metadata)."""
import hashlib
import json
import struct
from pathlib import Path

import torch

FORMAT = "vdsr-weights/1"
_DTYPES = {"F32": torch.float32, "F16": torch.float16}


def weights_bytes(model, dtype: str, provenance: dict, metrics: list[dict]) -> bytes:
    if dtype not in _DTYPES:
        raise ValueError(f"dtype must be F32 or F16, got {dtype}")
    state = model.state_dict()
    names = [f"layers.{i}.{kind}" for i in range(len(model.layers)) for kind in ("weight", "bias")]
    header, chunks, offset = {}, [], 0
    for name in names:
        t = state[name].detach().to("cpu", _DTYPES[dtype]).contiguous()
        raw = t.numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    data = b"".join(chunks)
    arch = {"name": "vdsr", "depth": model.depth, "channels": model.channels, "kernelSize": 3, "residual": True}
    header["__metadata__"] = {
        "format": FORMAT,
        "architecture": json.dumps(arch),
        "content_sha256": hashlib.sha256(data).hexdigest(),
        "provenance": json.dumps(provenance),
        "metrics": json.dumps([{k: r[k] for k in ("dataset", "scale", "method", "psnr", "ssim")} for r in metrics]),
    }
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-len(head) % 8)  # aligns the data section, as safetensors writers do
    return struct.pack("<Q", len(head)) + head + data


def write_weights(model, path: Path, dtype: str, provenance: dict, metrics: list[dict]) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(weights_bytes(model, dtype, provenance, metrics))
    tmp.replace(path)
