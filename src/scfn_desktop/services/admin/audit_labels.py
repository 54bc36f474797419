"""Readable names for what the audit log stores: action codes, entity kinds, field keys and
coded values, in Japanese and English. Unknown codes are shown as they are, so a feature that
adds an action or a field is never hidden, only less pretty until it is named here."""

from __future__ import annotations

from scfn_desktop.services.exams.grading import STATUS_LABELS
from scfn_desktop.services.permissions import ROLE_LABELS
from scfn_desktop.services.roster.fields import LABELS as ROSTER_LABELS
from scfn_desktop.services.roster.trainees import STAGE_STEPS

# Readable names of the action codes the services write. Unknown codes are shown as they are,
# so a feature that adds an action is never hidden, only less pretty until it is named here.
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "login": ("ログイン", "Logged in"),
    "login.failed": ("ログイン失敗", "Failed login"),
    "user.add": ("ユーザーの追加", "User added"),
    "user.password": ("パスワード／PINの変更", "Password changed"),
    "user.activate": ("ユーザーの有効化", "User reactivated"),
    "user.deactivate": ("ユーザーの無効化", "User deactivated"),
    "trainee.create": ("受講生の登録", "Trainee added"),
    "trainee.update": ("受講生情報の変更", "Trainee changed"),
    "organisation.create": ("所属機関の登録", "Organisation added"),
    "roster.import": ("名簿の取り込み", "Roster imported"),
    "roster.export": ("名簿の書き出し", "Roster exported"),
    "run.create": ("養成研修の作成", "Training run created"),
    "run.update": ("養成研修の変更", "Training run changed"),
    "run.set_days": ("集合研修の日程の変更", "Venue days changed"),
    "run.close": ("養成研修の終了", "Training run closed"),
    "run.reopen": ("養成研修の再開", "Training run reopened"),
    "demo.load": ("デモデータの読み込み", "Demo data loaded"),
    "demo.sample_scans": ("デモ用スキャン画像の作成", "Demo sample scans written"),
    "exam.create": ("修了認定テストの作成", "Exam created"),
    "exam.set_key": ("正答の変更", "Answer key changed"),
    "exam.void": ("没問の指定", "Question voided"),
    "exam.unvoid": ("没問の取り消し", "Voided question restored"),
    "exam.set_pass": ("合格基準の変更", "Pass criterion changed"),
    "exam.print_sheets": ("解答用紙の印刷", "Answer forms printed"),
    "exam.export_results": ("試験結果の書き出し", "Results exported"),
    "exam.export_overlays": ("読み取り結果画像の書き出し", "Scan overlays exported"),
    "scan.import": ("解答用紙スキャンの取り込み", "Scans imported"),
    "scan.calibration_form": ("スキャナー確認用紙の作成", "Scanner check form made"),
    "scan.calibration": ("スキャナーの確認", "Scanner checked"),
    "review.decide": ("要確認のマークの判定", "Doubtful mark decided"),
    "review.sheet_assign": ("解答用紙の受講生の指定", "Sheet assigned to a trainee"),
    "review.sheet_count": ("採点に使う解答用紙の選択", "Sheet chosen for grading"),
    "review.sheet_discard": ("解答用紙の除外", "Sheet discarded"),
    "audit.export": ("操作記録の書き出し", "Audit log exported"),
    "login.throttled": ("ログイン失敗の連続（待ち時間）", "Repeated failed logins (delayed)"),
    "login.unblock": ("ログイン待ち時間の解除", "Failed-login delay cleared"),
    "attendance.check_in": ("受付（入場）", "Checked in"),
    "attendance.override": ("やむを得ない事情による受講許可", "Lateness override"),
    "attendance.leave_early": ("早退", "Left early"),
    "attendance.return": ("早退後の再入場", "Returned"),
    "attendance.absent": ("欠席", "Absent"),
    "attendance.excused": ("やむを得ない事情による欠席", "Excused absence"),
    "attendance.exclude": ("受講継続不可（事務局判断）", "Excluded"),
    "attendance.undo": ("受付記録の取り消し", "Attendance entry undone"),
    "attendance.assign_groups": ("グループ分け", "Discussion groups assigned"),
    "attendance.set_group": ("グループの変更", "Discussion group changed"),
    "attendance.export": ("出欠一覧の書き出し", "Attendance exported"),
    "attendance.print_sign_in_sheet": ("受付名簿（紙）の印刷", "Sign-in sheet printed"),
    "badge.print": ("受講証（名札）の印刷", "Badges printed"),
    "badge.reissue": ("受講証（名札）の再発行", "Badge reissued"),
    "signing_key.register": ("署名鍵の登録", "Signing key registered"),
    "backup.create": ("バックアップの作成", "Backup created"),
    "backup.restore": ("バックアップからの復元", "Backup restored"),
    "committee.meeting_open": ("認定審査委員会の開催", "Committee meeting opened"),
    "committee.meeting_close": ("認定審査委員会の閉会", "Committee meeting closed"),
    "committee.members": ("出席委員の変更", "Members present changed"),
    "committee.decide": ("判定の決定", "Decision recorded"),
    "committee.amend": ("閉会後の決定の修正", "Decision amended"),
    "committee.bulk_accept": ("判定案の一括承認", "Proposals accepted in bulk"),
    "committee.grounds_declared": ("欠格事由の申告", "Disqualification grounds declared"),
    "committee.grounds_checked": ("欠格事由の確認", "Disqualification grounds checked"),
    "committee.certify": ("認証の記録", "Certification (認証) recorded"),
    "committee.minutes_export": ("議事録の書き出し", "Minutes exported"),
    "committee.notices": ("結果通知の作成", "Result notices made"),
    "committee.results_export": ("審査結果表の書き出し", "Committee results exported"),
    "certificate.create": ("認定番号の発番", "Certificate record created"),
    "certificate.revoke": ("認定の取消", "Certification revoked"),
    "register.export": ("認定者名簿の書き出し", "Register exported"),
    "organisations.export": ("所属機関リストの書き出し", "Organisation list exported"),
    "certificate.renew": ("認定の更新", "Certification renewed"),
    "card.issue": ("認定証の交付", "Card issued"),
    "card.reissue": ("認定証の再交付", "Card reissued"),
    "card.renew": ("更新した認定証の交付", "Renewed card issued"),
    "card.print": ("認定証の印刷", "Cards printed"),
    "card.photo": ("認定証の写真の登録", "Card photo stored"),
    "card.photo_remove": ("認定証の写真の削除", "Card photo removed"),
    "card.export_revocations": ("失効リストの書き出し", "Revocation list exported"),
    "card.export_verifier": ("確認用ページの書き出し", "Verifier page exported"),
    "card.export_open_badges": ("オープンバッジの書き出し", "Open Badges exported"),
    "card.export_reminders": ("更新のお知らせの書き出し", "Renewal reminders exported"),
    "card_key.create": ("発行者鍵の作成", "Issuer key created"),
    "card_key.retire": ("発行者鍵の更新（旧鍵）", "Issuer key retired"),
    "card_key.import": ("公開鍵の取り込み", "Public key imported"),
    "card_key.remove": ("公開鍵を外す", "Public key removed"),
}

