"""Reading the audit log: filtered pages, field-by-field changes, verification, CSV export.

`services.audit` writes and checks the chain; this module is what a person (the audit page,
`scfn audit verify`) uses to look at it. Reading the log needs VERIFY_AUDIT: the entries hold
names and before/after values of personal data, so not every role may browse them.

Times are stored as naive UTC. Rows carry aware UTC datetimes; filters accept aware datetimes
or naive ones meant as local time (Python's own convention for `astimezone()`), since people
pick dates on their own clock.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select

from scfn_desktop.db import Database
from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.services import audit, exports
from scfn_desktop.services.admin.audit_labels import action_label, entity_label
from scfn_desktop.services.audit import ChainReport
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, run_to_end

VERIFY_BATCH = 2000

def _parse(text: str) -> dict[str, Any] | None:
    """Stored before/after JSON; a value that is not an object (a tampered row) is kept raw."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"(raw)": text}
    return value if isinstance(value, dict) else {"(value)": value}


@dataclass(frozen=True)
class AuditRow:
    id: int
    seq: int
    at: datetime  # aware, UTC
    actor: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    prev_hash: str
    entry_hash: str

    def action_label(self, language: str = "ja") -> str:
        return action_label(self.action, language)

    def entity_label(self, language: str = "ja") -> str:
        return entity_label(self.entity, language)


@dataclass(frozen=True)
class FieldChange:
    """One field of an entry: `kind` is added / removed / changed / same."""

    key: str
    before: Any
    after: Any
    kind: str


def _flatten(values: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects become dotted fields, so a record's sub-part reads field by field."""
    flat: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, dict) and value:
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def field_changes(row: AuditRow) -> list[FieldChange]:
    """Before/after as a list of fields, in the order they were written (nested objects
    flattened to dotted keys).

    Services store only what changed for an update and everything for a creation, so "same"
    appears only where a service recorded an unchanged value for context (e.g. the user name).
    """
    before, after = _flatten(row.before or {}), _flatten(row.after or {})
    keys = list(before) + [k for k in after if k not in before]
    changes = []
    for key in keys:
        if key not in before:
            changes.append(FieldChange(key, None, after[key], "added"))
        elif key not in after:
            changes.append(FieldChange(key, before[key], None, "removed"))
        else:
            kind = "same" if before[key] == after[key] else "changed"
            changes.append(FieldChange(key, before[key], after[key], kind))
    return changes


def _row(e: AuditEntry) -> AuditRow:
    return AuditRow(e.id, e.seq, e.at.replace(tzinfo=UTC), e.actor, e.action, e.entity,
                    e.entity_id, _parse(e.before_json), _parse(e.after_json), e.prev_hash,
                    e.entry_hash)


def _stored(moment: datetime) -> datetime:
    """A filter bound as the database stores times (naive UTC); naive input is local time."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def _filtered(stmt: Select[Any], action: str | None, actor_name: str | None,
              since: datetime | None, until: datetime | None) -> Select[Any]:
    """`since` is inclusive, `until` exclusive, so consecutive day ranges never overlap."""
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    if actor_name:
        stmt = stmt.where(AuditEntry.actor == actor_name)
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= _stored(since))
    if until is not None:
        stmt = stmt.where(AuditEntry.at < _stored(until))
    return stmt


def list_entries(db: Database, actor: Actor, action: str | None = None,
                 actor_name: str | None = None, since: datetime | None = None,
                 until: datetime | None = None, limit: int = 100,
                 offset: int = 0) -> list[AuditRow]:
    """One page of entries, newest first (what a person checking "what just happened" wants)."""
    require(actor, Permission.VERIFY_AUDIT)
    stmt = _filtered(select(AuditEntry), action, actor_name, since, until)
    stmt = stmt.order_by(AuditEntry.seq.desc()).limit(max(limit, 1)).offset(max(offset, 0))
    with db.session() as s:
        return [_row(e) for e in s.scalars(stmt)]


def count_entries(db: Database, actor: Actor, action: str | None = None,
                  actor_name: str | None = None, since: datetime | None = None,
                  until: datetime | None = None) -> int:
    require(actor, Permission.VERIFY_AUDIT)
    stmt = _filtered(select(func.count(AuditEntry.id)), action, actor_name, since, until)
    with db.session() as s:
        return s.scalar(stmt) or 0


def list_actions(db: Database, actor: Actor) -> list[str]:
    """The action codes present in the log (for the filter's choices)."""
    require(actor, Permission.VERIFY_AUDIT)
    with db.session() as s:
        return list(s.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


def list_actor_names(db: Database, actor: Actor) -> list[str]:
    """The user names present in the log (failed logins appear as `station:<name>`: the name
    typed at a failed login is never stored)."""
    require(actor, Permission.VERIFY_AUDIT)
    with db.session() as s:
        return list(s.scalars(select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)))


def position_of(db: Database, actor: Actor, seq: int) -> int:
    """Where entry `seq` stands in the unfiltered newest-first listing (0 = newest), so the page
    can open the page holding a broken entry."""
    require(actor, Permission.VERIFY_AUDIT)
    with db.session() as s:
        return s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.seq > seq)) or 0


