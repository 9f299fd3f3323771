#!/usr/bin/env bash
# Installs the system packages Ferry needs to build and test (Debian 12). Safe to re-run: it installs only
# what is missing, so on a prepared machine it touches no network.
set -euo pipefail

packages=(libgit2-dev libcurl4-openssl-dev libsqlite3-dev pkg-config git python3 python3-venv openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

command -v swift >/dev/null || { echo "setup: Swift 6.3 is required (https://www.swift.org/install/)" >&2; exit 1; }
command -v kubectl >/dev/null || echo "setup: note: kubectl not found; the tests that use it as an independent client will fail" >&2
"$(dirname "$0")/setup-python-tools.sh"
