#!/usr/bin/env bash
# Creates .venv-tools: the real reference clients the test suite checks Ferry against —
# Helm v4's engine (helm-python-sdk, a shared library with a Python wrapper) and the official
# Kubernetes Python client. Pinned versions; safe to re-run: a venv that already has them touches no network.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-tools
requirements=(helm-python-sdk==0.2.2 kubernetes==37.0.2)

have_all() {
  [ -x "$venv/bin/python" ] || return 1
  local installed
  installed=$("$venv/bin/python" -m pip freeze 2>/dev/null) || return 1
  for r in "${requirements[@]}"; do
    grep -qix "$r" <<<"$installed" || return 1
  done
}

if have_all; then exit 0; fi
echo "setup: creating $venv (${requirements[*]})"
python3 -m venv "$venv" || { echo "setup: python3 -m venv failed; install python3-venv" >&2; exit 1; }
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${requirements[@]}" \
  || { echo "setup: pip could not install ${requirements[*]} from PyPI into $venv" >&2; exit 1; }
