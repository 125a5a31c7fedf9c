"""vdsr training CLI: python3 -m vdsr_train.train --minutes 60 --out runs/NAME [--resume]."""
import argparse
import json
import platform
import sys
import time
from pathlib import Path

import torch

from . import checkpoint, paths
from .data import PatchBank, build_bank, load_folders
from .evaluate import evaluate, format_table
from .export import write_weights
from .recipes import DEFAULTS, Recipe
from .trainer import Trainer


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", nargs="+", type=Path, default=paths.DEFAULT_TRAIN, help="training image folders")
    p.add_argument("--eval-data", nargs="+", type=Path, default=[paths.SET5], help="periodic evaluation folders")
    p.add_argument("--final-eval-data", nargs="+", type=Path, default=[paths.SET5, paths.SET14])
    p.add_argument("--recipe", choices=sorted(DEFAULTS), default="adam")
    p.add_argument("--lr", type=float, help="peak learning rate (default: the recipe's)")
    p.add_argument("--clip", type=float, help="gradient clipping (paper: theta; adam: max norm)")
    p.add_argument("--minutes", type=float, help="training time budget; fixes the schedule length")
    p.add_argument("--steps", type=int, help="schedule length in steps (instead of --minutes)")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--patch", type=int, default=41)
    p.add_argument("--scales", default="2,3,4")
    p.add_argument("--depth", type=int, default=20)
    p.add_argument("--channels", type=int, default=64)
    p.add_argument("--device", default="auto", help="auto, cpu or cuda")
    p.add_argument("--precision", choices=["auto", "fp32", "bf16"], default="auto",
                   help="auto: bf16 autocast on CUDA, fp32 on the CPU")
    p.add_argument("--threads", type=int, help="CPU threads (default: all cores)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path, required=True, help="run folder: checkpoint, log, weights")
    p.add_argument("--resume", action="store_true", help="continue the run in --out exactly")
    p.add_argument("--checkpoint-every", type=float, default=180, help="seconds")
    p.add_argument("--eval-every", type=float, default=600, help="seconds between Set5 evaluations (0: never)")
    p.add_argument("--log-every", type=float, default=30, help="seconds")
    p.add_argument("--no-final", action="store_true", help="skip the final evaluation and export")
    p.add_argument("--cache", type=Path, help="file to keep the prepared (image, scale) pairs in between runs")
    return p.parse_args(argv)


def resolve_device(name: str) -> str:
    if name == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if name == "cuda" and not torch.cuda.is_available():
        raise SystemExit("--device cuda: CUDA is not available here")
    return name


def resolve_precision(name: str, device: str) -> str:
    """auto: bf16 autocast on CUDA. On the CPU, fp32: Debian's torch 1.13 has no fast bf16 convolution
    (measured on the 2-core EPYC dev machine: a 16-patch step takes ~48 s in bf16 vs ~1.9 s in fp32)."""
    if name != "auto":
        return name
    return "bf16" if device == "cuda" else "fp32"


def device_label(device: str) -> str:
    if device == "cuda":
        return f"cuda ({torch.cuda.get_device_name(0)})"
    return f"cpu ({platform.processor() or platform.machine()}, {torch.get_num_threads()} threads)"


def prepare_bank(data: list[Path], config: dict, cache: Path | None):
    key = {"data": [str(p) for p in data], "scales": config["scales"], "patch": config["patch"]}
    if cache and cache.exists():
        saved = torch.load(cache)  # plain tensors and dicts, so torch's weights-only loading accepts it
        if saved.get("key") == key and "inputs" in saved:
            bank = PatchBank(saved["inputs"], saved["targets"], saved["sizes"], saved["scales"], saved["image_count"])
            return bank, saved["summary"]
    images, summary = load_folders(data)
    bank = build_bank(images, tuple(config["scales"]), config["patch"])
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        torch.save({"key": key, "inputs": bank.inputs, "targets": bank.targets, "sizes": bank.sizes,
                    "scales": bank.scales, "image_count": bank.image_count, "summary": summary}, cache)
    return bank, summary


class Log:
    def __init__(self, path: Path):
        self.file = path.open("a")

    def __call__(self, event: str, **fields):
        fields = {"event": event, "time": time.strftime("%Y-%m-%dT%H:%M:%S"), **fields}
        self.file.write(json.dumps(fields) + "\n")
        self.file.flush()


def psnr_summary(rows) -> str:
    return " ".join(f"{r['dataset']} x{r['scale']} {r['psnr']:.2f}" for r in rows if r["method"] == "vdsr")


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    device = resolve_device(args.device)
    precision = resolve_precision(args.precision, device)
    if device == "cuda":
        torch.backends.cudnn.benchmark = True
    args.out.mkdir(parents=True, exist_ok=True)
    ckpt_path = args.out / "checkpoint.pt"
    log = Log(args.out / "log.jsonl")
    scales = tuple(int(s) for s in args.scales.split(","))

    if args.resume and ckpt_path.exists():
        saved = checkpoint.load(ckpt_path, "cpu")
        config = saved["config"]
        print(f"resuming {ckpt_path} at step {saved['step']}/{saved['total_steps']}", flush=True)
    else:
        if args.minutes is None and args.steps is None:
            raise SystemExit("give --minutes or --steps")
        saved = None
        base = DEFAULTS[args.recipe]
        config = {
            "recipe": args.recipe, "lr": args.lr or base.lr, "clip": args.clip or base.clip,
            "batch": args.batch, "patch": args.patch, "scales": list(scales), "depth": args.depth,
            "channels": args.channels, "seed": args.seed, "precision": precision,
            "data": [str(p) for p in args.data], "minutes": args.minutes, "steps": args.steps,
            "command": " ".join(["python3 -m vdsr_train.train", *(sys.argv[1:] if argv is None else argv)]),
        }
    data = paths.require([Path(p) for p in config["data"]], "training data")
    started = time.perf_counter()
    bank, data_summary = prepare_bank(data, config, args.cache)
    print(f"data: {sum(d['images'] for d in data_summary)} images, {len(bank.sizes)} (image, scale) pairs, "
          f"prepared in {time.perf_counter() - started:.1f}s", flush=True)
    recipe = Recipe(config["recipe"], config["lr"], config["clip"])
    trainer = Trainer(bank, recipe, batch=config["batch"], patch=config["patch"], device=device,
                      precision=config["precision"], channels_last=device == "cuda",
                      seed=config["seed"], depth=config["depth"], channels=config["channels"])
    if saved:
        trainer.load_state_dict(saved)
    elif config["steps"]:
        trainer.total_steps = config["steps"]
    else:
        per_step = trainer.measure_step_time()
        trainer.total_steps = max(1, int(config["minutes"] * 60 / per_step))
        print(f"schedule: {trainer.total_steps} steps ({per_step * 1000:.0f} ms/step measured)", flush=True)
    log("start", device=device_label(device), config=config, step=trainer.step_count)

    eval_folders = [f for f in args.eval_data if f.is_dir()] if args.eval_every > 0 else []
    session_start = time.perf_counter()
    last_ckpt = last_log = last_eval = session_start
    losses = []
    while trainer.step_count < trainer.total_steps:
        losses.append(trainer.step())
        now = time.perf_counter()
        if now - last_log >= args.log_every or trainer.step_count == trainer.total_steps:
            done, total = trainer.step_count, trainer.total_steps
            rate = trainer.wall_s / done
            eta = (total - done) * rate
            mean_loss = sum(losses) / len(losses)
            print(f"step {done}/{total} loss {mean_loss:.3e} lr {trainer.optimizer.param_groups[0]['lr']:.2e} "
                  f"{trainer.batch / rate:.0f} patches/s ETA {eta / 60:.1f} min", flush=True)
            log("progress", step=done, total=total, loss=mean_loss, wall_s=trainer.wall_s)
            losses, last_log = [], now
        if eval_folders and now - last_eval >= args.eval_every:
            rows = evaluate(trainer.model, eval_folders, scales, trainer.device, methods=("vdsr",))
            print(f"eval at step {trainer.step_count}: {psnr_summary(rows)}", flush=True)
            log("eval", step=trainer.step_count, psnr={f"{r['dataset']}x{r['scale']}": r["psnr"] for r in rows})
            last_eval = time.perf_counter()
        if now - last_ckpt >= args.checkpoint_every:
            trainer.save(ckpt_path, {"config": config})
            last_ckpt = now
    trainer.save(ckpt_path, {"config": config})
    log("done", step=trainer.step_count, wall_s=trainer.wall_s, patches_seen=trainer.patches_seen)
    print(f"trained {trainer.step_count} steps, {trainer.patches_seen} patches, {trainer.wall_s / 60:.1f} min", flush=True)
    if args.no_final:
        return 0
    return finish(trainer, config, data_summary, [f for f in args.final_eval_data if f.is_dir()], scales,
                  device_label(device), args.out, log)


def finish(trainer, config, data_summary, folders, scales, device, out: Path, log) -> int:
    """Final evaluation, then the weights files with their provenance and measured table."""
    torch.backends.cudnn.allow_tf32 = False  # the table is measured in true fp32
    torch.backends.cuda.matmul.allow_tf32 = False
    # The table must describe the shipped fp16 file, so measure with weights rounded to fp16; the
    # fp32 file then holds the same numbers (the checkpoint keeps full precision for more training).
    model = trainer.model.float()
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.half().float())
    rows = evaluate(trainer.model, folders, scales, trainer.device) if folders else []
    if rows:
        print(format_table(rows), flush=True)
        (out / "metrics.json").write_text(json.dumps(rows, indent=1))
        log("final_eval", table=[{k: r[k] for k in ("dataset", "scale", "method", "psnr", "ssim")} for r in rows])
    provenance = {
        "trainer": "vdsr training/ (PyTorch)", "data": data_summary, "recipe": config["recipe"],
        "lr": config["lr"], "clip": config["clip"], "batch": config["batch"], "patch": config["patch"],
        "scales": config["scales"], "precision": config["precision"], "seed": config["seed"],
        "steps": trainer.step_count, "patches_seen": trainer.patches_seen,
        "wall_minutes": round(trainer.wall_s / 60, 2), "device": device, "torch": torch.__version__,
        "command": config["command"],
    }
    write_weights(model, out / "vdsr.safetensors", "F16", provenance, rows)
    write_weights(model, out / "vdsr-fp32.safetensors", "F32", provenance, rows)
    print(f"wrote {out / 'vdsr.safetensors'} (fp16) and {out / 'vdsr-fp32.safetensors'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
