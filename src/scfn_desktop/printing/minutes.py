"""The minutes (議事録) of a 認定審査委員会 meeting: when and where, the members present, every
decision grouped by outcome (with its reason and whether it followed the rules' proposal), and
the amendments made after the meeting closed (who, when, why).

The document is drawn from plain data (`Minutes`) the committee service assembles, so it knows
nothing of the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .tables import A4_TEXT_WIDTH_MM, build_pdf, mm_widths, para, styles, table

#: A reason is printed up to this length; the full text stays in the application and the log.
CLIP = 300


@dataclass(frozen=True)
class MinutesDecision:
    trainee_number: str
    name: str
    organisation: str
    detail: str  # category and reason, or what is awaited
    followed_proposal: bool | None  # None: no decision
    bulk: bool = False


@dataclass(frozen=True)
class MinutesGroup:
    title: str  # e.g. 「認定（12名）」
    decisions: tuple[MinutesDecision, ...]


@dataclass(frozen=True)
class MinutesAmendment:
    trainee_number: str
    name: str
    change: str  # e.g. 「不認定 → 認定」
    reason: str
    by: str
    at: str


@dataclass(frozen=True)
class Minutes:
    title: str  # e.g. 「認定審査委員会 議事録」
    run_label: str
    held_on: str
    where: str
    status: str
    opened_by: str
    closed: str  # who and when, or ""
    members: tuple[tuple[str, str], ...]  # (name, role label)
    groups: tuple[MinutesGroup, ...]
    amendments: tuple[MinutesAmendment, ...] = ()
    generated: str = ""
    notes: tuple[str, ...] = field(default=())


def clip(text: str, limit: int = CLIP) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _followed(d: MinutesDecision) -> str:
    if d.followed_proposal is None:
        return "—"
    return ("判定案どおり" if d.followed_proposal else "判定案と異なる") + ("（一括）" if d.bulk
                                                                 else "")


def render_minutes(m: Minutes) -> bytes:
    st = styles()
    story: list[Flowable] = [para(m.title, st.title)]
    info = [("養成研修", m.run_label), ("開催日", m.held_on), ("開催場所", m.where or "—"),
            ("状態", m.status), ("開会", m.opened_by)]
    if m.closed:
        info.append(("閉会", m.closed))
    story.append(table(["項目", "内容"], info, mm_widths(A4_TEXT_WIDTH_MM, [1, 4]), st,
                       zebra=False))
    story.append(para("出席委員", st.heading))
    if m.members:
        story.append(table(["氏名", "役割"], m.members, mm_widths(A4_TEXT_WIDTH_MM, [3, 1]), st))
    else:
        story.append(para("記録なし", st.body))
    story.append(para("決定", st.heading))
    widths = mm_widths(A4_TEXT_WIDTH_MM, [1.1, 1.5, 2.6, 3.4, 2.1])
    for group in m.groups:
        story.append(para(group.title, st.heading))
        if not group.decisions:
            story.append(para("該当なし", st.small))
            continue
        rows = [(d.trainee_number, d.name, d.organisation, clip(d.detail),
                 _followed(d)) for d in group.decisions]
        story.append(table(["受講番号", "氏名", "所属機関", "理由・内容", "判定案"], rows,
                           widths, st))
        story.append(Spacer(1, 2 * mm))
    story.append(para("閉会後の修正", st.heading))
    if m.amendments:
        rows = [(a.trainee_number, a.name, a.change, clip(a.reason), f"{a.by}\n{a.at}")
                for a in m.amendments]
        story.append(table(["受講番号", "氏名", "変更", "修正の理由", "記録者・日時"], rows,
                           mm_widths(A4_TEXT_WIDTH_MM, [1.3, 1.6, 2.2, 4.2, 1.9]), st))
    else:
        story.append(para("なし", st.body))
    for note in m.notes:
        story.append(para(note, st.small))
    if m.generated:
        story.append(Spacer(1, 3 * mm))
        story.append(para(f"作成日時 {m.generated}", st.small))
    return build_pdf(story, f"{m.title} {m.run_label} {m.held_on}",
                     footer=f"{m.run_label} {m.title}")
