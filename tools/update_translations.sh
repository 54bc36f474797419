#!/bin/sh
# Refresh resources/translations/scfn_ja.ts from the sources (app.py and ui/), then compile it to
# scfn_ja.qm. Translate new entries (pyside6-linguist, or edit the .ts) before running it again;
# tests/ui/test_translations.py fails while an entry is unfinished or the .qm is stale.
set -eu
cd "$(dirname "$0")/.."
BIN="${PYSIDE6_BIN:-$(dirname "$(command -v python)")}"
[ -x "$BIN/pyside6-lupdate" ] || BIN=/work/venv/bin
"$BIN/pyside6-lupdate" -extensions py -no-obsolete -locations relative -target-language ja_JP \
    src/scfn_desktop/app.py src/scfn_desktop/ui \
    -ts resources/translations/scfn_ja.ts
"$BIN/pyside6-lrelease" resources/translations/scfn_ja.ts -qm resources/translations/scfn_ja.qm
