"""`scfn exam ...` (create, list, void, key, pass), `scfn sheets ...` (layout, print,
calibration) and `scfn scan` (import a batch of scanned forms and report each sheet; watch a
hot folder with --watch; check the scanner with --calibration)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from scfn_desktop.cli.common import Cli
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.exams.grading import STATUS_LABELS
from scfn_desktop.services.exams.hot_folder import WatchProgress, watch_folder
from scfn_desktop.services.exams.item_analysis import TestStats, item_analysis
from scfn_desktop.services.exams.results import sheet_reports
from scfn_desktop.services.exams.scanning import FileOutcome, import_scans
from scfn_desktop.services.progress import Progress, run_to_end


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    exam = sub.add_parser("exam", help="修了認定テスト: create, list, void, key, stats").add_subparsers(
        dest="exam_command", metavar="ACTION", required=True)
    p = exam.add_parser("create", help="create the exam of a training run")
    p.add_argument("--run", type=int, required=True, metavar="ID")
    p.add_argument("--questions", type=int, required=True, metavar="N")
    p.add_argument("--choices", type=int, default=4, metavar="K")
    p.add_argument("--labels", choices=tuple(exams.LABEL_SETS), default="digits")
    p.add_argument("--key", required=True,
                   help="answer key, one per question: 2,4,1,... ('1/3' = either is correct)")
    p.add_argument("--pass-percent", type=float, metavar="P")
    p.add_argument("--pass-points", type=int, metavar="N", help="wins over --pass-percent")
    p.add_argument("--points", type=int, default=1, help="points per question (default 1)")
    p.add_argument("--title", default="修了認定テスト")
    p.set_defaults(handler=cmd_create)

    p = exam.add_parser("list", help="list exams")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = exam.add_parser("void", help="没問: give everyone the question's points")
    p.add_argument("--exam", type=int, required=True, metavar="ID")
    p.add_argument("--question", type=int, required=True, metavar="N")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_void)

    p = exam.add_parser("key", help="replace the answer key (re-scores everyone)")
    p.add_argument("--exam", type=int, required=True, metavar="ID")
    p.add_argument("--key", required=True)
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_key)

    p = exam.add_parser("stats", help="item analysis: difficulty, discrimination, "
                                      "distractors, KR-20")
    p.add_argument("--exam", type=int, required=True, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)

    sheets = sub.add_parser("sheets", help="answer forms: layout, print").add_subparsers(
        dest="sheets_command", metavar="ACTION", required=True)
    p = sheets.add_parser("layout", help="print the sheet geometry")
    p.add_argument("--exam", type=int, required=True, metavar="ID")
    p.add_argument("--json", action="store_true", help="(the only format; kept for clarity)")
    p.set_defaults(handler=cmd_layout)
    p = sheets.add_parser("calibration", help="the scanner check form (one page) as a PDF")
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(handler=cmd_calibration_form)
    p = sheets.add_parser("print", help="personalised answer forms as a PDF")
    p.add_argument("--exam", type=int, required=True, metavar="ID")
    p.add_argument("--blank", type=int, default=0, metavar="N", help="spare forms to add")
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(handler=cmd_print)

    p = sub.add_parser("scan", help="import scanned answer forms (files or folders), watch the "
                                    "scanner's folder, or check the scanner")
    p.add_argument("--exam", type=int, metavar="ID", help="the exam (not for --calibration)")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true")
    p.add_argument("--watch", type=Path, metavar="DIR",
                   help="import each scan as it arrives in DIR (a hot folder), until Ctrl+C")
    p.add_argument("--until-idle", type=float, metavar="SECONDS",
                   help="with --watch: stop after this long without a new file")
    p.add_argument("--calibration", type=Path, metavar="FILE",
                   help="check the scanner settings on a scan of `scfn sheets calibration`")
    p.add_argument("--workers", type=int, metavar="N",
                   help="reader processes (default: one per core; 0 reads in this process)")
    p.set_defaults(handler=cmd_scan)


def _report(cli: Cli, report: exams.RescoreReport, ja: str, en: str) -> int:
    cli.say(ja, en)
    for c in report.changes:
        before, after = STATUS_LABELS[c.before], STATUS_LABELS[c.after]
        cli.say(f"  {c.trainee_number} {c.name}: {cli.t(before[0], before[1])} -> "
                f"{cli.t(after[0], after[1])}")
    if not report.changes:
        cli.say("  合否が変わった受講生はいません。", "  Nobody's pass/fail changed.")
    return 0


def cmd_create(cli: Cli) -> int:
    a = cli.args
    percent = a.pass_percent if a.pass_percent is not None else 60.0
    view = exams.create_exam(cli.db(), cli.actor(), a.run, a.questions,
                             exams.parse_key_text(a.key), a.choices, a.labels, a.points,
                             pass_percent=percent, pass_points=a.pass_points, title=a.title)
    cli.say(f"試験 {view.id} を作成しました（{view.run_label}、{view.num_questions}問）。",
            f"Created exam {view.id} ({view.num_questions} questions).")
    return 0


def _exam_json(v: exams.ExamView) -> dict:
    return {"id": v.id, "run_id": v.run_id, "run": v.run_label, "title": v.title,
            "questions": v.num_questions, "choices": v.num_choices, "labels": v.labels,
            "version": v.version, "key": exams.format_key_text(v.rule.key),
            "voided": sorted(v.rule.voided), "max_points": v.rule.max_points,
            "pass": {"mode": v.rule.pass_mode, "value": v.rule.pass_value}}


def cmd_list(cli: Cli) -> int:
    views = exams.list_exams(cli.db())
    if cli.args.json:
        cli.say(json.dumps([_exam_json(v) for v in views], ensure_ascii=False, indent=1))
        return 0
    for v in views:
        cli.say(f"{v.id}\t{v.run_label}\t{v.title}\t{v.num_questions}問×{v.num_choices}択\t"
                f"{v.rule.describe_ja()}\tv{v.version}",
                f"{v.id}\t{v.run_label}\t{v.title}\t{v.num_questions}x{v.num_choices}\t"
                f"{v.rule.describe_en()}\tv{v.version}")
    return 0


def cmd_void(cli: Cli) -> int:
    a = cli.args
    report = exams.void_question(cli.db(), cli.actor(), a.exam, a.question, a.reason)
    return _report(cli, report, f"問{a.question} を没問にしました。",
                   f"Question {a.question} voided.")


def cmd_key(cli: Cli) -> int:
    a = cli.args
    report = exams.set_key(cli.db(), cli.actor(), a.exam, exams.parse_key_text(a.key), a.reason)
    return _report(cli, report, f"正答を変更しました（版 {report.exam.version}）。",
                   f"Answer key changed (version {report.exam.version}).")


def cmd_stats(cli: Cli) -> int:
    """The committee's item analysis (services.exams.item_analysis) as a table or JSON."""
    t = item_analysis(cli.db(), cli.args.exam)
    if cli.args.json:
        cli.say(json.dumps(stats_json(t, cli.lang), ensure_ascii=False, indent=1))
        return 0
    cli.say(cli.t(f"受験者 {t.examinees} 名（要確認・重複で除外 {t.pending} 名）、KR-20 {_fig(t.kr20)}"
                  f"（{t.kr20_items}問）、平均 {_fig(t.mean)}、標準偏差 {_fig(t.sd)}",
                  f"{t.examinees} examinees ({t.pending} left out: review or duplicates), "
                  f"KR-20 {_fig(t.kr20)} ({t.kr20_items} questions), mean {_fig(t.mean)}, "
                  f"SD {_fig(t.sd)}"))
    cli.say(cli.t("問\t正答\tp\tr\tD\t選択肢（人数）\t無答\t複数\t注意",
                  "Q\tkey\tp\tr\tD\tchoices (count)\tblank\tmultiple\tnote"))
    for it in t.items:
        choices = " ".join(f"{c.label}:{c.count}" for c in it.choices)
        note = cli.t("没問", "voided") if it.voided else " ".join(
            cli.t(f.reason_ja, f.reason_en) for f in it.flags)
        cli.say(f"{cli.t('問', 'Q')}{it.question}\t{'/'.join(it.key)}\t{_fig(it.p)}\t"
                f"{_fig(it.point_biserial)}\t{_fig(it.upper_lower)}\t{choices}\t{it.blank}\t"
                f"{it.multiple}\t{note}")
    return 0