ENTITY_LABELS: dict[str, tuple[str, str]] = {
    "user": ("ユーザー", "User"),
    "trainee": ("受講生", "Trainee"),
    "organisation": ("所属機関", "Organisation"),
    "training_run": ("養成研修", "Training run"),
    "roster": ("受講生名簿", "Roster"),
    "file": ("ファイル", "File"),
    "exam": ("修了認定テスト", "Exam"),
    "exam_mark": ("マーク", "Mark"),
    "exam_sheet": ("解答用紙", "Answer form"),
    "scan_file": ("スキャン画像", "Scan file"),
    "scanner": ("スキャナー", "Scanner"),
    "audit_log": ("操作記録", "Audit log"),
    "login_throttle": ("ログイン失敗の記録", "Failed-login record"),
    "backup": ("バックアップ", "Backup"),
    "certificate": ("認定証", "Certificate"),
    "committee_meeting": ("認定審査委員会", "Committee meeting"),
    "register": ("認定者名簿", "Register"),
    "signing_key": ("署名鍵", "Signing key"),
    "certificate_card": ("認定証（カード）", "Certificate card"),
    "certificate_cards": ("認定証（カード）", "Certificate cards"),
    "card_issuer_key": ("認定証の公開鍵", "Card public key"),
}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "group": ("グループ", "Discussion group"),
    "fit": ("試験に使える設定", "Fit for the exam"),
    "dpi": ("解像度 (dpi)", "Resolution (dpi)"),
    "colour_mode": ("色の設定", "Colour mode"),
    "not_ok": ("要確認の項目", "Checks not passed"),
    **ROSTER_LABELS,
    **{key: (ja, en) for key, ja, en in STAGE_STEPS},
    "basis": ("申込要件", "Basis of application"),
    "stage": ("進捗", "Progress"),
    "username": ("ユーザー名", "User name"),
    "display_name": ("表示名", "Display name"),
    "role": ("権限", "Role"),
    "active": ("有効", "Active"),
    "count": ("件数", "Count"),
    "format": ("形式", "Format"),
    "encoding": ("文字コード", "Encoding"),
    "reason": ("理由", "Reason"),
    "version": ("版", "Version"),
    "created": ("新規", "Added"),
    "updated": ("変更", "Changed"),
    "unchanged": ("変更なし", "Unchanged"),
    "skipped_rows": ("除外した行", "Rows left out"),
    "sheet": ("シート", "Sheet"),
    "file": ("ファイル", "File"),
    "filters": ("絞り込み条件", "Filters"),
    "action": ("操作", "Action"),
    "actor": ("操作者", "User"),
    "since": ("開始日時", "From"),
    "until": ("終了日時", "Until"),
    # training runs
    "fiscal_year": ("年度", "Fiscal year"),
    "term": ("期", "Term"),
    "label": ("養成研修", "Training run"),
    "venue": ("会場", "Venue"),
    "capacity": ("定員", "Capacity"),
    "lateness_threshold_minutes": ("受講不可となる遅刻", "Refused when late by"),
    "days": ("集合研修の日程", "Venue days"),
    "closed": ("状態", "State"),
    "run_id": ("養成研修", "Training run"),
    # exams, scans and review
    "exam_id": ("修了認定テスト", "Exam"),
    "questions": ("問題数", "Questions"),
    "choices": ("選択肢の数", "Choices"),
    "labels": ("マーク", "Marks"),
    "key": ("正答", "Answer key"),
    "pass": ("合格基準", "Pass criterion"),
    "question": ("問題", "Question"),
    "changed": ("合否が変わった受講生", "Results that changed"),
    "kind": ("判定", "Reading"),
    "by": ("判定者", "Decided by"),
    "sheet_id": ("解答用紙", "Answer form"),
    "trainee_id": ("受講生", "Trainee"),
    "sheets": ("読み取った用紙", "Sheets read"),
    "sha256": ("ファイルのハッシュ（SHA-256）", "File hash (SHA-256)"),
    "pages": ("ページ数", "Pages"),
    "error": ("エラー", "Error"),
    "blank": ("予備用紙", "Spare forms"),
    "rows": ("行数", "Rows"),
    "target": ("書き出し先", "Written to"),
    # demo data
    "users": ("ユーザー", "Users"),
    "trainees": ("受講生", "Trainees"),
    "folder": ("フォルダー", "Folder"),
    "seed": ("乱数の種", "Random seed"),
    "files": ("ファイル", "Files"),
    "absent": ("欠席の受講番号", "Absent trainees"),
    "station": ("端末", "Station"),
    "account": ("アカウント", "Account"),
    "known_account": ("登録済みのアカウント", "Existing account"),
    "failures": ("連続失敗回数", "Failures in a row"),
    "failed_before": ("直前の失敗回数", "Failures before"),
    "blocked_until": ("待ち時間の終わり", "Delayed until"),
    "password_rehashed": ("パスワードを新しい方式で保存", "Password re-hashed"),
    "secret": ("パスワードの記録（要約）", "Password hash (digest)"),
    "sheet_digests": ("読み取り結果の要約", "Reading digests"),
    "sheet+marks": ("用紙とマークの読み取り結果", "Sheet and marks as read"),
    "decisions": ("判定", "Decisions"),
    "latest": ("最新の判定", "Latest decision"),
    "voided": ("没問", "Voided questions"),
    # certificate cards
    "number": ("認定番号", "Certificate number"),
    "revision": ("版", "Revision"),
    "name_kanji": ("氏名（印刷）", "Name (printed)"),
    "name_romaji": ("ローマ字氏名（印刷）", "Romaji name (printed)"),
    "certified_on": ("認証日", "Certified on"),
    "valid_until": ("有効期限", "Valid until"),
    "renewal_completed_on": ("認証更新研修の修了日", "Renewal training completed"),
    "key_id": ("鍵ID", "Key id"),
    "token": ("QRコードの内容", "QR code text"),
    "fingerprint": ("フィンガープリント", "Fingerprint"),
    "origin": ("鍵の種類", "Key origin"),
    "public_pem": ("公開鍵", "Public key"),
    "retired": ("旧鍵", "Retired"),
    "layout": ("印刷の形式", "Print layout"),
    "numbers": ("認定番号", "Certificate numbers"),
    "offset_mm": ("印刷位置の補正（mm）", "Print offset (mm)"),
    "include_name": ("氏名を含める", "Name included"),
    "months": ("月数", "Months"),
    "as_of": ("基準日", "As of"),
}


