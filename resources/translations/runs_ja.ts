<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>NewRunDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/runs/new_run_dialog.py" line="+35"/>
        <source>New training run</source>
        <translation>新しい養成研修</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Training run</source>
        <translation>養成研修</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Venue session days</source>
        <translation>集合研修（養成課程②）の日程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create</source>
        <translation>作成</translation>
    </message>
</context>
<context>
    <name>RunSettingsForm</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/runs/run_form.py" line="+47"/>
        <source>Term %1</source>
        <translation>第%1期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> trainees</source>
        <translation> 名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. Tokyo Women&apos;s Plaza</source>
        <translation>例: 東京ウィメンズプラザ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> minutes</source>
        <translation> 分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arriving this many minutes or more after a day&apos;s start time refuses attendance (60 in the rules), unless staff record an unavoidable delay.</source>
        <translation>各日の開始時刻からこの分数以上遅れて到着した受講生は受講不可になります（規程では60分）。やむを得ない事情による受講許可はスタッフが記録します。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fiscal year:</source>
        <translation>年度:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term:</source>
        <translation>期:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity:</source>
        <translation>定員:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Venue:</source>
        <translation>会場:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused when late by:</source>
        <translation>受講不可となる遅刻:</translation>
    </message>
</context>
<context>
    <name>RunsPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/runs/runs_page.py" line="+65"/>
        <source>Show closed runs</source>
        <translation>終了した養成研修も表示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New training run…</source>
        <translation>新しい養成研修…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+43"/>
        <source>Training run</source>
        <translation>養成研修</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Venue</source>
        <translation>会場</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Venue days</source>
        <translation>集合研修の日程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainees</source>
        <translation>受講生</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the venue days</source>
        <translation>日程を保存</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+229"/>
        <source>Training runs</source>
        <translation>養成研修</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Venue session days</source>
        <translation>集合研修（養成課程②）の日程</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 / %2</source>
        <translation>%1 / %2 名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>実施中</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No training run yet. Create the first one with “New training run…”: the roster import and the exam need it.</source>
        <translation>養成研修がまだありません。「新しい養成研修…」で最初の養成研修を作成してください（名簿の取り込みと修了認定テストに必要です）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No training run yet. An administrator creates it on this page.</source>
        <translation>養成研修がまだありません。このページで管理者が作成します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every training run is closed. Tick “Show closed runs” to see them.</source>
        <translation>すべての養成研修が終了しています。「終了した養成研修も表示」にチェックを入れると表示されます。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No training run selected</source>
        <translation>養成研修が選ばれていません</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Closed on %1 by %2: kept for the records, no longer offered for imports and new exams.</source>
        <translation>%1 に %2 が終了にしました。記録は残りますが、名簿の取り込みと新しい試験には表示されません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open: offered for roster imports and new exams.</source>
        <translation>実施中: 名簿の取り込みと新しい試験の対象になります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen this run</source>
        <translation>この養成研修を再開する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close this run (finished)</source>
        <translation>この養成研修を終了する</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The venue days are saved.</source>
        <translation>日程を保存しました。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is closed. Reopen it here if it is needed again.</source>
        <translation>%1 を終了にしました。再び使う場合はここで再開できます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is open again.</source>
        <translation>%1 を再開しました。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Created %1.</source>
        <translation>%1 を作成しました。</translation>
    </message>
</context>
<context>
    <name>VenueDaysEditor</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/runs/venue_days.py" line="+40"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Day %1</source>
        <translation>%1日目</translation>
    </message>
</context>
<context>
    <name>VerdictChangesDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/runs/verdict_changes.py" line="+31"/>
        <source>Check-in verdicts would change</source>
        <translation>受付の判定が変わります</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Check-ins have begun. With the new schedule the verdict of %n trainee(s) changes. Save and re-judge them?</source>
        <translation>
            <numerusform>受付はすでに始まっています。新しい日程では %n 名の判定が変わります。保存して判定し直しますか？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Trainee</source>
        <translation>受講生</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day</source>
        <translation>日目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Arrived</source>
        <translation>到着</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>現在の判定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After the change</source>
        <translation>変更後の判定</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save and re-judge</source>
        <translation>保存して判定し直す</translation>
    </message>
</context>
</TS>
