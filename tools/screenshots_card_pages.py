"""Regenerate the certificate card pages' screenshots in docs/screenshots/ (Japanese UI, demo
data with the finished run 令和6年度 第1期, 1366x768): cards_page.png, cards_keys.png,
cards_print.png, and verify_<state>.png for the six states (valid, expired, revoked,
superseded, unknown_key, forged), each typed into the scan field and Enter as a scanner does.

Runs headless (offscreen Qt platform) in a temporary data folder, so it never touches real
data or the real issuer key:
    .venv/bin/python tools/screenshots_card_pages.py [output-folder]
"""

from __future__ import annotations

import sys
from datetime import date

from screenshot_session import SIZE, japanese_app, output_folder, throwaway_data_folder


def main(argv: list[str]) -> int:
    out = output_folder(argv)
    with throwaway_data_folder():

        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from scfn_desktop.config import resolve_db_url
        from scfn_desktop.credentials import CardClaims, holder_check, issue_card
        from scfn_desktop.credentials.certificate_number import parse_certificate_number
        from scfn_desktop.db.session import open_database
        from scfn_desktop.services.admin import accounts
        from scfn_desktop.services.certificates.status import card_rows
        from scfn_desktop.services.demo.finished_run import load_finished_run
        from scfn_desktop.services.demo.loader import load_demo
        from scfn_desktop.services.permissions import SYSTEM
        from scfn_desktop.services.progress import run_to_end
        from scfn_desktop.ui.context import AppContext
        from scfn_desktop.ui.main_window import MainWindow

        app = japanese_app()
        db = open_database(resolve_db_url())
        load_demo(db)
        run_to_end(load_finished_run(db, SYSTEM))
        admin = accounts.authenticate(db, "admin", "demo-admin")
        window = MainWindow(AppContext(db, admin, "ja"))
        window.resize(*SIZE)
        window.show()

        def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
            app.processEvents()
            widget.grab().save(str(out / name))
            print(f"saved {out / name}")

        cards = window.select_page("cards")
        cards.table.selectRow(1)
        save(window, "cards_page.png")
        keys = cards.open_keys()
        keys.resize(900, 460)
        save(keys, "cards_keys.png")
        keys.close()
        printing = cards.open_print()
        save(printing, "cards_print.png")
        printing.close()

        rows = card_rows(db)
        by_state = {"valid": next(r for r in rows if r.status == "valid"),
                    "superseded": next(r for r in rows if r.status == "superseded"),
                    "revoked": next(r for r in rows if r.status == "revoked")}
        with db.session() as s:
            from sqlalchemy import select

            from scfn_desktop.db.models.certificates import CertificateCard
            token = {(c.certificate_id, c.revision): c.token
                     for c in s.scalars(select(CertificateCard))}
        codes = {state: token[(r.certificate_id, r.revision)] for state, r in by_state.items()}
        valid = by_state["valid"]
        codes["expired"] = codes["valid"]
        codes["forged"] = codes["valid"][:60] + ("1" if codes["valid"][60] != "1" else "2") \
            + codes["valid"][61:]
        codes["unknown_key"] = issue_card(Ed25519PrivateKey.generate(), CardClaims(
            parse_certificate_number(valid.number), 1, valid.certified_on, valid.valid_until,
            holder_check(valid.name_romaji)))
        verify = window.select_page("verify")
        for state in ("valid", "expired", "revoked", "superseded", "unknown_key", "forged"):
            verify.today = date(2028, 4, 1) if state == "expired" else None
            verify.scan_field.setFocus()
            QTest.keyClicks(verify.scan_field, codes[state])
            QTest.keyClick(verify.scan_field, Qt.Key.Key_Return)
            assert verify.view.state == state, (state, verify.view.state)
            save(window, f"verify_{state}.png")
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
