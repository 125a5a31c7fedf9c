"""The exported file is the contract with the TypeScript side: it must load in @vdsr/core and give
the same output as PyTorch (reference backend, within 1e-4)."""
import json
import struct
import subprocess
from pathlib import Path

import pytest
import torch

from vdsr_train.export import weights_bytes, write_weights
from vdsr_train.model import VDSR

HERE = Path(__file__).parent
CORE_DIST = HERE.parents[1] / "packages" / "core" / "dist" / "index.js"


def small_model():
    torch.manual_seed(7)
    m = VDSR(depth=20, channels=6)
    with torch.no_grad():
        m.layers[-1].weight.mul_(10)  # a visible residual
    return m


def test_header_and_metadata_follow_the_format():
    raw = weights_bytes(small_model(), "F16", {"steps": 1}, [])
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    meta = header.pop("__metadata__")
    assert meta["format"] == "vdsr-weights/1"
    assert json.loads(meta["architecture"]) == {"name": "vdsr", "depth": 20, "channels": 6, "kernelSize": 3, "residual": True}
    assert len(header) == 40 and header["layers.0.weight"]["shape"] == [6, 1, 3, 3]
    assert all(t["dtype"] == "F16" for t in header.values())
    assert max(t["data_offsets"][1] for t in header.values()) == len(raw) - 8 - n


@pytest.mark.parametrize("dtype,tol", [("F32", 1e-4), ("F16", 1e-4)])
def test_export_runs_in_the_typescript_core_like_pytorch(tmp_path, dtype, tol):
    if not CORE_DIST.exists():
        pytest.fail(f"{CORE_DIST} is missing: build the TypeScript packages first (pnpm build)")
    model = small_model()
    if dtype == "F16":  # what the file holds; the comparison is about the runtime, not fp16 rounding
        with torch.no_grad():
            for p in model.parameters():
                p.copy_(p.half().float())
    write_weights(model, tmp_path / "w.safetensors", dtype, {"test": True}, [])
    h, w = 23, 31
    x = torch.rand(1, 1, h, w, generator=torch.Generator().manual_seed(3))
    (tmp_path / "in.f32").write_bytes(x.numpy().astype("<f4").tobytes())
    subprocess.run(["node", str(HERE / "run_reference.mjs"), str(tmp_path / "w.safetensors"), str(tmp_path / "in.f32"),
                    str(w), str(h), str(tmp_path / "out.f32")], check=True)
    ts = torch.frombuffer(bytearray((tmp_path / "out.f32").read_bytes()), dtype=torch.float32).reshape(h, w)
    with torch.no_grad():
        ref = model(x)[0, 0]
    assert float((ref - x[0, 0]).abs().max()) > 1e-3  # the residual is not trivially zero
    assert float((ts - ref).abs().max()) < tol
