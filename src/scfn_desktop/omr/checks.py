"""Cross-checks of a sheet reading: QR against the number grid, exam and layout, blank
forms.  Every inconsistency becomes an :class:`~.reading.Issue` with Japanese and English
text; nothing here touches the image."""

from __future__ import annotations

from .align import Alignment
from .classify import BLANK
from .reading import ERROR, WARNING, Issue, SheetReading
from .sheet_code import SheetCode, SheetCodeError, parse_sheet_code


def _issue(code: str, severity: str, ja: str, en: str) -> Issue:
    return Issue(code, severity, ja, en)


def alignment_issue(a: Alignment) -> Issue:
    """Rows the local alignment could not place: their questions are doubtful, not guessed."""
    return _issue(
        "alignment_unconfirmed",
        WARNING,
        f"用紙の曲がり・ゆがみのため、{a.rows_failed} 行のマーク位置を確認できません"
        f"（最大 {a.max_shift_mm:.1f} mm 補正）。該当する問は要確認です。",
        f"{a.rows_failed} rows could not be located on the sheet (curled or distorted; "
        f"up to {a.max_shift_mm:.1f} mm corrected): their questions need review",
    )


def cross_check(r: SheetReading, expected_exam_id: str | None) -> None:
    """Resolve the trainee number from QR and grid, and record every inconsistency."""
    issues = r.issues
    code: SheetCode | None = None
    if r.qr_text is None:
        issues.append(
            _issue(
                "qr_unreadable",
                WARNING,
                "QR コードを読み取れません。マーク欄の受講番号を使用します。",
                "QR code could not be read; using the trainee number from the bubble grid",
            )
        )
    else:
        try:
            code = parse_sheet_code(r.qr_text)
        except SheetCodeError as exc:
            issues.append(
                _issue(
                    "qr_foreign",
                    ERROR,
                    "QR コードが本システムのものではありません。",
                    f"QR code is not an SCFN sheet code: {exc}",
                )
            )
    r.sheet_code = code
    if code is not None and code.layout_fingerprint != r.layout.fingerprint:
        issues.append(
            _issue(
                "layout_mismatch",
                ERROR,
                "別の試験の解答用紙です（用紙の形式が違います）。マークは採点に使いません。",
                f"form of another exam: printed for layout {code.layout_fingerprint}, this "
                f"exam uses {r.layout.fingerprint}; its marks are not used",
            )
        )
    if code is not None and expected_exam_id is not None and code.exam_id != expected_exam_id:
        issues.append(
            _issue(
                "exam_mismatch",
                ERROR,
                f"別の試験の解答用紙です（試験ID {code.exam_id}）。マークは採点に使いません。",
                f"form of another exam (exam {code.exam_id}, this is exam "
                f"{expected_exam_id}); its marks are not used",
            )
        )

    qr_number = code.trainee_number if code is not None else ""
    grid = r.number_from_grid
    if r.number_doubtful:
        issues.append(
            _issue(
                "number_doubtful",
                WARNING if qr_number else ERROR,
                f"受講番号のマークが不明瞭です（読取: {grid}）。",
                f"trainee number bubbles are unclear (read: {grid})",
            )
        )
    if qr_number and grid and not r.number_doubtful and grid != qr_number:
        issues.append(
            _issue(
                "number_mismatch",
                ERROR,
                f"QR コードの受講番号 {qr_number} とマーク欄の番号 {grid} が一致しません。",
                f"QR trainee number {qr_number} differs from the bubble grid {grid}",
            )
        )
        r.trainee_number = None
    elif qr_number:
        r.trainee_number = qr_number
    elif grid and not r.number_doubtful:
        r.trainee_number = grid

    any_mark = any(q.status != BLANK for q in r.questions)
    if not any_mark and not qr_number and not grid:
        issues.append(
            _issue(
                "blank_form",
                ERROR,
                "白紙の用紙です（解答も受講番号もありません）。",
                "blank form: no answers and no trainee number",
            )
        )
    elif not any_mark:
        issues.append(
            _issue(
                "no_answers",
                WARNING,
                "解答のマークが1つもありません。",
                "no answer is marked on this sheet",
            )
        )
    if r.trainee_number is None and not any(
        i.code in ("number_mismatch", "number_doubtful") for i in issues
    ):
        issues.append(
            _issue(
                "number_missing",
                ERROR,
                "受講番号が読み取れません。",
                "no trainee number on this sheet",
            )
        )
