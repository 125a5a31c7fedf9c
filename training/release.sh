#!/usr/bin/env bash
# The release training run, as run on the accelerator machine (see training/README.md):
#   bash training/release.sh OUT_DIR [MAIN_MINUTES] [COMPARE_MINUTES] [DATA_DIR]
# MAIN_MINUTES may be "fit:SECONDS": the main run then gets what is left of SECONDS (counted from the
# start of this script) after the comparison, less 75 s for its start, final evaluation and export.
# 1. a short run of each recipe (paper SGD, AdamW) with the same budget, scored on Set5;
# 2. the release run with the better recipe; final Set5/Set14 table and weights export.
# DATA_DIR holds train/{bsds500-train,bsds500-test,t91-part} and benchmark/{Set5,Set14}
# (default: ../shared/datasets next to the repository).
set -euo pipefail
START=$(date +%s)
OUT=$(realpath -m "$1"); MAIN=${2:-6}; CMP=${3:-0.75}
cd "$(dirname "$0")"
DATA=$(realpath -m "${4:-../../shared/datasets}")
PY=${PYTHON:-python3}
BATCH=${BATCH:-256}
read -r -a EXTRA <<< "${EXTRA:-}"  # more train.py options, e.g. EXTRA="--channels 8" for a dry run
mkdir -p "$OUT"
"$PY" -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available() and torch.cuda.get_device_name(0))"
TRAIN=("$DATA/train/bsds500-train" "$DATA/train/bsds500-test" "$DATA/train/t91-part")
CACHE=${CACHE:-$OUT/bank.pt}
common=(--data "${TRAIN[@]}" --eval-data "$DATA/benchmark/Set5" --batch "$BATCH" --cache "$CACHE"
        --checkpoint-every 60 --log-every 15 "${EXTRA[@]}")
for recipe in paper adam; do
  "$PY" -m vdsr_train.train "${common[@]}" --recipe "$recipe" --minutes "$CMP" --eval-every 0 \
    --final-eval-data "$DATA/benchmark/Set5" --out "$OUT/compare-$recipe"
done
best=$("$PY" - "$OUT" <<'PY'
import json, sys
scores = {}
for r in ("paper", "adam"):
    rows = json.load(open(f"{sys.argv[1]}/compare-{r}/metrics.json"))
    v = [x["psnr"] for x in rows if x["method"] == "vdsr"]
    scores[r] = sum(v) / len(v)
    print(f"compare {r}: mean Set5 VDSR PSNR over x2/x3/x4 = {scores[r]:.3f} dB", file=sys.stderr)
print(max(scores, key=scores.get))
PY
)
echo "release recipe: $best"
if [[ $MAIN == fit:* ]]; then
  MAIN=$("$PY" -c "print(round(max(1.0, (${MAIN#fit:} - ($(date +%s) - $START) - 75) / 60), 2))")
fi
echo "release run: $MAIN minutes of training"
"$PY" -m vdsr_train.train "${common[@]}" --recipe "$best" --minutes "$MAIN" --eval-every 90 \
  --final-eval-data "$DATA/benchmark/Set5" "$DATA/benchmark/Set14" --out "$OUT/release"
rm -f "$CACHE"  # derived from the images; too big to keep
