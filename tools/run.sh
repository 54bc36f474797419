#!/usr/bin/env bash
# Install (first time) and start scfn-desktop. Arguments go to the app, e.g. --demo, --lang en.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/bootstrap.sh
exec .venv/bin/scfn-desktop "$@"
