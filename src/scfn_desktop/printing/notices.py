"""Result notices (結果通知) to trainees after the 認定審査委員会: a pass notice (修了認定通知書)
and a notice of not being certified (修了認定に関する通知書) that states the reason and, where
the rulebook grants it, the retake exemption and its deadline (seed 000 §第2 4(2)イ:
「不合格通知の際に通知」; §第2 3(2) for a withdrawal).

One letter per page; a batch is one PDF with every letter, or one PDF per letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from .tables import A4_TEXT_WIDTH_MM, build_pdf, mm_widths, para, styles, table

SENDER = "外国人支援コーディネーター養成研修 事務局"


@dataclass(frozen=True)
class NoticeLetter:
    kind: str  # "pass" or "fail"
    issued_on: str  # e.g. 2025年3月10日
    trainee_number: str
    name: str
    organisation: str
    run_label: str
    meeting_on: str
    # pass: the 認証 when it is recorded already
    certificate_number: str = ""
    certified_on: str = ""
    valid_until: str = ""
    # fail: the reason, and the exemption when it applies
    reason_category: str = ""
    reason_text: str = ""
    exempt_stages: tuple[str, ...] = ()
    test_only: bool = False
    exemption_deadline: str = ""
    exemption_case: str = ""


def _letter(n: NoticeLetter) -> list[Flowable]:
    st = styles(cell_size=10)
    out: list[Flowable] = [
        para(n.issued_on, st.right),
        Spacer(1, 4 * mm),
        para(f"受講番号 {n.trainee_number}", st.body),
        para(f"{n.name} 様", st.heading),
        para(n.organisation, st.body) if n.organisation else Spacer(1, 1),
        para(SENDER, st.right),
        Spacer(1, 8 * mm),
    ]
    course = f"{n.run_label} 外国人支援コーディネーター養成研修"
    if n.kind == "pass":
        out.append(para("修了認定通知書", st.title))
        out.append(para(f"あなたは、{course}の修了認定テストに合格し、{n.meeting_on}の認定審査委員会"
                        "において修了認定を受けたことを通知します。", st.body))
        if n.certificate_number:
            out.append(para("また、出入国在留管理庁により、外国人支援コーディネーターとして認証されました。",
                            st.body))
            out.append(Spacer(1, 3 * mm))
            out.append(table(["項目", "内容"], [("認定番号", n.certificate_number),
                                                 ("認証日", n.certified_on),
                                                 ("有効期限", n.valid_until)],
                             mm_widths(A4_TEXT_WIDTH_MM * 0.7, [1, 2]), st, zebra=False))
            out.append(Spacer(1, 3 * mm))
            out.append(para("認定証（カード）は別途交付します。認証の有効期間内に認証更新研修を修了しない"
                            "場合、認証は有効期限の経過により効力を失います。", st.body))
        else:
            out.append(para("今後、出入国在留管理庁による認証を経て、認証された方に認定証（カード）を"
                            "交付します。", st.body))
        return out
    out.append(para("修了認定に関する通知書", st.title))
    out.append(para(f"あなたは、{course}において、{n.meeting_on}の認定審査委員会の審査の結果、"
                    "修了認定を受けることができませんでしたので通知します。", st.body))
    out.append(Spacer(1, 2 * mm))
    reason = n.reason_category + (f"：{n.reason_text}" if n.reason_text else "")
    out.append(table(["項目", "内容"], [("理由", reason or "—")],
                     mm_widths(A4_TEXT_WIDTH_MM, [1, 5]), st, zebra=False))
    out.append(Spacer(1, 3 * mm))
    if n.exempt_stages:
        stages = "、".join(n.exempt_stages)
        rest = "修了認定テストのみを受験することになります。" if n.test_only else \
            "その他の課程及び修了認定テストは受講・受験が必要です。"
        out.append(para("再受験の減免措置", st.heading))
        out.append(para(
            f"{n.exemption_case}に該当するため、{n.exemption_deadline}までに実施（開始）される"
            f"養成研修を受講することとなった場合に限り、減免措置として{stages}の受講を免除すること"
            f"ができます。{rest}なお、減免の条件は法令の改正等により変わることがあります。", st.body))
    out.append(para("なお、この養成研修以降に実施される養成研修に改めて応募することができます。", st.body))
    return out


def render_notices(letters: Sequence[NoticeLetter]) -> bytes:
    """All letters in one PDF, each on its own page (at least one letter)."""
    if not letters:
        raise ValueError("no notices to print")
    story: list[Flowable] = []
    for i, n in enumerate(letters):
        if i:
            story.append(PageBreak())
        story.extend(_letter(n))
    title = "結果通知" if len(letters) > 1 else f"結果通知 {letters[0].trainee_number}"
    return build_pdf(story, title, footer=letters[0].run_label)
