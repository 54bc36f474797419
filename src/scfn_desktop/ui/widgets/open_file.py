"""Open a file the application made (a PDF) with the PC's own program, and say so when there is
none: then the file's folder is opened instead, and the message names the file, so the person
can copy it elsewhere or install a viewer. (QDesktopServices.openUrl only returns False; a
button that silently did nothing was what a new user met.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from scfn_desktop.ui.messages import show_info

Opener = Callable[[QUrl], bool]


def open_or_show_folder(parent: QWidget | None, path: Path,
                        opener: Opener | None = None) -> QMessageBox | None:
    """Open `path` (with `opener`, by default the desktop's); None when that worked, else the
    message box shown (the folder is opened if it can be)."""
    opener = opener or QDesktopServices.openUrl
    if opener(QUrl.fromLocalFile(str(path))):
        return None
    folder_opened = opener(QUrl.fromLocalFile(str(path.parent)))
    text = QCoreApplication.translate(
        "OpenFile", "No program to open this file is installed on this PC (for a PDF, install "
        "a PDF viewer).\n\nThe file is:\n%1").replace("%1", str(path))
    if folder_opened:
        text += "\n\n" + QCoreApplication.translate("OpenFile", "Its folder has been opened.")
    box = show_info(parent, QCoreApplication.translate("OpenFile", "Cannot open the file"), text)
    box.setObjectName("noViewerBox")
    label = box.findChild(QLabel, "qt_msgbox_label")
    if label is not None:  # the path can be selected and copied
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box
