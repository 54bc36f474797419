"""Reconciliation: do the tables still hold what the audit log says the application wrote?

The hash chain and the checkpoints prove the log itself untouched. Someone who can write the
database file can also leave the log alone and edit the data: a trainee's name, a mark, a sheet's
trainee, an answer key version, a user's role or password hash. This replays the audited "after"
values of every audited table in log order and compares the result with the current rows,
naming each row changed, added or deleted behind the application's back.

Covered: accounts (name, role, display name, active, and a digest of the password hash),
trainees, organisations, training runs (settings, venue days, closed), exams (definition, key, voided questions, pass
criterion, number of key versions), scanned files, their sheets and machine-read marks (a digest
per sheet recorded at import), and the people's decisions on marks and sheets (count and latest);
certificates (number, holder, 認証日, validity: a renewal is logged), every card revision (what
it prints and its token) and the public keys trusted for cards (a key slipped into the table
would otherwise make forged cards verify here).
Not covered: tables that are not audited (failed-login counters), sheets imported before the
digests were recorded, and fields the log never held (e.g. a trainee's stage dates).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from scfn_desktop.db import Database
from scfn_desktop.db.models.accounts import User
from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.db.models.certificates import CardIssuerKey, Certificate, CertificateCard
from scfn_desktop.db.models.exams import (
    Exam,
    ExamKeyVersion,
    ExamSheet,
    MarkDecision,
    ScanFile,
    SheetDecision,
)
from scfn_desktop.db.models.roster import Organisation, Trainee, TrainingRun
from scfn_desktop.services.admin.audit_labels import field_label
from scfn_desktop.services.admin.passwords import secret_digest
from scfn_desktop.services.certificates.cards import card_fields
from scfn_desktop.services.certificates.issuer_keys import audited_key_fields
from scfn_desktop.services.exams.scanning import sheet_digest
from scfn_desktop.services.progress import Progress
from scfn_desktop.services.roster.trainees import trainee_values
from scfn_desktop.services.runs.training_runs import days_json

BATCH = 2000


def normalise(value: Any) -> Any:
    """One comparable form for audited JSON and current values: JSON types, 60.0 == 60."""
    value = json.loads(json.dumps(value, default=str, ensure_ascii=False))

    def fold(v: Any) -> Any:
        if isinstance(v, float) and v.is_integer():
            return int(v)
        if isinstance(v, list):
            return [fold(x) for x in v]
        if isinstance(v, dict):
            return {k: fold(x) for k, x in v.items()}
        return v

    return fold(value)


@dataclass(frozen=True)
class Finding:
    table_ja: str
    table_en: str
    row_id: str
    name: str  # how people know the row: 受講番号, user name, file name
    kind: str  # changed / added / deleted
    fields: tuple[tuple[str, Any, Any], ...] = ()  # (field, audited, current)

    def text(self, language: str = "ja") -> str:
        who = f"{self.table_ja} ID {self.row_id}" if language == "ja" else \
            f"{self.table_en} id {self.row_id}"
        if self.name:
            who += f"（{self.name}）" if language == "ja" else f" ({self.name})"
        if self.kind == "added":
            return who + (": 操作記録にない行が追加されています。" if language == "ja"
                          else ": added behind the application's back (no entry in the log).")
        if self.kind == "deleted":
            return who + (": 操作記録にある行が削除されています。" if language == "ja"
                          else ": deleted behind the application's back.")
        changes = ", ".join(f"{field_label(f, language)} {_short(a)} → {_short(c)}"
                            for f, a, c in self.fields)
        return who + (f": 操作記録と違います（記録 → 現在: {changes}）。" if language == "ja"
                      else f": differs from the log (logged → now: {changes}).")


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "…"


@dataclass
class ReconcileReport:
    findings: list[Finding] = field(default_factory=list)
    rows_checked: int = 0
    entries_read: int = 0

    @property
    def ok(self) -> bool:
        return not self.findings


Fold = Callable[[dict[str, Any], str, dict[str, Any]], None]


def _update(state: dict[str, Any], _action: str, after: dict[str, Any]) -> None:
    state.update(after)


def _fold_exam(state: dict[str, Any], action: str, after: dict[str, Any]) -> None:
    if action == "exam.create":
        state.update({k: after[k] for k in ("run_id", "questions", "choices", "labels", "key",
                                            "pass") if k in after})
        state.update(version=1, voided=[])
        return
    state["version"] = after.get("version", state.get("version", 0))
    if "key" in after:
        state["key"] = after["key"]
    if "pass" in after:
        state["pass"] = after["pass"]
    if action in ("exam.void", "exam.unvoid") and "question" in after:
        voided = set(state.get("voided", []))
        (voided.add if action == "exam.void" else voided.discard)(after["question"])
        state["voided"] = sorted(voided)


def _fold_decisions(state: dict[str, Any], _action: str, after: dict[str, Any]) -> None:
    state["decisions"] = state.get("decisions", 0) + 1
    state["latest"] = [after.get("kind"), after.get("labels", after.get("trainee_id"))]


def _fold_sheet_decisions(state: dict[str, Any], action: str, after: dict[str, Any]) -> None:
    state.setdefault("decisions", []).append([action.removeprefix("review.sheet_"),
                                              after.get("trainee_id")])


@dataclass(frozen=True)
class Subject:
    """One audited table: which log entries write it and what its rows look like now."""

    entity: str
    table_ja: str
    table_en: str
    creates: tuple[str, ...]
    changes: tuple[str, ...]
    current: Callable[[Session], dict[str, tuple[str, dict[str, Any]]]]  # id -> (name, fields)
    fold: Fold = _update
    rows_without_entries_are_added: bool = True


def _users(s: Session) -> dict[str, tuple[str, dict[str, Any]]]:
    return {str(u.id): (u.username, {"username": u.username, "role": u.role,
                                     "display_name": u.display_name, "active": bool(u.active),
                                     "secret": secret_digest(u.password_hash)})
            for u in s.scalars(select(User))}


def _trainees(s: Session) -> dict[str, tuple[str, dict[str, Any]]]:
    rows = s.scalars(select(Trainee).options(selectinload(Trainee.organisation)))
    return {str(t.id): (t.trainee_number, trainee_values(t)) for t in rows}


def _organisations(s: Session) -> dict[str, tuple[str, dict[str, Any]]]:
    return {str(o.id): (o.name, {"name": o.name, "prefecture": o.prefecture})
            for o in s.scalars(select(Organisation))}


def _runs(s: Session) -> dict[str, tuple[str, dict[str, Any]]]:
    out = {}
    for r in s.scalars(select(TrainingRun).options(selectinload(TrainingRun.venue_days))):
        days = days_json([(d.day, d.starts_at, d.ends_at)
                          for d in sorted(r.venue_days, key=lambda d: d.day_number)])
        out[str(r.id)] = (f"{r.fiscal_year}-{r.term}", {
            "fiscal_year": r.fiscal_year, "term": r.term, "venue": r.venue,
            "capacity": r.capacity, "lateness_threshold_minutes": r.lateness_threshold_minutes,
            "days": days, "closed": r.closed_at is not None})
    return out


def _exams(s: Session) -> dict[str, tuple[str, dict[str, Any]]]:
    out = {}
    for e in s.scalars(select(Exam).options(selectinload(Exam.key_versions))):
        versions = sorted(e.key_versions, key=lambda v: v.version)
        latest: ExamKeyVersion | None = versions[-1] if versions else None
        fields: dict[str, Any] = {"run_id": e.run_id, "questions": e.num_questions,
                                  "choices": e.num_choices, "labels": e.labels,
                                  "version": len(versions)}
        if latest is not None:
            fields.update(key=latest.key_json, voided=sorted(json.loads(latest.voided_json)),
                          **{"pass": [latest.pass_mode, latest.pass_value]})
            if latest.version != len(versions):
                fields["version"] = f"{len(versions)} rows, latest {latest.version}"
        out[str(e.id)] = (e.title, fields)
    return out


def _scan_files(s: Session) -> dict[str, tuple[str, dict[str, Any]]]:
    return {str(f.id): (f.original_name.rsplit("/", 1)[-1], {
        "exam_id": f.exam_id, "sha256": f.sha256, "pages": f.pages, "error": f.error_code})
        for f in s.scalars(select(ScanFile))}


def _mark_decisions(s: Session) -> dict[str, tuple[str, dict[str, Any]]]:
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for d in s.scalars(select(MarkDecision).order_by(MarkDecision.id)):
        name, fields = out.get(str(d.mark_id), ("", {"decisions": 0}))
        fields = {"decisions": fields["decisions"] + 1,
                  "latest": [d.kind, json.loads(d.labels_json)]}
        out[str(d.mark_id)] = (name, fields)
    return out


def _sheet_decisions(s: Session) -> dict[str, tuple[str, dict[str, Any]]]:
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for d in s.scalars(select(SheetDecision).order_by(SheetDecision.id)):
        _, fields = out.setdefault(str(d.sheet_id), ("", {"decisions": []}))
        fields["decisions"].append([d.kind, d.trainee_id])
    return out


def _certificates(s: Session) -> dict[str, tuple[str, dict[str, Any]]]:
    return {str(c.id): (c.number, {"number": c.number, "trainee_id": c.trainee_id,
                                   "certified_on": c.certified_on, "valid_until": c.valid_until})
            for c in s.scalars(select(Certificate))}


def _cards(s: Session) -> dict[str, tuple[str, dict[str, Any]]]:
    return {str(c.id): (f"{c.certificate_id}/{c.revision}", card_fields(c))
            for c in s.scalars(select(CertificateCard))}


def _card_keys(s: Session) -> dict[str, tuple[str, dict[str, Any]]]:
    return {k.key_id: (k.fingerprint, audited_key_fields(k))
            for k in s.scalars(select(CardIssuerKey))}


SUBJECTS: tuple[Subject, ...] = (
    Subject("user", "ユーザー", "User", ("user.add",),
            ("user.activate", "user.deactivate", "user.password", "login"), _users),
    Subject("trainee", "受講生", "Trainee", ("trainee.create",), ("trainee.update",), _trainees),
    Subject("organisation", "所属機関", "Organisation", ("organisation.create",), (),
            _organisations),
    Subject("training_run", "養成研修", "Training run", ("run.create",),
            ("run.update", "run.set_days", "run.close", "run.reopen"), _runs),
    Subject("exam", "修了認定テスト", "Exam", ("exam.create",),
            ("exam.set_key", "exam.void", "exam.unvoid", "exam.set_pass"), _exams, _fold_exam),
    Subject("scan_file", "スキャン画像", "Scan file", ("scan.import",), (), _scan_files),
    Subject("exam_mark", "マークの判定", "Mark decisions", ("review.decide",), (),
            _mark_decisions, _fold_decisions),
    Subject("exam_sheet", "解答用紙の判定", "Sheet decisions",
            ("review.sheet_assign", "review.sheet_count", "review.sheet_discard"), (),
            _sheet_decisions, _fold_sheet_decisions),
    Subject("certificate", "認定証", "Certificate", ("certificate.create",),
            ("certificate.renew",), _certificates),
    Subject("certificate_card", "認定証（カード）", "Certificate card",
            ("card.issue", "card.reissue", "card.renew"), (), _cards),
    Subject("card_issuer_key", "認定証の公開鍵", "Card public key",
            ("card_key.create", "card_key.import"), ("card_key.retire", "card_key.remove"),
            _card_keys),
)


def _sheets(s: Session, digests: dict[str, str], audited_files: set[str]) -> list[Finding]:
    """Sheets and their marks, against the digest recorded when each file was imported."""
    findings = []
    rows = s.scalars(select(ExamSheet).options(selectinload(ExamSheet.marks),
                                               selectinload(ExamSheet.scan_file))
                     .order_by(ExamSheet.id))
    seen = set()
    for sheet in rows:
        key = str(sheet.id)
        seen.add(key)
        name = f"{sheet.scan_file.original_name.rsplit('/', 1)[-1]} p{sheet.page}"
        if key in digests:
            now = sheet_digest(sheet)
            if now != digests[key]:
                findings.append(Finding("解答用紙", "Answer sheet", key, name, "changed",
                                        (("sheet+marks", digests[key], now),)))
        elif str(sheet.scan_file_id) in audited_files:
            findings.append(Finding("解答用紙", "Answer sheet", key, name, "added"))
    findings += [Finding("解答用紙", "Answer sheet", k, "", "deleted")
                 for k in sorted(set(digests) - seen, key=int)]
    return findings


def reconcile_steps(db: Database) -> Generator[Progress, None, ReconcileReport]:
    """Replay the log (in batches, with progress), then compare every audited table."""
    report = ReconcileReport()
    by_entity = {s.entity: s for s in SUBJECTS}
    expected: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    digests: dict[str, str] = {}
    files_with_digests: set[str] = set()
    with db.session() as s:
        total = s.scalar(select(func.count(AuditEntry.id))) or 0
        yield Progress(0, total, "操作記録を再生しています…", "Replaying the audit log…")
        stmt = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=BATCH)
        for e in s.scalars(stmt):
            report.entries_read += 1
            subject = by_entity.get(e.entity)
            if subject is not None and e.action in subject.creates + subject.changes:
                after = _after(e.after_json)
                rows = expected[subject.entity]
                if e.action in subject.creates or e.entity_id in rows:
                    subject.fold(rows.setdefault(e.entity_id, {}), e.action, after)
                if e.action == "scan.import" and isinstance(after.get("sheet_digests"), dict):
                    digests.update({str(k): str(v) for k, v in after["sheet_digests"].items()})
                    files_with_digests.add(e.entity_id)
            if report.entries_read % BATCH == 0:
                yield Progress(report.entries_read, total, "操作記録を再生しています…",
                               "Replaying the audit log…")
        yield Progress(total, total, "現在のデータと比べています…", "Comparing with the data…")
        for subject in SUBJECTS:
            current = subject.current(s)
            report.rows_checked += len(current)
            report.findings += _compare(subject, expected.get(subject.entity, {}), current)
        report.findings += _sheets(s, digests, files_with_digests)
    return report


def _after(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _compare(subject: Subject, expected: dict[str, dict[str, Any]],
             current: dict[str, tuple[str, dict[str, Any]]]) -> list[Finding]:
    findings = []
    for row_id in sorted(set(expected) | set(current), key=lambda k: (len(k), k)):
        if row_id not in current:
            findings.append(Finding(subject.table_ja, subject.table_en, row_id,
                                    _name(expected[row_id]), "deleted"))
            continue
        name, now = current[row_id]
        if row_id not in expected:
            if subject.rows_without_entries_are_added:
                findings.append(Finding(subject.table_ja, subject.table_en, row_id, name,
                                        "added"))
            continue
        logged = expected[row_id]
        diffs = tuple((k, normalise(logged[k]), normalise(now[k])) for k in now
                      if k in logged and normalise(logged[k]) != normalise(now[k]))
        if diffs:
            findings.append(Finding(subject.table_ja, subject.table_en, row_id, name,
                                    "changed", diffs))
    return findings


def _name(values: dict[str, Any]) -> str:
    for key in ("trainee_number", "username", "name", "file"):
        if values.get(key):
            return str(values[key]).rsplit("/", 1)[-1]
    return ""

