<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CardsPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/cards/cards_page.py" line="+59"/>
        <source>Keys and verifier files…</source>
        <translation>鍵と確認用ファイル…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All cards</source>
        <translation>すべての認定証</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiring within</source>
        <translation>期限間近（次の期間内）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>有効期限切れ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revoked</source>
        <translation>取消済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Superseded (reissued)</source>
        <translation>旧版（再交付済み）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not issued yet</source>
        <translation>未交付</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> months</source>
        <translation>か月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number, name or organisation</source>
        <translation>認定番号・氏名・所属機関で検索</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificate number</source>
        <translation>認定番号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rev.</source>
        <translation>版</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trainee number</source>
        <translation>受講番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valid until</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <source>Photo</source>
        <translation>写真</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Issued</source>
        <translation>交付日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue cards not issued yet…</source>
        <translation>未交付の認定証を交付…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reissue…</source>
        <translation>再交付…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renew…</source>
        <translation>更新…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke…</source>
        <translation>取消…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import a photo…</source>
        <translation>写真を取り込む…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the photo</source>
        <translation>写真を外す</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renewal reminders (Excel)…</source>
        <translation>更新のお知らせ（Excel）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Badges (one file per person)…</source>
        <translation>オープンバッジ（1人1ファイル）…</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+203"/>
        <source>Certificate cards</source>
        <translation>認定証（カード）</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>Issuer key %1</source>
        <translation>発行者鍵 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No issuer key yet</source>
        <translation>発行者鍵はまだありません</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (expiring)</source>
        <translation>（期限間近）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 shown</source>
        <translation>%1 件を表示</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Issuing cards</source>
        <translation>認定証を交付しています</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Issued %1 cards.</source>
        <translation>認定証 %1 件を交付しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not issued:</source>
        <translation>交付しなかったもの:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print them with Print….</source>
        <translation>「印刷…」で印刷してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue cards</source>
        <translation>認定証の交付</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Import a photo</source>
        <translation>写真の取り込み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>画像 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+13"/>
        <source>Renewal reminders</source>
        <translation>更新のお知らせ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 certificates expire within %2 months: saved %3</source>
        <translation>%2 か月以内に有効期限を迎える認定証 %1 件を保存しました: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open Badges: choose a folder</source>
        <translation>オープンバッジ: 保存先のフォルダーを選択</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>Open Badges</source>
        <translation>オープンバッジ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote %1 Open Badges (VC-JWT) to %2.</source>
        <translation>オープンバッジ（VC-JWT）%1 件を %2 に書き出しました。</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/cards/keys_dialog.py" line="+42"/>
        <source>Keys and verifier files</source>
        <translation>鍵と確認用ファイル</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Key id</source>
        <translation>鍵ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fingerprint</source>
        <translation>フィンガープリント</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key name</source>
        <translation>鍵の名前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since</source>
        <translation>登録日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export public keys…</source>
        <translation>公開鍵を書き出す…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export revocation list…</source>
        <translation>失効リストを書き出す…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export verifier page…</source>
        <translation>確認用ページを書き出す…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a public key…</source>
        <translation>公開鍵を取り込む…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the issuer key…</source>
        <translation>発行者鍵を作成…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rotate the issuer key…</source>
        <translation>発行者鍵を更新…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hand out the public keys with their fingerprints (read them out, or print them) and the verifier page; a verifying PC imports the public key after comparing the fingerprint. Export the revocation list again after every revocation or reissue.</source>
        <translation>公開鍵はフィンガープリント（読み上げるか印刷して伝えます）と一緒に、確認用ページとあわせて配布します。確認する側のPCは、フィンガープリントを照合してから公開鍵を取り込みます。取消や再交付のたびに失効リストを書き出し直してください。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Issuer key fingerprint: %1</source>
        <translation>発行者鍵のフィンガープリント: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PC has no issuer key (it is made when the first card is issued).</source>
        <translation>この端末には発行者鍵がありません（最初の認定証を交付するときに作成されます）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Issuer key (this installation)</source>
        <translation>発行者鍵（この環境）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>取り込んだ鍵</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (signs new cards)</source>
        <translation>（新しい認定証に署名）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (retired)</source>
        <translation>（旧鍵）</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+9"/>
        <source>Export public keys</source>
        <translation>公開鍵の書き出し</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+25"/>
        <source>Saved %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Export revocation list</source>
        <translation>失効リストの書き出し</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export verifier page</source>
        <translation>確認用ページの書き出し</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+6"/>
        <location line="+13"/>
        <source>Import a public key</source>
        <translation>公開鍵の取り込み</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>A name for the key (e.g. the issuer):</source>
        <translation>鍵の名前（発行元など）:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The key is trusted already.</source>
        <translation>この鍵は既に信頼されています。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare the fingerprint with the one the issuer published:
