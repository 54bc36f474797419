<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/dialogs/first_run.py" line="+32"/>
        <source>First start — create the administrator</source>
        <translation>初回起動 — 管理者アカウントの作成</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No user account exists yet. Create the administrator account; the administrator can then add accounts for venue staff, proctors and committee members.</source>
        <translation>ユーザーアカウントがまだありません。まず管理者アカウントを作成してください。会場スタッフ・試験監督・認定審査委員のアカウントは、その後に管理者が追加できます。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password / PIN</source>
        <translation>パスワード／PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password / PIN (again)</source>
        <translation>パスワード／PIN（確認）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create account</source>
        <translation>アカウントを作成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The two passwords do not match.</source>
        <translation>確認用のパスワードが一致しません。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/dialogs/import_preview.py" line="+49"/>
        <source>Import roster — check before importing</source>
        <translation>名簿の取り込み — 取り込む前に内容を確認してください</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Do not assign</source>
        <translation>指定しない</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Assign the trainees to training run</source>
        <translation>受講生を割り当てる養成研修</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import without the rows that have errors</source>
        <translation>エラーの行を除いて取り込む</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import all</source>
        <translation>すべて取り込む</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+39"/>
        <source> (sheet %1)</source>
        <translation>（シート「%1」）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File: %1</source>
        <translation>ファイル：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To add: %1   To change: %2   Unchanged: %3   Rows with errors: %4</source>
        <translation>追加：%1 件&#x3000;&#x3000;変更：%2 件&#x3000;&#x3000;変更なし：%3 件&#x3000;&#x3000;エラーの行：%4 件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Row</source>
        <translation>行番号</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Changes</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To add (%1)</source>
        <translation>追加（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To change (%1)</source>
        <translation>変更（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unchanged (%1)</source>
        <translation>変更なし（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors (%1)</source>
        <translation>エラー（%1）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Fix the errors in the file, or tick the box to leave those rows out.</source>
        <translation>ファイルのエラーを修正するか、「エラーの行を除いて取り込む」にチェックを入れてください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to import: every row is already in the roster.</source>
        <translation>取り込む行がありません（すべて登録済みです）。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/dialogs/login.py" line="+39"/>
        <source>SCFN Desktop — Log in</source>
        <translation>外国人支援コーディネーター認定事務システム — ログイン</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Support Coordinator for Foreign Nationals
Certification Office</source>
        <translation>外国人支援コーディネーター
