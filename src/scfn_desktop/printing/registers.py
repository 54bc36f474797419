"""The 認定者名簿 (register of certified persons) as a PDF: one landscape table, sorted and
filtered as the person chose, with the day the statuses are reckoned on and the filter said on
the page (a printed register must say what it leaves out)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from .tables import A4_WIDE_TEXT_WIDTH_MM, build_pdf, mm_widths, para, styles, table

HEADERS = ("認定番号", "受講番号", "氏名", "フリガナ", "所属機関", "都道府県", "認証日", "有効期限",
           "状態", "養成研修")


@dataclass(frozen=True)
class RegisterLine:
    certificate_number: str
    trainee_number: str
    name: str
    kana: str
    organisation: str
    prefecture: str
    certified_on: str
    valid_until: str
    status: str  # as printed, e.g. 有効 / 有効期限切れ / 取消済み + a line with the date
    training_run: str


@dataclass(frozen=True)
class RegisterDoc:
    as_of: str  # e.g. 2026年12月1日
    condition: str  # e.g. 「状態: すべて、並び順: 認定番号」
    lines: Sequence[RegisterLine]
    counts: str = ""  # e.g. 「有効 20名、有効期限切れ 0名、取消済み 1名」


def render_register(doc: RegisterDoc) -> bytes:
    st = styles(cell_size=8)
    story: list[Flowable] = [
        para("認定者名簿（外国人支援コーディネーター）", st.title),
        para(f"{doc.as_of}現在　{doc.condition}　{len(doc.lines)}名", st.body),
    ]
    if doc.counts:
        story.append(para(doc.counts, st.small))
    rows = [(x.certificate_number, x.trainee_number, x.name, x.kana, x.organisation,
             x.prefecture, x.certified_on, x.valid_until, x.status, x.training_run)
            for x in doc.lines]
    if rows:
        story.append(table(HEADERS, rows, mm_widths(A4_WIDE_TEXT_WIDTH_MM,
                                                    [1.7, 1.0, 1.4, 1.5, 3.1, 0.9, 1.3, 1.3,
                                                     1.7, 1.4]), st))
    else:
        story.append(para("該当する認定者はいません。", st.body))
    return build_pdf(story, f"認定者名簿 {doc.as_of}", footer=f"認定者名簿 {doc.as_of}現在",
                     wide=True)
