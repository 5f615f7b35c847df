#!/usr/bin/env bash
# System packages the drafts need (issue 6), installed only when missing; safe to run repeatedly.
#   libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz0b, libharfbuzz-subset0, libfontconfig1
#                      WeasyPrint (HTML -> PDF) loads these with cffi at import time
#   fonts-liberation   Liberation Serif, metric-compatible with Times New Roman (court typography)
#   fonts-dejavu-core  fallback glyphs (§, –, “ ”) for any font that lacks them
#   poppler-utils      pdftoppm: the tests turn PDF pages into PNG to check they are not blank
# Debian/Ubuntu only; elsewhere it says what to install and exits 0 so the caller can decide.
set -euo pipefail

PKGS=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1
      fonts-liberation fonts-dejavu-core poppler-utils)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian system; install the equivalents of: ${PKGS[*]}" >&2
  exit 0
fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "system-deps: all present"
  exit 0
fi

echo "system-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
