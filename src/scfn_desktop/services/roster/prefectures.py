"""The 47 prefectures (都道府県) and a forgiving reader for how offices write them.

Application forms come from every region and are typed by hand, so the same prefecture arrives
as 東京都, 東京, Tokyo, TOKYO-TO or Tōkyō. Everything is stored in the official full form
(東京都, 北海道, 大阪府, 京都府, 〇〇県) so that grouping by region (selection considers regional
balance) and the published 所属機関リスト agree. Order is the JIS X 0401 code order.
"""

from __future__ import annotations

import re
import unicodedata

# (official name, Hepburn name without suffix)
_PREFECTURES: tuple[tuple[str, str], ...] = (
    ("北海道", "Hokkaido"), ("青森県", "Aomori"), ("岩手県", "Iwate"), ("宮城県", "Miyagi"),
    ("秋田県", "Akita"), ("山形県", "Yamagata"), ("福島県", "Fukushima"), ("茨城県", "Ibaraki"),
    ("栃木県", "Tochigi"), ("群馬県", "Gunma"), ("埼玉県", "Saitama"), ("千葉県", "Chiba"),
    ("東京都", "Tokyo"), ("神奈川県", "Kanagawa"), ("新潟県", "Niigata"), ("富山県", "Toyama"),
    ("石川県", "Ishikawa"), ("福井県", "Fukui"), ("山梨県", "Yamanashi"), ("長野県", "Nagano"),
    ("岐阜県", "Gifu"), ("静岡県", "Shizuoka"), ("愛知県", "Aichi"), ("三重県", "Mie"),
    ("滋賀県", "Shiga"), ("京都府", "Kyoto"), ("大阪府", "Osaka"), ("兵庫県", "Hyogo"),
    ("奈良県", "Nara"), ("和歌山県", "Wakayama"), ("鳥取県", "Tottori"), ("島根県", "Shimane"),
    ("岡山県", "Okayama"), ("広島県", "Hiroshima"), ("山口県", "Yamaguchi"),
    ("徳島県", "Tokushima"), ("香川県", "Kagawa"), ("愛媛県", "Ehime"), ("高知県", "Kochi"),
    ("福岡県", "Fukuoka"), ("佐賀県", "Saga"), ("長崎県", "Nagasaki"), ("熊本県", "Kumamoto"),
    ("大分県", "Oita"), ("宮崎県", "Miyazaki"), ("鹿児島県", "Kagoshima"), ("沖縄県", "Okinawa"),
)

PREFECTURES: tuple[str, ...] = tuple(name for name, _ in _PREFECTURES)
PREFECTURE_ROMAJI: dict[str, str] = dict(_PREFECTURES)

# Romanised suffixes people add ("Tokyo-to", "Osaka Prefecture", "Hokkaido-do").
_LATIN_SUFFIX = re.compile(r"[\s\-]*(?:prefecture|pref\.?|metropolis|to|fu|ken|do)$")


def _strip_accents(text: str) -> str:
    """Tōkyō -> Tokyo, Kyôto -> Kyoto (macrons and circumflexes mark long vowels)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _build_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for name, latin in _PREFECTURES:
        lookup[name] = name
        short = name if name == "北海道" else name[:-1]
        lookup[short] = name
        lookup[latin.lower()] = name
        # Long-vowel spellings found in forms: Toukyou, Oosaka, Kyouto, Hyougo, Kouchi, Ooita.
        lookup[latin.lower().replace("o", "ou")] = name
    lookup.update({"oosaka": "大阪府", "ooita": "大分県", "kyouto": "京都府"})
    return lookup


_LOOKUP = _build_lookup()


def normalise_prefecture(text: object) -> str | None:
    """The official name for anything an office might have typed, or None when unknown.

    Accepts the full name (東京都), the name without 都/府/県 (東京), and the romanised name in any
    case, with or without macrons or a suffix (Tokyo, TOKYO-TO, Tōkyō, Osaka Prefecture).
    """
    if text is None:
        return None
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    raw = re.sub(r"\s+", " ", raw)
    if not raw:
        return None
    if raw in _LOOKUP:
        return _LOOKUP[raw]
    latin = _strip_accents(raw).lower().strip()
    if latin in _LOOKUP:
        return _LOOKUP[latin]
    # Peel one suffix at a time: stripping greedily would turn "Kyoto-fu" into "Kyo".
    stem = latin
    for _ in range(3):
        shorter = _LATIN_SUFFIX.sub("", stem).strip(" -")
        if shorter == stem or not shorter:
            break
        stem = shorter
        if stem in _LOOKUP:
            return _LOOKUP[stem]
    return None
