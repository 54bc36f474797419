"""The check-in desk (受付): one big scan field that keeps the focus, the webcam, a verdict big
enough to read from two metres with its own sound, the search for trainees without a badge,
and the events of the day. Every database call runs on the desk's workers (desk_runner) with
the 2-second promise; a scan that cannot be stored is shown as "NOT recorded".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QHideEvent, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from scfn_desktop.config import Settings
from scfn_desktop.db.base import utcnow
from scfn_desktop.services.attendance.board import STATUS_SHORT, DayBoard
from scfn_desktop.services.attendance.desk import (
    DatabaseUnavailable,
    Desk,
    DeskStatus,
    DeskVerdict,
    NotRecorded,
    check_in,
    scan,
)
from scfn_desktop.services.attendance.schedule import to_utc
from scfn_desktop.services.demo.attendance import is_demo_run, sample_codes
from scfn_desktop.services.errors import DatabaseBusy
from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.checkin import desk_actions
from scfn_desktop.ui.checkin.desk_controls import DeskControls
from scfn_desktop.ui.checkin.desk_events import DeskEvents
from scfn_desktop.ui.checkin.desk_runner import DeskRunner
from scfn_desktop.ui.checkin.practice import PracticeBar
from scfn_desktop.ui.checkin.sounds import VerdictSounds
from scfn_desktop.ui.checkin.trainee_panel import TraineePanel
from scfn_desktop.ui.checkin.verdict_panel import VerdictPanel
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.widgets.camera import CameraScanner
from scfn_desktop.ui.widgets.scan_field import ScanField

REFRESH_MS = 3000
LOAD_DEADLINE_S = 15.0
SOUND_OF = {DeskStatus.ON_TIME: "on_time", DeskStatus.OVERRIDDEN: "on_time",
            DeskStatus.LATE: "late", DeskStatus.REFUSED: "refused",
            DeskStatus.ALREADY: "already", DeskStatus.INVALID: "invalid",
            DeskStatus.RECORDED: "on_time"}


class DeskPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = Settings.load()
        prefs = dict(self.settings.extra.get("checkin", {}) or {})
        self.desk: Desk | None = None
        self.board: DayBoard | None = None
        self.clock: Callable[[], datetime] = utcnow  # naive UTC; tests and the demo set it
        self._purpose: dict[int, str] = {}
        self._expired: set[int] = set()
        self._stale = False
        self.runner = DeskRunner(ctx.db, self)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.expired.connect(self._expired_request)
        self.runner.onlineChanged.connect(self._online_changed)
        self.sounds = VerdictSounds(bool(prefs.get("muted", False)), self)
        self.camera = CameraScanner(self)
        self.controls = DeskControls(ctx, str(prefs.get("station", "") or self.tr("Desk 1")),
                                     self.sounds.muted, self)
        run_id = self.controls.run_id()
        if run_id is not None and is_demo_run(ctx.db, run_id) \
                and not self.controls.today_is_a_venue_day():
            self.controls.select_day(2)  # the demo's day 1 is recorded; day 2 is for trying
        self.controls.deskChanged.connect(self.reload)
        self.controls.mutedChanged.connect(self._set_muted)
        self.controls.stationChanged.connect(self._set_station)
        self.controls.cameraToggled.connect(self._toggle_camera)
        self.scan_field = ScanField()
        self.scan_field.setPlaceholderText(self.tr("Scan a badge (barcode scanner or camera)"))
        self.scan_field.codeEntered.connect(self.handle_code)
        self.verdict = VerdictPanel(ctx.pick)
        self.preview = QLabel(self.tr("Camera off"))
        self.preview.setObjectName("cameraPreview")
        self.preview.setFixedSize(240, 135)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("background: #263238; color: #eceff1;")
        self.camera.codeDecoded.connect(lambda code: self.handle_code(code, "camera"))
        self.camera.preview.connect(self._show_preview)
        self.camera.status.connect(self._camera_status)
        self.trainees = TraineePanel(ctx.pick)
        self.trainees.tokenTyped.connect(self.handle_code)
        self.events = DeskEvents(self)
        self.trainees.action.connect(self.events.act)
        self.verdict.override_button.clicked.connect(self.events.override_shown)
        self.verdict.undo_button.clicked.connect(self.events.undo_shown)
        self.counts = QLabel()
        self.counts.setObjectName("deskCounts")
        self.counts.setWordWrap(True)
        self.counts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.practice: PracticeBar | None = None
        self.practice_slot = QVBoxLayout()
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh_statuses)
        self._build_layout()
        self.reload()

    def _build_layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.scan_field)
        left.addWidget(self.verdict, 1)
        camera_row = QHBoxLayout()
        camera_row.addWidget(self.preview)
        camera_row.addWidget(self.counts, 1)
        left.addLayout(camera_row)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addWidget(self.trainees, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
        layout.addLayout(self.practice_slot)
        layout.addLayout(body, 1)

    # desk --------------------------------------------------------------------------------

    def reload(self) -> None:
        """(Re)open the desk for the chosen run and day, off the GUI thread."""
        run_id, day = self.controls.run_id(), self.controls.day_number()
        self.desk = None
        self.verdict.show_busy()
        if run_id is None or day is None:
            self.verdict._set("idle", self.tr("No training run with venue days yet"))
            return
        self._set_practice(run_id)
        db, station = self.ctx.db, self.controls.station()
        self._submit("desk", lambda _d: desk_actions.load_desk(db, run_id, day, station),
                     LOAD_DEADLINE_S)

    def _set_practice(self, run_id: int) -> None:
        if self.practice is not None:
            self.practice.setParent(None)
            self.practice = None
        if not is_demo_run(self.ctx.db, run_id):
            return
        day = self.controls.day_start()
        self.practice = PracticeBar(sample_codes(self.ctx.db, run_id), self.ctx.pick, day, self)
        self.practice.codeChosen.connect(lambda code: self.handle_code(code, "scanner"))
        self.practice_slot.addWidget(self.practice)

    def arrival(self) -> datetime:
        """Now (naive UTC), or the practice clock's time on the desk's day (demo)."""
        practice = self.practice.arrival() if self.practice is not None else None
        if practice is not None and self.desk is not None:
            return to_utc(datetime.combine(self.desk.day.day, practice))
        return self.clock()

    def refresh_statuses(self) -> None:
        """Reload statuses off the GUI thread; asked again while one is loading, it runs once
        more afterwards, so a verdict's change is never hidden by an older load."""
        if self.desk is None:
            return
        if "board" in self._purpose.values():
            self._stale = True
            return
        self._stale = False
        db, desk = self.ctx.db, self.desk
        self._submit("board", lambda _d: desk_actions.refresh_desk(db, desk), 10.0)

    # scanning ----------------------------------------------------------------------------

    def handle_code(self, code: str, method: str = "scanner") -> None:
        """A code from the scan field, the camera, the search box or a sample: check it in."""
        self.scan_field.setFocus()
        db, actor, desk, at = self.ctx.db, self.ctx.actor, self.desk, self.arrival()
        self.record(lambda d: scan(db, actor, desk, code, at=at, method=method, deadline=d))

    def check_in_trainee(self, trainee_id: int) -> None:
        db, actor, desk, at = self.ctx.db, self.ctx.actor, self.desk, self.arrival()
        self.record(lambda d: check_in(db, actor, desk, trainee_id, at=at, method="search",
                                       deadline=d))

    def record(self, fn) -> None:  # type: ignore[no-untyped-def]
        """Submit an action that stores something and shows its verdict, unless the desk
        already knows that nothing can be stored."""
        if self.desk is None:
            return
        if not self.runner.online:
            self.show_not_recorded(self.tr("The database cannot be reached."))
            return
        self.verdict.show_busy()
        self._submit("verdict", fn)

    def _submit(self, purpose: str, fn, deadline_s: float = 2.0) -> int:  # type: ignore[no-untyped-def]
        request = self.runner.submit(fn, deadline_s)
        self._purpose[request] = purpose
        return request

    def show_verdict(self, v: DeskVerdict, late: bool = False) -> None:
        self.verdict.show_verdict(v)
        if late:
            self.verdict.reason.setText(self.tr("(This earlier scan was recorded after all.) ")
                                        + self.verdict.reason.text())
            self.verdict.reason.setVisible(True)
        can_override = (v.status is DeskStatus.REFUSED and v.trainee is not None
                        and not (v.day and v.day.excluded))
        undoable = v.event_id is not None and v.status in (
            DeskStatus.ON_TIME, DeskStatus.LATE, DeskStatus.REFUSED, DeskStatus.OVERRIDDEN,
            DeskStatus.RECORDED)
        self.verdict.set_actions(override=can_override, undo=undoable)
        self.sounds.play(SOUND_OF.get(v.status, "invalid"))
        if v.trainee is not None:
            self.trainees.select(v.trainee.id)
        else:
            self.trainees.table.clearSelection()
        self.refresh_statuses()

    def show_not_recorded(self, detail: str = "") -> None:
        self.verdict.show_offline(detail)
        self.sounds.play("offline")

    # results -----------------------------------------------------------------------------

    def _finished(self, request: int, result: object) -> None:
        purpose = self._purpose.pop(request, "")
        late = request in self._expired
        self._expired.discard(request)
        if purpose == "desk":
            self.desk, board = result  # type: ignore[misc]
            self.trainees.search_fn = self.desk.search
            self._apply_board(board)
            self.verdict.show_idle()
        elif purpose == "board":
            self._apply_board(result)  # type: ignore[arg-type]
            if self._stale:
                self.refresh_statuses()
        elif purpose == "verdict":
            self.show_verdict(result, late)  # type: ignore[arg-type]
        elif purpose == "history":
            self.events.history_loaded(result)  # type: ignore[arg-type]

    def _failed(self, request: int, exc: object) -> None:
        purpose = self._purpose.pop(request, "")
        if purpose == "board":
            return
        if isinstance(exc, DatabaseUnavailable | NotRecorded | DatabaseBusy):
            self.show_not_recorded(exc.message(self.ctx.language))
            return
        if purpose == "verdict":
            self.verdict.show_idle()
        show_error(self, exc if isinstance(exc, BaseException) else RuntimeError(str(exc)),
                   self.ctx.language)

    def _expired_request(self, request: int) -> None:
        purpose = self._purpose.get(request, "")
        if purpose in ("verdict", "event"):
            self._expired.add(request)
            self.show_not_recorded(self.tr("The database did not answer within 2 seconds."))
        elif purpose == "desk":
            self.verdict.show_offline(self.tr("The desk could not load the roster."))

    def _apply_board(self, board: DayBoard) -> None:
        self.board = board
        self.trainees.statuses = {r.trainee_id: r.verdict for r in board.rows}
        self.trainees.refresh()
        counts = board.counts
        parts = [f"{self.ctx.pick(*STATUS_SHORT[s])} {n}" for s, n in counts.items() if n]
        self.counts.setText(self.tr("Checked in %1 of %2").replace("%1", str(board.checked_in))
                            .replace("%2", str(len(board.rows))) + "\n" + " · ".join(parts))

    # controls ----------------------------------------------------------------------------

    def _online_changed(self, online: bool, detail: str) -> None:
        self.controls.show_online(online, detail)
        if not online:
            self.show_not_recorded(detail)
        elif self.verdict.state == "offline":
            self.verdict.show_idle()
            self.refresh_statuses()

    def _save_prefs(self, **changes: object) -> None:
        prefs = dict(self.settings.extra.get("checkin", {}) or {})
        prefs.update(changes)
        self.settings.extra["checkin"] = prefs
        self.settings.save()

    def _set_muted(self, muted: bool) -> None:
        self.sounds.muted = muted
        self._save_prefs(muted=muted)

    def _set_station(self, station: str) -> None:
        if self.desk is not None:
            self.desk.station = station
        self._save_prefs(station=station)
        self.scan_field.setFocus()

    def _toggle_camera(self, on: bool) -> None:
        if on:
            self.camera.start()
        else:
            self.camera.stop()
        self.scan_field.setFocus()

    def _camera_status(self, state: str) -> None:
        texts = {"none": self.tr("No camera found: use the barcode scanner or the search."),
                 "off": self.tr("Camera off"), "on": self.tr("Starting the camera…"),
                 "error": self.tr("Camera error: %1").replace("%1", self.camera.error)}
        self.preview.setPixmap(QPixmap())
        self.preview.setText(texts.get(state, state))
        self.controls.camera_button.setChecked(state == "on")

    def _show_preview(self, image: QImage) -> None:
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.runner.start()
        self._timer.start()
        self.scan_field.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self._timer.stop()
        self.camera.stop()
        self.runner.stop()
        super().hideEvent(event)


def _title() -> str:
    return QCoreApplication.translate("DeskPage", "Check-in")


PAGE_SPEC = PageSpec(key="checkin", title=_title, permission=Permission.CHECK_IN,
                     factory=DeskPage, order=20, icon="checkin.svg")
