"""The two training recipes: the paper's SGD and a modern AdamW + cosine one."""
import math
from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class Recipe:
    name: str
    lr: float
    clip: float


DEFAULTS = {
    # Kim et al.: SGD, momentum 0.9, weight decay 1e-4, lr 0.1 divided by 10 every quarter of
    # training, gradients clipped to theta / lr (the "adjustable" clipping) on Caffe's summed loss.
    "paper": Recipe("paper", lr=0.1, clip=0.4),
    # AdamW, 2% warm-up then cosine to zero, gradient-norm clipping.
    "adam": Recipe("adam", lr=5e-4, clip=1.0),
}


def make_optimizer(recipe: Recipe, params):
    if recipe.name == "paper":
        return torch.optim.SGD(params, lr=recipe.lr, momentum=0.9, weight_decay=1e-4)
    return torch.optim.AdamW(params, lr=recipe.lr, betas=(0.9, 0.999), weight_decay=0.0)


def lr_at(recipe: Recipe, step: int, total: int) -> float:
    frac = step / max(total, 1)
    if recipe.name == "paper":
        return recipe.lr * 0.1 ** min(int(frac * 4), 3)
    warm = max(1, int(0.02 * total))
    if step < warm:
        return recipe.lr * (step + 1) / warm
    return recipe.lr * 0.5 * (1 + math.cos(math.pi * (step - warm) / max(total - warm, 1)))


def loss_fn(recipe: Recipe, pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    diff = (pred.float() - target.float()) ** 2
    if recipe.name == "paper":
        # Caffe's EuclideanLoss: half the squared error summed over pixels, averaged over the batch.
        return 0.5 * diff.sum() / pred.shape[0]
    return diff.mean()


def clip_gradients(recipe: Recipe, params, lr: float) -> float:
    limit = recipe.clip / lr if recipe.name == "paper" else recipe.clip
    return float(torch.nn.utils.clip_grad_norm_(params, limit))