# verification -----------------------------------------------------------------------------

def check_chain_steps(db: Database, batch: int = VERIFY_BATCH) -> Generator[
        Progress, None, ChainReport]:
    """Walk the whole chain in seq order, yielding progress every `batch` entries.

    No permission check: callers are `verify_steps` (which checks) and the CLI, whose user
    already holds the database file or its credentials.
    """
    with db.session() as s:
        total = s.scalar(select(func.count(AuditEntry.id))) or 0
        yield Progress(0, total, "操作記録を確認しています…", "Checking the audit log…")
        stmt = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=batch)
        prev_hash, checked = audit.GENESIS_HASH, 0
        for e in s.scalars(stmt):
            problem = audit.entry_problem(e, checked + 1, prev_hash)
            if problem:
                return ChainReport(False, checked, e.seq, e.id, problem[0], problem[1])
            prev_hash = e.entry_hash
            checked += 1
            if checked % batch == 0:
                yield Progress(checked, total, f"操作記録を確認しています（{checked}/{total} 件）…",
                               f"Checking the audit log ({checked}/{total})…")
        return ChainReport(True, checked)


def check_chain(db: Database) -> ChainReport:
    """The chain check without a permission check (see `check_chain_steps`)."""
    return run_to_end(check_chain_steps(db))


def verify_steps(db: Database, actor: Actor) -> Generator[Progress, None, ChainReport]:
    """`verify` as a progress generator for the GUI worker. The permission is checked now,
    not at the first step, so a refused user hears it at once."""
    require(actor, Permission.VERIFY_AUDIT)
    return check_chain_steps(db)


def verify(db: Database, actor: Actor) -> ChainReport:
    """Check the whole chain and name the first entry that does not match."""
    return run_to_end(verify_steps(db, actor))


# export -----------------------------------------------------------------------------------

CSV_HEADER = ("連番", "日時", "操作者", "操作", "操作コード", "対象", "対象ID", "変更前", "変更後",
              "直前のハッシュ", "ハッシュ")


def _json_text(value: dict[str, Any] | None) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class AuditExport:
    path: Path
    count: int


def export_csv(db: Database, actor: Actor, path: str | Path, action: str | None = None,
               actor_name: str | None = None, since: datetime | None = None,
               until: datetime | None = None, local_tz: tzinfo | None = None) -> AuditExport:
    """Write the (filtered) log oldest first as UTF-8 CSV with BOM (opens in Excel as is).

    The hashes are included so a copy kept elsewhere can later prove what the chain held.
    The export itself is audited; the file is written inside that transaction, so a write
    failure leaves no entry claiming an export happened.
    """
    require(actor, Permission.VERIFY_AUDIT)
    path = Path(path)
    stmt = _filtered(select(AuditEntry), action, actor_name, since, until).order_by(
        AuditEntry.seq)

    def rows() -> Iterator[list[object]]:
        # Log entries hold typed input (a trainee's name, a file name), so every cell goes
        # through the shared writer, which neutralises formula-like text.
        with db.session() as s:
            for e in s.scalars(stmt.execution_options(yield_per=VERIFY_BATCH)):
                r = _row(e)
                yield [r.seq, r.at.astimezone(local_tz).isoformat(" ", "seconds"), r.actor,
                       r.action_label("ja"), r.action, r.entity_label("ja"), r.entity_id,
                       _json_text(r.before), _json_text(r.after), r.prev_hash, r.entry_hash]

    written = exports.csv_bytes(exports.Table("操作記録", CSV_HEADER, rows()))
    count = written.rows
    filters = {k: v for k, v in (("action", action), ("actor", actor_name),
                                 ("since", since), ("until", until)) if v is not None}
    with db.transaction() as s:
        audit.record(s, actor, "audit.export", "audit_log", "", None,
                     {"file": path.name, "count": count, "filters": filters})
        exports.write_file(path, written.data)
    return AuditExport(path, count)
