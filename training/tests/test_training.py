import torch

from vdsr_train.data import build_bank, sample_batch
from vdsr_train.recipes import DEFAULTS, Recipe, loss_fn
from vdsr_train.trainer import Trainer


def make_trainer(images, recipe=DEFAULTS["adam"], seed=3):
    bank = build_bank(images, (2, 3, 4), 41)
    t = Trainer(bank, recipe, batch=8, patch=41, device="cpu", seed=seed, depth=20, channels=8)
    t.total_steps = 10
    return t


def test_one_step_lowers_the_loss_on_a_fixed_batch(synthetic_images):
    # the paper's SGD at 1e-4: from initialisation, one plain step at its peak rate of 0.1 overshoots
    for recipe in (DEFAULTS["adam"], Recipe("paper", lr=1e-4, clip=DEFAULTS["paper"].clip)):
        t = make_trainer(synthetic_images, recipe)
        x, y = sample_batch(t.bank, 32, 41, torch.Generator().manual_seed(9))
        before = float(loss_fn(t.recipe, t.model(x), y))
        t.update(x, y)  # the recipe's own first step (rate, clipping) must reduce the loss it saw
        after = float(loss_fn(t.recipe, t.model(x), y))
        assert after < before, recipe


def test_resume_reproduces_the_same_state(synthetic_images, tmp_path):
    straight = make_trainer(synthetic_images)
    for _ in range(4):
        straight.step()

    first = make_trainer(synthetic_images)
    first.step()
    first.step()
    first.save(tmp_path / "ckpt.pt")
    resumed = make_trainer(synthetic_images, seed=99)  # different init: everything must come from the file
    resumed.load_state_dict(torch.load(tmp_path / "ckpt.pt"))
    resumed.step()
    resumed.step()

    assert resumed.step_count == straight.step_count == 4
    for a, b in zip(straight.model.parameters(), resumed.model.parameters()):
        assert torch.equal(a, b)
    sa, sb = straight.optimizer.state_dict()["state"], resumed.optimizer.state_dict()["state"]
    for k in sa:
        assert torch.equal(sa[k]["exp_avg"], sb[k]["exp_avg"])
    assert torch.equal(straight.gen.get_state(), resumed.gen.get_state())
