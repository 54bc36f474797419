<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
Japanese for Qt's own widgets where the qtbase_ja.qm shipped with PySide6 has no entry.

That catalogue was made from older Qt sources: Qt 6 asks for "&Look in:" and "Files of &type:"
(with mnemonics) where the catalogue has "Look in:" and "Files of type:", and names a folder
in the file list under the context QAbstractFileIconProvider, which it lacks; so those stayed
English in the Japanese UI. Written by hand (no lupdate: these are Qt's source strings, not
ours); tools/update_translations.sh compiles it and ui/i18n.py loads it after qtbase_ja.
tests/ui/test_qt_dialogs_ja.py lists what Qt's dialogs ask for, so a new gap is caught.
-->
<TS version="2.1" language="ja_JP">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>ドライブ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 ファイル</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Double Sided Printing</source>
        <translation>両面印刷</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>しない</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>長辺とじ</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>短辺とじ</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>印刷するページ(&amp;S):</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ指定</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>ページまたは範囲をカンマで区切って指定します。範囲は2つの数字をハイフンでつなぎます。例: 3,5-7,9 で 3、5、6、7、9 ページを印刷します。</translation>
    </message>
</context>
</TS>
