"""Start the desktop application: options, Qt bootstrap, translators, database, session flow.

`main()` is the `scfn-desktop` GUI entry point and what `python -m scfn_desktop` runs.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from collections.abc import Sequence

from scfn_desktop import __version__
from scfn_desktop.config import APP_NAME, Settings, resolve_db_url


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scfn-desktop",
                                     description="SCFN certification desktop application")
    parser.add_argument("--db", metavar="URL",
                        help="database URL (default: SCFN_DB_URL, else SQLite in the data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="load the demonstration data first (safe to repeat)")
    parser.add_argument("--lang", choices=("ja", "en"), help="UI language for this session")
    parser.add_argument("--self-test", action="store_true",
                        help="check the installation without opening a window")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build's scan workers start here (omr.batch)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)

    if args.self_test:
        from scfn_desktop.ui.selftest import run_self_test

        return run_self_test()

    from scfn_desktop.ui.i18n import choose_language, install_translators
    from scfn_desktop.ui.resources import icon
    from scfn_desktop.ui.shell import Shell
    from scfn_desktop.ui.startup import open_database_for_gui
    from scfn_desktop.ui.workers import cancel_all

    settings = Settings.load()
    language = choose_language(args.lang, settings)
    install_translators(language)
    app.setWindowIcon(icon("app.svg"))

    db = open_database_for_gui(resolve_db_url(args.db), language, demo=args.demo)
    if db is None:
        return 2
    shell = Shell(db, language, settings)
    shell.start()
    try:
        return app.exec()
    finally:
        cancel_all()
        db.dispose()


if __name__ == "__main__":
    sys.exit(main())
