"""Where the shared datasets live: ../shared next to the repository (read-only, never committed)."""
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "datasets"
DEFAULT_TRAIN = [SHARED / "train" / "bsds500-train", SHARED / "train" / "bsds500-test", SHARED / "train" / "t91-part"]
SET5 = SHARED / "benchmark" / "Set5"
SET14 = SHARED / "benchmark" / "Set14"


def require(folders: list[Path], what: str) -> list[Path]:
    missing = [str(f) for f in folders if not Path(f).is_dir()]
    if missing:
        raise SystemExit(f"{what}: folder(s) not found: {', '.join(missing)}. The datasets are read from "
                         f"{SHARED} (next to the repository); pass other folders with the options.")
    return [Path(f) for f in folders]
