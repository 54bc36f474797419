"""One confirmation for accepting the proposals of the clear cases: it lists exactly who would
be decided and how. What is recorded is this list; if the clear cases changed meanwhile, the
service refuses and names the differences (shown here), and nothing is recorded."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTableWidgetItem, QVBoxLayout

from scfn_desktop.services.committee.decisions import BulkCandidate
from scfn_desktop.services.committee.views import category_label, outcome_label
from scfn_desktop.ui.committee.common import ServiceDialog
from scfn_desktop.ui.widgets.read_only_table import read_only_table


class BulkAcceptDialog(ServiceDialog):
    """`submit(trainee_ids)` records the listed decisions or raises the refusal."""

    def __init__(self, candidates: Sequence[BulkCandidate],
                 submit: Callable[[list[int]], object], language: str, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(language, parent, "bulkError")
        self.setObjectName("bulkDialog")
        self.setWindowTitle(self.tr("Accept the proposals of the clear cases"))
        self.candidates = list(candidates)
        self.submit = submit
        certify = sum(1 for c in self.candidates if c.outcome == "certify")
        intro = QLabel(self.tr("These %1 trainees will be decided as proposed (%2 certified, "
                               "%3 not certified). Trainees whose proposal cannot decide, and "
                               "trainees already decided, are not in the list.")
                       .replace("%1", str(len(self.candidates))).replace("%2", str(certify))
                       .replace("%3", str(len(self.candidates) - certify)))
        intro.setObjectName("bulkIntro")
        intro.setWordWrap(True)
        self.table = read_only_table("bulkTable", [
            self.tr("Trainee number"), self.tr("Name"), self.tr("Decision"), self.tr("Reason")])
        for c in self.candidates:
            row = self.table.rowCount()
            self.table.insertRow(row)
            reason = category_label(c.category, language)
            for col, v in enumerate((c.trainee_number, c.name, outcome_label(c.outcome, language),
                                     reason)):
                self.table.setItem(row, col, QTableWidgetItem(v))
        self.table.resizeColumnsToContents()
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = box.addButton(
            self.tr("Record these %1 decisions").replace("%1", str(len(self.candidates))),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("bulkOk")
        self.ok_button.setEnabled(bool(self.candidates))
        box.accepted.connect(self.try_accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self.resize(720, 480)

    def call(self) -> object:
        return self.submit([c.trainee_id for c in self.candidates])

    def refused(self) -> None:
        """The list changed meanwhile: this confirmation can no longer be recorded."""
        self.ok_button.setEnabled(False)
