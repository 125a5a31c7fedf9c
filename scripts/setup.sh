#!/usr/bin/env bash
# Everything vdsr needs on a fresh Debian machine with Node 20: system packages (training tests, browsers, WebGPU),
# pnpm (the version pinned in package.json), the workspace's packages, and a build.
# Idempotent and quiet when there is nothing to do; scripts/vdsr.sh and scripts/test.sh call it.
set -euo pipefail
cd "$(dirname "$0")/.."

# training/ tests: PyTorch and friends. Browser tests: Debian's chromium (playwright-core drives it; no
# browser download). WebGPU in Node (Dawn): Mesa's lavapipe 25.x from bookworm-backports, since the
# stock 22.x lacks features Dawn needs.
apt_packages=(python3-torch python3-numpy python3-pil python3-scipy python3-pytest chromium fonts-dejavu-core)
backports_packages=(mesa-vulkan-drivers)
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
installed() { dpkg-query -W -f='${Status} ${Version}' "$1" 2>/dev/null | grep -q "install ok installed${2:-}"; }
missing=()
for p in "${apt_packages[@]}"; do installed "$p" || missing+=("$p"); done
missing_backports=()
for p in "${backports_packages[@]}"; do installed "$p" " 2[5-9]" || missing_backports+=("$p"); done
if ((${#missing[@]} + ${#missing_backports[@]})); then
  echo "setup: installing ${missing[*]} ${missing_backports[*]} (Debian packages)" >&2
  if ((${#missing_backports[@]})) && ! grep -rqs bookworm-backports /etc/apt/sources.list /etc/apt/sources.list.d; then
    # The same mirror as the machine's own Debian entry.
    uri=$(grep -hm1 '^URIs:' /etc/apt/sources.list.d/debian.sources 2>/dev/null | awk '{print $2}')
    printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "${uri:-http://deb.debian.org/debian}" | $SUDO tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null
  fi
  $SUDO apt-get update -qq
  if ((${#missing[@]})); then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if ((${#missing_backports[@]})); then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -t bookworm-backports "${missing_backports[@]}" >/dev/null
  fi
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
