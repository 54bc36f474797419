<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ChangesDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="63"/>
        <source>Re-scored: changed results</source>
        <translation>再採点：結果が変わった受講生</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="65"/>
        <source>The results of %1 trainees changed.</source>
        <translation>%1 名の判定が変わりました。</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="66"/>
        <source>Nobody&apos;s result changed.</source>
        <translation>判定が変わった受講生はいません。</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="69"/>
        <source>Trainee number</source>
        <translation>受講番号</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="69"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="70"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="70"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="71"/>
        <source>Score</source>
        <translation>得点</translation>
    </message>
</context>
<context>
    <name>ExamPicker</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_common.py" line="32"/>
        <source>%1 %2 (%3 questions)</source>
        <translation>%1 %2（%3問）</translation>
    </message>
</context>
<context>
    <name>KeyChangeDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="39"/>
        <source>Change the answer key</source>
        <translation>正答の変更</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="40"/>
        <source>Answer key (e.g. 2,4,1/3 — &apos;/&apos; = either is correct):</source>
        <translation>正答（例: 2,4,1/3 — 「/」はいずれも正解）:</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="43"/>
        <source>Void a question (everyone gets its points)</source>
        <translation>没問にする（全員正解扱い）</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="44"/>
        <source>Question:</source>
        <translation>問題番号:</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_key_dialog.py" line="45"/>
        <source>Reason (required):</source>
        <translation>理由（必須）:</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="67"/>
        <source>Trainee number</source>
        <translation>受講番号</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="67"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="67"/>
        <source>Score</source>
        <translation>得点</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="67"/>
        <source>Result</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="68"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="70"/>
        <source>Q</source>
        <translation>問</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="70"/>
        <source>Key</source>
        <translation>正答</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="70"/>
        <source>Correct</source>
        <translation>正答率</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="70"/>
        <source>Blank</source>
        <translation>無答率</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="71"/>
        <source>Doubtful</source>
        <translation>要確認率</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="71"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="73"/>
        <source>Change answer key…</source>
        <translation>正答を変更…</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="76"/>
        <source>Void a question…</source>
        <translation>没問にする…</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="81"/>
        <source>Export results…</source>
        <translation>結果を書き出す…</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="84"/>
        <source>Export annotated sheets (PDF)…</source>
        <translation>読取結果付き解答用紙を書き出す（PDF）…</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="86"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="90"/>
        <source>Exam:</source>
        <translation>試験:</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="115"/>
        <source>No exam yet.</source>
        <translation>試験がまだありません。</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="123"/>
        <source>Key version %1 · pass criterion: %2 · voided: %3 · passed %4, failed %5, needs review %6, did not sit %7</source>
        <translation>正答 第%1版・合格基準: %2・没問: %3・合格 %4名、不合格 %5名、要確認 %6名、未受験 %7名</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="145"/>
        <source>voided</source>
        <translation>没問</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="146"/>
        <source>check this question</source>
        <translation>設問を確認してください</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="192"/>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="203"/>
        <source>Export results</source>
        <translation>結果の書き出し</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="193"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="203"/>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="215"/>
        <source>Saved %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="206"/>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="215"/>
        <source>Annotated sheets</source>
        <translation>読取結果付き解答用紙</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="207"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/results.py" line="219"/>
        <source>Exam results</source>
        <translation>試験結果</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="64"/>
        <source>Keys: 1-9 choose · 0 or B blank · M several marks · Enter or N next · P previous</source>
        <translation>キー操作: 1〜9 選択・0 または B 無答・M 複数マーク・Enter または N 次へ・P 前へ</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="69"/>
        <source>This sheet belongs to the chosen trainee</source>
        <translation>この用紙を選んだ受講生のものとする</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="96"/>
        <source>Exam:</source>
        <translation>試験:</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="132"/>
        <source>(trainee unknown)</source>
        <translation>（受講生不明）</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="134"/>
        <source>Whose sheet? %1 p.%2</source>
        <translation>受講生不明の用紙 %1 %2ページ</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="137"/>
        <source>Q%1 · %2 · %3 p.%4</source>
        <translation>問%1・%2・%3 %4ページ</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="142"/>
        <source>%1 open of %2</source>
        <translation>未確認 %1 件 / 全 %2 件</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="162"/>
        <source>Nothing to review.</source>
        <translation>要確認のマークはありません。</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="168"/>
        <source>Whose sheet is this? %1 page %2 — read: %3 — %4</source>
        <translation>どの受講生の用紙ですか？ %1 %2ページ — 読取: %3 — %4</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="191"/>
        <source>Question %1 — %2 %3 — %4 page %5</source>
        <translation>問%1 — %2 %3 — %4 %5ページ</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="202"/>
        <source>Darkness per choice:</source>
        <translation>選択肢ごとの濃さ:</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="204"/>
        <source>Not decided yet (machine read: %1)</source>
        <translation>未確認（機械の読取: %1）</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="207"/>
        <source>Decided by %1 at %2: %3</source>
        <translation>%1 が %2 に確認: %3</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="260"/>
        <source>blank</source>
        <translation>無答</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="262"/>
        <source>several marks</source>
        <translation>複数マーク</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/review.py" line="267"/>
        <source>Review marks</source>
        <translation>要確認のマーク</translation>
    </message>
