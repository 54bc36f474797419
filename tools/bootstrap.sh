#!/usr/bin/env bash
# Installs what scfn-desktop needs on a Debian/Ubuntu machine, idempotently:
# system packages (a Japanese font, poppler, the libraries Qt needs) and a virtual environment
# in .venv with the project installed editable. Usage: tools/bootstrap.sh [EXTRA]  (e.g. test)
set -euo pipefail
cd "$(dirname "$0")/.."

extra="${1:-}"
packages=(
  fonts-ipaexfont            # Japanese font embedded in PDFs and used by Qt
  poppler-utils              # pdftoppm/pdftotext: render and check PDFs
  libzbar0                   # independent QR decoder used by the tests
  libegl1 libgl1 libopengl0 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libpulse0                  # QtMultimedia (check-in sounds, camera)
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-randr0 libxrender1 libxi6
  python3-venv
)
if [ "$extra" = "test" ]; then
  # The PostgreSQL server binaries for tests/postgres (a throwaway server on a Unix socket,
  # started by the tests themselves); not for end users, who never need a server installed.
  packages+=(postgresql)
  # A real headless browser for the standalone HTML verifier's tests (Selenium drives it).
  packages+=(chromium chromium-driver)
fi

if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=".venv/.installed-${extra:-base}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  if [ -n "$extra" ]; then
    .venv/bin/python -m pip install -q -e ".[$extra]"
  else
    .venv/bin/python -m pip install -q -e .
  fi
  touch "$stamp"
fi
