"""One training run: the model, optimizer, patch bank and sampling RNG, stepped and checkpointed."""
import contextlib
import copy
import time

import torch

from . import checkpoint
from .data import PatchBank, sample_batch
from .model import VDSR
from .recipes import Recipe, clip_gradients, loss_fn, lr_at, make_optimizer


class Trainer:
    def __init__(self, bank: PatchBank, recipe: Recipe, *, batch: int, patch: int, device: str,
                 precision: str = "fp32", channels_last: bool = False, seed: int = 0,
                 depth: int = 20, channels: int = 64):
        self.device = torch.device(device)
        torch.manual_seed(seed)
        self.model = VDSR(depth, channels).to(self.device)
        self.channels_last = channels_last
        if channels_last:
            self.model = self.model.to(memory_format=torch.channels_last)
        self.recipe, self.batch, self.patch, self.precision = recipe, batch, patch, precision
        self.optimizer = make_optimizer(recipe, self.model.parameters())
        self.bank = bank.to(self.device)
        self.gen = torch.Generator(device=self.device)
        self.gen.manual_seed(seed)
        self.step_count = 0
        self.total_steps = 0
        self.wall_s = 0.0
        self.patches_seen = 0

    def _autocast(self):
        if self.precision == "bf16":
            return torch.autocast(device_type=self.device.type, dtype=torch.bfloat16)
        return contextlib.nullcontext()

    def step(self) -> float:
        """One optimisation step on a freshly sampled batch; returns its loss."""
        started = time.perf_counter()
        x, y = sample_batch(self.bank, self.batch, self.patch, self.gen)
        value = self.update(x, y)
        self.step_count += 1
        self.patches_seen += self.batch
        self.wall_s += time.perf_counter() - started
        return value

    def update(self, x: torch.Tensor, y: torch.Tensor) -> float:
        """Forward, backward, clipping and the optimizer update at the schedule's current rate."""
        if self.channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        lr = lr_at(self.recipe, self.step_count, self.total_steps)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        self.model.train()
        with self._autocast():
            pred = self.model(x)
        loss = loss_fn(self.recipe, pred, y)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        clip_gradients(self.recipe, self.model.parameters(), lr)
        self.optimizer.step()
        return float(loss.detach())  # one sync per step; keeps the timing honest

    def measure_step_time(self, steps: int = 20, warmup: int = 5) -> float:
        """Seconds per step, timed on a throwaway copy so the run's weights, optimizer and sampling
        RNG are untouched: the schedule length must be fixed before the first real step."""
        scratch = copy.copy(self)
        scratch.model = copy.deepcopy(self.model)
        scratch.optimizer = make_optimizer(self.recipe, scratch.model.parameters())
        gen = torch.Generator(device=self.device)
        gen.manual_seed(12345)
        for i in range(warmup + steps):
            if i == warmup:
                started = time.perf_counter()
            scratch.update(*sample_batch(self.bank, self.batch, self.patch, gen))
        return (time.perf_counter() - started) / steps

    def state_dict(self) -> dict:
        return {
            "model": self.model.state_dict(),
            "optimizer": self.optimizer.state_dict(),
            "gen": self.gen.get_state(),
            "step": self.step_count,
            "total_steps": self.total_steps,
            "wall_s": self.wall_s,
            "patches_seen": self.patches_seen,
            "recipe": self.recipe.__dict__,
        }

    def load_state_dict(self, state: dict) -> None:
        self.model.load_state_dict(state["model"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.gen.set_state(state["gen"].to("cpu") if hasattr(state["gen"], "to") else state["gen"])
        self.step_count, self.total_steps = state["step"], state["total_steps"]
        self.wall_s, self.patches_seen = state["wall_s"], state["patches_seen"]

    def save(self, path, extra: dict | None = None) -> None:
        checkpoint.save(path, {**self.state_dict(), **(extra or {})})