</context>
<context>
    <name>ScanStatus</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="196"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="197"/>
        <source>Duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="198"/>
        <source>Trainee unknown</source>
        <translation>受講生不明</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="199"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="200"/>
        <source>Already imported</source>
        <translation>読み込み済み</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="201"/>
        <source>Imported</source>
        <translation>読み込み完了</translation>
    </message>
</context>
<context>
    <name>ScanningPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="48"/>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="51"/>
        <source>Add files…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="54"/>
        <source>Clear list</source>
        <translation>一覧を消去</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="56"/>
        <source>Import scans</source>
        <translation>読み取り開始</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="66"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="66"/>
        <source>Page</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="66"/>
        <source>Result</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="66"/>
        <source>Trainee number</source>
        <translation>受講番号</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="67"/>
        <source>Marks to review</source>
        <translation>要確認の問</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="67"/>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="74"/>
        <source>This sheet counts</source>
        <translation>この用紙を採点に使う</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="77"/>
        <source>Set this sheet aside</source>
        <translation>この用紙を採点から外す</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="82"/>
        <source>Exam:</source>
        <translation>試験:</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="90"/>
        <source>Duplicates: select a sheet, then</source>
        <translation>重複した用紙: 表で用紙を選んでから</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="106"/>
        <source>Scanner output folder</source>
        <translation>スキャナーの保存フォルダー</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="112"/>
        <source>Scanned answer forms</source>
        <translation>スキャンした解答用紙</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="113"/>
        <source>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;All files (*)</source>
        <translation>スキャン画像 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="120"/>
        <source>Choose an exam and at least one folder or file.</source>
        <translation>試験と、フォルダーまたはファイルを1つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="125"/>
        <source>Reading answer forms</source>
        <translation>解答用紙を読み取り中</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="137"/>
        <source>Cancelled. Files read before cancelling are kept; import again to continue with the rest.</source>
        <translation>中止しました。中止前に読み取ったファイルは保存されています。もう一度読み取ると残りから続けます。</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="153"/>
        <source>%1 sheets read: %2 OK, %3 duplicates, %4 need a trainee, %5 errors; %6 files already imported.</source>
        <translation>%1 枚を読み取りました: 正常 %2、重複 %3、受講生不明 %4、エラー %5。読み込み済みのファイル %6 件。</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="181"/>
        <source>Select a sheet in the table first.</source>
        <translation>先に表で用紙を選んでください。</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="191"/>
        <source>Decision recorded for sheet %1.</source>
        <translation>用紙 %1 の判断を記録しました。</translation>
    </message>
    <message>
        <location filename="../../src/scfn_desktop/ui/pages/scanning.py" line="207"/>
        <source>Scan answer forms</source>
        <translation>解答用紙の読み取り</translation>
    </message>
</context>
<context>
    <name>SheetView</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/widgets/exam_sheet_view.py" line="20"/>
        <source>&lt;span style=&apos;color:#28aa28&apos;&gt;■&lt;/span&gt; correct&#x3000;&lt;span style=&apos;color:#dc2828&apos;&gt;■&lt;/span&gt; wrong&#x3000;&lt;span style=&apos;color:#ff9600&apos;&gt;■&lt;/span&gt; doubtful or decided by a person</source>
        <translation>&lt;span style='color:#28aa28'&gt;■&lt;/span&gt; 正解　&lt;span style='color:#dc2828'&gt;■&lt;/span&gt; 不正解　&lt;span style='color:#ff9600'&gt;■&lt;/span&gt; 要確認のマーク・人が確認した問</translation>
    </message>
</context>
</TS>
