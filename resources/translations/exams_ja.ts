<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AnswerKeyGrid</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/key_grid.py" line="+44"/>
        <source>Answer</source>
        <translation>正答</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type each answer (1/3 = either is correct), or copy the answer column in a spreadsheet and press Ctrl+V here.</source>
        <translation>正答を1問ずつ入力します（1/3 はどちらも正解）。表計算ソフトで正答の列をコピーし、ここで Ctrl+V を押して貼り付けることもできます。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Q%1</source>
        <translation>問%1</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/key_dialog.py" line="+74"/>
        <source>Re-scored: changed results</source>
        <translation>再採点：結果が変わった受講生</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The results of %1 trainees changed.</source>
        <translation>%1 名の判定が変わりました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody&apos;s result changed.</source>
        <translation>判定が変わった受講生はいません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trainee number</source>
        <translation>受講番号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>得点</translation>
    </message>
</context>
<context>
    <name>ExamCommon</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/common.py" line="+65"/>
        <source>exam%1</source>
        <translation>試験%1</translation>
    </message>
</context>
<context>
    <name>ExamPicker</name>
    <message>
        <location line="-30"/>
        <source>%1 %2 (%3 questions)</source>
        <translation>%1 %2（%3問）</translation>
    </message>
</context>
<context>
    <name>ExamSetupDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/setup_dialog.py" line="+108"/>
        <source>Create the completion certification test</source>
        <translation>修了認定テストの作成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2 trainees)</source>
        <translation>%1（受講生 %2 名）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Digits (1, 2, 3 …)</source>
        <translation>数字（1, 2, 3 …）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Katakana (ア, イ, ウ …)</source>
        <translation>カナ（ア, イ, ウ …）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> points</source>
        <translation> 点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One answer per question (1/3 = either is correct). To paste from a spreadsheet, copy the answer column, click question 1 and press Ctrl+V.</source>
        <translation>1問に1つの正答を入力します（1/3 はどちらも正解）。表計算ソフトから貼り付けるには、正答の列をコピーし、問1をクリックして Ctrl+V を押します。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Training run:</source>
        <translation>養成研修:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title:</source>
        <translation>試験名:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>questions ×</source>
        <translation>問 ×</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>choices</source>
        <translation>択</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size:</source>
        <translation>問題数:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choice labels:</source>
        <translation>選択肢の記号:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points per question:</source>
        <translation>配点（1問あたり）:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Answer key:</source>
        <translation>正答:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass criterion:</source>
        <translation>合格基準:</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Create</source>
        <translation>作成</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>(at most %1 questions fit on one form)</source>
        <translation>（解答用紙1枚に %1 問まで）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2 answers entered · choices: %3</source>
        <translation>%2 問中 %1 問の正答を入力済み・選択肢: %3</translation>
    </message>
</context>
<context>
    <name>FillBars</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/fill_bars.py" line="+39"/>
        <source>Darkness of each choice (0 = white, 1 = black). Above the upper line: filled; below the lower line: empty; between (orange): needs a person.</source>
        <translation>選択肢ごとの濃さ（0 = 白、1 = 黒）。上の線より濃ければ「塗り」、下の線より薄ければ「空欄」、その間（オレンジ）は人の確認が必要です。</translation>
    </message>
</context>
<context>
    <name>HotFolderPanel</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/hot_folder_panel.py" line="+44"/>
        <source>Hot folder: read each scan as the scanner saves it</source>
        <translation>ホットフォルダー：スキャナーが保存したファイルをすぐに読み取る</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The scanner&apos;s output folder</source>
        <translation>スキャナーの保存フォルダー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+79"/>
        <source>Start watching</source>
        <translation>監視を開始</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Not watching.</source>
        <translation>監視していません。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scanner output folder</source>
        <translation>スキャナーの保存フォルダー</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose an exam and the scanner&apos;s output folder.</source>
        <translation>試験と、スキャナーの保存フォルダーを選んでください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stop watching</source>
        <translation>監視を停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopping after the file being read…</source>
        <translation>読み取り中のファイルを終えてから停止します…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Watching %1: %2 files read, the last one %3 at %4.</source>
        <translation>%1 を監視中：%2 ファイル読み取り済み（最後は %4 に %3）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Watching %1: waiting for the scanner…</source>
        <translation>%1 を監視中：スキャンを待っています…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watching %1: %2</source>
        <translation>%1 を監視中：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not watching. %1 files were read.</source>
        <translation>監視を停止しました。%1 ファイルを読み取りました。</translation>
    </message>
