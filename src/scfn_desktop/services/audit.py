"""The hash-chained audit log.

Every service change calls `record()` inside its own transaction, so the entry commits or rolls
back with the change. Each entry's hash covers the previous entry's hash, so editing, deleting
or reordering any row breaks the chain from that row on; `verify_chain()` names the first one.
Once such a transaction has committed, the new head is signed and stored outside the database
(`services.audit_checkpoint`), which catches what the chain alone cannot: deleted newest
entries and a log rewritten with recomputed hashes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from scfn_desktop.db.base import utcnow
from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.services.permissions import Actor

GENESIS_HASH = "0" * 64
# Advisory-lock key for audit appends on PostgreSQL (an arbitrary constant, "SCFNAUDT").
AUDIT_LOCK_KEY = 0x5343464E41554454


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    return str(value)


def canonical_json(value: Any) -> str:
    """Stable text for hashing and storage: sorted keys, no whitespace, UTF-8 kept readable."""
    if value is None:
        return ""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=_default)


def entry_digest(prev_hash: str, seq: int, at: datetime, actor: str, action: str, entity: str,
                 entity_id: str, before_json: str, after_json: str) -> str:
    body = canonical_json(
        {
            "seq": seq,
            "at": at.isoformat(timespec="microseconds"),
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "before": before_json,
            "after": after_json,
        }
    )
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def _fit(value: str, column: Any) -> str:
    """Cut a free-form value (e.g. a long file name as entity id) to its column, marking the cut:
    PostgreSQL refuses an over-long VARCHAR where SQLite would store it."""
    limit = column.type.length
    return value if len(value) <= limit else value[: limit - 1] + "…"


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = "",
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry.

    On PostgreSQL (several stations) appends are serialised by a transaction-level advisory
    lock, so a second station waits for the first to commit and then chains onto its entry
    instead of failing. SQLite has a single writer anyway. The unique `seq` remains the last
    line of defence: two writers that still raced would collide, never fork the chain.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq = (last.seq + 1) if last else 1
    prev_hash = last.entry_hash if last else GENESIS_HASH
    at = utcnow()
    username = _fit(actor.username, AuditEntry.actor)
    entity_id = _fit(str(entity_id), AuditEntry.entity_id)
    before_json = canonical_json(dict(before) if before is not None else None)
    after_json = canonical_json(dict(after) if after is not None else None)
    entry = AuditEntry(
        seq=seq,
        at=at,
        actor=username,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before_json=before_json,
        after_json=after_json,
        prev_hash=prev_hash,
        entry_hash=entry_digest(prev_hash, seq, at, username, action, entity, entity_id,
                                before_json, after_json),
    )
    session.add(entry)
    session.flush()
    _checkpoint_after_commit(session, seq, entry.entry_hash)
    return entry


HEAD_INFO = "scfn_audit_head"
HOOKED = "scfn_audit_checkpoint_hooked"


def _checkpoint_after_commit(session: Session, seq: int, entry_hash: str) -> None:
    """Remember the newest head of this transaction; sign it once the commit succeeded (a
    rolled-back transaction must leave no checkpoint naming entries that never existed)."""
    first = entry_hash if seq == 1 else session.info.get(HEAD_INFO, (None, None, None))[2]
    if first is None:
        first = session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.seq == 1)) or ""
    if not session.info.get(HOOKED):
        event.listen(session, "after_commit", _write_checkpoint)
        event.listen(session, "after_rollback", _forget_head)
        session.info[HOOKED] = True
    session.info[HEAD_INFO] = (seq, entry_hash, first)


def _write_checkpoint(session: Session) -> None:
    from scfn_desktop.services import audit_checkpoint  # it builds on this module

    head = session.info.pop(HEAD_INFO, None)
    if head is not None:
        seq, entry_hash, first = head
        audit_checkpoint.write_after_commit(session.get_bind(),
                                            audit_checkpoint.Head(first, seq, entry_hash))


def _forget_head(session: Session) -> None:
    session.info.pop(HEAD_INFO, None)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_seq: int | None = None
    broken_id: int | None = None
    reason_ja: str = ""
    reason_en: str = ""


def entry_problem(e: AuditEntry, expected_seq: int, prev_hash: str) -> tuple[str, str] | None:
    """Why this entry breaks the chain (ja, en), or None when it links and hashes correctly.

    One entry at a time, so a caller can walk a large log in batches and report progress.
    """
    if e.seq != expected_seq:
        return (
            f"連番が {expected_seq} のはずが {e.seq} です（行の削除または挿入）。",
            f"sequence {e.seq} found where {expected_seq} was expected (row deleted or inserted)",
        )
    if e.prev_hash != prev_hash:
        return (
            "直前の記録のハッシュと一致しません（前の行が改ざん・削除されています）。",
            "prev_hash does not match the previous entry (an earlier row was altered or removed)",
        )
    if e.entry_hash != entry_digest(e.prev_hash, e.seq, e.at, e.actor, e.action, e.entity,
                                    e.entity_id, e.before_json, e.after_json):
        return (
            "記録の内容がハッシュと一致しません（この行が改ざんされています）。",
            "the entry's content does not match its hash (this row was altered)",
        )
    return None


def verify_entries(entries: Iterable[AuditEntry]) -> ChainReport:
    prev_hash = GENESIS_HASH
    checked = 0
    for e in entries:
        problem = entry_problem(e, checked + 1, prev_hash)
        if problem:
            return ChainReport(False, checked, e.seq, e.id, problem[0], problem[1])
        prev_hash = e.entry_hash
        checked += 1
    return ChainReport(True, checked)


def verify_chain(session: Session) -> ChainReport:
    entries = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    return verify_entries(entries)


def snapshot(obj: Any, fields: Iterable[str]) -> dict[str, Any]:
    """The before/after picture of a model instance, restricted to the named fields."""
    return {f: getattr(obj, f) for f in fields}
