#!/usr/bin/env bash
# The whole test suite on a fresh machine (what CI runs through .ci/run): set-up, lint, types, every
# package's tests (vitest, publint, attw, the core conformance suite on every backend), the training
# tests (pytest), then one summary line.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/setup.sh || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
pnpm lint || status=1
pnpm typecheck --output-logs=errors-only || status=1
pnpm test --concurrency=1 --continue 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
(cd training && /usr/bin/python3 -m pytest -q -p no:cacheprovider tests) 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" = 0 ] || status=1

# vitest prints "Tests  N failed | N passed | N skipped (T)" per package, pytest "N failed, N passed, N skipped in Xs".
read -r passed failed skipped < <(sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
  /Tests +[0-9]+ / || /(passed|failed).* in [0-9.]+s/ {
    for (i = 2; i <= NF; i++) {
      w = $i; gsub(/[^a-z]/, "", w); n = $(i - 1) + 0
      if (w == "passed") p += n; else if (w == "failed") f += n; else if (w == "skipped") s += n
    }
  }
  END { print p + 0, f + 0, s + 0 }')
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