</context>
<context>
    <name>ItemAnalysisView</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/item_table.py" line="+44"/>
        <source>Q</source>
        <translation>問</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>正答</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Correct (p)</source>
        <translation>正答率 (p)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discrimination (r)</source>
        <translation>識別力 (r)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Upper−lower (D)</source>
        <translation>上位−下位 (D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choices picked</source>
        <translation>選ばれた選択肢（★正答）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Blank</source>
        <translation>無答</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Several</source>
        <translation>複数マーク</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>注意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the trainees who answered it right.</source>
        <translation>正解した受講生の割合です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point-biserial correlation of the question with the rest of the test (the question left out of the total): below 0.20 the question hardly separates stronger from weaker trainees; below 0, stronger trainees got it wrong more often.</source>
        <translation>この問題と、この問題を除いた合計点との点双列相関です。0.20 未満では成績の上位と下位をほとんど区別できていません。0 未満では成績上位の受講生ほど誤答しています。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Share right in the top 27 % minus share right in the bottom 27 % by total score.</source>
        <translation>合計点の上位27%の正答率から下位27%の正答率を引いた値です。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reliability KR-20: %1 (%2 questions, voided ones left out) · %3 trainees graded · mean %4, SD %5 · check the key or question: %6 (orange) · weak: %7 (yellow)</source>
        <translation>信頼性係数 KR-20: %1（%2問、没問を除く）・採点済み %3 名・平均 %4、標準偏差 %5・正答や設問の確認が必要: %6問（橙）・識別力などが弱い: %7問（黄）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 sheets wait for review or a choice and are not counted yet</source>
        <translation>要確認・重複の用紙 %1 枚はまだ集計に入っていません</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>voided</source>
        <translation>没問</translation>
    </message>
</context>
<context>
    <name>KeyChangeDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/key_dialog.py" line="-33"/>
        <source>Change the answer key</source>
        <translation>正答の変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer key (1/3 = either is correct; Ctrl+V pastes a spreadsheet column):</source>
        <translation>正答（1/3 はどちらも正解。Ctrl+V で表計算ソフトの列を貼り付けられます）:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Void a question (everyone gets its points)</source>
        <translation>没問にする（全員正解扱い）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question:</source>
        <translation>問題番号:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (required):</source>
        <translation>理由（必須）:</translation>
    </message>
</context>
<context>
    <name>KeyHistoryDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/rule_dialogs.py" line="+80"/>
        <source>History of the answer key and pass criterion</source>
        <translation>正答・合格基準の変更履歴</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed by</source>
        <translation>変更者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What changed</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pass criterion</source>
        <translation>合格基準</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Each change is a new version; earlier results can always be reproduced. The top row is in force.</source>
        <translation>変更のたびに新しい版として記録され、以前の結果もいつでも再現できます。いちばん上の行が現在の基準です。</translation>
    </message>
</context>
<context>
    <name>PassCriterionDialog</name>
    <message>
        <location line="-72"/>
        <source>Change the pass criterion</source>
        <translation>合格基準の変更</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. decided at the committee meeting of …</source>
        <translation>例: 第2回認定審査委員会（11月20日）で決定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current criterion:</source>
        <translation>現在の基準:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (maximum %2 points)</source>
        <translation>%1（満点 %2 点）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New criterion:</source>
        <translation>新しい基準:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (required):</source>
        <translation>理由（必須）:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone is re-scored at once; the next window lists whose result changed.</source>
        <translation>全員がすぐに再採点され、判定が変わった受講生が次の画面に表示されます。</translation>
    </message>
</context>
<context>
    <name>PassCriterionInput</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/setup_dialog.py" line="-136"/>
        <source>Score rate</source>
        <translation>得点率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>得点</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> % or more</source>
        <translation> %以上</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> points or more</source>
        <translation> 点以上</translation>
    </message>
</context>
<context>
    <name>PrintFormsPanel</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/print_panel.py" line="+66"/>
        <source>Prints one answer form per trainee of the training run, with the trainee number and name already filled in (sorted by trainee number), followed by blank spare forms for spoiled sheets. Trainees write their number on a spare form.</source>
        <translation>養成研修の受講生1人につき1枚、受講番号と氏名を印字した解答用紙を受講番号順に作成し、続けて書き損じ用の白紙の予備用紙を付けます。予備用紙には受講生が受講番号を記入します。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> sheets</source>
        <translation> 枚</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create answer forms (PDF)…</source>
        <translation>解答用紙を作成（PDF）…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Print at 100% (actual size).&lt;/b&gt; Do not use &quot;Fit to page&quot; or &quot;Shrink&quot;: a scaled form cannot be read. Print single-sided on white A4 paper; colour or black-and-white both work.</source>
        <translation>&lt;b&gt;倍率 100%（実際のサイズ）で印刷してください。&lt;/b&gt;「ページに合わせる」「縮小」で印刷すると読み取れません。白い A4 用紙に片面印刷（カラー・白黒どちらでも可）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spare blank forms:</source>
        <translation>予備用紙（白紙）:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner check form (PDF)…</source>
        <translation>スキャナー確認用紙（PDF）…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One page to print and scan before the exam: it tells whether the scanner settings read the trainees&apos; pencil marks</source>
        <translation>試験の前に印刷してスキャンする1枚の用紙です。スキャナーの設定で受講生の鉛筆のマークを読み取れるか確認できます</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No PDF created yet.</source>
        <translation>まだ PDF を作成していません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the PDF</source>
        <translation>PDF を開く</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Created PDF</source>
        <translation>作成した PDF</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No exam yet: the committee creates it on the results page.</source>
        <translation>試験がまだありません。認定審査委員会が「試験結果」画面で作成します。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · %2 questions, %3 choices: %4 personalised forms + %5 spare forms = &lt;b&gt;%6 A4 pages&lt;/b&gt;.</source>
        <translation>%1・%2問・%3択: 受講生用 %4 枚 ＋ 予備用紙 %5 枚 ＝ &lt;b&gt;A4 %6 ページ&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot print: these trainee numbers are not %1 digits: %2</source>
        <translation>印刷できません。次の受講番号が %1 桁の数字ではありません: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>First page:</source>
        <translation>1ページ目:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>answer_forms</source>
        <translation>解答用紙</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the answer forms as PDF</source>
        <translation>解答用紙を PDF で保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save the scanner check form as PDF</source>
        <translation>スキャナー確認用紙を PDF で保存</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved the scanner check form to %1. Print it at 100 %, fill rows 3 and 4 with the exam&apos;s pencils, scan it and check it on the import tab.</source>
        <translation>スキャナー確認用紙を %1 に保存しました。100% で印刷し、3・4行目を試験で使う鉛筆で塗ってからスキャンし、「スキャンの取り込み」タブで確認してください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Creating %1 …</source>
        <translation>%1 を作成中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creating answer forms</source>
        <translation>解答用紙を作成中</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1 pages to %2. Open it to check, or print it now.</source>
        <translation>%1 ページを %2 に保存しました。開いて内容を確認するか、このまま印刷してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The PDF was not created.</source>
        <translation>PDF は作成されませんでした。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled: no PDF was written.</source>
        <translation>キャンセルしました。PDF は保存されていません。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Answer forms</source>
        <translation>解答用紙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print answer forms (set the scale to 100% / actual size)</source>
        <translation>解答用紙の印刷（倍率は 100%・実際のサイズで）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Printing answer forms</source>
        <translation>解答用紙を印刷中</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sent %1 pages to the printer: %2</source>
        <translation>%1 ページをプリンターに送りました: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Printing cancelled. Check the printer for a partly printed job.</source>
        <translation>印刷をキャンセルしました。途中まで印刷された用紙がないか、プリンターを確認してください。</translation>
    </message>
</context>
<context>
    <name>ResultsExporter</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/results_export.py" line="+43"/>
        <source>exam_results</source>
        <translation>試験結果</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <location line="+3"/>
        <source>Export results</source>
        <translation>試験結果の書き出し</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Excel with the item analysis (*.xlsx);;CSV, results only (*.csv)</source>
        <translation>Excel（設問分析つき）(*.xlsx);;CSV（結果のみ）(*.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+22"/>
        <source>Saved %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>annotated_forms</source>
        <translation>解答用紙の読み取り結果</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+15"/>
        <location line="+5"/>
        <source>Annotated answer forms</source>
        <translation>解答用紙の読み取り結果</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Drawing the annotated answer forms</source>
        <translation>読み取り結果の画像を作成しています</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/results_page.py" line="+61"/>
        <source>Trainee number</source>
        <translation>受講番号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>得点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>判定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change answer key…</source>
        <translation>正答を変更…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Void a question…</source>
        <translation>没問にする…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change pass criterion…</source>
        <translation>合格基準を変更…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create exam…</source>
        <translation>試験を作成…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key history…</source>
        <translation>正答・基準の履歴…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results with the item analysis (xlsx/csv)…</source>
        <translation>試験結果と設問分析（xlsx/csv）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotated answer forms (PDF)…</source>
        <translation>読取結果付き解答用紙（PDF）…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exam:</source>
        <translation>試験:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Trainees</source>
        <translation>受講生の結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions (item analysis)</source>
        <translation>設問の分析</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No exam yet. Create the test of a training run with “Create exam…”.</source>
        <translation>試験がまだありません。「試験を作成…」から養成研修の修了認定テストを作成してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No exam yet: the committee creates it.</source>
        <translation>試験がまだありません。認定審査委員会が作成します。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Key version %1 · pass criterion: %2 · voided: %3 · passed %4, failed %5, needs review %6, did not sit %7</source>
        <translation>正答 第%1版・合格基準: %2・没問: %3・合格 %4名、不合格 %5名、要確認 %6名、未受験 %7名</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>An exam is the test of a training run, and no training run is open.</source>
        <translation>修了認定テストは養成研修ごとに作成しますが、実施中の養成研修がありません。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Exam created</source>
        <translation>試験を作成しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created “%1” for %2 (exam ID %3). Proctors can now print the answer forms.</source>
        <translation>%2 の「%1」を作成しました（試験ID %3）。試験監督が解答用紙を印刷できるようになりました。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Exam results</source>
        <translation>試験結果</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/review_page.py" line="+81"/>
        <source>Keys: 1-9 choose · 0 or B blank · M several marks · Enter or N next · P previous</source>
        <translation>キー操作: 1〜9 選択・0 または B 無答・M 複数マーク・Enter または N 次へ・P 前へ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This sheet belongs to the chosen trainee</source>
        <translation>この用紙を選んだ受講生のものとする</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Exam:</source>
        <translation>試験:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>(trainee unknown)</source>
        <translation>（受講生不明）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whose sheet? %1 p.%2</source>
        <translation>受講生不明の用紙 %1 %2ページ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Q%1 · %2 · %3 p.%4</source>
        <translation>問%1・%2・%3 %4ページ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 open of %2</source>
        <translation>未確認 %1 件 / 全 %2 件</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Whose sheet is this? %1 page %2 — read: %3 — %4</source>
        <translation>どの受講生の用紙ですか？ %1 %2ページ — 読取: %3 — %4</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Question %1 — %2 %3 — %4 page %5</source>
        <translation>問%1 — %2 %3 — %4 %5ページ</translation>
    </message>
    <message>
        <location line="-171"/>
        <source>Darkness per choice:</source>
        <translation>選択肢ごとの濃さ:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;span style=&apos;color:#2d2d2d&apos;&gt;■&lt;/span&gt; filled&#x3000;&lt;span style=&apos;color:#f08c00&apos;&gt;■&lt;/span&gt; unclear&#x3000;&lt;span style=&apos;color:#b8b8b8&apos;&gt;■&lt;/span&gt; empty&#x3000;&lt;span style=&apos;color:#1e64e6&apos;&gt;|&lt;/span&gt; this sheet&apos;s thresholds</source>
        <translation>&lt;span style=&apos;color:#2d2d2d&apos;&gt;■&lt;/span&gt; 塗り&#x3000;&lt;span style=&apos;color:#f08c00&apos;&gt;■&lt;/span&gt; 判断できない&#x3000;&lt;span style=&apos;color:#b8b8b8&apos;&gt;■&lt;/span&gt; 空欄&#x3000;&lt;span style=&apos;color:#1e64e6&apos;&gt;|&lt;/span&gt; この用紙のしきい値</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>✔ No marks need review. All %1 items are decided; the results page shows the scores. Press P to go back over a decision.</source>
        <translation>✔ 要確認のマークはありません。%1 件すべて確認済みです。得点は「試験結果」で確認できます。P キーで戻って見直せます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✔ No marks need review for this exam.</source>
        <translation>✔ 要確認のマークはありません。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Not decided yet (machine read: %1)</source>
        <translation>未確認（機械の読取: %1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decided by %1 at %2: %3</source>
        <translation>%1 が %2 に確認: %3</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>blank</source>
        <translation>無答</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>several marks</source>
        <translation>複数マーク</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review marks</source>
        <translation>要確認のマーク</translation>
    </message>
</context>
<context>
    <name>ScanStatus</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/scanning_page.py" line="+296"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainee unknown</source>
        <translation>受講生不明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already imported</source>
        <translation>読み込み済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>読み込み完了</translation>
    </message>
</context>
<context>
    <name>ScannerCheckDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/scanner_check.py" line="+42"/>
        <source>Scanner check</source>
        <translation>スキャナーの確認</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These settings are fit for the exam.</source>
        <translation>この設定で試験の解答用紙を読み取れます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These settings are NOT fit for the exam: change what is marked &apos;Not fit&apos; and check again.</source>
        <translation>この設定は試験に使えません。「不可」の項目を直して、もう一度確認してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Colour</source>
        <translation>カラー</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grey</source>
        <translation>グレースケール</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Black and white (1-bit)</source>
        <translation>白黒（2値）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution:</source>
        <translation>解像度:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour mode:</source>
        <translation>カラーモード:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainee number read:</source>
        <translation>読み取った受講番号:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR code:</source>
        <translation>QR コード:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>read</source>
        <translation>読み取れました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not read</source>
        <translation>読み取れません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK</source>
        <translation>可</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>注意</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not fit</source>
        <translation>不可</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result</source>
        <translation>判定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What was found</source>
        <translation>確認内容</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Printed</source>
        <translation>印刷</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read</source>
        <translation>読取</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Darkness of the printed steps, as the scanner read them:</source>
        <translation>印刷した濃さの段階と、スキャナーが読み取った濃さ:</translation>
    </message>
</context>
<context>
    <name>ScanningPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/scanning_page.py" line="-243"/>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add files…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear list</source>
        <translation>一覧を消去</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import scans</source>
        <translation>読み取り開始</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the scanner…</source>
        <translation>スキャナーの確認…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read a scan of the scanner check form (print it on the print tab) and say whether the scanner settings are fit for the exam</source>
        <translation>スキャナー確認用紙（「解答用紙の印刷」タブで印刷）のスキャンを読み取り、スキャナーの設定が試験に使えるか判定します</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Page</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>判定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trainee number</source>
        <translation>受講番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marks to review</source>
        <translation>要確認の問</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This sheet counts</source>
        <translation>この用紙を採点に使う</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set this sheet aside</source>
        <translation>この用紙を採点から外す</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exam:</source>
        <translation>試験:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the filled forms with the scanner&apos;s document feeder (200-300 dpi, colour or grey, PDF/TIFF/JPEG/PNG), then add the scanner&apos;s output folder here. Files already imported are skipped, so importing the same folder again is safe.</source>
        <translation>記入済みの解答用紙をスキャナーの自動原稿送り装置で読み取り（200〜300 dpi、カラーまたはグレー、PDF/TIFF/JPEG/PNG）、保存先のフォルダーをここに追加します。取り込み済みのファイルは飛ばすので、同じフォルダーをもう一度取り込んでも問題ありません。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Duplicates: select a sheet, then</source>
        <translation>重複した用紙: 表で用紙を選んでから</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>1. Print answer forms</source>
        <translation>1. 解答用紙の印刷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2. Import scanned forms</source>
        <translation>2. スキャンの取り込み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import scanned forms</source>
        <translation>スキャンの取り込み</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Scanner output folder</source>
        <translation>スキャナーの保存フォルダー</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scanned answer forms</source>
        <translation>スキャンした解答用紙</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <source>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;All files (*)</source>
        <translation>スキャン画像 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Choose an exam and at least one folder or file.</source>
        <translation>試験と、フォルダーまたはファイルを1つ以上選んでください。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading answer forms</source>
        <translation>解答用紙を読み取り中</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelled. Files read before cancelling are kept; import again to continue with the rest.</source>
        <translation>中止しました。中止前に読み取ったファイルは保存されています。もう一度読み取ると残りから続けます。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Scan of the scanner check form</source>
        <translation>スキャナー確認用紙のスキャン</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking the scanner</source>
        <translation>スキャナーを確認しています</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Select a sheet in the table first.</source>
        <translation>先に表で用紙を選んでください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Decision recorded for sheet %1.</source>
        <translation>用紙 %1 の判断を記録しました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing new: all %1 files were imported before (nothing was read again; their sheets are listed below).</source>
        <translation>新しいファイルはありません: %1 個のファイルはすべて読み込み済みです（読み直していません。下の表は以前の読み取り結果です）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 sheets read: %2 OK, %3 duplicates, %4 need a trainee, %5 errors.</source>
        <translation>%1 枚を読み取りました: 正常 %2、重複 %3、受講生の指定が必要 %4、エラー %5。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 files were imported before and skipped.</source>
        <translation>読み込み済みのファイル %1 個は読み飛ばしました。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Print and scan answer forms</source>
        <translation>解答用紙の印刷・読み取り</translation>
    </message>
</context>
<context>
    <name>SheetView</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/exams/sheet_view.py" line="+61"/>
        <source>&lt;span style=&apos;color:#28aa28&apos;&gt;■&lt;/span&gt; correct&#x3000;&lt;span style=&apos;color:#dc2828&apos;&gt;■&lt;/span&gt; wrong&#x3000;&lt;span style=&apos;color:#ff9600&apos;&gt;■&lt;/span&gt; doubtful or decided by a person</source>
        <translation>&lt;span style=&apos;color:#28aa28&apos;&gt;■&lt;/span&gt; 正解&#x3000;&lt;span style=&apos;color:#dc2828&apos;&gt;■&lt;/span&gt; 不正解&#x3000;&lt;span style=&apos;color:#ff9600&apos;&gt;■&lt;/span&gt; 要確認のマーク・人が確認した問</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;span style=&apos;color:#1e64e6&apos;&gt;▶&lt;/span&gt; current question</source>
        <translation>&lt;span style=&apos;color:#1e64e6&apos;&gt;▶&lt;/span&gt; 確認中の問</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom out (Ctrl + wheel)</source>
        <translation>縮小（Ctrl + ホイール）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (Ctrl + wheel)</source>
        <translation>拡大（Ctrl + ホイール）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fit the page width</source>
        <translation>ページの幅に合わせて表示</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Zoom %1%</source>
        <translation>倍率 %1%</translation>
    </message>
</context>
</TS>
