"""Signed checkpoints of the audit chain's head, kept outside the database.

The hash chain alone proves only that the entries still link up. Someone who can write the
database file can delete the newest entries, delete all of them, or edit one and recompute every
hash after it (plain SHA-256 has no secret). A checkpoint closes those gaps: the head of the
chain (sequence number and hash, plus the hash of entry 1 naming the chain) signed with the
station's Ed25519 key (`services.keys`) under the audit-checkpoint context, so no other
signature of that key can be passed off as one.

- After every commit that added audit entries, the new head is signed and written atomically to
  `<data folder>/keys/checkpoints/<database>.json`, beside the key (`services.audit` calls
  `write_after_commit`). It never moves backwards: a slower writer with an older head leaves a
  newer checkpoint alone.
- Each backup carries the checkpoint of the copy it holds; the exam results export prints one;
  `scfn audit checkpoint -o FILE` writes one wherever people keep things (a USB stick).
- `check()` compares a checkpoint with the log: a checkpoint whose entry is missing means the
  newest entries were deleted; a different hash there means the log was rewritten; a different
  entry 1 means another database or a log rebuilt from scratch.

What it does not cover: someone who can also read the station key (same data folder) can sign a
checkpoint of a rewritten log. A checkpoint copied elsewhere earlier (a backup, paper, USB) still
disagrees with the rewrite, which is why those copies matter (docs/security.md).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from scfn_desktop import config
from scfn_desktop.credentials import AUDIT_CHECKPOINT_CONTEXT, fingerprint, sign, verify
from scfn_desktop.db import Database
from scfn_desktop.db.base import utcnow
from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.services import keys
from scfn_desktop.services.errors import ServiceError

FORMAT = "scfn-audit-checkpoint"
VERSION = 1
FOLDER = "checkpoints"
MAX_FILE_BYTES = 64 * 1024
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Head:
    chain_id: str  # hash of entry 1 ("" while the log is empty)
    seq: int
    entry_hash: str


@dataclass(frozen=True)
class Checkpoint:
    database: str
    chain_id: str
    seq: int
    entry_hash: str
    at: str  # UTC, ISO 8601
    key: str  # fingerprint of the signing key
    signature: str = ""  # base64 of the 64-byte Ed25519 signature

    def signed_fields(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "database": self.database,
                "chain_id": self.chain_id, "seq": self.seq, "entry_hash": self.entry_hash,
                "at": self.at, "key": self.key}

    def payload(self) -> bytes:
        """The exact bytes signed: canonical JSON (sorted keys, no spaces, UTF-8)."""
        return json.dumps(self.signed_fields(), sort_keys=True, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")

    def to_json(self) -> str:
        return json.dumps({**self.signed_fields(), "signature": self.signature},
                          ensure_ascii=False, indent=2) + "\n"

    def paper_lines(self) -> list[tuple[str, str]]:
        """What to print where people keep paper (results export, minutes)."""
        return [("監査ログのチェックポイント（Audit log checkpoint）", ""),
                ("連番（sequence）", str(self.seq)),
                ("ハッシュ（entry hash）", self.entry_hash),
                ("最初の記録のハッシュ（chain id）", self.chain_id),
                ("日時 UTC（time）", self.at),
                ("署名鍵（key fingerprint）", self.key),
                ("署名（Ed25519 signature）", self.signature)]


def _bad_file(source: str, detail: str) -> ServiceError:
    return ServiceError(f"チェックポイントのファイル「{source}」を読めません（{detail}）。",
                        f"Cannot read the checkpoint file '{source}' ({detail}).")


def parse(text: str, source: str) -> Checkpoint:
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise _bad_file(source, "JSON") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or raw.get("version") != VERSION:
        raise _bad_file(source, "format")
    try:
        return Checkpoint(str(raw["database"]), str(raw["chain_id"]), int(raw["seq"]),
                          str(raw["entry_hash"]), str(raw["at"]), str(raw["key"]),
                          str(raw["signature"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad_file(source, "fields") from exc


def read_file(path: str | Path) -> Checkpoint:
    path = Path(path)
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _bad_file(str(path), exc.strerror or str(exc)) from exc
    if len(data) > MAX_FILE_BYTES:
        raise _bad_file(str(path), "too large")
    return parse(data.decode("utf-8", errors="replace"), str(path))


# where ---------------------------------------------------------------------------------------

def database_label(engine: Engine) -> str:
    """The database as people name it: the SQLite file, or the URL without its password."""
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        return str(Path(engine.url.database).resolve())
    return engine.url.render_as_string(hide_password=True)


def latest_path(engine: Engine) -> Path:
    name = hashlib.sha256(database_label(engine).encode("utf-8")).hexdigest()[:16]
    return keys.keys_dir() / FOLDER / f"{name}.json"


# making ------------------------------------------------------------------------------------

def read_head(session: Session) -> Head:
    last = session.execute(select(AuditEntry.seq, AuditEntry.entry_hash)
                           .order_by(AuditEntry.seq.desc()).limit(1)).first()
    if last is None:
        return Head("", 0, "")
    first = session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.seq == 1)) or ""
    return Head(first, last.seq, last.entry_hash)


def sign_head(head: Head, database: str) -> Checkpoint:
    key = keys.station_key()
    unsigned = Checkpoint(database, head.chain_id, head.seq, head.entry_hash,
                          utcnow().isoformat(timespec="seconds") + "Z",
                          fingerprint(key.public_key()))
    signature = sign(key, AUDIT_CHECKPOINT_CONTEXT, unsigned.payload())
    return replace(unsigned, signature=base64.b64encode(signature).decode())


def current(db: Database) -> Checkpoint:
    """A freshly signed checkpoint of the head as it is now (for exports and the CLI)."""
    with db.session() as s:
        head = read_head(s)
    return sign_head(head, database_label(db.engine))


def load_latest(engine: Engine) -> Checkpoint | None:
    path = latest_path(engine)
    return read_file(path) if path.exists() else None


def write_latest(engine: Engine, head: Head) -> Checkpoint | None:
    """Sign and store the head as this database's latest checkpoint, unless a newer one of the
    same chain is there already (another writer committed after us and wrote first)."""
    path = latest_path(engine)
    try:
        existing = load_latest(engine)
    except ServiceError:
        existing = None  # a damaged file is replaced by a good one
    if existing is not None and existing.chain_id == head.chain_id and existing.seq >= head.seq:
        return None
    checkpoint = sign_head(head, database_label(engine))
    config.write_private(path, checkpoint.to_json().encode("utf-8"))
    return checkpoint


def write_after_commit(engine: Engine, head: Head) -> None:
    """Called by `services.audit` once a transaction with audit entries has committed. The
    change itself is saved already, so a failure here is logged, not raised; `check` then finds
    the checkpoint behind the log and says so."""
    try:
        write_latest(engine, head)
    except (OSError, ServiceError) as exc:
        log.warning("audit checkpoint not written: %s", exc)


# checking ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class CheckpointReport:
    ok: bool
    source: str
    seq: int
    at: str
    key: str
    reason_ja: str = ""
    reason_en: str = ""
    behind: int = 0  # entries recorded after the checkpoint (normal: they are newer)


def signature_problem(checkpoint: Checkpoint,
                      public_key: Ed25519PublicKey | None) -> tuple[str, str] | None:
    """Why the checkpoint's signature cannot be trusted (ja, en), or None when it verifies."""
    if public_key is None:
        own = keys.station_fingerprint()
        return (f"このチェックポイントは別の鍵（{checkpoint.key}）で署名されています。この端末の鍵は "
                f"{own} です（その鍵の公開鍵は keys/trusted にありません）。",
                f"The checkpoint was signed by another key ({checkpoint.key}); this station's "
                f"key is {own} (that key's public key is not in keys/trusted).")
    try:
        signature = base64.b64decode(checkpoint.signature, validate=True)
    except ValueError:
        signature = b""
    if not verify(public_key, AUDIT_CHECKPOINT_CONTEXT, checkpoint.payload(), signature):
        return ("チェックポイントの署名が正しくありません（ファイルが書き換えられています）。",
                "The checkpoint's signature does not match: the file was altered.")
    return None


