"""The decision list: one row per trainee with the test, attendance, the proposal, the decision
and where the trainee stands, coloured by the state (or the proposal while undecided)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from scfn_desktop.services.committee.views import STATES, Dossier, outcome_label
from scfn_desktop.services.exams.grading import STATUS_LABELS
from scfn_desktop.ui.committee.common import STATE_COLOURS
from scfn_desktop.ui.widgets.row_table_model import RowTableModel

FILTERS = ("all", "undecided", "cannot_decide", "against", "deferred", "awaiting_certification")


def keep(d: Dossier, key: str) -> bool:
    dec = d.decision
    return {"all": True, "undecided": dec is None,
            "cannot_decide": d.proposal.status.value == "cannot_decide",
            "against": bool(dec and dec.against_proposal),
            "deferred": d.state == "deferred",
            "awaiting_certification": d.state == "awaiting_certification"}[key]


class DecisionTableModel(RowTableModel[Dossier]):
    language = "ja"

    def _pick(self, ja: str, en: str) -> str:
        return ja if self.language == "ja" else en

    def _exam(self, d: Dossier) -> str:
        status = STATUS_LABELS.get(d.exam.status, ("未設定", "not set up"))
        score = f"{d.exam.score}/{d.exam.max_points} " if d.exam.score is not None else ""
        return score + self._pick(*status)

    def _attendance(self, d: Dossier) -> str:
        if not d.attendance.available:
            return self.tr("no record")
        labels = {
            "complete": self.tr("both days"),
            "refused": self.tr("refused"),
            "excluded": self.tr("excluded"),
            "absent": self.tr("absent"),
            "excused": self.tr("excused absence"),
            "incomplete": self.tr("incomplete"),
            "unknown": self.tr("not recorded in full"),
        }
        return labels[d.attendance.fact.value]

    def _proposal(self, d: Dossier) -> str:
        labels = {"certify": self.tr("certify"),
                  "not_certified": self.tr("not certified"),
                  "cannot_decide": self.tr("cannot decide")}
        return labels[d.proposal.status.value]

    def _decision(self, d: Dossier) -> str:
        dec = d.decision
        if dec is None:
            return "—"
        text = outcome_label(dec.outcome, self.language)
        return text + (" ≠" if dec.against_proposal else "")

    @property
    def columns(self):  # type: ignore[override]
        return (
            (lambda: self.tr("Number"), lambda d: d.identity.trainee_number),
            (lambda: self.tr("Name"), lambda d: d.identity.name),
            (lambda: self.tr("Test"), self._exam),
            (lambda: self.tr("Attendance"), self._attendance),
            (lambda: self.tr("Proposal"), self._proposal),
            (lambda: self.tr("Decision"), self._decision),
            (lambda: self.tr("State"), lambda d: self._pick(*STATES[d.state])),
            (lambda: self.tr("Organisation"), lambda d: d.identity.organisation),
        )

    def cell(self, row: Dossier, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.BackgroundRole:
            key = row.state if row.decision else row.proposal.status.value
            return QColor(STATE_COLOURS.get(key, "#ffffff"))
        if role == Qt.ItemDataRole.ToolTipRole:
            dec = row.decision
            if column == 5 and dec is not None and dec.against_proposal:
                return self.tr("≠ decided against the proposal: %1").replace("%1", dec.reason)
            return self._pick(row.proposal.reason_ja, row.proposal.reason_en)
        return super().cell(row, column, role)
