#!/usr/bin/env bash
# Install (first time) and run every check CI runs: layering contract, lint, the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/bootstrap.sh test
export QT_QPA_PLATFORM=offscreen
# In CI the PostgreSQL suite and the browser tests must run, never skip (bootstrap installed
# the server and Chromium).
if [ "${CI:-}" = "true" ]; then export SCFN_REQUIRE_POSTGRES=1 SCFN_REQUIRE_CHROMIUM=1; fi
.venv/bin/lint-imports
.venv/bin/ruff check src tests benchmarks tools
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
