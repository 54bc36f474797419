<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/roster/import_preview.py" line="+53"/>
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
        <source>Import the trainees into training run</source>
        <translation>取り込み先の養成研修</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Without a training run these trainees get no answer form until they are assigned to one.</source>
        <translation>養成研修を指定しないと、これらの受講生には養成研修に割り当てるまで解答用紙が印刷されません。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import without the rows that have errors</source>
        <translation>エラーの行を除いて取り込む</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+108"/>
        <source>Import all</source>
        <translation>すべて取り込む</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+42"/>
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
        <location line="+26"/>
        <source>Import without the rows with errors</source>
        <translation>エラーの行を除いて取り込む</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <name>RosterPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/roster/roster_page.py" line="+49"/>
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
        <location line="+4"/>
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
        <location filename="../../src/scfn_desktop/ui/roster/transfer.py" line="+49"/>
        <location line="+16"/>
        <location line="+49"/>
        <location line="+3"/>
        <source>Import roster</source>
        <translation>名簿の取り込み</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Roster files (*.xlsx *.csv *.json);;Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
        <translation>名簿ファイル (*.xlsx *.csv *.json);;Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Imported trainees belong to a training run (their answer forms are printed for it), and no training run is open.</source>
        <translation>受講生は養成研修に取り込みます（解答用紙は養成研修ごとに印刷します）が、実施中の養成研修がありません。</translation>
    </message>
    <message>
        <location line="+29"/>
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
    <name>TraineeDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/roster/trainee_dialog.py" line="+50"/>
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
        <location filename="../../src/scfn_desktop/ui/roster/trainee_table.py" line="+18"/>
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
