#!/usr/bin/env bash
# Everything vdsr needs on a fresh Debian machine with Node 20: system packages for the training tests,
# pnpm (the version pinned in package.json), the workspace's packages, and a build.
# Idempotent and quiet when there is nothing to do; scripts/vdsr.sh and scripts/test.sh call it.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(python3-torch python3-numpy python3-pil python3-scipy python3-pytest)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]} (Debian packages for training/)" >&2
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
  echo "setup: installing pnpm $pnpm_version" >&2
  npm install --global --silent "pnpm@$pnpm_version" >/dev/null
fi

# --frozen-lockfile: a fresh machine gets exactly what was tested.
pnpm install --frozen-lockfile --reporter=silent
if ! out=$(pnpm --silent build --output-logs=errors-only 2>&1); then
  echo "$out" >&2
  exit 1
fi
