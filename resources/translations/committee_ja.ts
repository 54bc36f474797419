<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>BulkAcceptDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/committee/bulk_dialog.py" line="+24"/>
        <source>Accept the proposals of the clear cases</source>
        <translation>判定案が明確な受講生の一括決定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These %1 trainees will be decided as proposed (%2 certified, %3 not certified). Trainees whose proposal cannot decide, and trainees already decided, are not in the list.</source>
        <translation>次の %1 名を判定案どおりに決定します（認定 %2 名、不認定 %3 名）。判定できない受講生と、決定済みの受講生は含まれていません。</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <source>Decision</source>
        <translation>決定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Record these %1 decisions</source>
        <translation>この %1 名の決定を記録</translation>
    </message>
</context>
<context>
    <name>CertifyDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/committee/certify_dialogs.py" line="+31"/>
        <source>Record the agency&apos;s certification</source>
        <translation>認証の記録（出入国在留管理庁）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certified by the agency (%1):</source>
        <translation>認証された受講生（%1 名）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. the agency&apos;s letter number</source>
        <translation>例：出入国在留管理庁の文書番号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certification date:</source>
        <translation>認証日：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agency&apos;s reference:</source>
        <translation>認証の根拠（文書番号など）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each trainee gets a certificate number; the validity ends three years after 31 March of the certification&apos;s fiscal year.</source>
        <translation>受講生ごとに認定番号を付けます。有効期間は、認証日が属する年度の3月31日から3年です。</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/committee/decision_dialog.py" line="+40"/>
        <source>Amend the decision</source>
        <extracomment>submit(outcome, category, reason, awaiting, amendment_reason) -&gt; the recorded decision</extracomment>
        <translation>決定の修正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a decision</source>
        <translation>決定の記録</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Why (required for 不認定 and whenever the decision departs from the proposal)</source>
        <translation>理由（不認定の場合と、判定案と異なる決定の場合は必須）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. the attendance record of day 2</source>
        <translation>例：2日目の出席記録</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why the closed meeting&apos;s decision changes</source>
        <translation>終了した委員会の決定を変更する理由</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decision:</source>
        <translation>決定：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason category:</source>
        <translation>理由の区分：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting:</source>
        <translation>待っている事項：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for the amendment:</source>
        <translation>修正の理由：</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This follows the proposal.</source>
        <translation>判定案どおりの決定です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This departs from the proposal: write the reason.</source>
        <translation>判定案と異なる決定です。理由を記入してください。</translation>
    </message>
</context>
<context>
    <name>DecisionTableModel</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/committee/decision_table.py" line="+39"/>
        <source>no record</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>both days</source>
        <translation>2日間受講</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>受講不可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>excluded</source>
        <translation>受講継続不可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>absent</source>
        <translation>欠席</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>excused absence</source>
        <translation>やむを得ない欠席</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incomplete</source>
        <translation>一部未受講</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not recorded in full</source>
        <translation>記録が不完全</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>certify</source>
        <translation>認定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not certified</source>
        <translation>不認定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot decide</source>
        <translation>判定不能</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Number</source>
        <translation>受講番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>修了認定テスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendance</source>
        <translation>出席</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposal</source>
        <translation>判定案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>所属機関</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>≠ decided against the proposal: %1</source>
        <translation>≠ 判定案と異なる決定：%1</translation>
    </message>
