"""Pure domain rules of the SCFN certification scheme (stdlib only, no I/O, no Qt, no database).

Each module encodes one part of the rulebook (seed 000, 「総合的な支援をコーディネートする人材の
役割等について（検討結果報告書）」) and answers with a frozen verdict carrying a status, a Japanese
and an English reason, and the facts used.  Import the module and call its functions, e.g.
``rules.attendance.judge_arrival(...)`` or ``rules.disqualification.evaluate(...)`` — two modules
have an ``evaluate``, so names are deliberately not flattened into this package.
"""

from . import (
    attendance,
    certification,
    dates,
    disqualification,
    eligibility,
    fiscal,
    qualifications,
    retake,
    verdict,
)
from .verdict import Verdict, VerdictBase

__all__ = [
    "Verdict",
    "VerdictBase",
    "attendance",
    "certification",
    "dates",
    "disqualification",
    "eligibility",
    "fiscal",
    "qualifications",
    "retake",
    "verdict",
]
