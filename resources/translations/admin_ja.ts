<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/admin/user_dialogs.py" line="+36"/>
        <source>Add a user</source>
        <translation>ユーザーの追加</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. Hanako Yamada (shown in the window header)</source>
        <translation>例：山田 花子（画面上部に表示されます）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At least %1 characters. A numeric PIN is fine for venue stations.</source>
        <translation>%1 文字以上。会場の端末では数字の PIN でもかまいません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add user</source>
        <translation>追加する</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>AuditDetail</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/admin/audit_detail.py" line="+54"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This entry records no before/after values.</source>
        <translation>この記録には変更前・変更後の内容はありません。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>User: %1    Target: %2 — %3</source>
        <translation>操作者: %1&#x3000;&#x3000;対象: %2 — %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ID %1 · Hash: %2…  Previous: %3…</source>
        <translation>ID %1 · ハッシュ: %2…&#x3000;直前: %3…</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Select an entry to see what it changed.</source>
        <translation>記録を選ぶと、変更内容がここに表示されます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No. %1 — %2 — %3</source>
        <translation>連番 %1 ― %2 ― %3</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/admin/audit_page.py" line="+70"/>
        <location line="+242"/>
        <location line="+15"/>
        <location line="+6"/>
        <source>Tamper check</source>
        <translation>改ざんチェック</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>Recompute every entry&apos;s hash chain, compare the log with its signed checkpoint and the data with the log, to detect rows edited, deleted or inserted behind the application&apos;s back.</source>
        <translation>改ざんチェック</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export CSV…</source>
        <translation>CSVに書き出す…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear filters</source>
        <translation>条件をクリア</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>◀ Newer</source>
        <translation>◀ 新しい記録</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Older ▶</source>
        <translation>古い記録 ▶</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+216"/>
        <source>Audit log</source>
        <translation>操作記録（監査ログ）</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>All actions</source>
        <translation>すべての操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All users</source>
        <translation>すべての操作者</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Entries %1–%2 of %3</source>
        <translation>全 %3 件中 %1～%2 件目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No entries match the filters.</source>
        <translation>条件に合う記録はありません。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>audit_log</source>
        <translation>操作記録</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <location line="+2"/>
        <source>Export the audit log</source>
        <translation>操作記録の書き出し</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>CSV (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 entries were exported to:
%2</source>
        <translation>%1 件の記録を書き出しました：
%2</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/admin/audit_table.py" line="+29"/>
        <source>No.</source>
        <translation>連番</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation>対象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About</source>
        <translation>対象の内容</translation>
    </message>
</context>
<context>
    <name>AutoBackupDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/admin/backup_dialog.py" line="+38"/>
        <source>Automatic backups</source>
        <translation>自動バックアップ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up automatically on venue days</source>
        <translation>集合研修の日に自動でバックアップする</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>選ぶ…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> minutes</source>
        <translation> 分ごと</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On the days of a training run&apos;s venue session, a backup of the database, the scans and the audit checkpoint is written to this folder at the interval chosen, and only the newest ones are kept. Choose a second disk or a USB stick, not the data folder: the copy must survive the PC.</source>
        <translation>養成課程②（集合研修）の日には、データベース・スキャン画像・監査ログのチェックポイントのバックアップを、指定した間隔でこのフォルダーに書き出し、新しいものだけを残します。データフォルダーではなく、別のディスクや USB メモリを選んでください（PC が壊れても残るように）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Folder</source>
        <translation>保存先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every</source>
        <translation>間隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the newest</source>
        <translation>残す数（新しい順）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Folder for automatic backups</source>
        <translation>自動バックアップの保存先</translation>
    </message>
</context>
<context>
    <name>BackupMenu</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/admin/backup_menu.py" line="+57"/>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back up now…</source>
        <translation>今すぐバックアップ(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Verify a backup…</source>
        <translation>バックアップの確認(&amp;V)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore from a backup…</source>
        <translation>バックアップから復元(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Automatic backups…</source>
        <translation>自動バックアップの設定(&amp;A)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Where to put the backup (a USB stick or another disk)</source>
        <translation>バックアップの保存先（USB メモリや別のディスク）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backing up</source>
        <translation>バックアップ中</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>Backup</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The backup was written to:
%1

%2 files, %3 MB; the audit log up to entry %4 and its signed checkpoint are in it.</source>
        <translation>バックアップを書き出しました：
%1

ファイル %2 個、%3 MB。操作記録（連番 %4 まで）と署名済みのチェックポイントを含みます。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the backup folder to verify</source>
        <translation>確認するバックアップのフォルダーを選んでください</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Verifying the backup</source>
        <translation>バックアップを確認中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup is intact: %1 files, %2 audit entries, made %3, signed with key %4.</source>
        <translation>バックアップは正常です：ファイル %1 個、操作記録 %2 件、作成 %3、署名鍵 %4。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>Verify a backup</source>
        <translation>バックアップの確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup has problems and must not be restored:
%1</source>
        <translation>このバックアップには問題があるため、復元に使えません：
%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the backup folder to restore</source>
        <translation>復元するバックアップのフォルダーを選んでください</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+17"/>
        <source>Restore from a backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Replace the current data with the backup
%1?

The backup is verified first; the current database is kept aside. Everyone is logged out afterwards.</source>
        <translation>現在のデータをバックアップ
%1
の内容に置き換えますか？

先にバックアップを確認します。現在のデータベースは別名で保存します。復元後はログアウトします。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Restoring the backup</source>
        <translation>バックアップを復元中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup was restored (audit log up to entry %1). The previous database was kept as:
%2

You are now logged out; log in again to work on the restored data.</source>
        <translation>バックアップを復元しました（操作記録 連番 %1 まで）。元のデータベースは次の名前で保存しました：
%2

ログアウトしました。復元したデータで作業するには、もう一度ログインしてください。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Automatic backup made at %1: %2</source>
        <translation>%1 に自動バックアップしました：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The automatic backup FAILED: %1</source>
        <translation>自動バックアップに失敗しました：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic backup</source>
        <translation>自動バックアップ</translation>
    </message>
</context>
<context>
    <name>FailedLoginsPanel</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/admin/failed_logins.py" line="+37"/>
        <source>Failed logins</source>
        <translation>ログインの失敗</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Account or station</source>
        <translation>アカウント／端末</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failures in a row</source>
        <translation>連続失敗回数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last failure</source>
        <translation>最後の失敗</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next try allowed</source>
        <translation>次に試せる時刻</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Let them try again now</source>
        <translation>すぐに再試行できるようにする</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Account %1</source>
        <translation>アカウント %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station %1</source>
        <translation>端末 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>now</source>
        <translation>今すぐ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No failed logins.</source>
        <translation>ログインの失敗はありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeated failed logins make further attempts wait longer each time (per account and per station). Someone may be guessing a password.</source>
        <translation>ログインに続けて失敗すると、アカウントごと・端末ごとに次の試行までの待ち時間が長くなります。パスワードを推測しようとしている人がいるかもしれません。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/admin/user_dialogs.py" line="+37"/>
        <source>Reset password / PIN</source>
        <translation>パスワード／PINの再設定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter a new password or PIN for %1 and tell it to them in person.</source>
        <translation>%1 の新しいパスワードまたは PIN を入力し、本人に直接伝えてください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New password / PIN</source>
        <translation>新しいパスワード／PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password / PIN (again)</source>
        <translation>新しいパスワード／PIN（確認）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set password</source>
        <translation>設定する</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The two passwords do not match.</source>
        <translation>確認用のパスワードが一致しません。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/admin/users_page.py" line="+58"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Display name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>権限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>作成日</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add user…</source>
        <translation>ユーザーを追加…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset password / PIN…</source>
        <translation>パスワード／PINを再設定…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+82"/>
        <source>Deactivate</source>
        <translation>無効にする</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Accounts are not deleted but deactivated, because the audit log keeps their names. A deactivated user can no longer log in. You cannot deactivate yourself or the last active administrator.</source>
        <translation>操作記録に名前が残るため、アカウントは削除せず無効にします。無効にしたユーザーはログインできなくなります。自分自身と、最後の有効な管理者は無効にできません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+114"/>
        <source>User accounts</source>
        <translation>ユーザー管理</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>無効</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Reactivate</source>
        <translation>有効に戻す</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The user %1 was added. They can log in now.</source>
        <translation>ユーザー「%1」を追加しました。すぐにログインできます。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The password / PIN of %1 was changed.</source>
        <translation>「%1」のパスワード／PINを変更しました。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 was reactivated and can log in again.</source>
        <translation>「%1」を有効に戻しました。再びログインできます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was deactivated and can no longer log in.</source>
        <translation>「%1」を無効にしました。今後はログインできません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Users</source>
        <translation>ユーザー管理</translation>
    </message>
</context>
<context>
    <name>VerifyBanner</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/admin/verify_banner.py" line="+46"/>
        <source>Show this entry</source>
        <translation>該当の記録を表示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Details…</source>
        <translation>該当の記録を表示</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Checking the audit log and the data for tampering…</source>
        <translation>操作記録とデータに改ざんがないか確認しています…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✔ No tampering found: all %1 entries are intact, the signed checkpoint matches, and %2 rows of data match the log.</source>
        <translation>✔ 改ざんは見つかりませんでした：%1 件の記録はすべて正常で、署名済みのチェックポイントと一致し、%2 行のデータも操作記録と一致しています。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>✖ Signed checkpoint: %1</source>
        <translation>✖ 署名済みのチェックポイント：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✖ %1 row(s) of data differ from the log:</source>
        <translation>✖ 操作記録と違うデータが %1 行あります：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… and %1 more (Details…)</source>
        <translation>… ほか %1 件（詳細…）</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>✖ Tampering detected at entry No. %1 (ID %2): %3
The %4 entries before it are intact; this entry and everything after it cannot be trusted.</source>
        <translation>✖ 連番 %1（ID %2）の記録で改ざんを検出しました：%3
それより前の %4 件は正常です。この記録以降は信頼できません。</translation>
    </message>
</context>
</TS>
