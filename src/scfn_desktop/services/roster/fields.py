"""What a roster record may contain and how typed input is cleaned: one rulebook for the file
import, the edit dialog (`update_trainee`) and the export, so a value that round-trips through
Excel comes back identical.

Cleaning choices (and why):
- Width is NFKC-normalised everywhere (full-width digits in 受講番号 and half-width katakana from
  old systems are common), **except** CJK compatibility ideographs in names: NFKC would replace
  a person's registered variant kanji (e.g. 﨑-style variants) with the common form.
- Kana is stored as written (hiragana stays hiragana, katakana stays katakana); only the width
  is normalised. Search treats hiragana and katakana alike, so nothing is lost by not converting.
- 受講番号 is 1-8 digits and kept as written (leading zeros are significant on mark sheets).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from scfn_desktop.rules.names import (
    REPLACEMENT_CHARACTER,
    describe_character,
    unstorable_character,
)
from scfn_desktop.services.roster.prefectures import normalise_prefecture

# The national qualifications that replace the experience requirement (domain: who may apply).
QUALIFICATIONS: tuple[str, ...] = (
    "社会福祉士",
    "キャリアコンサルタント",
    "キャリアコンサルティング技能士（1級）",
    "キャリアコンサルティング技能士（2級）",
    "公認心理師",
    "精神保健福祉士",
)

# (field key, Japanese header, English label). The export writes these headers, the import
# accepts them, so export-then-import is an identity.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("trainee_number", "受講番号", "Trainee number"),
    ("family_name", "姓", "Family name"),
    ("given_name", "名", "Given name"),
    ("family_kana", "セイ", "Family name (kana)"),
    ("given_kana", "メイ", "Given name (kana)"),
    ("romaji", "ローマ字", "Name in romaji"),
    ("organisation", "所属機関", "Organisation"),
    ("prefecture", "都道府県", "Prefecture"),
    ("email", "メールアドレス", "Email"),
    ("qualification", "資格", "Qualification"),
    ("consent_publish_name", "氏名公表の同意", "Consent to publish name"),
)
FIELD_KEYS: tuple[str, ...] = tuple(key for key, _, _ in COLUMNS)
LABELS: dict[str, tuple[str, str]] = {k: (ja, en) for k, ja, en in COLUMNS}
LABELS.update({"full_name": ("氏名", "Name"), "full_kana": ("フリガナ", "Kana"),
               "run_id": ("養成研修", "Training run")})

REQUIRED = ("trainee_number", "family_name", "organisation", "prefecture")
MAX_LENGTH = {"family_name": 60, "given_name": 60, "family_kana": 60, "given_kana": 60,
              "romaji": 120, "organisation": 200, "email": 254, "qualification": 60}

_TRUE = {"はい", "同意", "同意する", "同意あり", "する", "有", "あり", "○", "〇", "◯", "済",
         "yes", "y", "true", "1", "可"}
_FALSE = {"", "いいえ", "不同意", "同意しない", "しない", "無", "なし", "×", "-", "no", "n",
          "false", "0", "不可"}
_NO_QUALIFICATION = {"", "なし", "無", "無し", "-", "ー", "―", "none", "n/a"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_TRAINEE_NUMBER = re.compile(r"^[0-9]{1,8}$")


@dataclass(frozen=True)
class Problem:
    """One reason a record was refused, in both languages."""

    field: str
    message_ja: str
    message_en: str


_COMPAT_IDEOGRAPH = re.compile("([\uF900-\uFAFF\U0002F800-\U0002FA1F])")


def normalise_text(value: object) -> str:
    """NFKC width normalisation that leaves variant kanji alone; whitespace collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # Runs between variant kanji are normalised whole, so half-width ﾀﾞ composes to ダ.
    parts = _COMPAT_IDEOGRAPH.split(str(value))
    text = "".join(part if i % 2 else unicodedata.normalize("NFKC", part)
                   for i, part in enumerate(parts))
    return re.sub(r"\s+", " ", text).strip()


def to_katakana(text: str) -> str:
    """Hiragana -> katakana, so searching for やまだ finds ヤマダ."""
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" or c in "ゝゞ" else c
                   for c in text)


def search_key(text: object) -> str:
    """Folded form for matching: width, case, hiragana/katakana and spacing ignored."""
    return to_katakana(normalise_text(text)).lower().replace(" ", "")


def split_name(full: str) -> tuple[str, str]:
    """氏名 -> (姓, 名) at the first space (full- or half-width; NFKC made them alike)."""
    family, _, given = normalise_text(full).partition(" ")
    return family, given


