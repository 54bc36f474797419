"""The whole tamper check (改ざんチェック): the chain, the signed checkpoints, the data.

Three questions, each covering what the one before cannot:
1. Does every entry still link to the one before it? (`audit_view.check_chain_steps`)
2. Does the log still hold the head that was signed after the last change on this station, and
   the heads in any checkpoint files given (a backup's, one kept on a USB stick)? This catches
   deleted newest entries, an emptied log and a log rewritten with recomputed hashes.
3. Do the audited tables still hold what the log says the application wrote? (`reconcile`)

`scfn audit verify [--checkpoint FILE] [--data]` and the audit page's button run it; the
report names every problem in Japanese and English.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass
from pathlib import Path

from scfn_desktop.db import Database
from scfn_desktop.services import audit_checkpoint
from scfn_desktop.services.admin.audit_view import check_chain_steps
from scfn_desktop.services.admin.reconcile import ReconcileReport, reconcile_steps
from scfn_desktop.services.audit import ChainReport
from scfn_desktop.services.audit_checkpoint import CheckpointReport
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, run_to_end

LATEST = "latest"


@dataclass(frozen=True)
class IntegrityReport:
    chain: ChainReport
    checkpoints: tuple[CheckpointReport, ...]
    data: ReconcileReport | None  # None when the data check was not asked for

    @property
    def ok(self) -> bool:
        return (self.chain.ok and all(c.ok for c in self.checkpoints)
                and (self.data is None or self.data.ok))

    def lines(self, language: str = "ja") -> list[str]:
        """Every result as a sentence, problems first named by what they concern."""
        ja = language == "ja"
        c = self.chain
        out = [(f"ハッシュの連鎖: 正常（{c.checked} 件）" if ja else
                f"Hash chain: intact ({c.checked} entries)") if c.ok else
               (f"ハッシュの連鎖: 連番 {c.broken_seq}（ID {c.broken_id}）で壊れています — {c.reason_ja}"
                if ja else f"Hash chain: broken at seq {c.broken_seq} (id {c.broken_id}): "
                           f"{c.reason_en}")]
        for cp in self.checkpoints:
            where = ("この端末の最新のチェックポイント" if ja else "this station's latest checkpoint") \
                if cp.source == LATEST else cp.source
            if cp.ok:
                newer = (f"、その後 {cp.behind} 件" if ja else f", {cp.behind} newer") \
                    if cp.behind else ""
                out.append(f"{where}: 一致（連番 {cp.seq}、{cp.at}{newer}）" if ja else
                           f"{where}: matches (seq {cp.seq}, {cp.at}{newer})")
            else:
                out.append(f"{where}: {cp.reason_ja if ja else cp.reason_en}")
        if self.data is not None:
            d = self.data
            if d.ok:
                out.append(f"データの照合: 一致（{d.rows_checked} 行）" if ja else
                           f"Data reconciliation: matches ({d.rows_checked} rows)")
            else:
                out.append(f"データの照合: 操作記録と違う行が {len(d.findings)} 件あります" if ja else
                           f"Data reconciliation: {len(d.findings)} row(s) differ from the log")
                out += ["  " + f.text(language) for f in d.findings]
        return out


def _missing(source: str, seq: int) -> CheckpointReport:
    return CheckpointReport(
        False, source, 0, "", "",
        "この端末にはこのデータベースのチェックポイントがありません（このバージョンを入れてから最初の変更で"
        "作られます。変更があったのに無い場合は削除されています）。",
        "This station holds no checkpoint of this database (one is written at the first "
        "change after this version was installed; if changes were made, it was deleted).",
        behind=seq)


def check_all_steps(db: Database, checkpoint_files: Sequence[str | Path] = (),
                    data: bool = True) -> Generator[Progress, None, IntegrityReport]:
    """All three checks without a permission check (the CLI's user holds the database)."""
    chain = yield from check_chain_steps(db)
    reports = []
    with db.session() as s:
        try:
            latest = audit_checkpoint.load_latest(db.engine)
        except ServiceError as exc:
            reports.append(CheckpointReport(False, LATEST, 0, "", "", exc.message_ja,
                                            exc.message_en))
        else:
            if latest is not None:
                reports.append(audit_checkpoint.check(s, latest, LATEST))
            elif chain.checked:
                reports.append(_missing(LATEST, chain.checked))
        for path in checkpoint_files:
            cp = audit_checkpoint.read_file(path)  # unreadable given file: a ServiceError
            reports.append(audit_checkpoint.check(s, cp, str(path)))
    found = (yield from reconcile_steps(db)) if data else None
    return IntegrityReport(chain, tuple(reports), found)


def verify_all_steps(db: Database, actor: Actor, checkpoint_files: Sequence[str | Path] = (),
                     data: bool = True) -> Generator[Progress, None, IntegrityReport]:
    """The audit page's tamper check (permission checked at once, not at the first step)."""
    require(actor, Permission.VERIFY_AUDIT)
    return check_all_steps(db, checkpoint_files, data)


def verify_all(db: Database, actor: Actor, checkpoint_files: Sequence[str | Path] = (),
               data: bool = True) -> IntegrityReport:
    return run_to_end(verify_all_steps(db, actor, checkpoint_files, data))