# Stored codes that have a name of their own: (field, value) -> (ja, en).
VALUE_LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("basis", "experience"): ("実務経験", "Experience"),
    ("basis", "qualification"): ("国家資格", "National qualification"),
    ("kind", "labels"): ("選択肢", "A choice"),
    ("kind", "blank"): ("無答", "Blank"),
    ("kind", "several"): ("複数マーク", "Several marks"),
    ("kind", "doubtful"): ("要確認（未判定）", "Doubtful (not decided)"),
    ("labels", "digits"): ("数字（1, 2, 3 …）", "Digits (1, 2, 3 …)"),
    ("labels", "kana"): ("カナ（ア, イ, ウ …）", "Katakana (ア, イ, ウ …)"),
    ("format", "xlsx"): ("Excel（xlsx）", "Excel (xlsx)"),
    ("format", "csv"): ("CSV", "CSV"),
    ("format", "json"): ("JSON", "JSON"),
    ("kind", "issue"): ("交付", "Issued"),
    ("kind", "reissue"): ("再交付", "Reissued"),
    ("kind", "renewal"): ("更新", "Renewed"),
    ("origin", "own"): ("この端末の発行者鍵", "Own issuer key"),
    ("origin", "imported"): ("取り込んだ鍵", "Imported"),
    ("origin", "removed"): ("外した鍵", "Removed"),
    **{("role", code): pair for code, pair in ROLE_LABELS.items()},
    **{("status", code): pair for code, pair in STATUS_LABELS.items()},
}


def _label(table: dict[str, tuple[str, str]], code: str, language: str) -> str:
    pair = table.get(code)
    if pair is None:
        return code
    return pair[0] if language == "ja" else pair[1]


def action_label(code: str, language: str = "ja") -> str:
    return _label(ACTION_LABELS, code, language)


def entity_label(code: str, language: str = "ja") -> str:
    return _label(ENTITY_LABELS, code, language)


def field_label(key: str, language: str = "ja") -> str:
    """A nested field ("stage.final_report_on") is named by its own label when it has one."""
    if key not in FIELD_LABELS and "." in key:
        last = key.rsplit(".", 1)[1]
        if last in FIELD_LABELS:
            return _label(FIELD_LABELS, last, language)
    return _label(FIELD_LABELS, key, language)


def value_label(key: str, value: str, language: str = "ja") -> str:
    """A stored code as a person reads it (a role's name), else the value unchanged."""
    pair = VALUE_LABELS.get((key, value))
    return value if pair is None else (pair[0] if language == "ja" else pair[1])