認定事務システム</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password / PIN</source>
        <translation>パスワード／PIN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/main_window.py" line="+61"/>
        <source>SCFN Desktop — Support Coordinator Certification</source>
        <translation>外国人支援コーディネーター認定事務システム</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your role has no pages. Ask an administrator.</source>
        <translation>この権限で使える画面はありません。管理者にお問い合わせください。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Support Coordinator for Foreign Nationals — Certification Office</source>
        <translation>外国人支援コーディネーター 認定事務システム</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Logged in: %1 (%2)</source>
        <translation>ログイン中：%1（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log &amp;out</source>
        <translation>ログアウト(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language…</source>
        <translation>表示言語(&amp;L)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify the audit log</source>
        <translation>操作記録（監査ログ）の検証(&amp;V)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create demo scan images…</source>
        <translation>デモ用のスキャン画像を作成…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;About SCFN Desktop</source>
        <translation>このソフトウェアについて(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The audit log is intact: %1 entries checked.</source>
        <translation>操作記録に改ざんはありません（%1 件を確認しました）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Audit log</source>
        <translation>操作記録（監査ログ）</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The audit log is BROKEN at entry %1.
%2</source>
        <translation>操作記録の第 %1 件目で整合性が崩れています。
%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Folder for the demo scans</source>
        <translation>デモ用のスキャン画像の保存先フォルダー</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Creating demo scan images</source>
        <translation>デモ用のスキャン画像を作成しています</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scans of %1 filled answer forms were written to:
%2

Absent: %3. One form went through the scanner upside down, and one trainee wrote their number on a spare form.

To try reading them, open “Print and scan answer forms”, click “Add folder…” on the “Import scanned forms” tab, choose this folder and click “Import scans”.</source>
        <translation>記入済みの解答用紙 %1 枚のスキャン画像を次のフォルダーに作成しました：
%2

欠席: %3。1 枚は上下逆にスキャンされ、1 人は予備の用紙に受験番号を記入しています。

読み取りを試すには、「解答用紙の印刷・読み取り」を開き、「スキャンの取り込み」タブの「フォルダーを追加…」でこのフォルダーを選んで「読み取り開始」を押してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Demo scan images</source>
        <translation>デモ用のスキャン画像</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SCFN Desktop %1

Offline certification of Support Coordinators for Foreign Nationals.

Data folder: %2
Database: %3
Settings: %4</source>
        <translation>外国人支援コーディネーター認定事務システム %1

外国人支援コーディネーターの養成研修・認定事務をオフラインで行うためのソフトウェアです。

データの保存先：%2
データベース：%3
設定ファイル：%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About SCFN Desktop</source>
        <translation>このソフトウェアについて</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/messages.py" line="+15"/>
        <source>An unexpected error occurred: %1</source>
        <translation>予期しないエラーが発生しました：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/roster.py" line="+48"/>
        <source>Search by name, kana, romaji or trainee number</source>
        <translation>氏名・フリガナ・ローマ字・受講番号で検索</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details…</source>
        <translation>詳細…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Trainee roster</source>
        <translation>受講生名簿</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training run</source>
        <translation>養成研修</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation</source>
        <translation>所属機関</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All training runs</source>
        <translation>すべての養成研修</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All prefectures</source>
        <translation>すべての都道府県</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>All organisations</source>
        <translation>すべての所属機関</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n trainee(s)</source>
        <translation>
            <numerusform>受講生 %n 名</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Roster</source>
        <translation>受講生名簿</translation>
    </message>
</context>
<context>
    <name>RosterTransfer</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/roster_transfer.py" line="+45"/>
        <location line="+11"/>
        <location line="+42"/>
        <location line="+3"/>
        <source>Import roster</source>
        <translation>名簿の取り込み</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Roster files (*.xlsx *.csv *.json);;Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
        <translation>名簿ファイル (*.xlsx *.csv *.json);;Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Importing the roster</source>
        <translation>名簿を取り込んでいます</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import finished.
Added: %1   Changed: %2   Unchanged: %3   Rows left out: %4</source>
        <translation>取り込みが完了しました。
追加：%1 件&#x3000;変更：%2 件&#x3000;変更なし：%3 件&#x3000;除外した行：%4 件</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>roster</source>
        <translation>受講生名簿</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+15"/>
        <location line="+8"/>
        <source>Export roster</source>
        <translation>名簿のエクスポート</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 trainees were exported to:
%2</source>
        <translation>受講生 %1 名分を書き出しました：
%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 characters could not be written in this encoding and were replaced by 〓.</source>
        <translation>この文字コードで書けない %1 文字を「〓」に置き換えました。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/dialogs/settings.py" line="+23"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The window switches to the chosen language immediately.</source>
        <translation>選んだ言語にすぐ切り替わります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language / 言語</source>
        <translation>言語 / Language</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/startup.py" line="+21"/>
        <source>Cannot open the database</source>
        <translation>データベースを開けません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database could not be opened:
%1

%2</source>
        <translation>データベースを開けませんでした：
%1

%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database updated</source>
        <translation>データベースを更新しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database was updated to the new version. A copy of the previous file was saved first:
%1</source>
        <translation>データベースを新しい版に更新しました。更新前のファイルは次の場所に保存してあります：
%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Demonstration data</source>
        <translation>デモデータ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The demonstration data could not be loaded:
%1</source>
        <translation>デモデータを読み込めませんでした：
%1</translation>
    </message>
</context>
<context>
    <name>TraineeDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/dialogs/trainee_edit.py" line="+50"/>
        <source>Trainee %1</source>
        <translation>受講生（受講番号 %1）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>None, or e.g. 社会福祉士、公認心理師</source>
        <translation>なし、または 社会福祉士、公認心理師 など</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The trainee agreed to publish the name</source>
        <translation>本人が氏名の公表に同意している</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name (family / given)</source>
        <translation>氏名（姓／名）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kana (family / given)</source>
        <translation>フリガナ（セイ／メイ）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training run</source>
        <translation>養成研修</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Progress (online course and practice)</source>
        <translation>受講状況（養成課程①・実践）</translation>
    </message>
</context>
<context>
    <name>TraineeTableModel</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/trainee_table.py" line="+26"/>
        <source>Trainee number</source>
        <translation>受講番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Romaji</source>
        <translation>ローマ字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>所属機関</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>メールアドレス</translation>
    </message>
</context>
</TS>
