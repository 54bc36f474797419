#!/bin/sh
# Refresh the Japanese catalogues from the sources, then compile them to .qm:
#   scfn_ja.ts  — the application shell (app.py, the shared ui modules, dialogs, roster page);
#   exams_ja.ts — the 修了認定テスト pages (printing/scanning, review, results) and their
#                 widgets (ui/widgets/exam_*.py).
# Each feature keeps its own catalogue; the app loads every *_ja.qm.
# Translate new entries (pyside6-linguist, or edit the .ts) and run this again;
# tests/ui/test_translations.py and tests/ui_exams/test_exam_translations.py fail while an
# entry is unfinished or a .qm is stale.
set -eu
cd "$(dirname "$0")/.."
BIN="${PYSIDE6_BIN:-$(dirname "$(command -v python || echo /work/venv/bin/python)")}"
[ -x "$BIN/pyside6-lupdate" ] || BIN=/work/venv/bin
UI=src/scfn_desktop/ui
TS=resources/translations

update() {  # update <catalogue name> <sources...>
    name=$1
    shift
    "$BIN/pyside6-lupdate" -extensions py -no-obsolete -locations relative \
        -target-language ja_JP "$@" -ts "$TS/$name.ts"
    "$BIN/pyside6-lrelease" "$TS/$name.ts" -qm "$TS/$name.qm"
}

SOURCES="src/scfn_desktop/app.py $(ls $UI/*.py) $UI/dialogs $UI/pages/__init__.py
         $(ls $UI/pages/roster*.py) $UI/widgets/trainee_table.py"
# shellcheck disable=SC2086  # word splitting of SOURCES is intended
update scfn_ja $SOURCES

EXAM_SOURCES="$UI/pages/scanning.py $UI/pages/review.py $UI/pages/results.py
              $(ls $UI/widgets/exam_*.py)"
# shellcheck disable=SC2086
update exams_ja $EXAM_SOURCES

# admin_ja.ts — the admin pages (users, audit log) and their widgets (ui/widgets/admin_*.py).
ADMIN_SOURCES="$UI/pages/users.py $UI/pages/audit_log.py $(ls $UI/widgets/admin_*.py)"
# shellcheck disable=SC2086
update admin_ja $ADMIN_SOURCES
