"""VDSR training for the vdsr toolkit: data, model, recipes, evaluation and weights export."""
