"""The committee page (認定審査委員会): choose the run and the meeting, see every trainee with
the rules' proposal, open a trainee's dossier, decide (認定 / 不認定 / 保留), accept the clear
proposals in bulk, close the meeting, amend afterwards; print the notices and the minutes.

Pages hold no rules: every action is a service call, and a refusal is shown as it came.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.committee import decisions, meetings
from scfn_desktop.services.committee.dossier import run_dossiers
from scfn_desktop.services.committee.views import Dossier, MeetingView
from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.committee.bulk_dialog import BulkAcceptDialog
from scfn_desktop.ui.committee.common import RunPicker
from scfn_desktop.ui.committee.decision_dialog import DecisionDialog
from scfn_desktop.ui.committee.decision_table import FILTERS, DecisionTableModel, keep
from scfn_desktop.ui.committee.dossier_view import DossierView
from scfn_desktop.ui.committee.meeting_actions import MeetingActions
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.widgets.search_field import search_field
from scfn_desktop.ui.workers import dispose_when_closed


class DecisionsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossiers: list[Dossier] = []
        self.meeting_list: list[MeetingView] = []
        self.dialog: QWidget | None = None
        self.runs = RunPicker(ctx)
        self.runs.runChanged.connect(lambda _id: self.reload_meetings())
        self.meeting_combo = QComboBox()
        self.meeting_combo.setObjectName("meetingCombo")
        self.meeting_combo.setMinimumContentsLength(16)
        self.meeting_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.actions = MeetingActions(self)
        self.status = QLabel()
        self.status.setObjectName("committeeStatus")
        self.status.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.setObjectName("decisionFilter")
        labels = {"all": self.tr("All trainees"), "undecided": self.tr("Not decided yet"),
                  "cannot_decide": self.tr("Proposal cannot decide"),
                  "against": self.tr("Decided against the proposal"),
                  "deferred": self.tr("Deferred"),
                  "awaiting_certification": self.tr("Awaiting the agency's certification")}
        for key in FILTERS:
            self.filter.addItem(labels[key], key)
        self.filter.currentIndexChanged.connect(lambda _i: self.show_rows())
        self.search = search_field("decisionSearch", self.tr("Number, name or organisation"),
                                   self.show_rows)
        self.model = DecisionTableModel(self)
        self.model.language = ctx.language
        self.table = QTableView()
        self.table.setObjectName("decisionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())
        self.dossier_view = DossierView(ctx.language)
        self.decide_button = QPushButton(self.tr("Decide…"))
        self.decide_button.setObjectName("decideButton")
        self.decide_button.clicked.connect(self.open_decision)
        self.amend_button = QPushButton(self.tr("Amend…"))
        self.amend_button.setObjectName("amendButton")
        self.amend_button.clicked.connect(lambda: self.open_decision(amending=True))
        self.grounds_button = QPushButton(self.tr("Disqualification grounds…"))
        self.grounds_button.setObjectName("groundsButton")
        self.grounds_button.clicked.connect(self.actions.open_grounds)
        can_decide = ctx.actor.can(Permission.COMMITTEE_DECIDE)
        self.decide_button.setVisible(can_decide)
        self.amend_button.setVisible(can_decide)
        self.grounds_button.setVisible(ctx.actor.can(Permission.RECORD_GROUNDS))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Training run:")))
        top.addWidget(self.runs)
        top.addWidget(QLabel(self.tr("Meeting:")))
        top.addWidget(self.meeting_combo, 1)
        actions = QHBoxLayout()
        for b in self.actions.top_buttons()[:-1]:
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.actions.top_buttons()[-1])
        filters = QHBoxLayout()
        filters.addWidget(self.filter)
        filters.addWidget(self.search, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.dossier_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.decide_button)
        buttons.addWidget(self.amend_button)
        buttons.addStretch(1)
        buttons.addWidget(self.grounds_button)
        right_layout.addLayout(buttons)
        self.split = QSplitter()
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setSizes([560, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.split, 1)
        self.reload_meetings()

    # --- state ----------------------------------------------------------------------------------
    def meeting(self) -> MeetingView | None:
        mid = self.meeting_combo.currentData()
        return next((m for m in self.meeting_list if m.id == mid), None)

    def reload_meetings(self, select: int | None = None) -> None:
        run_id = self.runs.run_id()
        self.meeting_list = meetings.list_meetings(self.ctx.db, run_id) if run_id else []
        self.meeting_combo.blockSignals(True)
        self.meeting_combo.clear()
        for m in self.meeting_list:
            status = self.tr("open") if m.is_open else self.tr("closed")
            where = self.ctx.pick(m.where_ja, m.where_en)
            self.meeting_combo.addItem(f"{m.held_on.isoformat()} {where} ({status})", m.id)
        if not self.meeting_list:
            self.meeting_combo.addItem(self.tr("No meeting yet"), None)
        wanted = select or next((m.id for m in self.meeting_list if m.is_open), None)
        index = self.meeting_combo.findData(wanted) if wanted else 0
        self.meeting_combo.setCurrentIndex(max(index, 0))
        self.meeting_combo.blockSignals(False)
        self.reload()

    def reload(self, keep_trainee: int | None = None) -> None:
        run_id = self.runs.run_id()
        current = keep_trainee or (self.dossier_view.dossier.id
                                   if self.dossier_view.dossier else None)
        m = self.meeting()
        self.dossiers = run_dossiers(self.ctx.db, run_id, on=m.held_on if m else None) \
            if run_id else []
        self.actions.update_buttons(m)
        self._status(m)
        self.show_rows(current)

    def _status(self, m: MeetingView | None) -> None:
        counts = {k: sum(1 for d in self.dossiers if d.proposal.status.value == k)
                  for k in ("certify", "not_certified", "cannot_decide")}
        decided = sum(1 for d in self.dossiers if d.decision is not None)
        if m is None:
            head = self.tr("No meeting: open one to record decisions.")
        else:
            members = "、".join(x.name for x in m.members)
            head = (self.tr("Meeting of %1 (%2), members present: %3.")
                    .replace("%1", m.held_on.isoformat())
                    .replace("%2", self.tr("open") if m.is_open else self.tr("closed"))
                    .replace("%3", members))
        self.status.setText(head + " " + self.tr(
            "Proposals: %1 certify, %2 not certified, %3 cannot decide. Decided %4 of %5.")
            .replace("%1", str(counts["certify"])).replace("%2", str(counts["not_certified"]))
            .replace("%3", str(counts["cannot_decide"])).replace("%4", str(decided))
            .replace("%5", str(len(self.dossiers))))

    def show_rows(self, select: int | None = None) -> None:
        key = self.filter.currentData() or "all"
        needle = self.search.text().strip().casefold()
        rows = [d for d in self.dossiers if keep(d, key) and (not needle or needle in (
            f"{d.identity.trainee_number} {d.identity.name} {d.identity.kana} "
            f"{d.identity.organisation}").casefold())]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        row = self.model.row_of_id(select) if select else -1
        if row >= 0:
            self.select_row(row)
        else:
            self.dossier_view.clear_dossier()
            self._update_trainee_buttons()

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.show_selected()

    def select_trainee(self, number: str) -> Dossier | None:
        """Open the dossier of the trainee with this 受講番号 (shown in the list)."""
        for row, d in enumerate(self.model.rows()):
            if d.identity.trainee_number == number:
                self.select_row(row)
                return d
        return None

    def selected(self) -> Dossier | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def show_selected(self) -> None:
        d = self.selected()
        if d is None:
            self.dossier_view.clear_dossier()
        else:
            self.dossier_view.show_dossier(d)
        self._update_trainee_buttons()

    def _update_trainee_buttons(self) -> None:
        d = self.selected()
        m = self.meeting()
        certified = d is not None and d.certificate is not None
        self.decide_button.setEnabled(bool(d and m and m.is_open and not certified))
        self.amend_button.setEnabled(bool(d and d.decision and d.decision.meeting_closed
                                          and not certified))
        self.grounds_button.setEnabled(d is not None)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Results reviewed and check-ins recorded elsewhere since the last visit count now."""
        self.runs.reload()
        self.reload()
        super().showEvent(event)

    # --- decisions ------------------------------------------------------------------------------
    def open_decision(self, amending: bool = False) -> DecisionDialog | None:
        d = self.selected()
        m = self.meeting()
        if d is None or (m is None and not amending):
            return None

        def submit(outcome: str, category: str, reason: str, awaiting: str,
                   amendment: str) -> object:
            if amending and d.decision is not None:
                return decisions.amend(self.ctx.db, self.ctx.actor, d.decision.id, outcome,
                                       category, reason, awaiting, amendment)
            return decisions.decide(self.ctx.db, self.ctx.actor, m.id, d.id, outcome,  # type: ignore[union-attr]
                                    category, reason, awaiting)

        dialog = DecisionDialog(d, submit, self.ctx.language, amending, self)
        dispose_when_closed(dialog)
        dialog.accepted.connect(lambda: self.reload(d.id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_bulk(self) -> BulkAcceptDialog | None:
        m = self.meeting()
        if m is None or not m.is_open:
            return None
        try:
            candidates = decisions.bulk_candidates(self.ctx.db, m.id)
        except Exception as exc:
            show_error(self, exc, self.ctx.language)
            return None
        dialog = BulkAcceptDialog(candidates, lambda ids: decisions.accept_proposals(
            self.ctx.db, self.ctx.actor, m.id, ids), self.ctx.language, self)
        dispose_when_closed(dialog)
        dialog.accepted.connect(lambda: self.reload())
        self.dialog = dialog
        dialog.open()
        return dialog


def _title() -> str:
    return QCoreApplication.translate("DecisionsPage", "Review committee")


PAGE_SPEC = PageSpec(key="committee", title=_title, permission=Permission.VIEW_COMMITTEE,
                     factory=DecisionsPage, order=60, icon="committee.svg")
