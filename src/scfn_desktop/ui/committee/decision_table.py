"""The decision list: one row per trainee with the test, attendance, the proposal, the decision
and where the trainee stands, coloured by the state (or the proposal while undecided)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from scfn_desktop.services.committee.views import STATES, Dossier, outcome_label
from scfn_desktop.services.exams.grading import STATUS_LABELS
from scfn_desktop.ui.committee.common import STATE_COLOURS
from scfn_desktop.ui.widgets.row_table_model import RowTableModel

FILTERS = ("all", "undecided", "cannot_decide", "against", "deferred", "awaiting_certification")


def _t(text: str) -> str:
    return QCoreApplication.translate("DecisionTable", text)


def filter_label(key: str) -> str:
    return {"all": _t("All trainees"), "undecided": _t("Not decided yet"),
            "cannot_decide": _t("Proposal cannot decide"),
            "against": _t("Decided against the proposal"), "deferred": _t("Deferred"),
            "awaiting_certification": _t("Awaiting the agency's certification")}[key]


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
            return _t("no record")
        return self._pick(d.attendance.summary_ja, d.attendance.summary_en)

    def _proposal(self, d: Dossier) -> str:
        return {"certify": _t("certify"), "not_certified": _t("not certified"),
                "cannot_decide": _t("cannot decide")}[d.proposal.status.value]

    def _decision(self, d: Dossier) -> str:
        dec = d.decision
        if dec is None:
            return "—"
        text = outcome_label(dec.outcome, self.language)
        return text + (" ≠" if dec.against_proposal else "")

    @property
    def columns(self):  # type: ignore[override]
        return (
            (lambda: _t("Number"), lambda d: d.identity.trainee_number),
            (lambda: _t("Name"), lambda d: d.identity.name),
            (lambda: _t("Organisation"), lambda d: d.identity.organisation),
            (lambda: _t("Test"), self._exam),
            (lambda: _t("Attendance"), self._attendance),
            (lambda: _t("Proposal"), self._proposal),
            (lambda: _t("Decision"), self._decision),
            (lambda: _t("State"), lambda d: self._pick(*STATES[d.state])),
        )

    def cell(self, row: Dossier, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.BackgroundRole:
            key = row.state if row.decision else row.proposal.status.value
            return QColor(STATE_COLOURS.get(key, "#ffffff"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._pick(row.proposal.reason_ja, row.proposal.reason_en)
        return super().cell(row, column, role)
