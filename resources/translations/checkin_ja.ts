<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/checkin/board_model.py" line="+34"/>
        <source>No.</source>
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
        <translation>ふりがな</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>所属機関</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>到着</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Min. late</source>
        <translation>遅れ（分）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desk</source>
        <translation>受付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>受付者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper</source>
        <translation>紙から入力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/checkin/board_page.py" line="+80"/>
        <source>Search by name, kana, romaji, number</source>
        <translation>氏名・ふりがな・ローマ字・受講番号で検索</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All statuses</source>
        <translation>すべての状況</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+136"/>
        <source>Attendance</source>
        <translation>出欠状況</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Day %1 (%2)</source>
        <translation>%1日目（%2）</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Updated %1 (every %2 s)</source>
        <translation>更新 %1（%2秒ごと）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Database unreachable: %1</source>
        <translation>データベースに接続できません: %1</translation>
    </message>
</context>
<context>
    <name>BoardPrinting</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/checkin/board_printing.py" line="+48"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paper sign-in sheet…</source>
        <translation>紙の受付表…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+108"/>
        <location line="+7"/>
        <source>Badges</source>
        <translation>バッジ</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>All badges, A4 10 per sheet…</source>
        <translation>全員のバッジ（A4・10面、トンボ付き）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All badges, card printer…</source>
        <translation>全員のバッジ（カードプリンター用）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge of the selected trainee (card)…</source>
        <translation>選択した受講生のバッジ（カード）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reissue the selected trainee&apos;s badge…</source>
        <translation>選択した受講生のバッジを再交付…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the selected trainee&apos;s group…</source>
        <translation>選択した受講生のグループを変更…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print (set the scale to 100% / actual size)</source>
        <translation>印刷（倍率は 100%・実際のサイズで）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Printing</source>
        <translation>印刷中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent %1 pages to the printer.</source>
        <translation>プリンターに %1 ページを送りました。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+19"/>
        <source>Export the attendance</source>
        <translation>出欠状況の書き出し</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <source>Paper sign-in sheet</source>
        <translation>紙の受付表</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+16"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Saved %1. Print it at 100 % and keep it at the desk.</source>
        <translation>%1 に保存しました。100%（実際のサイズ）で印刷し、受付に置いてください。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved %1. Print at 100 % (actual size).</source>
        <translation>%1 に保存しました。100%（実際のサイズ）で印刷してください。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+8"/>
        <source>Reissue the badge</source>
        <translation>バッジの再交付</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Why (e.g. lost)?</source>
        <translation>理由（例: 紛失）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reissued the badge of %1: the old badge is refused at the desk from now on. Print the new one from the Badges menu.</source>
        <translation>%1 のバッジを再交付しました。以前のバッジは今後受付で使えません。新しいバッジは「バッジ」メニューから印刷してください。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+9"/>
        <source>Discussion group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Group of %1 (choose one, or type a new name):</source>
        <translation>%1 のグループ（選ぶか、新しい名前を入力）:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 is now in group %2. Print the badge again to show it (the badge already printed still checks in).</source>
        <translation>%1 をグループ %2 に変更しました。新しいグループはバッジを印刷し直すと載ります（印刷済みのバッジもそのまま受付に使えます）。</translation>
    </message>
</context>
<context>
    <name>DeskControls</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/checkin/desk_controls.py" line="+49"/>
        <source>Mute</source>
        <translation>消音</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Camera</source>
        <translation>カメラ</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Run</source>
        <translation>養成研修</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Desk</source>
        <translation>受付名</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Day %1 (%2)</source>
        <translation>%1日目（%2）</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Desk 1</source>
        <translation>受付1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>● Database connected</source>
        <translation>● データベース接続中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>● Database unreachable</source>
        <translation>● データベースに接続できません</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/checkin/desk_page.py" line="+73"/>
        <source>Desk 1</source>
        <translation>受付1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scan a badge (barcode scanner or camera)</source>
        <translation>バッジを読み取ってください（バーコードリーダー・カメラ）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+224"/>
        <source>Camera off</source>
        <translation>カメラ停止中</translation>
    </message>
    <message>
        <location line="-173"/>
        <source>No training run with venue days yet</source>
        <translation>集合研修の日程がある養成研修がありません</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The database cannot be reached.</source>
        <translation>データベースに接続できません。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(This earlier scan was recorded after all.) </source>
        <translation>（先ほどの読み取りは結果的に記録されていました。）</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The database did not answer within 2 seconds.</source>
        <translation>データベースが2秒以内に応答しませんでした。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The desk could not load the roster.</source>
        <translation>受付の名簿を読み込めませんでした。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checked in %1 of %2</source>
        <translation>受付済み %1 / %2 名</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No camera found: use the barcode scanner or the search.</source>
        <translation>カメラがありません。バーコードリーダーか名前検索を使ってください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting the camera…</source>
        <translation>カメラを起動中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera error: %1</source>
        <translation>カメラのエラー: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Check-in</source>
        <translation>受付</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/checkin/dialogs.py" line="+74"/>
        <source>Choose…</source>
        <translation>選んでください…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason category</source>
        <translation>理由の区分</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time on the paper sheet</source>
        <translation>受付表の到着時刻</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your role may not record this. A user who may (the secretariat) enters their name and password:</source>
        <translation>この記録はあなたの権限ではできません。記録できる人（事務局）がユーザー名とパスワードを入力してください:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Check in from the paper sheet</source>
        <translation>紙の受付表から入力</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Override: admit despite the lateness</source>
        <translation>やむを得ない事情による受講許可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave early</source>
        <translation>早退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>戻り</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent</source>
        <translation>欠席</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excused absence (accepted by the secretariat)</source>
        <translation>やむを得ない事情による欠席（事務局が受理）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusion (secretariat&apos;s judgement)</source>
        <translation>受講継続不可（事務局判断）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a reason category.</source>
        <translation>理由の区分を選んでください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a note: it is required for this record.</source>
        <translation>メモを入力してください（この記録には必須です）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the name and password of a user who may record this.</source>
        <translation>記録できる人のユーザー名とパスワードを入力してください。</translation>
    </message>
