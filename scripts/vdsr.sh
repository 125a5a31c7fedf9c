#!/usr/bin/env bash
# The main job on a fresh machine: set up (once), then run the vdsr CLI with the shipped weights.
#   bash scripts/vdsr.sh upscale examples/sample.png --scale 2
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh"
exec node "$root/apps/cli/dist/cli.js" "$@"