%1</source>
        <translation>発行元が公開しているフィンガープリントと同じか確かめてください:
%1</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/cards/issuer_key.py" line="+33"/>
        <source>Issuer key</source>
        <translation>発行者鍵</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This PC has no issuer key yet: one is made now and signs every card. You may protect it with a passphrase (8 characters or more), asked whenever a card is signed; leave both fields empty for none. A lost passphrase cannot be recovered.</source>
        <translation>この端末にはまだ発行者鍵がありません。これから作成する鍵で、すべての認定証に署名します。パスフレーズ（8文字以上）で保護することもできます（署名のたびに入力します）。保護しない場合は両方とも空欄にしてください。忘れたパスフレーズは復元できません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The issuer key is protected. Enter its passphrase.</source>
        <translation>発行者鍵はパスフレーズで保護されています。パスフレーズを入力してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat</source>
        <translation>もう一度</translation>
    </message>
</context>
<context>
    <name>PrintCardsDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/cards/print_dialog.py" line="+45"/>
        <location line="+154"/>
        <source>Print cards</source>
        <translation>認定証の印刷</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Cards to print: %1 (current cards, not revoked)</source>
        <translation>印刷する認定証: %1 枚（最新版、取消されていないもの）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Card printer: one card-size page per side (front, then back)</source>
        <translation>カードプリンター：カードの大きさで1面ずつ（表、裏の順）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A4 business-card sheet, 10 per sheet (91 x 55 mm blanks)</source>
        <translation>A4 名刺用紙：1枚に10面（91 x 55 mm）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save offset</source>
        <translation>補正を保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calibration page…</source>
        <translation>位置合わせ用ページ…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A4 offset (mm):</source>
        <translation>A4 の位置補正（mm）:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print at 100 % (actual size). For A4 sheets, print the calibration page on a blank sheet once, read how far the blanks lie from the crosses and save that offset.</source>
        <translation>「実際のサイズ（100%）」で印刷してください。A4 名刺用紙は、最初に位置合わせ用ページを白紙の用紙に印刷し、各面が十字線からどれだけずれているかを読み取って補正を保存します。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save as PDF…</source>
        <translation>PDF に保存…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Offset saved for this PC.</source>
        <translation>この端末の補正を保存しました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calibration page</source>
        <translation>位置合わせ用ページ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1. Print it at 100 % on a blank sheet.</source>
        <translation>%1 に保存しました。白紙の名刺用紙に 100% で印刷してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing the cards&apos; PDF</source>
        <translation>認定証の PDF を作成しています</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save as PDF</source>
        <translation>PDF に保存</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved %1 cards to %2. Print at 100 % (actual size).</source>
        <translation>認定証 %1 枚を %2 に保存しました。「実際のサイズ（100%）」で印刷してください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Certificate cards</source>
        <translation>認定証（カード）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print cards (scale 100 % / actual size)</source>
        <translation>認定証の印刷（倍率 100%／実際のサイズ）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Printing cards</source>
        <translation>認定証を印刷しています</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sent %1 pages to the printer.</source>
        <translation>プリンターに %1 ページを送りました。</translation>
    </message>
</context>
<context>
    <name>ReissueDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/cards/card_dialogs.py" line="+61"/>
        <source>Reissue the card</source>
        <translation>認定証の再交付</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lost</source>
        <translation>紛失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Damaged</source>
        <translation>き損</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name changed</source>
        <translation>氏名の変更</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reason, when it is another one</source>
        <translation>その他の場合の理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>理由:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name on the new card:</source>
        <translation>新しい認定証の氏名:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new card gets the next revision; every earlier card of this certificate is superseded and refused by the verifier. A name change must be made in the roster first.</source>
        <translation>新しい認定証は次の版になり、それより前の認定証はすべて旧版として確認時に拒否されます。氏名の変更は、先に受講生名簿で直してください。</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <location line="+17"/>
        <source>Renew the certification</source>
        <translation>認定の更新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Valid until now:</source>
        <translation>現在の有効期限:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal training completed on:</source>
        <translation>認証更新研修の修了日:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New validity:</source>
        <translation>新しい有効期限:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new card with the new validity is issued; the current card is superseded. A renewal completed after the validity ended is refused: the certification has lapsed.</source>
        <translation>新しい有効期限を記載した認定証を交付し、現在の認定証は旧版になります。有効期限の後に修了した場合は、認定が失効しているため更新できません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>none: the certification has lapsed</source>
        <translation>なし（認定は失効しています）</translation>
    </message>
