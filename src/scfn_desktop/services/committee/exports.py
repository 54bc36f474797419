"""Exports of the committee's lists: the 認定者名簿 (xlsx, csv, json, pdf), the public
所属機関リスト (xlsx, csv, json) and the committee's results table for the agency (xlsx).

JSON uses snake_case English keys (``certificate_number``, ``certified_on``, ``valid_until``,
``status`` …) and ISO dates, so other tools read it without knowing Japanese headers. Each
export is an audit entry (the register holds personal data).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from scfn_desktop.db import Database
from scfn_desktop.printing.registers import RegisterDoc, RegisterLine, render_register
from scfn_desktop.rules.dates import format_date_ja
from scfn_desktop.services import audit
from scfn_desktop.services.committee.register import (
    organisation_rows,
    register_rows,
)
from scfn_desktop.services.committee.results_table import results_sheets
from scfn_desktop.services.committee.views import CERTIFICATE_STATUSES
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.exports import Table, csv_bytes, xlsx_bytes
from scfn_desktop.services.permissions import Actor, Permission, require

REGISTER_FORMATS = ("xlsx", "pdf", "csv", "json")
ORGANISATION_FORMATS = ("xlsx", "csv", "json")
REGISTER_HEADER = ("認定番号", "受講番号", "氏名", "フリガナ", "所属機関", "都道府県", "認証日",
                   "有効期限", "状態", "取消日", "養成研修")
ORGANISATION_HEADER = ("所属機関", "都道府県", "認定者数", "氏名（公表に同意した者のみ）")
SORT_LABELS = {"number": "認定番号", "name": "氏名", "organisation": "所属機関",
               "certified_on": "認証日", "valid_until": "有効期限"}


@dataclass(frozen=True)
class ExportData:
    data: bytes
    count: int
    fmt: str


def _check(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        raise ValidationFailed(f"形式「{fmt}」には対応していません（{', '.join(allowed)}）。",
                               f"Unknown format '{fmt}' (one of {', '.join(allowed)}).")


def _json(kind: str, on: date, key: str, items: list[dict]) -> bytes:
    doc = {"format": kind, "version": 1,
           "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
           "as_of": on.isoformat(), key: items}
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def export_register(db: Database, actor: Actor, fmt: str, on: date | None = None,
                    status: str | None = None, run_id: int | None = None, query: str = "",
                    sort: str = "number") -> ExportData:
    """The register as filtered and sorted, in one of :data:`REGISTER_FORMATS`."""
    require(actor, Permission.EXPORT_REGISTER)
    _check(fmt, REGISTER_FORMATS)
    on = on or date.today()
    rows = register_rows(db, on, status, run_id, query, sort)
    if fmt == "json":
        data = _json("scfn-register", on, "certificates", [r.to_json() for r in rows])
    elif fmt == "pdf":
        counts = {k: sum(1 for r in register_rows(db, on, run_id=run_id) if r.status == k)
                  for k in CERTIFICATE_STATUSES}
        condition = (f"状態: {CERTIFICATE_STATUSES[status][0] if status else 'すべて'}"
                     f"　並び順: {SORT_LABELS[sort]}" + (f"　検索: {query}" if query else ""))
        data = render_register(RegisterDoc(
            format_date_ja(on), condition,
            [RegisterLine(r.certificate_number, r.trainee_number, r.name, r.name_kana,
                          r.organisation, r.prefecture, format_date_ja(r.certified_on),
                          format_date_ja(r.valid_until), _status_text(r.status, r.revoked_on),
                          r.training_run) for r in rows],
            "、".join(f"{CERTIFICATE_STATUSES[k][0]} {n}名" for k, n in counts.items())))
    else:
        sheet = Table("認定者名簿", REGISTER_HEADER, [
            (r.certificate_number, r.trainee_number, r.name, r.name_kana, r.organisation,
             r.prefecture, r.certified_on, r.valid_until, CERTIFICATE_STATUSES[r.status][0],
             r.revoked_on, r.training_run) for r in rows],
            frozenset({0, 1}), (18, 10, 16, 18, 36, 10, 12, 12, 14, 12, 18))
        data = xlsx_bytes([sheet]) if fmt == "xlsx" else csv_bytes(sheet).data
    with db.transaction() as s:
        audit.record(s, actor, "register.export", "register", run_id or "", None, {
            "format": fmt, "as_of": on, "status": status, "run_id": run_id, "query": query,
            "sort": sort, "count": len(rows)})
    return ExportData(data, len(rows), fmt)


def _status_text(status: str, revoked_on: date | None) -> str:
    text = CERTIFICATE_STATUSES[status][0]
    return f"{text}\n（{format_date_ja(revoked_on)}）" if revoked_on and status == "revoked" \
        else text


def export_organisations(db: Database, actor: Actor, fmt: str, on: date | None = None
                         ) -> ExportData:
    """The public 所属機関リスト: no names except of persons who consented."""
    require(actor, Permission.EXPORT_REGISTER)
    _check(fmt, ORGANISATION_FORMATS)
    on = on or date.today()
    rows = organisation_rows(db, on)
    if fmt == "json":
        data = _json("scfn-organisations", on, "organisations", [r.to_json() for r in rows])
    else:
        sheet = Table("所属機関リスト", ORGANISATION_HEADER, [
            (r.organisation, r.prefecture, r.certified_coordinators,
             "、".join(r.published_names)) for r in rows], widths=(40, 10, 10, 50))
        data = xlsx_bytes([sheet]) if fmt == "xlsx" else csv_bytes(sheet).data
    with db.transaction() as s:
        audit.record(s, actor, "organisations.export", "register", "", None, {
            "format": fmt, "as_of": on, "count": len(rows),
            "published_names": sum(len(r.published_names) for r in rows)})
    return ExportData(data, len(rows), fmt)


def export_results_table(db: Database, actor: Actor, run_id: int) -> ExportData:
    """The committee's results table for the agency (xlsx): one row per trainee of the run
    with the test, the proposal, the decision and the 認証, and a summary sheet."""
    require(actor, Permission.EXPORT_REGISTER)
    sheets, count = results_sheets(db, run_id)
    data = xlsx_bytes(sheets)
    with db.transaction() as s:
        audit.record(s, actor, "committee.results_export", "training_run", run_id, None,
                     {"format": "xlsx", "count": count})
    return ExportData(data, count, "xlsx")