</context>
<context>
    <name>DecisionsPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/committee/decisions_page.py" line="+60"/>
        <source>All trainees</source>
        <translation>全受講生</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not decided yet</source>
        <translation>未決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposal cannot decide</source>
        <translation>判定不能の判定案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided against the proposal</source>
        <translation>判定案と異なる決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deferred</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting the agency&apos;s certification</source>
        <translation>認証待ち</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number, name or organisation</source>
        <translation>受講番号・氏名・所属機関</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Decide…</source>
        <translation>決定…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amend…</source>
        <translation>修正…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disqualification grounds…</source>
        <translation>欠格事由…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Training run:</source>
        <translation>養成研修：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meeting:</source>
        <translation>委員会：</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+32"/>
        <source>open</source>
        <translation>開催中</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+32"/>
        <source>closed</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>No meeting yet</source>
        <translation>委員会はまだありません</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No meeting: open one to record decisions.</source>
        <translation>委員会がありません。決定を記録するには委員会を開催してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meeting of %1 (%2), members present: %3.</source>
        <translation>%1 の委員会（%2）、出席委員：%3。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proposals: %1 certify, %2 not certified, %3 cannot decide. Decided %4 of %5.</source>
        <translation>判定案：認定 %1 名、不認定 %2 名、判定不能 %3 名。決定済み %4 / %5 名。</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Review committee</source>
        <translation>認定審査委員会</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/committee/dossier_view.py" line="+48"/>
        <location line="+63"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+32"/>
        <location line="+31"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Proposal: certify</source>
        <translation>判定案：認定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposal: not certified</source>
        <translation>判定案：不認定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposal: cannot decide</source>
        <translation>判定案：判定不能</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Judged as of %1</source>
        <translation>%1 時点の判定</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>所属機関</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Romaji</source>
        <translation>ローマ字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualification</source>
        <translation>資格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent to publish the name</source>
        <translation>氏名公表の同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity and organisation</source>
        <translation>本人・所属機関</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Online course ① and practice</source>
        <translation>養成課程①・実践</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Venue session ② (both days)</source>
        <translation>養成課程②（集合研修・2日間）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Day %1</source>
        <translation>%1日目</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Completion test</source>
        <translation>修了認定テスト</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 still open</source>
        <translation>未確認 %1 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none open</source>
        <translation>未確認なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>得点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass mark</source>
        <translation>合格基準</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marks reviewed by a proctor</source>
        <translation>試験監督が確認したマーク</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>applies (sentence not yet over)</source>
        <translation>該当（刑の執行が終わっていない）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>does not apply</source>
        <translation>該当しない</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>2-year window from %1</source>
        <translation>%1 から2年間</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>applies</source>
        <translation>該当</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>recorded by %1, %2</source>
        <translation>記録：%1、%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evidence</source>
        <translation>根拠</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As declared</source>
        <translation>本人の申告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As checked</source>
        <translation>委員会の確認</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The register holds a revoked certificate of a person with the same name and kana: %1 (trainee %2), revoked on %3.</source>
        <translation>認定者名簿に、同じ氏名・フリガナの人の取消済みの認定証があります：%1（受講番号 %2）、%3 取消。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disqualification grounds</source>
        <translation>欠格事由</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decisions</source>
        <translation>決定の履歴</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>against the proposal</source>
        <translation>判定案と異なる</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accepted in bulk</source>
        <translation>一括決定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>amendment: %1</source>
        <translation>修正：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>version %1, %2, %3</source>
        <translation>第%1版、%2、%3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>expired</source>
        <translation>有効期限切れ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoked</source>
        <translation>取消済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate number</source>
        <translation>認定番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certified on</source>
        <translation>認証日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agency reference</source>
        <translation>認証の根拠</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoked on</source>
        <translation>取消日</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Certification by the agency</source>
        <translation>認証（出入国在留管理庁）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting the agency&apos;s certification.</source>
        <translation>出入国在留管理庁による認証を待っています。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: exempt from %2 in a run starting by %3.</source>
        <translation>%1：%3 までに開始される養成研修を受講する場合、%2の受講を免除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: no exemption.</source>
        <translation>%1：減免措置の対象外。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retake exemption</source>
        <translation>再受験の減免措置</translation>
    </message>
</context>
<context>
    <name>GroundsDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/committee/grounds_dialog.py" line="+67"/>
        <source>Disqualification grounds: %1</source>
        <translation>欠格事由：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As declared by the trainee</source>
        <translation>本人の申告として記録</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As checked by the committee</source>
        <translation>委員会の確認として記録</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>applies</source>
        <translation>該当</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sentence not yet over</source>
        <translation>刑の執行が終わっていない</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was looked at (required for a check), e.g. 誓約書, 本人確認書類</source>
        <translation>確認した書類など（確認の場合は必須）。例：誓約書、本人確認書類</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record:</source>
        <translation>記録の種類：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Evidence:</source>
        <translation>根拠：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For ②-④ give the day the sentence was served or ceased to be enforceable, or the day of revocation: the ground applies for two years from it.</source>
        <translation>②〜④は、刑の執行を終わり又は執行を受けることがなくなった日、又は取消しの日を入力します。その日から2年間、欠格事由に該当します。</translation>
    </message>
