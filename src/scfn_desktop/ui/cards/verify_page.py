"""The verify page (認定証の真正性確認): a card's QR code read by a keyboard-wedge scanner into
the big scan field (input method off, NFKC, as at the check-in desk), by the webcam, or from an
image or a PDF, answered with one of six states, big and clear, with the card's details.

Signature and dates are checked against the trusted public keys; revocation and reissue
against this PC's register and, on a PC that is not the issuer's, a signed revocation list
file loaded here. Verifying writes nothing; reading a PDF runs off the GUI thread.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QHideEvent, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.credentials import CardVerdict, RevocationList
from scfn_desktop.credentials.card_verdict import JAPAN
from scfn_desktop.services.certificates import verification
from scfn_desktop.services.certificates.verification import FoundVerdict
from scfn_desktop.services.permissions import Permission
from scfn_desktop.services.progress import Progress, ProgressGen
from scfn_desktop.ui.cards.verdict_view import VerdictView
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.widgets.camera import CameraScanner
from scfn_desktop.ui.widgets.page_header import page_header
from scfn_desktop.ui.widgets.scan_field import ScanField
from scfn_desktop.ui.workers import ProgressTask, run_with_progress

IMAGE_FILTER = "*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.pdf"


class VerifyPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today: date | None = None  # None: today in Japan (tests set a day)
        self.revocations: RevocationList | None = None
        self.found: list[FoundVerdict] = []
        self.task: ProgressTask | None = None
        self.open_button = QPushButton(self.tr("Open an image or PDF…"))
        self.open_button.setObjectName("verifyOpen")
        self.open_button.clicked.connect(lambda: self.open_file())
        self.list_button = QPushButton(self.tr("Load a revocation list…"))
        self.list_button.setObjectName("verifyLoadList")
        self.list_button.clicked.connect(lambda: self.load_revocations())
        self.camera = CameraScanner(self)
        self.camera_button = QPushButton(self.tr("Camera"))
        self.camera_button.setObjectName("verifyCamera")
        self.camera_button.setCheckable(True)
        self.camera_button.toggled.connect(self._toggle_camera)
        if not CameraScanner.available():
            self.camera_button.setEnabled(False)
            self.camera_button.setToolTip(self.tr("No camera was found on this PC."))
        self.camera.codeDecoded.connect(self.verify_code)
        self.camera.preview.connect(self._show_preview)
        self.scan_field = ScanField()
        self.scan_field.setObjectName("verifyScanField")
        self.scan_field.setPlaceholderText(self.tr("Scan the card's QR code, or type the code "
                                                   "printed under it, then Enter"))
        self.scan_field.codeEntered.connect(self.verify_code)
        self.name_field = QLineEdit()
        self.name_field.setObjectName("verifyName")
        self.name_field.setPlaceholderText(self.tr("Holder's name in romaji, to compare "
                                                   "(optional)"))
        self.name_field.setMinimumWidth(300)
        self.name_field.setMaximumWidth(380)
        self.list_label = QLabel()
        self.list_label.setObjectName("verifyListLabel")
        self.list_label.setWordWrap(True)
        self.view = VerdictView(ctx.pick)
        self.codes = QListWidget()
        self.codes.setObjectName("verifyCodes")
        self.codes.setMaximumWidth(300)
        self.codes.currentRowChanged.connect(self._show_found)
        self.codes.hide()
        self.preview = QLabel()
        self.preview.setObjectName("verifyPreview")
        self.preview.setFixedSize(240, 135)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #263238; color: #eceff1;")
        self.preview.hide()
        self._build()
        self._show_list_state()

    def _build(self) -> None:
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_field)
        name_row.addWidget(self.list_label, 1)
        side = QVBoxLayout()
        side.addWidget(self.preview)
        side.addWidget(self.codes, 1)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(page_header(self.tr("Verify a certificate card"), self.open_button,
                                     self.camera_button, self.list_button))
        layout.addWidget(self.scan_field)
        layout.addLayout(name_row)
        layout.addLayout(body, 1)

    # verifying -----------------------------------------------------------------------------

    def verify_code(self, text: str) -> CardVerdict | None:
        """Judge a scanned or typed code and show the answer."""
        self.codes.hide()
        try:
            verdict = verification.verify_text(
                self.ctx.db, text, revocations=self.revocations, today=self.today,
                holder_name=self.name_field.text().strip() or None)
        except Exception as exc:  # a database that cannot be read: say so, keep scanning
            show_error(self, exc, self.ctx.language)
            return None
        self.view.show_verdict(verdict)
        self.scan_field.setFocus()
        return verdict

    def open_file(self, path: Path | None = None) -> ProgressTask | None:
        """Read every QR code in an image or a PDF (off the GUI thread) and judge each."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open an image or PDF"), "",
                self.tr("Images and PDF (%1)").replace("%1", IMAGE_FILTER))
            if not chosen:
                return None
            path = Path(chosen)
        db, listing, day = self.ctx.db, self.revocations, self.today

        def work() -> ProgressGen[list[FoundVerdict]]:
            yield Progress(0, 0, f"{path.name} を読み取っています…", f"Reading {path.name}…")
            return verification.verify_file(db, path, revocations=listing, today=day)

        self.open_button.setEnabled(False)
        self.task = run_with_progress(
            self, self.tr("Reading %1").replace("%1", path.name), work,
            on_done=lambda found: self._files_read(path, found),
            on_error=lambda exc: show_error(self, exc, self.ctx.language),
            pick=self.ctx.pick)
        self.task.finished.connect(lambda: self.open_button.setEnabled(True))
        return self.task

    def _files_read(self, path: Path, found: list[FoundVerdict]) -> None:
        self.found = list(found)
        self.codes.clear()
        if not self.found:
            self.codes.hide()
            self.view.show_message(self.tr("No QR code found"), self.tr(
                "No QR code could be read in %1. Use a sharper photo or scan (300 dpi), or "
                "type the code printed under the QR code.").replace("%1", path.name))
            return
        for item in self.found:
            v = item.verdict
            number = str(v.claims.number) if v.claims else "?"
            self.codes.addItem(f"p.{item.page}  {number}  {self.ctx.pick(v.label_ja, v.label_en)}")
        self.codes.setVisible(len(self.found) > 1)
        self.codes.setCurrentRow(0)
        self._show_found(0)

    def _show_found(self, row: int) -> None:
        if 0 <= row < len(self.found):
            self.view.show_verdict(self.found[row].verdict)

    # the revocation list -------------------------------------------------------------------

    def load_revocations(self, path: Path | None = None) -> bool:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Load a revocation list"), "",
                                                    self.tr("Revocation list (*.json)"))
            if not chosen:
                return False
            path = Path(chosen)
        try:
            self.revocations = verification.load_revocation_file(self.ctx.db, path)
        except Exception as exc:  # a list that fails is refused as a whole
            show_error(self, exc, self.ctx.language)
            return False
        self._show_list_state()
        return True

    def _show_list_state(self) -> None:
        if self.revocations is None:
            self.list_label.setText(self.tr("Revocation and reissue: checked in this PC's "
                                            "register. Load the issuer's revocation list for "
                                            "cards of another PC."))
            return
        issued = self.revocations.issued_at.astimezone(JAPAN).strftime("%Y-%m-%d %H:%M")
        self.list_label.setText(self.tr("Revocation list of %1 (JST) loaded: %2 entries.")
                                .replace("%1", issued)
                                .replace("%2", str(len(self.revocations.entries))))

    # camera --------------------------------------------------------------------------------

    def _toggle_camera(self, on: bool) -> None:
        if on and self.camera.start():
            self.preview.setText(self.tr("Camera on: hold the card's QR code up to it"))
            self.preview.show()
            return
        self.camera.stop()
        self.preview.hide()
        if on:  # no camera after all
            self.camera_button.setChecked(False)

    def _show_preview(self, image: QImage) -> None:
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.scan_field.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        self.camera_button.setChecked(False)
        super().hideEvent(event)


def _title() -> str:
    return QCoreApplication.translate("VerifyPage", "Verify a card")


PAGE_SPEC = PageSpec(key="verify", title=_title, permission=Permission.VERIFY_CARDS,
                     factory=VerifyPage, order=67, icon="verify.svg")