</context>
<context>
    <name>PracticeBar</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/checkin/practice.py" line="+38"/>
        <source>Practice clock (demo)</source>
        <translation>練習用の時計（デモ）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Before the start</source>
        <translation>開始前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>+30 min</source>
        <translation>30分遅れ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+65 min</source>
        <translation>65分遅れ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Try a sample code…</source>
        <translation>練習用のコードを試す…</translation>
    </message>
</context>
<context>
    <name>TraineePanel</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/checkin/trainee_panel.py" line="+52"/>
        <source>No.</source>
        <translation>受講番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>到着</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name, kana, romaji or trainee number</source>
        <translation>氏名・ふりがな・ローマ字・受講番号</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Check in</source>
        <translation>受付</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Leave early</source>
        <translation>早退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>戻り</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Absent</source>
        <translation>欠席</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From paper…</source>
        <translation>紙から入力…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excused absence…</source>
        <translation>やむを得ない欠席…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusion…</source>
        <translation>受講継続不可…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Undo…</source>
        <translation>取り消し…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Search (no badge)</source>
        <translation>検索（バッジがない場合）</translation>
    </message>
</context>
<context>
    <name>UndoDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/checkin/dialogs.py" line="+22"/>
        <source>Undo a mistaken record</source>
        <translation>誤った記録の取り消し</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Why (e.g. wrong person selected)</source>
        <translation>理由（例: 別の人を選んだ）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The record stays in the history, marked as undone.</source>
        <translation>記録は削除されず、取り消し済みとして履歴に残ります。</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/checkin/verdict_panel.py" line="+31"/>
        <source>Unreadable code</source>
        <translation>読み取りエラー（このシステムのコードではないか不完全）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forged or altered badge</source>
        <translation>偽造・改ざんのバッジ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forged badge (unknown signer)</source>
        <translation>偽造のバッジ（登録されていない鍵）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a check-in badge</source>
        <translation>受付用バッジではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsupported code</source>
        <translation>対応していないコード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge of another training run</source>
        <translation>別の養成研修のバッジ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Superseded badge (reissued)</source>
        <translation>旧版のバッジ（再交付済み）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge not issued</source>
        <translation>発行記録のないバッジ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not on the roster</source>
        <translation>名簿にありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong day for this desk</source>
        <translation>受付の日付が違います</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Badge not accepted</source>
        <translation>受け付けられないバッジ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>On time</source>
        <translation>出席</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Late: %1 min</source>
        <translation>遅刻 %1分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admitted (unavoidable cause)</source>
        <translation>受講許可（やむを得ない事情）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refused: excluded by the secretariat</source>
        <translation>受講不可（受講継続不可・事務局判断）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused: %1 min late</source>
        <translation>受講不可（%1分の遅刻）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already checked in</source>
        <translation>受付済み</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded</source>
        <translation>記録しました</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checked in at %1, %2, by %3</source>
        <translation>%1 に %2 で受付（%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (typed from the paper sheet)</source>
        <translation>（紙の受付表から入力）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start %1 · arrived %2 · %3 min late</source>
        <translation>開始 %1 ・ 到着 %2 ・ %3分の遅れ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule: arriving %1 minutes or more after the start is refused, unless an override records an unavoidable cause.</source>
        <translation>基準: 開始時刻から %1分以上遅れて到着した場合は受講不可（やむを得ない事情による受講許可を記録した場合を除く）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Override (unavoidable cause)…</source>
        <translation>やむを得ない事情による受講許可…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo this check-in…</source>
        <translation>この受付を取り消す…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Scan a badge</source>
        <translation>バッジを読み取ってください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcode scanner, camera, or search by name on the right.</source>
        <translation>バーコードリーダー、カメラ、または右の名前検索で受付します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>NOT recorded: database unreachable</source>
        <translation>記録できません（データベースに接続できません）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the trainee on the paper sign-in sheet; type it in with &quot;From paper&quot; when the database is back.</source>
        <translation>紙の受付表に記入してください。データベースが戻ったら「紙から入力」で登録します。</translation>
    </message>
</context>
</TS>
