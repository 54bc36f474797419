#!/bin/sh
# Refresh the Japanese catalogues from the sources, then compile them to .qm. One catalogue per
# room of the UI, so a feature's strings travel with its package:
#   scfn_ja.ts        — the shell: app.py, ui/*.py, ui/dialogs/, ui/widgets/ (shared widgets);
#   <capability>_ja.ts — every package ui/<capability>/ (roster_ja.ts, exams_ja.ts, admin_ja.ts…).
#   qt/qtbase_extra_ja.ts — Qt's own strings its shipped qtbase_ja.qm lacks (written by hand,
#                      compiled only: lupdate would drop them, they are not in our sources).
# The app loads every *_ja.qm. Translate new entries (pyside6-linguist, or edit the .ts) and run
# this again; tests/ui/test_translations.py fails while an entry is unfinished or a .qm is stale.
set -eu
cd "$(dirname "$0")/.."
BIN="${PYSIDE6_BIN:-.venv/bin}"
UI=src/scfn_desktop/ui
TS=resources/translations

update() {  # update <catalogue name> <sources...>
    name=$1
    shift
    "$BIN/pyside6-lupdate" -extensions py -no-obsolete -locations relative \
        -target-language ja_JP "$@" -ts "$TS/$name.ts"
    "$BIN/pyside6-lrelease" -silent "$TS/$name.ts" -qm "$TS/$name.qm"
}

# shellcheck disable=SC2046  # word splitting of the file lists is intended
update scfn_ja src/scfn_desktop/app.py $(ls $UI/*.py) $UI/dialogs $UI/widgets

for room in "$UI"/*/; do
    name=$(basename "$room")
    case "$name" in dialogs|widgets|__pycache__) continue ;; esac
    update "${name}_ja" "$room"
done

for ts in "$TS"/qt/*.ts; do
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
