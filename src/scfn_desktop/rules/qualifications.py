"""National qualifications that replace the experience requirement (seed 000 §第2 1(3)ウ; 003).

「次の国家資格を実務経験の免除対象とする。〇社会福祉士 〇キャリアコンサルタント 〇キャリアコンサル
ティング技能士（１級・２級） 〇公認心理師 〇精神保健福祉士」

Application forms are filled in by hand, so :func:`match_qualification` accepts the usual
spellings: full- or half-width digits and brackets, 1級/一級, the grade before or after the name
(the official title is 「1級キャリアコンサルティング技能士」), the English name and the code.
Matching is exact after normalisation, never by substring, so that e.g. 「精神保健福祉士」 is not
mistaken for 「社会福祉士」 and a technician without a grade is not accepted silently.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["NATIONAL_QUALIFICATIONS", "match_qualification", "normalise_qualification"]

#: Code -> (Japanese name, English name).
NATIONAL_QUALIFICATIONS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "social_worker": ("社会福祉士", "Certified Social Worker"),
        "career_consultant": ("キャリアコンサルタント", "Career Consultant"),
        "career_consulting_technician_1": (
            "キャリアコンサルティング技能士（1級）",
            "Career Consulting Technician (Grade 1)",
        ),
        "career_consulting_technician_2": (
            "キャリアコンサルティング技能士（2級）",
            "Career Consulting Technician (Grade 2)",
        ),
        "certified_public_psychologist": ("公認心理師", "Certified Public Psychologist"),
        "psychiatric_social_worker": ("精神保健福祉士", "Psychiatric Social Worker"),
    }
)


def normalise_qualification(text: str) -> str:
    """Fold width, case, brackets and spacing so hand-typed names compare equal."""
    s = unicodedata.normalize("NFKC", text).casefold()
    s = s.replace("一級", "1級").replace("二級", "2級")
    s = re.sub(r"[\s\u3000]+", "", s)
    return re.sub(r"[()\[\]「」【】]", "", s)


def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, (ja, en) in NATIONAL_QUALIFICATIONS.items():
        for name in (code, ja, en):
            table[normalise_qualification(name)] = code
    for grade in ("1", "2"):
        code = f"career_consulting_technician_{grade}"
        for name in (
            f"キャリアコンサルティング技能士{grade}級",
            f"{grade}級キャリアコンサルティング技能士",
            f"キャリアコンサルティング技能検定{grade}級",
            f"Career Consulting Technician Grade {grade}",
            f"Grade {grade} Career Consulting Technician",
        ):
            table[normalise_qualification(name)] = code
    table[normalise_qualification("Mental Health Social Worker")] = "psychiatric_social_worker"
    return table


_ALIASES: Mapping[str, str] = MappingProxyType(_aliases())


def match_qualification(text: str) -> str | None:
    """Return the code of the qualifying national qualification ``text`` names, else ``None``."""
    return _ALIASES.get(normalise_qualification(text))
