"""The big verdict: a colour block readable from two metres, the trainee's name, and the facts
behind it. It stays until the next scan.

green = on time (or admitted by an override), amber = late with the minutes, red = refused with
start, arrival, minutes and the rule, orange = already checked in (when, which desk, who),
dark red = a badge that is not accepted (which problem), grey = nothing could be recorded.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from scfn_desktop.rules.attendance_day import DayStatus
from scfn_desktop.rules.dates import format_time
from scfn_desktop.services.attendance.desk import DeskStatus, DeskVerdict, Problem
from scfn_desktop.ui.widgets.verdict_block import big_label, paint

# state -> (background, text colour)
COLOURS = {
    "idle": ("#eceff1", "#263238"), "busy": ("#eceff1", "#263238"),
    "on_time": ("#1b7f3b", "#ffffff"), "overridden": ("#00796b", "#ffffff"),
    "late": ("#f2b200", "#1a1a1a"), "refused": ("#c62828", "#ffffff"),
    "already": ("#ef6c00", "#ffffff"), "invalid": ("#8e1b1b", "#ffffff"),
    "recorded": ("#1565c0", "#ffffff"), "offline": ("#37474f", "#ffffff"),
}


def problem_title(problem: str) -> str:
    titles = {
        Problem.MALFORMED: QCoreApplication.translate("VerdictPanel", "Unreadable code"),
        Problem.BAD_SIGNATURE: QCoreApplication.translate("VerdictPanel", "Forged or altered badge"),
        Problem.UNKNOWN_KEY: QCoreApplication.translate("VerdictPanel", "Forged badge (unknown signer)"),
        Problem.WRONG_KIND: QCoreApplication.translate("VerdictPanel", "Not a check-in badge"),
        Problem.UNSUPPORTED_VERSION: QCoreApplication.translate("VerdictPanel", "Unsupported code"),
        Problem.OTHER_RUN: QCoreApplication.translate("VerdictPanel", "Badge of another training run"),
        Problem.SUPERSEDED: QCoreApplication.translate("VerdictPanel", "Superseded badge (reissued)"),
        Problem.NOT_ISSUED: QCoreApplication.translate("VerdictPanel", "Badge not issued"),
        Problem.UNKNOWN_TRAINEE: QCoreApplication.translate("VerdictPanel", "Not on the roster"),
        Problem.WRONG_DAY: QCoreApplication.translate("VerdictPanel", "Wrong day for this desk"),
    }
    return titles.get(problem, QCoreApplication.translate("VerdictPanel", "Badge not accepted"))  # type: ignore[call-overload]


def headline(v: DeskVerdict) -> tuple[str, str]:
    """(state, headline) for a verdict."""
    minutes = str(v.arrival.minutes_late) if v.arrival else "0"
    if v.status is DeskStatus.ON_TIME:
        return "on_time", QCoreApplication.translate("VerdictPanel", "On time")
    if v.status is DeskStatus.LATE:
        return "late", QCoreApplication.translate("VerdictPanel", "Late: %1 min").replace("%1", minutes)
    if v.status is DeskStatus.OVERRIDDEN:
        return "overridden", QCoreApplication.translate("VerdictPanel", "Admitted (unavoidable cause)")
    if v.status is DeskStatus.REFUSED:
        if v.day is not None and v.day.status is DayStatus.EXCLUDED:
            return "refused", QCoreApplication.translate("VerdictPanel", "Refused: excluded by the secretariat")
        return "refused", QCoreApplication.translate("VerdictPanel", "Refused: %1 min late").replace("%1", minutes)
    if v.status is DeskStatus.ALREADY:
        return "already", QCoreApplication.translate("VerdictPanel", "Already checked in")
    if v.status is DeskStatus.INVALID:
        return "invalid", problem_title(v.problem)
    return "recorded", QCoreApplication.translate("VerdictPanel", "Recorded")


def facts(v: DeskVerdict) -> str:
    """The numbers staff read out: start, arrival, minutes, rule; or the first check-in."""
    if v.status is DeskStatus.ALREADY and v.first is not None:
        text = QCoreApplication.translate("VerdictPanel", "Checked in at %1, %2, by %3").replace("%1", format_time(v.first.at)) \
            .replace("%2", v.first.station).replace("%3", v.first.actor)
        return text + (QCoreApplication.translate("VerdictPanel", " (typed from the paper sheet)") if v.first.backfilled else "")
    a = v.arrival
    if a is None or v.status not in (DeskStatus.ON_TIME, DeskStatus.LATE, DeskStatus.REFUSED,
                                     DeskStatus.OVERRIDDEN):
        return ""
    line = (QCoreApplication.translate("VerdictPanel", "Start %1 · arrived %2 · %3 min late").replace("%1", format_time(a.start))
            .replace("%2", format_time(a.arrival)).replace("%3", str(a.minutes_late)))
    if v.status is DeskStatus.REFUSED:
        line += "\n" + QCoreApplication.translate("VerdictPanel", "Rule: arriving %1 minutes or more after the start is refused, "
                          "unless an override records an unavoidable cause.").replace(
            "%1", str(a.threshold_minutes))
    return line


class VerdictPanel(QFrame):
    def __init__(self, pick, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.setAutoFillBackground(True)
        self.pick = pick  # (ja, en) -> the UI language's text
        self.state = "idle"
        self.verdict: DeskVerdict | None = None
        self.title = big_label("verdictTitle", 3.0, bold=True)
        self.name = big_label("verdictName", 2.1, bold=True)
        self.facts = big_label("verdictFacts", 1.3)
        self.reason = big_label("verdictReason", 1.05)
        self.override_button = QPushButton(self.tr("Override (unavoidable cause)…"))
        self.override_button.setObjectName("overrideButton")
        self.undo_button = QPushButton(self.tr("Undo this check-in…"))
        self.undo_button.setObjectName("undoButton")
        for button in (self.override_button, self.undo_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet("padding: 6px 14px;")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.override_button)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        for w in (self.title, self.name, self.facts, self.reason):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.show_idle()

    def _paint(self, state: str) -> None:
        self.state = state
        paint(self, *COLOURS[state])

    def _set(self, state: str, title: str, name: str = "", facts_text: str = "",
             reason: str = "") -> None:
        self._paint(state)
        self.title.setText(title)
        for label, text in ((self.name, name), (self.facts, facts_text), (self.reason, reason)):
            label.setText(text)
            label.setVisible(bool(text))

    def show_idle(self) -> None:
        self.verdict = None
        self._set("idle", self.tr("Scan a badge"),
                  facts_text=self.tr("Barcode scanner, camera, or search by name on the right."))
        self.set_actions(override=False, undo=False)

    def show_busy(self) -> None:
        self._set("busy", self.tr("Checking…"))
        self.set_actions(override=False, undo=False)

    def show_offline(self, detail: str = "") -> None:
        self.verdict = None
        self._set("offline", self.tr("NOT recorded: database unreachable"),
                  facts_text=self.tr("Write the trainee on the paper sign-in sheet; type it in "
                                     "with \"From paper\" when the database is back."),
                  reason=detail)
        self.set_actions(override=False, undo=False)

    def show_verdict(self, v: DeskVerdict) -> None:
        self.verdict = v
        state, title = headline(v)
        name = f"{v.trainee.name}（{v.trainee.number}）" if v.trainee else ""
        self._set(state, title, name, facts(v), self.pick(v.reason_ja, v.reason_en))

    def set_actions(self, *, override: bool, undo: bool) -> None:
        self.override_button.setVisible(override)
        self.undo_button.setVisible(undo)