</context>
<context>
    <name>MeetingActions</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/committee/meeting_actions.py" line="+33"/>
        <source>New meeting…</source>
        <translation>委員会を開催…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members…</source>
        <translation>出席委員…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept clear proposals…</source>
        <translation>明確な判定案を一括決定…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close meeting…</source>
        <translation>委員会を終了…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Documents</source>
        <translation>書類</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minutes (PDF)…</source>
        <translation>議事録（PDF）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result notices, one PDF…</source>
        <translation>結果通知書（1つのPDF）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result notices, one PDF each…</source>
        <translation>結果通知書（1名ずつPDF）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results table for the agency (xlsx)…</source>
        <translation>審査結果一覧（出入国在留管理庁あて、xlsx）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm declared grounds as checked…</source>
        <translation>申告どおり欠格事由の確認を記録…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Close the meeting of %1? Its decisions are locked afterwards (a change is then an amendment) and the minutes are written.</source>
        <translation>%1 の委員会を終了しますか？終了後は決定を変更できなくなり（変更は修正として記録）、議事録を作成します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 trainees have no decision yet.</source>
        <translation>%1 名はまだ決定していません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close meeting</source>
        <translation>委員会の終了</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Meeting closed</source>
        <translation>委員会を終了しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The decisions are locked. The minutes were saved as %1 in the data folder.</source>
        <translation>決定を確定しました。議事録をデータフォルダーの %1 に保存しました。</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+4"/>
        <source>Minutes</source>
        <translation>議事録</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+16"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+15"/>
        <location line="+10"/>
        <source>Saved %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Folder for the notices</source>
        <translation>通知書の保存先フォルダー</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Result notices</source>
        <translation>結果通知書</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>Results table</source>
        <translation>審査結果一覧</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+11"/>
        <source>Confirm declared grounds</source>
        <translation>欠格事由の確認</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Evidence for every trainee who declared and has no check yet:</source>
        <translation>申告済みで未確認の受講生全員について、確認の根拠：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recorded %1 checks.</source>
        <translation>%1 名の確認を記録しました。</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/committee/meeting_dialog.py" line="+41"/>
        <source>Members present</source>
        <translation>出席委員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a committee meeting</source>
        <translation>認定審査委員会の開催</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. 出入国在留管理庁 会議室</source>
        <translation>例：出入国在留管理庁 会議室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add member</source>
        <translation>委員を追加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove member</source>
        <translation>委員を削除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date:</source>
        <translation>日付：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Place:</source>
        <translation>開催場所：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Chair</source>
        <translation>委員長</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>委員</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/committee/register_page.py" line="+54"/>
        <location line="+27"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+28"/>
        <source>Organisation</source>
        <translation>所属機関</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Decided on</source>
        <translation>決定日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record certification…</source>
        <translation>認証を記録…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>by number</source>
        <translation>認定番号順</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>by name</source>
        <translation>氏名順</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by organisation</source>
        <translation>所属機関順</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by certification date</source>
        <translation>認証日順</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by validity</source>
        <translation>有効期限順</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number, name, kana or organisation</source>
        <translation>認定番号・氏名・フリガナ・所属機関</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate number</source>
        <translation>認定番号</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+27"/>
        <source>Trainee number</source>
        <translation>受講番号</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Nobody awaits the agency&apos;s certification.</source>
        <translation>認証待ちの受講生はいません。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certified on</source>
        <translation>認証日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record revocation…</source>
        <translation>取消を記録…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+106"/>
        <location line="+17"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Register (%1)…</source>
        <translation>認定者名簿（%1）…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Public list of organisations (%1)…</source>
        <translation>所属機関リスト（公表用、%1）…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Awaiting the agency&apos;s certification</source>
        <translation>認証待ち</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+98"/>
        <source>Register of certified persons</source>
        <translation>認定者名簿</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>%1 certificates shown</source>
        <translation>%1 件を表示</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Saved %1</source>
        <translation>%1 に保存しました</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/committee/certify_dialogs.py" line="+24"/>
        <source>Record a revocation</source>
        <translation>取消の記録</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Certificate:</source>
        <translation>認定証：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revocation date:</source>
        <translation>取消日：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number is kept and never given again. For two years from the revocation date, disqualification ground ④ applies to the person.</source>
        <translation>認定番号はそのまま残り、再び使われることはありません。取消日から2年間、この人には欠格事由④が該当します。</translation>
    </message>
</context>
<context>
    <name>_DatedGround</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/committee/grounds_dialog.py" line="-67"/>
        <source>Date:</source>
        <translation>日付：</translation>
    </message>
</context>
</TS>
