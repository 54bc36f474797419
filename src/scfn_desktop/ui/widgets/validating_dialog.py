"""A dialog whose OK hands what was typed to a service: a refusal (a missing reason, a key with a
wrong choice, a run whose second day comes first) is listed inside the dialog, which stays open
with everything as typed; an accepted call keeps its result and closes the dialog.

Shared by the dialogs of several rooms (exam setup, key and 没問, pass criterion, new training
run): the rules stay the service's, and a closed dialog never loses the question or the reason
someone typed (the 没問 dialog once closed on an empty reason).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from scfn_desktop.ui.messages import problem_text
from scfn_desktop.ui.widgets.account_form import error_label


class ValidatingDialog(QDialog):
    """Subclasses build their fields, add `self.error` and `self.ok_cancel()` to their layout,
    and implement `submit()` (the service call, which returns the result or raises)."""

    def __init__(self, language: str, parent: QWidget | None = None,
                 error_name: str = "error") -> None:
        super().__init__(parent)
        self.language = language
        self.result_value: object = None
        self.error = error_label()
        self.error.setObjectName(error_name)

    def ok_cancel(self, ok_text: str = "") -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok_text:
            self.ok_button.setText(ok_text)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def submit(self) -> object:
        raise NotImplementedError

    def try_accept(self) -> None:
        try:
            self.result_value = self.submit()
        except Exception as exc:  # the service's refusal, shown where the input is
            self.error.setText(problem_text(exc, self.language))
            self.error.show()
            return
        self.accept()