def _fig(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def stats_json(t: TestStats, lang: str) -> dict:
    return {"examinees": t.examinees, "pending": t.pending, "kr20": t.kr20,
            "kr20_items": t.kr20_items, "mean": t.mean, "sd": t.sd, "group_size": t.group_size,
            "items": [{"question": it.question, "key": list(it.key), "voided": it.voided,
                       "p": it.p, "point_biserial": it.point_biserial,
                       "upper_lower": it.upper_lower,
                       "choices": {c.label: c.count for c in it.choices},
                       "blank": it.blank, "multiple": it.multiple,
                       "flags": [{"code": f.code,
                                  "reason": f.reason_ja if lang == "ja" else f.reason_en}
                                 for f in it.flags]} for it in t.items]}


def cmd_layout(cli: Cli) -> int:
    cli.say(exams.exam_layout(exams.get_exam(cli.db(), cli.args.exam)).to_json())
    return 0


def _progress_printer(cli: Cli):  # type: ignore[no-untyped-def]
    def show(p: Progress) -> None:
        if p.total:
            print(f"\r{p.done}/{p.total}", end="", file=cli.stderr, flush=True)
    return show


def cmd_print(cli: Cli) -> int:
    # Imported here, like the scanner check below: the PDF engine (reportlab) is not needed by
    # `scfn scan`, which should start reading pages as soon as it can.
    from scfn_desktop.services.exams import answer_forms as exam_printing

    a = cli.args
    pages = run_to_end(exam_printing.print_answer_sheets(cli.db(), cli.actor(), a.exam, a.output,
                                                 a.blank), _progress_printer(cli))
    print(file=cli.stderr)
    cli.say(f"{pages}ページを {a.output} に書き出しました。", f"Wrote {pages} pages to {a.output}.")
    return 0


def cmd_calibration_form(cli: Cli) -> int:
    from scfn_desktop.services.exams.calibration import make_check_form

    a = cli.args
    make_check_form(cli.db(), cli.actor(), a.output)
    cli.say(f"スキャナー確認用紙を {a.output} に書き出しました。100% で印刷してください。",
            f"Wrote the scanner check form to {a.output}. Print it at 100 %.")
    return 0


def cmd_scan(cli: Cli) -> int:
    """Exit 1 when any file or page could not be read as a sheet of this exam (the JSON's
    "errors" is then non-empty); doubtful marks are not errors, they await review.
    With --calibration: exit 1 when the scanner settings are not fit for the exam."""
    a = cli.args
    if a.calibration is not None:
        return _calibration(cli)
    if a.exam is None or not (a.paths or a.watch):
        cli.warn("--exam と、ファイル・フォルダー（または --watch）を指定してください。",
                 "Give --exam and files or folders (or --watch DIR).")
        return 2
    if a.watch is not None:
        return _watch(cli)
    db = cli.db()
    batch = run_to_end(import_scans(db, cli.actor(), a.exam, a.paths, a.workers),
                       None if a.json else _progress_printer(cli))
    readable = [s.sheet_id for s in batch.sheets if s.error_code in ("", "duplicate")
                or s.status in ("ok", "duplicate")]
    reports = {r.sheet_id: r for r in sheet_reports(db, a.exam, readable)}
    sheets, errors, files = [], [], []
    for f in batch.files:
        files.append({"file": f.file, "status": f.status, "sheets": len(f.sheets),
                      "already_imported": f.status == "already",
                      "message": cli.t(f.error_ja, f.error_en)})
        if f.status == "error" and not f.sheets:
            errors.append({"file": f.file, "page": None,
                           "error": cli.t(f.error_ja, f.error_en), "code": f.error_code})
        for s in f.sheets:
            r = reports.get(s.sheet_id)
            if r is not None:
                item = r.to_json()
                item["file"] = f.file
                item["already_imported"] = f.status == "already"
                if s.status == "duplicate":
                    item["duplicate"] = True
                sheets.append(item)
            if s.status in ("error", "unidentified") or r is None:
                errors.append({"file": f.file, "page": s.page, "code": s.error_code,
                               "error": cli.t(s.error_ja, s.error_en)})
        if f.status == "error" and f.sheets:
            errors.append({"file": f.file, "page": None, "code": f.error_code,
                           "error": cli.t(f.error_ja, f.error_en)})
    if a.json:
        cli.say(json.dumps({"files": files, "sheets": sheets, "errors": errors},
                           ensure_ascii=False, indent=1))
    else:
        print(file=cli.stderr)
        for item in sheets:
            cli.say(_sheet_line(cli, item))
        for e in errors:
            cli.warn(f"{e['file']} p{e['page'] or '-'}: {e['error']}")
        new = sum(1 for item in sheets if not item["already_imported"])
        already = batch.already_imported
        cli.say(f"読み取ったシート {new} 枚、エラー {len(errors)} 件、読み込み済みで読み飛ばしたファイル "
                f"{already} 個。",
                f"{new} sheets read, {len(errors)} errors, {already} files already imported "
                "(skipped).")
    return 1 if errors else 0


def _sheet_lines(cli: Cli, f: FileOutcome) -> list[str]:
    if not f.sheets:
        return [f"{f.file}: {cli.t(f.error_ja, f.error_en) or f.status}"]
    return [f"{f.file} p{s.page} {s.trainee_number or '?'} {status_text(cli, s.status)} "
            + cli.t("要確認の問 ", "to review: ") + (",".join(map(str, s.doubtful)) or "-")
            + (f" {cli.t(s.error_ja, s.error_en)}" if s.error_code else "")
            for s in f.sheets]


def status_text(cli: Cli, status: str) -> str:
    names = {"ok": ("OK", "OK"), "duplicate": ("重複", "duplicate"),
             "unidentified": ("受講生不明", "trainee unknown"), "error": ("エラー", "error")}
    return cli.t(*names.get(status, (status, status)))


def _watch(cli: Cli) -> int:
    """Hot folder: one line per sheet (or one JSON object per file) as files arrive."""
    a = cli.args
    gen = watch_folder(cli.db(), cli.actor(), a.exam, a.watch, workers=a.workers,
                       idle_exit=a.until_idle)
    files = 0

    def show(step: Progress) -> None:
        nonlocal files
        if not isinstance(step, WatchProgress):
            return
        if step.outcome is None:
            if step.done == 0 and not a.json:
                cli.warn(f"{a.watch} を監視しています（Ctrl+C で終了）。",
                         f"Watching {a.watch} (Ctrl+C to stop).")
            return
        files += 1
        f = step.outcome
        if a.json:
            cli.say(json.dumps({"file": f.file, "status": f.status, "error": f.error_code,
                                "sheets": [{"page": s.page, "status": s.status,
                                            "trainee": s.trainee_number,
                                            "doubtful": list(s.doubtful), "error": s.error_code}
                                           for s in f.sheets]}, ensure_ascii=False))
        else:
            for line in _sheet_lines(cli, f):
                cli.say(line)

    try:
        run_to_end(gen, show)
    except KeyboardInterrupt:
        gen.close()
    if not a.json:
        cli.say(f"監視を終了しました（{files} ファイル）。", f"Stopped watching ({files} files).")
    return 0


def _calibration(cli: Cli) -> int:
    from scfn_desktop.services.exams.calibration import check_scanner

    a = cli.args
    report = run_to_end(check_scanner(cli.db(), cli.actor(), a.calibration))
    if a.json:
        cli.say(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
        return 0 if report.fit else 1
    marks = {"ok": "OK", "warning": cli.t("注意", "NOTE"), "unfit": cli.t("不可", "UNFIT")}
    cli.say(cli.t(f"スキャナーの確認: {report.file}", f"Scanner check: {report.file}"))
    for c in report.checks:
        cli.say(f"  [{marks[c.status]}] {cli.t(c.message_ja, c.message_en)}")
    steps = "  ".join(f"{p:.0%}→{m:.0%}" for p, m in report.steps)
    cli.say(cli.t(f"  濃さの段階（印刷→読取）: {steps}", f"  darkness steps (printed→read): "
                  f"{steps}"))
    cli.say(cli.t("この設定で試験の解答用紙を読み取れます。", "These settings are fit for the exam.")
            if report.fit else
            cli.t("この設定は試験に使えません。上の「不可」を直して、もう一度確認してください。",
                  "These settings are not fit for the exam: fix the UNFIT items and check again."))
    return 0 if report.fit else 1


def _sheet_line(cli: Cli, item: dict) -> str:
    """One sheet, in the CLI's language; sheets of a file imported before say so."""
    doubt = ",".join(map(str, item["doubtful"])) or "-"
    score = item["score"] if item["score"] is not None else "-"
    passed = item["passed"]
    verdict = (cli.t("要確認", "needs review") if passed is None
               else cli.t("合格", "passed") if passed else cli.t("不合格", "failed"))
    line = cli.t(f"{item['file']} p{item['page']} {item['trainee'] or '?'} 得点 {score} "
                 f"{verdict} 要確認の問 {doubt}",
                 f"{item['file']} p{item['page']} {item['trainee'] or '?'} score {score} "
                 f"{verdict} doubtful questions {doubt}")
    if item["already_imported"]:
        line += cli.t("（読み込み済み）", " (already imported)")
    return line