</context>
<context>
    <name>RevokeCardDialog</name>
    <message>
        <location line="+12"/>
        <source>Revoke the certification</source>
        <translation>認定の取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revocation date:</source>
        <translation>取消日:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>理由:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every card of this certificate is withdrawn at once. Export the revocation list (or a new verifier page) and hand it out, so that other PCs refuse the card too. For two years, disqualification ground ④ applies to the person.</source>
        <translation>この認定のすべての認定証が無効になります。失効リスト（または新しい確認用ページ）を書き出して配布し、ほかの端末でも拒否されるようにしてください。取消日から2年間、この方には欠格事由④が適用されます。</translation>
    </message>
</context>
<context>
    <name>RotateDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/cards/keys_dialog.py" line="+24"/>
        <source>A new key signs new cards from now on; the current key is retired but stays trusted, so every card it signed still verifies. Hand out the public keys and the verifier page again afterwards. You may protect the new key with a passphrase (8 characters or more); leave both fields empty for none.</source>
        <translation>これからは新しい鍵で認定証に署名します。現在の鍵は旧鍵になりますが、引き続き信頼されるため、これまでに交付した認定証はそのまま確認できます。更新後に公開鍵と確認用ページを配布し直してください。新しい鍵はパスフレーズ（8文字以上）で保護できます。保護しない場合は両方とも空欄にしてください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rotate the issuer key</source>
        <translation>発行者鍵の更新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Current key&apos;s passphrase</source>
        <translation>現在の鍵のパスフレーズ</translation>
    </message>
</context>
<context>
    <name>VerdictView</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/cards/verdict_view.py" line="+54"/>
        <source>Scan a certificate card</source>
        <translation>認定証を読み取ってください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcode scanner or camera, type the code printed under the QR code, or open an image or a PDF.</source>
        <translation>バーコードリーダーやカメラで読み取るか、QRコードの下のコードを入力するか、画像・PDFを開いてください。</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/cards/verify_page.py" line="+54"/>
        <source>Open an image or PDF…</source>
        <translation>画像・PDFを開く…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load a revocation list…</source>
        <translation>失効リストを読み込む…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Camera</source>
        <translation>カメラ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No camera was found on this PC.</source>
        <translation>この端末にはカメラが見つかりません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan the card&apos;s QR code, or type the code printed under it, then Enter</source>
        <translation>認定証のQRコードを読み取るか、その下のコードを入力して Enter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Holder&apos;s name in romaji, to compare (optional)</source>
        <translation>照合する氏名（ローマ字、任意）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Verify a certificate card</source>
        <translation>認定証の真正性確認</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Open an image or PDF</source>
        <translation>画像・PDFを開く</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images and PDF (%1)</source>
        <translation>画像と PDF (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading %1</source>
        <translation>%1 を読み取っています</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No QR code found</source>
        <translation>QRコードが見つかりません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No QR code could be read in %1. Use a sharper photo or scan (300 dpi), or type the code printed under the QR code.</source>
        <translation>%1 からQRコードを読み取れませんでした。より鮮明な写真やスキャン（300 dpi）を使うか、QRコードの下のコードを入力してください。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Load a revocation list</source>
        <translation>失効リストの読み込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revocation list (*.json)</source>
        <translation>失効リスト (*.json)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Revocation and reissue: checked in this PC&apos;s register. Load the issuer&apos;s revocation list for cards of another PC.</source>
        <translation>取消と再交付はこの端末の登録簿で確認します。ほかの端末で交付された認定証は、発行元の失効リストを読み込んでください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revocation list of %1 (JST) loaded: %2 entries.</source>
        <translation>%1（日本時間）の失効リストを読み込みました（%2 件）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Camera on: hold the card&apos;s QR code up to it</source>
        <translation>カメラ作動中：認定証のQRコードをかざしてください</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Verify a card</source>
        <translation>認定証の確認</translation>
    </message>
</context>
<context>
    <name>_CardDialog</name>
    <message>
        <location filename="../../src/scfn_desktop/ui/cards/card_dialogs.py" line="-89"/>
        <source>Certificate:</source>
        <translation>認定証:</translation>
    </message>
</context>
</TS>
