"""An audit entry as a person reads it: what it is about (受講番号 and name, the run, the exam,
the answer form and its page) instead of internal ids, and each recorded field by its name with
its value in words (合格 → 不合格, 問5, the machine reading, 得点率60%以上, 2025/11/15 10:00–17:00).

The stored entry is never changed (its hash covers it); this only reads it. Ids are looked up
now, so a record deleted since shows as "ID n" rather than disappearing. Lookups are batched
per page of entries (`describe_targets`), one query per kind of record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from scfn_desktop.db import Database
from scfn_desktop.db.models.accounts import User
from scfn_desktop.db.models.exams import Exam, ExamMark, ExamSheet, ScanFile
from scfn_desktop.db.models.roster import Trainee, TrainingRun
from scfn_desktop.rules.fiscal import run_label
from scfn_desktop.services.admin.audit_labels import VALUE_LABELS, field_label, value_label
from scfn_desktop.services.admin.audit_view import AuditRow, field_changes
from scfn_desktop.services.exams.grading import STATUS_LABELS, GradingRule
from scfn_desktop.services.permissions import Actor, Permission, require

SCAN_STATUS = {"ok": ("正常", "OK"), "duplicate": ("重複", "Duplicate"),
               "unidentified": ("受講生不明", "Trainee unknown"), "error": ("エラー", "Error")}


@dataclass(frozen=True)
class ReadableField:
    key: str
    label: str
    before: str
    after: str
    kind: str  # added / removed / changed / same


class _Lookup:
    """Names for the ids an entry mentions, fetched once per kind."""

    def __init__(self, s: Session, ja: bool) -> None:
        self.s, self.ja = s, ja
        self.trainees: dict[int, str] = {}
        self.runs: dict[int, str] = {}

    def t(self, ja: str, en: str) -> str:
        return ja if self.ja else en

    def trainee(self, trainee_id: Any) -> str:
        if trainee_id in (None, ""):
            return self.t("（未定）", "(none)")
        tid = int(trainee_id)
        if tid not in self.trainees:
            t = self.s.get(Trainee, tid)
            self.trainees[tid] = (f"{self.t('受講番号', 'trainee')} {t.trainee_number} {t.full_name}"
                                  if t else f"ID {tid}")
        return self.trainees[tid]

    def run(self, run_id: Any) -> str:
        if run_id in (None, ""):
            return self.t("（なし）", "(none)")
        rid = int(run_id)
        if rid not in self.runs:
            r = self.s.get(TrainingRun, rid)
            self.runs[rid] = run_label(r.fiscal_year, r.term) if r else f"ID {rid}"
        return self.runs[rid]

    def exam(self, exam_id: Any) -> str:
        e = self.s.get(Exam, int(exam_id)) if str(exam_id).isdigit() else None
        return f"{e.title}（{self.run(e.run_id)}）" if e else f"ID {exam_id}"

    def sheet(self, sheet_id: Any) -> str:
        sheet = self.s.get(ExamSheet, int(sheet_id)) if str(sheet_id).isdigit() else None
        if sheet is None:
            return f"ID {sheet_id}"
        whose = (self.trainee(sheet.trainee_id) if sheet.trainee_id
                 else self.t(f"受講番号 {sheet.qr_number or sheet.grid_number or '不明'}",
                             f"trainee {sheet.qr_number or sheet.grid_number or 'unknown'}"))
        name = Path(sheet.scan_file.original_name).name
        return self.t(f"{whose} の解答用紙（{name} {sheet.page}ページ）",
                      f"answer form of {whose} ({name} page {sheet.page})")

    def mark(self, mark_id: Any) -> str:
        m = self.s.get(ExamMark, int(mark_id)) if str(mark_id).isdigit() else None
        if m is None:
            return f"ID {mark_id}"
        return self.t(f"問{m.question} — {self.sheet(m.sheet_id)}",
                      f"Q{m.question} — {self.sheet(m.sheet_id)}")

    def user(self, user_id: Any) -> str:
        u = self.s.get(User, int(user_id)) if str(user_id).isdigit() else None
        if u is None:
            return f"ID {user_id}" if user_id else "—"
        return f"{u.username}（{u.display_name}）" if u.display_name else u.username

    def scan_file(self, file_id: Any) -> str:
        f = self.s.get(ScanFile, int(file_id)) if str(file_id).isdigit() else None
        return Path(f.original_name).name if f else f"ID {file_id}"


def _target(look: _Lookup, entity: str, entity_id: str) -> str:
    """What the entry is about, as the office knows it."""
    by_kind = {"trainee": look.trainee, "training_run": look.run, "exam": look.exam,
               "exam_sheet": look.sheet, "exam_mark": look.mark, "user": look.user,
               "scan_file": look.scan_file}
    if entity == "roster":
        return look.run(entity_id) if entity_id else look.t("全員", "everyone")
    if entity in by_kind and entity_id:
        return by_kind[entity](entity_id)
    return entity_id or "—"


def describe_targets(db: Database, actor: Actor, rows: Iterable[AuditRow],
                     language: str = "ja") -> dict[int, str]:
    """entry id -> what it is about, for a page of entries."""
    require(actor, Permission.VERIFY_AUDIT)
    with db.session() as s:
        look = _Lookup(s, language == "ja")
        return {r.id: _target(look, r.entity, r.entity_id) for r in rows}


def readable_fields(db: Database, actor: Actor, row: AuditRow,
                    language: str = "ja") -> list[ReadableField]:
    """Each recorded field by its name, with its values in words."""
    require(actor, Permission.VERIFY_AUDIT)
    with db.session() as s:
        look = _Lookup(s, language == "ja")
        out = []
        for change in field_changes(row):
            before = "" if change.kind == "added" else _value(look, change.key, change.before)
            after = "" if change.kind == "removed" else _value(look, change.key, change.after)
            out.append(ReadableField(change.key, field_label(change.key, language), before,
                                     after, change.kind))
        return out


def _value(look: _Lookup, key: str, value: Any) -> str:
    """One stored value in words; anything not named here is shown as stored."""
    t = look.t
    last = key.rsplit(".", 1)[-1]
    if last == "by" and not value:  # no person decided: what counted was the machine's
        return t("機械の読み取り", "the machine reading")
    if value is None or value == "":
        return t("（なし）", "(none)") if last in ("error", "reason") else "—"
    if last == "trainee_id":
        return look.trainee(value)
    if last == "run_id":
        return look.run(value)
    if last == "exam_id":
        return look.exam(value)
    if last == "sheet_id":
        return look.sheet(value)
    if last == "question":
        return t(f"問{value}", f"Q{value}")
    if last == "by":
        return str(value)
    if last == "labels" and isinstance(value, list):
        return "・".join(map(str, value)) or "—"
    if last == "changed" and isinstance(value, list):
        return _changed(look, value)
    if last == "pass" and isinstance(value, list) and len(value) == 2:
        rule = GradingRule(key={}, points={}, pass_mode=str(value[0]),
                           pass_value=float(value[1]))
        return t(rule.describe_ja(), rule.describe_en())
    if last == "key" and isinstance(value, str):
        return _key(value)
    if last == "sheets" and isinstance(value, list):
        return _sheets(look, value)
    if last == "days" and isinstance(value, list):
        return ", ".join(f"{d[0].replace('-', '/')} {d[1][:5]}–{d[2][:5]}" for d in value
                         if isinstance(d, list) and len(d) == 3)
    if last == "closed":
        return t("終了", "closed") if value else t("実施中", "open")
    if last == "lateness_threshold_minutes":
        return t(f"{value}分", f"{value} minutes")
    if last == "capacity":
        return t(f"{value}名", f"{value} trainees")
    if last == "term":
        return t(f"第{value}期", f"term {value}")
    if last == "sha256":
        return f"{str(value)[:16]}…"
    if isinstance(value, bool):
        return t("はい", "Yes") if value else t("いいえ", "No")
    if isinstance(value, str):
        return value_label(last, value, "ja" if look.ja else "en")
    if isinstance(value, list):
        return ", ".join(_value(look, last, v) if isinstance(v, str) else json.dumps(
            v, ensure_ascii=False) for v in value) or "—"
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, int | float) \
        else str(value)


def _changed(look: _Lookup, changes: list) -> str:
    """[[受講番号, before, after], ...] -> "1001 山田 花子: 合格 → 不合格" per line."""
    if not changes:
        return look.t("なし", "none")
    index = 0 if look.ja else 1
    lines = []
    for item in changes:
        if not (isinstance(item, list) and len(item) == 3):
            lines.append(json.dumps(item, ensure_ascii=False))
            continue
        number, before, after = item
        t = look.s.scalar(select(Trainee).where(Trainee.trainee_number == str(number)))
        who = f"{number} {t.full_name}" if t else str(number)
        lines.append(f"{who}: {STATUS_LABELS.get(before, (before, before))[index]} → "
                     f"{STATUS_LABELS.get(after, (after, after))[index]}")
    return "\n".join(lines)


def _key(stored: str) -> str:
    """The stored JSON key {"1": ["2"], ...} in the CLI's form 2,4,1/3."""
    try:
        key = json.loads(stored)
        return ",".join("/".join(key[q]) for q in sorted(key, key=int))
    except (ValueError, TypeError, KeyError):
        return stored


def _sheets(look: _Lookup, sheets: list) -> str:
    """[[page, status, 受講番号], ...] of a scanned file, one page per line."""
    lines = []
    for item in sheets:
        if not (isinstance(item, list) and len(item) == 3):
            continue
        page, status, number = item
        pair = SCAN_STATUS.get(status, VALUE_LABELS.get(("status", status), (status, status)))
        lines.append(look.t(f"{page}ページ: {pair[0]} {number or ''}".rstrip(),
                            f"page {page}: {pair[1]} {number or ''}".rstrip()))
    return "\n".join(lines) or "—"
