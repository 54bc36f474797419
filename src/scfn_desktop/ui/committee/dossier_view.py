"""The dossier (審査資料) of one trainee: identity and organisation, the rules' proposal with
each stage's finding, 養成課程① and 実践, attendance on both venue days, the 修了認定テスト, the
four 欠格事由 as declared and checked, the decision history, the 認証 and the retake exemption.

Shown as rich text in a read-only browser, so it scrolls and wraps at any width. Where a stage
has no record it says so ("no record") instead of leaving a blank that reads as "fine".
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from scfn_desktop.rules.dates import format_date_en, format_date_ja
from scfn_desktop.rules.disqualification import Grounds
from scfn_desktop.services.committee.views import (
    STATES,
    Dossier,
    GroundsRecord,
    category_label,
    outcome_label,
)
from scfn_desktop.services.exams.grading import STATUS_LABELS
from scfn_desktop.ui.committee.common import STATE_COLOURS

MARKS = {"ok": ("✓", "#1b7a1b"), "no": ("✗", "#b00020"), "unknown": ("?", "#b26a00")}


class DossierView(QTextBrowser):
    """`show_dossier(d)` renders one trainee; `clear_dossier()` shows the hint."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierView")
        self.language = language
        self.dossier: Dossier | None = None
        self.setOpenLinks(False)
        self.clear_dossier()

    # --- small formatting helpers -------------------------------------------------------------
    def _pick(self, ja: str, en: str) -> str:
        return ja if self.language == "ja" else en

    def _date(self, d: date | None) -> str:
        if d is None:
            return self.tr("—")
        return format_date_ja(d) if self.language == "ja" else format_date_en(d)

    def _time(self, at: datetime) -> str:
        return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")

    @staticmethod
    def _rows(rows: list[tuple[str, str]]) -> str:
        cells = "".join(f"<tr><td style='color:#555;padding-right:10px'>{escape(k)}</td>"
                        f"<td>{v}</td></tr>" for k, v in rows)
        return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"

    def _none(self) -> str:
        return f"<i style='color:#b26a00'>{escape(self.tr('No record'))}</i>"

    def clear_dossier(self) -> None:
        self.dossier = None
        self.setHtml(f"<p style='color:#555'>{escape(self.tr('Choose a trainee in the list to see the dossier.'))}</p>")

    # --- the document ---------------------------------------------------------------------------
    def show_dossier(self, d: Dossier) -> None:
        self.dossier = d
        parts = [self._header(d), self._proposal(d), self._identity(d), self._stage(d),
                 self._attendance(d), self._exam(d), self._grounds(d), self._history(d),
                 self._certificate(d)]
        self.setHtml("".join(parts))

    def _section(self, title: str, body: str) -> str:
        return f"<h3 style='margin-bottom:2px'>{escape(title)}</h3>{body}"

    def _header(self, d: Dossier) -> str:
        i = d.identity
        state = self._pick(*STATES[d.state])
        colour = STATE_COLOURS.get(d.state, "#ffffff")
        return (f"<h2 style='margin-bottom:0'>{escape(i.trainee_number)} {escape(i.name)}"
                f" <span style='font-size:small;color:#555'>{escape(i.kana)}</span></h2>"
                f"<p style='margin-top:2px'><span style='background:{colour}'>&nbsp;"
                f"{escape(state)}&nbsp;</span> {escape(d.run_label)}</p>")

    def _proposal(self, d: Dossier) -> str:
        p = d.proposal
        titles = {"certify": self.tr("Proposal: certify"),
                  "not_certified": self.tr("Proposal: not certified"),
                  "cannot_decide": self.tr("Proposal: cannot decide")}
        colour = STATE_COLOURS[p.status.value]
        lines = []
        for f in p.findings:
            mark, fg = MARKS[f.result]
            lines.append(f"<tr><td style='color:{fg};font-weight:bold'>{mark}</td>"
                         f"<td>{escape(self._pick(f.text_ja, f.text_en))}</td></tr>")
        head = titles[p.status.value]
        if p.category:
            head += f" — {category_label(p.category, self.language)}"
        judged = self.tr("Judged as of %1").replace("%1", self._date(p.facts.on))
        return (f"<div style='background:{colour};padding:4px'><b>{escape(head)}</b>"
                f"<br/><span style='font-size:small'>{escape(judged)}</span></div>"
                f"<table cellpadding='2'>{''.join(lines)}</table>")

    def _identity(self, d: Dossier) -> str:
        i = d.identity
        org = f"{i.organisation}（{i.prefecture}）" if i.organisation else ""
        consent = self.tr("yes") if i.consent_publish_name else self.tr("no")
        rows = [(self.tr("Organisation"), escape(org) or self._none()),
                (self.tr("Romaji"), escape(i.romaji) or self.tr("—")),
                (self.tr("Email"), escape(i.email) or self.tr("—")),
                (self.tr("Qualification"), escape(i.qualification) or self.tr("—")),
                (self.tr("Consent to publish the name"), escape(consent))]
        return self._section(self.tr("Identity and organisation"), self._rows(rows))

    def _stage(self, d: Dossier) -> str:
        title = self.tr("Online course ① and practice")
        if not d.stage.recorded:
            return self._section(title, self._none())
        rows = [(self._pick(x.label_ja, x.label_en),
                 escape(self._date(x.on)) if x.on else self._none()) for x in d.stage.lines]
        return self._section(title, self._rows(rows))

    def _attendance(self, d: Dossier) -> str:
        a = d.attendance
        title = self.tr("Venue session ② (both days)")
        if not a.available:
            return self._section(title, self._none())
        rows = [(self.tr("Day %1").replace("%1", str(x.day_number)) + " " + self._date(x.day),
                 escape(self._pick(x.status_ja, x.status_en))
                 + (f"<br/><span style='font-size:small'>"
                    f"{escape(self._pick(x.detail_ja, x.detail_en))}</span>"
                    if x.detail_ja else "")) for x in a.days]
        return self._section(title, f"<p>{escape(self._pick(a.summary_ja, a.summary_en))}</p>"
                             + self._rows(rows))

    def _exam(self, d: Dossier) -> str:
        e = d.exam
        title = self.tr("Completion test")
        if e.status == "no_exam":
            return self._section(title, self._none() + " " + escape(
                self._pick(e.reason_ja, e.reason_en)))
        result = self._pick(*STATUS_LABELS[e.status])
        score = f"{e.score}/{e.max_points}" if e.score is not None else self.tr("—")
        open_marks = (self.tr("%1 still open").replace("%1", str(e.open_marks))
                      if e.open_marks else self.tr("none open"))
        rows = [(self.tr("Score"), escape(score)),
                (self.tr("Pass mark"), escape(self._pick(e.criterion_ja, e.criterion_en))),
                (self.tr("Result"), f"<b>{escape(result)}</b> — "
                 + escape(self._pick(e.reason_ja, e.reason_en))),
                (self.tr("Marks reviewed by a proctor"),
                 escape(f"{e.reviewed_marks}（{open_marks}）"))]
        return self._section(title, self._rows(rows))

    def _ground_lines(self, g: Grounds) -> list[tuple[str, str]]:
        def dated(day: date | None, pending: bool) -> str:
            if pending:
                return escape(self.tr("applies (sentence not yet over)"))
            if day is None:
                return escape(self.tr("does not apply"))
            return escape(self.tr("2-year window from %1").replace("%1", self._date(day)))

        return [("①", escape(self.tr("applies") if g.mental_impairment
                             else self.tr("does not apply"))),
                ("②", dated(g.immigration_penalty_ended_on, g.immigration_penalty_pending)),
                ("③", dated(g.imprisonment_ended_on, g.imprisonment_pending)),
                ("④", dated(g.revoked_on, False))]

    def _grounds_record(self, title: str, r: GroundsRecord | None) -> str:
        if r is None:
            return f"<p><b>{escape(title)}</b>: {self._none()}</p>"
        meta = self.tr("recorded by %1, %2").replace("%1", r.recorded_by).replace(
            "%2", self._time(r.recorded_at))
        rows = [*self._ground_lines(r.grounds),
                (self.tr("Evidence"), escape(r.evidence) or self.tr("—"))]
        return (f"<p style='margin-bottom:0'><b>{escape(title)}</b> "
                f"<span style='font-size:small;color:#555'>{escape(meta)}</span></p>"
                + self._rows(rows))

    def _grounds(self, d: Dossier) -> str:
        g = d.grounds
        body = (self._grounds_record(self.tr("As declared"), g.declared)
                + self._grounds_record(self.tr("As checked"), g.checked))
        for p in g.prior_revocations:
            body += ("<p style='color:#b00020'>" + escape(
                self.tr("The register holds a revoked certificate of a person with the same "
                        "name and kana: %1 (trainee %2), revoked on %3.")
                .replace("%1", p.number).replace("%2", p.trainee_number)
                .replace("%3", self._date(p.revoked_on))) + "</p>")
        return self._section(self.tr("Disqualification grounds"), body)

    def _history(self, d: Dossier) -> str:
        title = self.tr("Decisions")
        if not d.history:
            return self._section(title, f"<p>{escape(self.tr('Not decided yet.'))}</p>")
        items = []
        for h in reversed(d.history):
            text = h.awaiting if h.outcome == "deferred" else h.reason
            flags = []
            if h.against_proposal:
                flags.append(self.tr("against the proposal"))
            if h.bulk:
                flags.append(self.tr("accepted in bulk"))
            if h.is_amendment:
                flags.append(self.tr("amendment: %1").replace("%1", h.amendment_reason))
            head = f"{outcome_label(h.outcome, self.language)}"
            if h.category:
                head += f"（{category_label(h.category, self.language)}）"
            meta = self.tr("version %1, %2, %3").replace("%1", str(h.version)).replace(
                "%2", h.decided_by).replace("%3", self._time(h.decided_at))
            items.append(f"<li><b>{escape(head)}</b> {escape(text)}"
                         + (f" <i>[{escape('; '.join(flags))}]</i>" if flags else "")
                         + f"<br/><span style='font-size:small;color:#555'>{escape(meta)}"
                         f"</span></li>")
        return self._section(title, f"<ul style='margin-top:0'>{''.join(items)}</ul>")

    def _certificate(self, d: Dossier) -> str:
        out = ""
        c = d.certificate
        if c is not None:
            status = {"valid": self.tr("valid"), "expired": self.tr("expired"),
                      "revoked": self.tr("revoked")}[c.status]
            rows = [(self.tr("Certificate number"), escape(c.number)),
                    (self.tr("Certified on"), escape(self._date(c.certified_on))),
                    (self.tr("Valid until"), escape(self._date(c.valid_until))),
                    (self.tr("Status"), escape(status)),
                    (self.tr("Agency reference"), escape(c.agency_reference))]
            if c.revoked_on:
                rows.append((self.tr("Revoked on"), escape(
                    f"{self._date(c.revoked_on)} {c.revocation_reason}")))
            out += self._section(self.tr("Certification by the agency"), self._rows(rows))
        elif d.state == "awaiting_certification":
            out += self._section(self.tr("Certification by the agency"),
                                 escape(self.tr("Awaiting the agency's certification.")))
        ex = d.exemption
        if ex is not None:
            if ex.applies:
                stages = "、".join(ex.exempt_ja) if self.language == "ja" else ", ".join(
                    ex.exempt_en)
                text = self.tr("%1: exempt from %2 in a run starting by %3.").replace(
                    "%1", self._pick(ex.kind_ja, ex.kind_en)).replace("%2", stages).replace(
                    "%3", self._date(ex.deadline))
            else:
                text = self.tr("%1: no exemption.").replace(
                    "%1", self._pick(ex.kind_ja, ex.kind_en))
            out += self._section(self.tr("Retake exemption"), f"<p>{escape(text)}</p>")
        return out
