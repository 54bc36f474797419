"""Files the committee takes away: the results (xlsx with the item analysis, or csv) and the
annotated answer forms (one PDF, or a folder of PNGs).

The format is the file name's: a name whose extension is not one of the formats is refused
with a message naming it, never written in another format under that name (a results export
once wrote CSV text into a file called overlay.pdf and said it had succeeded). Both write to
`<name>.part` and rename at the end, so a failed or cancelled export leaves no half file, and
the forms are written one page at a time on the worker, with progress and cancel.
"""

from __future__ import annotations

from pathlib import Path

import cv2

from scfn_desktop.db import Database
from scfn_desktop.printing.image_pages import ImagePdf
from scfn_desktop.services import audit, audit_checkpoint, exports
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.exams.item_analysis import TestStats, item_analysis
from scfn_desktop.services.exams.results import exam_results, overlay_image, sheet_states
from scfn_desktop.services.exams.setup import get_exam
from scfn_desktop.services.files import replace_part
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen

RESULT_HEADERS = ("受講番号", "氏名", "得点", "満点", "判定", "理由", "status", "reason")
RESULT_FORMATS = (".xlsx", ".csv")
JPEG_QUALITY = 85


def _refuse_suffix(path: Path, allowed: tuple[str, ...]) -> None:
    if path.suffix.lower() not in allowed:
        shown = path.suffix or "（なし）"
        names = " / ".join(allowed)
        raise ValidationFailed(
            f"「{path.name}」の拡張子 {shown} では書き出せません。{names} のいずれかにしてください。",
            f"Cannot export to '{path.name}': the extension {path.suffix or '(none)'} is not "
            f"one of {names}.")


def export_results(db: Database, actor: Actor, exam_id: int, path: str | Path) -> Path:
    """Results per trainee as .xlsx (with the sheet 設問分析: the item analysis) or .csv
    (UTF-8 with BOM for Excel; the results only), through the shared export writer (formula
    cells neutralised), with the audit log's signed checkpoint: its own sheet, or rows after a
    blank one in CSV. Any other extension is refused."""
    require(actor, Permission.VIEW_RESULTS)
    path = Path(path)
    _refuse_suffix(path, RESULT_FORMATS)
    results = exam_results(db, exam_id)
    rows = [(r.trainee_number, r.name, r.score, r.max_points, r.status_ja, r.reason_ja,
             r.status, r.reason_en) for r in results.trainees]
    # The signed head of the audit log goes onto the paper the committee keeps: a later
    # rewrite of the log cannot match it (services.audit_checkpoint).
    checkpoint = [list(line) for line in audit_checkpoint.current(db).paper_lines()]
    if path.suffix.lower() == ".xlsx":
        stats = item_analysis(db, exam_id)
        data = exports.xlsx_bytes([
            exports.Table("結果", RESULT_HEADERS, rows, text_columns=frozenset({0})),
            _item_sheet(stats, get_exam(db, exam_id).choice_labels),
            exports.Table("監査チェックポイント", ("項目", "値"), checkpoint[1:], widths=(34, 90))])
    else:
        data = exports.csv_bytes(exports.Table(
            "結果", RESULT_HEADERS, [*rows, [], *checkpoint])).data
    exports.write_file(path, data)
    with db.transaction() as s:
        audit.record(s, actor, "exam.export_results", "exam", exam_id,
                     after={"file": str(path), "rows": len(rows)})
    return path


def _item_sheet(stats: TestStats, labels: str) -> exports.Table:
    """The 設問分析 sheet: the test's figures on the first row, then a row per question."""
    summary = ("KR-20（信頼性係数）", _round(stats.kr20), "受験者数", stats.examinees,
               "平均点（没問を除く）", _round(stats.mean), "標準偏差", _round(stats.sd),
               "集計から除いた用紙（要確認・重複）", stats.pending)
    header = ("問", "正答", "没問", "正答率 p", "識別力 r（修正点双列相関）",
              "上位-下位指数 D", *(f"選択肢 {label}" for label in labels), "無答",
              "複数マーク", "注意", "note")
    items = [(it.question, "/".join(it.key), "没問" if it.voided else "",
              _round(it.p), _round(it.point_biserial), _round(it.upper_lower),
              *(c.count for c in it.choices), it.blank, it.multiple,
              " ".join(f.reason_ja for f in it.flags),
              " ".join(f.reason_en for f in it.flags)) for it in stats.items]
    return exports.Table("設問分析", summary, [(), header, *items])


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def export_overlays(db: Database, actor: Actor, exam_id: int,
                    out: str | Path) -> ProgressGen[list[Path]]:
    """The annotated image of every read sheet: one PDF (a page per sheet) when `out` ends
    in .pdf, a folder of PNGs when it has no extension. Yields a step per sheet; closing the
    generator (cancel) leaves no PDF."""
    require(actor, Permission.VIEW_RESULTS)
    out = Path(out)
    if out.suffix:
        _refuse_suffix(out, (".pdf",))
    rule = get_exam(db, exam_id).rule
    ids = [st.sheet.id for st in sheet_states(db, exam_id) if st.sheet.marks]
    if not ids:
        raise ValidationFailed("読み取った解答用紙がまだありません。",
                               "No answer form has been read yet.")
    total = len(ids)
    yield Progress(0, total, "読み取り結果の画像を作成しています…", "Drawing the annotated forms…")
    written: list[Path] = []
    if out.suffix:
        part = out.with_name(out.name + ".part")
        try:
            pdf = ImagePdf(part, title=out.stem)
            for done, sheet_id in enumerate(ids, start=1):
                image = overlay_image(db, sheet_id, rule)
                ok, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
                if ok:
                    pdf.add_page(jpeg.tobytes(), image.shape[1], image.shape[0])
                yield Progress(done, total, f"読み取り結果 {done}/{total} ページ",
                               f"Annotated forms {done}/{total}")
            pdf.save()
            replace_part(part, out, pdf=False)
            written.append(out)
        finally:
            part.unlink(missing_ok=True)
    else:
        out.mkdir(parents=True, exist_ok=True)
        for done, sheet_id in enumerate(ids, start=1):
            ok, buf = cv2.imencode(".png", overlay_image(db, sheet_id, rule))
            if ok:
                target = out / f"sheet_{sheet_id:05d}.png"
                target.with_suffix(".part").write_bytes(buf.tobytes())
                target.with_suffix(".part").replace(target)
                written.append(target)
            yield Progress(done, total, f"読み取り結果 {done}/{total} 枚",
                           f"Annotated forms {done}/{total}")
    with db.transaction() as s:
        audit.record(s, actor, "exam.export_overlays", "exam", exam_id,
                     after={"target": str(out), "sheets": len(written)})
    return written
