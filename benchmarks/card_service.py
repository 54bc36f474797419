"""Certificate cards through the services, on a SQLite file: what the database adds to the
offline engine (benchmarks/print_cards.py measures the engine alone).

    PYTHONPATH=src python -m benchmarks.card_service [--cards 600]

Seeds N certificates (trainees, one closed meeting, the agency's 認証: rows written directly,
then `create_certificate` for the numbers, as the committee's service does), then times:
issuing all first cards in one batch (sign, insert, audit), the status list, the card printer
PDF through the service, `verify_text` per scan against the register (the verify page's and
`scfn verify`'s work per code), 10 % reissued, and the signed revocation list. Prints Markdown
for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

from benchmarks._machine import machine_lines


def _seed(db, count: int) -> None:  # type: ignore[no-untyped-def]
    from scfn_desktop.db.models.committee import (
        AgencyCertification,
        CommitteeDecision,
        CommitteeMeeting,
    )
    from scfn_desktop.db.models.roster import Trainee, TrainingRun, VenueDay
    from scfn_desktop.services.certificates.records import create_certificate
    from scfn_desktop.services.permissions import SYSTEM

    with db.transaction() as s:
        run = TrainingRun(fiscal_year=2024, term=1, venue="会場")
        run.venue_days = [VenueDay(day_number=n, day=date(2025, 2, 14 + n), starts_at=clock(10),
                                   ends_at=clock(17)) for n in (1, 2)]
        s.add(run)
        s.flush()
        meeting = CommitteeMeeting(run_id=run.id, held_on=date(2025, 3, 7), status="closed",
                                   opened_by="bench")
        s.add(meeting)
        s.flush()
        for i in range(count):
            t = Trainee(run_id=run.id, trainee_number=f"24{i:05d}", family_name="山田",
                        given_name=f"太郎{i}", romaji=f"YAMADA Taro{i}")
            s.add(t)
            s.flush()
            d = CommitteeDecision(meeting_id=meeting.id, trainee_id=t.id, version=1,
                                  outcome="certify", proposal_status="certify",
                                  decided_by="bench")
            s.add(d)
            s.flush()
            a = AgencyCertification(trainee_id=t.id, decision_id=d.id,
                                    certified_on=date(2025, 3, 28), recorded_by="bench")
            s.add(a)
            s.flush()
            create_certificate(s, SYSTEM, t.id, a.id, date(2025, 3, 28), "bench")


def _timed(label: str, rows: list[tuple[str, str, str]], count: int, fn):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rows.append((label, f"{wall:.2f}", f"{count / wall:,.0f}" if wall else "-"))
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=600)
    count = parser.parse_args().cards
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SCFN_DATA_DIR"] = folder
        from scfn_desktop.db.session import open_database
        from scfn_desktop.services.certificates import (
            cards,
            issuer_keys,
            printing,
            publishing,
            status,
        )
        from scfn_desktop.services.certificates.verification import verify_text
        from scfn_desktop.services.permissions import SYSTEM
        from scfn_desktop.services.progress import run_to_end

        db = open_database(f"sqlite:///{folder}/bench.sqlite3")
        _seed(db, count)
        key = issuer_keys.unlock_issuer_key(db, SYSTEM)
        today = date(2026, 12, 1)
        rows: list[tuple[str, str, str]] = []
        issued = _timed(f"issue {count} first cards (one batch)", rows, count, lambda: run_to_end(
            cards.issue_cards(db, SYSTEM, key, today=today))).issued
        reissue = issued[: max(1, count // 10)]
        _timed(f"reissue {len(reissue)} cards (one action each)", rows, len(reissue),
               lambda: [cards.reissue_card(db, SYSTEM, key, c.number, "loss", today=today)
                        for c in reissue])
        listed = _timed(f"status list ({count + len(reissue)} rows)", rows, count,
                        lambda: status.card_rows(db, today))
        assert len(listed) == count + len(reissue)
        out = Path(folder) / "cards.pdf"
        _timed(f"print {count} cards, card printer layout", rows, count, lambda: run_to_end(
            printing.print_cards(db, SYSTEM, out, "card")))
        ring = issuer_keys.keyring(db)
        verdicts = _timed(f"verify {count} scans against the register", rows, count,
                          lambda: [verify_text(db, c.token, today=today, ring=ring)
                                   for c in issued])
        assert sum(v.status == "superseded" for v in verdicts) == len(reissue)
        _timed("signed revocation list", rows, count,
               lambda: publishing.signed_revocation_list(db, SYSTEM, key))
        db.dispose()
    print("\n".join(machine_lines()))
    print()
    print("| step | wall s | per second |")
    print("|---|---|---|")
    for label, wall, rate in rows:
        print(f"| {label} | {wall} | {rate} |")


if __name__ == "__main__":
    main()
