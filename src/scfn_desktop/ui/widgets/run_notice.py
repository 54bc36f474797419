"""The notice a dialog shows when what it does needs an open training run and there is none:
it says so, says who creates runs, and (when the person may see it) offers a button to the
養成研修 page. Shared by the roster import and the exam setup, which live in different rooms:
the button asks the main window for the page by key (`AppContext.show_page`), so neither room
imports the other."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.resources import icon

RUNS_PAGE = "runs"  # the key the 養成研修 page registers under (ui/runs/runs_page.py)
NOTICE_STYLE = ("QFrame#noRunNotice { background: #fff4d6; border: 1px solid #e0b84c;"
                " border-radius: 4px; }")


class NoRunNotice(QFrame):
    """`opened` fires after the 養成研修 page was shown (the host dialog then closes)."""

    opened = Signal()

    def __init__(self, ctx: AppContext, reason: str, parent: QWidget | None = None) -> None:
        """`reason`: the host's own sentence, e.g. "An exam belongs to a training run, and no
        run is open."""
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("noRunNotice")
        self.setStyleSheet(NOTICE_STYLE)
        if ctx.actor.can(Permission.MANAGE_RUNS):
            who = self.tr("Create one on the Training runs page first.")
        else:
            who = self.tr("An administrator creates it on the Training runs page.")
        self.label = QLabel(f"{reason} {who}" if ctx.language == "en" else reason + who)
        self.label.setObjectName("noRunText")
        self.label.setWordWrap(True)
        self.button = QPushButton(icon("runs.svg"), self.tr("Open the Training runs page"))
        self.button.setObjectName("openRunsPageButton")
        self.button.setVisible(ctx.has_page(RUNS_PAGE))
        self.button.clicked.connect(self.open_runs_page)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)

    def open_runs_page(self) -> bool:
        shown = self.ctx.show_page(RUNS_PAGE)
        if shown:
            self.opened.emit()
        return shown
