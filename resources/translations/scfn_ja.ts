<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/account_form.py" line="+54"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Role</source>
        <translation>権限</translation>
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
        <location line="+10"/>
        <source>The two passwords do not match.</source>
        <translation>確認用のパスワードが一致しません。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/dialogs/first_run.py" line="+31"/>
        <source>First start — create the administrator</source>
        <translation>初回起動 — 管理者アカウントの作成</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No user account exists yet. Create the administrator account; the administrator can then add accounts for venue staff, proctors and committee members.</source>
        <translation>ユーザーアカウントがまだありません。まず管理者アカウントを作成してください。会場スタッフ・試験監督・認定審査委員のアカウントは、その後に管理者が追加できます。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Create account</source>
        <translation>アカウントを作成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>終了</translation>
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
        <location filename="../../src/scfn_desktop/ui/main_window.py" line="+63"/>
        <source>SCFN Desktop — Support Coordinator Certification</source>
        <translation>外国人支援コーディネーター認定事務システム</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your role has no pages. Ask an administrator.</source>
        <translation>この権限で使える画面はありません。管理者にお問い合わせください。</translation>
    </message>
    <message>
        <location line="+30"/>
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
        <location line="+85"/>
        <source>The audit log is intact: %1 entries checked.</source>
        <translation>操作記録に改ざんはありません（%1 件を確認しました）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Audit log</source>
        <translation>操作記録（監査ログ）</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The audit log or the data has been tampered with:</source>
        <translation>外国人支援コーディネーター認定事務システム</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location filename="../../src/scfn_desktop/ui/messages.py" line="+16"/>
        <source>An unexpected error occurred: %1</source>
        <translation>予期しないエラーが発生しました：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>… and %1 more</source>
        <translation>ほか %1 件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
</context>
<context>
    <name>NoRunNotice</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/run_notice.py" line="+34"/>
        <source>Create one on the Training runs page first.</source>
        <translation>先に養成研修のページで作成してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An administrator creates it on the Training runs page.</source>
        <translation>養成研修のページで管理者が作成します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the Training runs page</source>
        <translation>養成研修のページを開く</translation>
    </message>
</context>
<context>
    <name>OpenFile</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/open_file.py" line="+28"/>
        <source>No program to open this file is installed on this PC (for a PDF, install a PDF viewer).

The file is:
%1</source>
        <translation>この PC にはこのファイルを開くアプリがありません（PDF の場合は PDF ビューアーをインストールしてください）。

ファイルの場所:
%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its folder has been opened.</source>
        <translation>ファイルのあるフォルダーを開きました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot open the file</source>
        <translation>ファイルを開けません</translation>
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
        <location line="+6"/>
        <source>Language / 言語</source>
        <translation>言語 / Language</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/startup.py" line="+23"/>
        <source>Preparing the demonstration data</source>
        <translation>デモデータを準備しています</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location line="+10"/>
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
</TS>
