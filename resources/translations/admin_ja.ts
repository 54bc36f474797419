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
        <location filename="../../src/scfn_desktop/ui/admin/audit_detail.py" line="+68"/>
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
        <location filename="../../src/scfn_desktop/ui/admin/audit_page.py" line="+68"/>
        <location line="+249"/>
        <location line="+13"/>
        <source>Tamper check</source>
        <translation>改ざんチェック</translation>
    </message>
    <message>
        <location line="-259"/>
        <source>Recompute every entry&apos;s hash chain to detect rows edited, deleted or inserted behind the application&apos;s back.</source>
        <translation>すべての記録のハッシュの連鎖を計算し直し、アプリを通さずに書き換え・削除・挿入された行がないかを確かめます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV…</source>
        <translation>CSVに書き出す…</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+217"/>
        <source>Audit log</source>
        <translation>操作記録（監査ログ）</translation>
    </message>
    <message>
        <location line="-205"/>
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
        <location line="+66"/>
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
        <location filename="../../src/scfn_desktop/ui/admin/users_page.py" line="+56"/>
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
        <location line="+85"/>
        <source>Deactivate</source>
        <translation>無効にする</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Accounts are not deleted but deactivated, because the audit log keeps their names. A deactivated user can no longer log in. You cannot deactivate yourself or the last active administrator.</source>
        <translation>操作記録に名前が残るため、アカウントは削除せず無効にします。無効にしたユーザーはログインできなくなります。自分自身と、最後の有効な管理者は無効にできません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+117"/>
        <source>User accounts</source>
        <translation>ユーザー管理</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>無効</translation>
    </message>
    <message>
        <location line="+41"/>
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
        <location filename="../../src/scfn_desktop/ui/admin/audit_detail.py" line="+62"/>
        <source>Show this entry</source>
        <translation>該当の記録を表示</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking the audit log for tampering…</source>
        <translation>操作記録の改ざんを確認しています…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✔ No tampering found: all %1 entries are intact.</source>
        <translation>✔ 改ざんは見つかりませんでした（全 %1 件を確認、すべて正常）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✖ Tampering detected at entry No. %1 (ID %2): %3
The %4 entries before it are intact; this entry and everything after it cannot be trusted.</source>
        <translation>✖ 連番 %1（ID %2）の記録で改ざんを検出しました：%3
それより前の %4 件は正常です。この記録以降は信頼できません。</translation>
    </message>
</context>
</TS>