def parse_consent(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    text = normalise_text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def _qualification_key(text: str) -> str:
    text = normalise_text(text).replace("一級", "1級").replace("二級", "2級")
    return re.sub(r"[()\s・]", "", text)


_QUALIFICATION_KEYS = {_qualification_key(q): q for q in QUALIFICATIONS}
_QUALIFICATION_KEYS.update({"1級キャリアコンサルティング技能士": QUALIFICATIONS[2],
                            "2級キャリアコンサルティング技能士": QUALIFICATIONS[3]})


def parse_qualifications(value: object) -> tuple[str, list[str]]:
    """('社会福祉士、公認心理師', unknown parts). Several may be listed, separated by 、,/;"""
    text = normalise_text(value)
    if text.lower() in _NO_QUALIFICATION:
        return "", []
    found: list[str] = []
    unknown: list[str] = []
    for part in re.split(r"[、,/;]|\n", text):
        part = part.strip()
        if not part or part.lower() in _NO_QUALIFICATION:
            continue
        canonical = _QUALIFICATION_KEYS.get(_qualification_key(part))
        if canonical is None:
            unknown.append(part)
        elif canonical not in found:
            found.append(canonical)
    return "、".join(found), unknown


def clean_record(raw: Mapping[str, object], required: bool = True
                 ) -> tuple[dict[str, object], list[Problem]]:
    """Clean the fields present in `raw`; report every problem instead of stopping at the first.

    `raw` uses field keys, plus `full_name` / `full_kana` (split into family/given when the
    separate fields are absent). Only fields present come back, so an import file without an
    email column leaves stored emails alone.
    """
    raw = dict(raw)
    if "full_name" in raw:
        family, given = split_name(str(raw.pop("full_name") or ""))
        raw.setdefault("family_name", family)
        raw.setdefault("given_name", given)
    if "full_kana" in raw:
        family, given = split_name(str(raw.pop("full_kana") or ""))
        raw.setdefault("family_kana", family)
        raw.setdefault("given_kana", given)
    values: dict[str, object] = {}
    problems: list[Problem] = []

    def bad(field: str, ja: str, en: str) -> None:
        problems.append(Problem(field, ja, en))

    for key, value in raw.items():
        if key == "consent_publish_name":
            consent = parse_consent(value)
            if consent is None:
                bad(key, f"氏名公表の同意「{value}」を判別できません（はい／いいえ）。",
                    f"Consent to publish the name '{value}' is not yes/no.")
            values[key] = bool(consent)
            continue
        if key == "qualification":
            joined, unknown = parse_qualifications(value)
            if unknown:
                bad(key, f"資格「{'、'.join(unknown)}」は対象の国家資格ではありません"
                         f"（{'、'.join(QUALIFICATIONS)}）。",
                    f"Qualification '{', '.join(unknown)}' is not one of the national "
                    f"qualifications ({', '.join(QUALIFICATIONS)}).")
            values["qualification"] = joined
            values["basis"] = "qualification" if joined else "experience"
            continue
        if key not in FIELD_KEYS:
            continue
        text = normalise_text(value)
        bad_char = unstorable_character(text)
        if bad_char is not None:
            ja, en = LABELS[key]
            code = describe_character(bad_char)
            if bad_char == REPLACEMENT_CHARACTER:
                bad(key, f"{ja}に文字化け（{code}）が含まれています。元のファイルの文字コードを確認してください。",
                    f"{en} contains garbled text ({code}); check the original file's encoding.")
            else:
                bad(key, f"{ja}に使えない文字（{code}）が含まれています。",
                    f"{en} contains a character that cannot be stored ({code}).")
            text = text.encode("utf-8", "replace").decode("utf-8")
        if key == "trainee_number":
            if text and not _TRAINEE_NUMBER.match(text):
                bad(key, f"受講番号「{text}」は1〜8桁の数字ではありません。",
                    f"Trainee number '{text}' is not 1 to 8 digits.")
        elif key == "prefecture" and text:
            pref = normalise_prefecture(text)
            if pref is None:
                bad(key, f"都道府県「{text}」を判別できません。",
                    f"Unknown prefecture '{text}'.")
            text = pref or text
        elif key == "email" and text and not _EMAIL.match(text):
            bad(key, f"メールアドレス「{text}」の形式が正しくありません。",
                f"The email address '{text}' is not valid.")
        limit = MAX_LENGTH.get(key)
        if limit and len(text) > limit:
            ja, en = LABELS[key]
            bad(key, f"{ja}が長すぎます（{limit}文字まで）。",
                f"{en} is too long (at most {limit} characters).")
        values[key] = text
    if required:
        for key in REQUIRED:
            if not values.get(key):
                ja, en = LABELS["full_name" if key == "family_name" else key]
                bad(key, f"{ja}が入力されていません。", f"{en} is missing.")
    return values, problems