def head_problem(head: Head, hash_at: Callable[[int], str | None],
                 checkpoint: Checkpoint) -> tuple[str, str] | None:
    """Why the log (its `head`, and `hash_at(seq)`) no longer holds what was signed."""
    if checkpoint.seq == 0:
        return None
    if head.chain_id != checkpoint.chain_id:
        return ("操作記録の最初の記録がチェックポイントと違います（記録がすべて削除されたか、"
                "作り直されたか、別のデータベースです）。",
                "The log's first entry differs from the checkpoint's: every entry was "
                "deleted or rebuilt, or this is another database.")
    entry = hash_at(checkpoint.seq)
    if entry is None:
        return (f"最新の記録が削除されています: チェックポイント（{checkpoint.at}）には連番 "
                f"{checkpoint.seq} までありましたが、操作記録は連番 {head.seq} で終わっています。",
                f"The newest entries were deleted: the checkpoint ({checkpoint.at}) holds "
                f"entries up to {checkpoint.seq}, the log ends at {head.seq}.")
    if entry != checkpoint.entry_hash:
        return (f"連番 {checkpoint.seq} の記録が署名済みのチェックポイントと違います"
                "（記録を書き換えてハッシュを計算し直しています）。",
                f"Entry {checkpoint.seq} differs from the signed checkpoint: the log was "
                "rewritten and its hashes recomputed.")
    return None


def check(session: Session, checkpoint: Checkpoint, source: str) -> CheckpointReport:
    """Does the log still hold what the checkpoint signed?"""
    problem = signature_problem(checkpoint, keys.public_key_for(checkpoint.key))
    head = read_head(session)
    if problem is None:
        problem = head_problem(head, lambda seq: session.scalar(
            select(AuditEntry.entry_hash).where(AuditEntry.seq == seq)), checkpoint)
    ja, en = problem or ("", "")
    return CheckpointReport(problem is None, source, checkpoint.seq, checkpoint.at,
                            checkpoint.key, ja, en,
                            max(head.seq - checkpoint.seq, 0) if problem is None else 0)
