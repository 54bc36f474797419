#!/bin/sh
# Refresh resources/translations/scfn_ja.ts from the application shell's sources (app.py, the
# shared ui modules, dialogs and the roster page), then compile it to scfn_ja.qm.
# Feature pages keep their own catalogue (e.g. exams_ja.ts); the app loads every *_ja.qm.
# Translate new entries (pyside6-linguist, or edit the .ts) and run this again;
# tests/ui/test_translations.py fails while an entry is unfinished or the .qm is stale.
set -eu
cd "$(dirname "$0")/.."
BIN="${PYSIDE6_BIN:-$(dirname "$(command -v python || echo /work/venv/bin/python)")}"
[ -x "$BIN/pyside6-lupdate" ] || BIN=/work/venv/bin
UI=src/scfn_desktop/ui
SOURCES="src/scfn_desktop/app.py $(ls $UI/*.py) $UI/dialogs $UI/pages/__init__.py
         $(ls $UI/pages/roster*.py) $UI/widgets/trainee_table.py"
# shellcheck disable=SC2086  # word splitting of SOURCES is intended
"$BIN/pyside6-lupdate" -extensions py -no-obsolete -locations relative -target-language ja_JP \
    $SOURCES -ts resources/translations/scfn_ja.ts
"$BIN/pyside6-lrelease" resources/translations/scfn_ja.ts -qm resources/translations/scfn_ja.qm
