"""One verdict for a scanned or typed certificate card: what a person at a counter must know.

``read_card`` answers "is this token genuine?" and raises on the first problem; a person holding
a card needs one of six answers instead, each with the card's details and a reason they can act
on:

======================  ===================================  ==========
status                  label (glossary)                     exit code
======================  ===================================  ==========
``valid``               有効 / Valid                          0
``expired``             有効期限切れ / Expired                 1
``revoked``             取消済み / Revoked                     2
``superseded``          旧版（再交付済み） / Superseded         2
``unknown_key``         不明な発行者鍵 / Unknown issuer key     3
``forged``              偽造・改ざん / Forged or altered        3
======================  ===================================  ==========

Precedence, strongest first: forged / unknown key (nothing else can be trusted), revoked,
superseded, expired, valid.  A withdrawn card stays withdrawn after its validity ends, and a
superseded card that also expired is reported as superseded because that is what the holder
must fix (the newer card).  Dates are Japan local dates: the validity end is the last valid day.
A card whose certification date is still in the future is not valid either; it is reported as
``expired`` with ``not_yet_valid`` set and its own label (有効期間前), because a clock set wrong
on the verifying device is the usual cause and the six states are a fixed contract.

No database here: revocation and supersession come from a verified ``RevocationList`` (the
signed file, or one a service builds from the register) and/or ``newest_revision``, the
highest revision the caller knows of for that number.
"""

from __future__ import annotations

import dataclasses
import enum
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from ..rules.certification import validity_status
from ..rules.dates import format_date_ja
from ..rules.verdict import VerdictBase
from .base32 import decode as decode_text
from .base32 import normalise as normalise_text
from .card import CardClaims, read_card
from .errors import TokenError, TokenProblem
from .holder import holder_matches
from .keyring import KeyRing
from .revocation import RevocationEntry, RevocationList, RevocationStatus

__all__ = [
    "EXIT_CODES",
    "JAPAN",
    "CardStatus",
    "CardVerdict",
    "japan_today",
    "verify_card",
]

#: Japan Standard Time has had no daylight saving since 1951: a fixed offset needs no tz data
#: (Windows Python ships none).
JAPAN = timezone(timedelta(hours=9), "JST")


class CardStatus(enum.StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    SUPERSEDED = "superseded"
    UNKNOWN_KEY = "unknown_key"
    FORGED = "forged"


_LABELS = {
    CardStatus.VALID: ("有効", "Valid"),
    CardStatus.EXPIRED: ("有効期限切れ", "Expired"),
    CardStatus.REVOKED: ("取消済み", "Revoked"),
    CardStatus.SUPERSEDED: ("旧版（再交付済み）", "Superseded (reissued)"),
    CardStatus.UNKNOWN_KEY: ("不明な発行者鍵", "Unknown issuer key"),
    CardStatus.FORGED: ("偽造・改ざん", "Forged or altered"),
}
_NOT_YET_VALID_LABEL = ("有効期間前", "Not yet valid")

#: ``scfn verify`` exit codes: 0 valid, 1 expired, 2 revoked or superseded, 3 forged/unreadable.
EXIT_CODES = {
    CardStatus.VALID: 0,
    CardStatus.EXPIRED: 1,
    CardStatus.REVOKED: 2,
    CardStatus.SUPERSEDED: 2,
    CardStatus.UNKNOWN_KEY: 3,
    CardStatus.FORGED: 3,
}

# Why a code was refused, in the words a person at the counter needs first.
_FORGED_HEADLINES = {
    TokenProblem.MALFORMED: ("認定証のコードではありません", "Not a certificate code"),
    TokenProblem.BAD_SIGNATURE: ("改ざんされたか、読み取り・入力の誤りです", "Altered or mistyped"),
    TokenProblem.WRONG_KIND: ("認定証ではなく受付用バッジのコードです", "A check-in badge, not a certificate"),
    TokenProblem.UNSUPPORTED_VERSION: (
        "この確認ツールが対応していない形式です", "A format this verifier does not support"
    ),
}
#: Every card token starts so (version 1, kind 2): a malformed text with this start is one of
#: our cards read or typed incompletely, not a stranger's code.
_CARD_PREFIX = "041"


def japan_today(now: datetime | None = None) -> date:
    """Today's date in Japan (the date the validity end is compared with)."""
    moment = now if now is not None else datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return moment.astimezone(JAPAN).date()


@dataclasses.dataclass(frozen=True, kw_only=True)
class CardVerdict(VerdictBase):
    """The answer for one code, with the facts used (``as_dict`` gives the JSON form)."""

    status: CardStatus
    checked_on: date
    claims: CardClaims | None = None
    key_id: str | None = None  # 8 hex digits of the signing key, when it could be read
    key_label: str = ""
    problem: TokenProblem | None = None  # the engine's refusal code for forged / unknown key
    withdrawal: RevocationEntry | None = None  # the revocation-list entry that decided
    newest_revision: int | None = None
    revocations_issued_at: datetime | None = None  # None: revocation could not be checked
    not_yet_valid: bool = False
    holder_match: bool | None = None  # None when no name was typed

    @property
    def label_ja(self) -> str:
        return (_NOT_YET_VALID_LABEL if self.not_yet_valid else _LABELS[self.status])[0]

    @property
    def label_en(self) -> str:
        return (_NOT_YET_VALID_LABEL if self.not_yet_valid else _LABELS[self.status])[1]

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]

    @property
    def genuine(self) -> bool:
        """True when the issuer signed this card (whatever its status today)."""
        return self.claims is not None

    def details(self) -> list[tuple[str, str, str]]:
        """(Japanese label, English label, value) rows for a result panel or the CLI."""
        rows: list[tuple[str, str, str]] = []
        claims = self.claims
        if claims is not None:
            rows += [
                ("認定番号", "Certificate number", str(claims.number)),
                ("版", "Card revision", str(claims.revision)),
                ("認証日", "Certified on", _day(claims.certified_on)),
                ("有効期限", "Valid until", _day(claims.valid_until)),
                ("イニシャル", "Holder initials", claims.holder.initials),
            ]
        if self.key_id:
            rows.append(("発行者鍵ID", "Issuer key id", self.key_id + _label(self.key_label)))
        if self.withdrawal is not None:
            entry = self.withdrawal
            rows.append(("取消・再交付日", "Withdrawn on", _day(entry.date)))
            if entry.reason:
                rows.append(("理由", "Reason", entry.reason))
        if self.genuine:
            listed = self.revocations_issued_at
            rows.append((
                "失効リスト", "Revocation list",
                listed.astimezone(JAPAN).strftime("%Y-%m-%d %H:%M JST") if listed else "—",
            ))
        if self.holder_match is not None:
            rows.append(("氏名の照合", "Name check", "一致 / match" if self.holder_match
                         else "不一致 / no match"))
        rows.append(("確認日", "Checked on", _day(self.checked_on)))
        return rows

    def as_dict(self) -> dict[str, Any]:
        plain = super().as_dict()
        plain.update(
            label_ja=self.label_ja, label_en=self.label_en, exit_code=self.exit_code,
            number=str(self.claims.number) if self.claims else None,
        )
        if self.claims is not None:
            plain["claims"]["holder"]["digest"] = self.claims.holder.digest.hex()
        return plain


def verify_card(
    text: str,
    keyring: KeyRing,
    *,
    revocations: RevocationList | None = None,
    newest_revision: int | None = None,
    today: date | None = None,
    holder_name: str | None = None,
) -> CardVerdict:
    """Judge one scanned or typed card code.

    ``revocations`` must already be verified (``read_revocation_list``) or built by a service
    from the register; ``newest_revision`` is the highest revision of this number the caller
    knows (a reissued card makes the lower ones superseded); ``today`` defaults to the Japan
    local date; ``holder_name`` is a romaji name typed by the verifier, compared with the
    card's holder check.
    """
    day = today if today is not None else japan_today()
    listed_at = revocations.issued_at if revocations is not None else None
    if not text or not text.strip():
        return CardVerdict(
            status=CardStatus.FORGED, checked_on=day, problem=TokenProblem.MALFORMED,
            reason_ja="コードが読み取られていません。もう一度読み取るか入力してください。",
            reason_en="No code was read; scan or type it again.",
        )
    try:
        claims = read_card(text, keyring)
    except TokenError as refusal:
        return _refused(refusal, text, day)
    signer = _signer_hex(text)
    entry = keyring.get(bytes.fromhex(signer))
    common: dict[str, Any] = dict(
        checked_on=day, claims=claims, key_id=signer, key_label=entry.label if entry else "",
        newest_revision=newest_revision, revocations_issued_at=listed_at,
        holder_match=holder_matches(claims.holder, holder_name) if holder_name else None,
    )
    withdrawal = revocations.status_of(claims.number, claims.revision) if revocations else None
    if withdrawal is not None and withdrawal.status is RevocationStatus.REVOKED:
        return CardVerdict(
            status=CardStatus.REVOKED, withdrawal=withdrawal,
            reason_ja=f"この認定は {format_date_ja(withdrawal.date)} に取り消されています。",
            reason_en=f"This certification was revoked on {withdrawal.date.isoformat()}.",
            **common,
        )
    newer = withdrawal.revision if withdrawal is not None else 0
    if newest_revision is not None and newest_revision > max(newer, claims.revision):
        newer, withdrawal = newest_revision, None
    if newer > claims.revision:
        return CardVerdict(
            status=CardStatus.SUPERSEDED, withdrawal=withdrawal,
            reason_ja=f"この認定証（第{claims.revision}版）は再交付され、第{newer}版が"
            "有効な認定証です。古い認定証は使えません。",
            reason_en=f"This card (revision {claims.revision}) was reissued; revision {newer} "
            "is the card in force. The old card must not be accepted.",
            **common,
        )
    if claims.certified_on > day:
        return CardVerdict(
            status=CardStatus.EXPIRED, not_yet_valid=True,
            reason_ja=f"認証日 {format_date_ja(claims.certified_on)} より前のため、まだ有効では"
            "ありません。この端末の日付を確認してください。",
            reason_en=f"Not valid before its certification date {claims.certified_on.isoformat()};"
            " check this device's date.",
            **common,
        )
    validity = validity_status(claims.valid_until, day)
    if validity.days_remaining < 0:
        return CardVerdict(status=CardStatus.EXPIRED, reason_ja=validity.reason_ja + "です。",
                           reason_en=validity.reason_en, **common)
    caveat_ja, caveat_en = ("", "") if revocations is not None or newest_revision is not None else (
        "（失効リストがないため、取消・再交付は確認していません）",
        " (no revocation list: revocation and reissue were not checked)",
    )
    return CardVerdict(
        status=CardStatus.VALID,
        reason_ja=f"発行者の署名が確認でき、{validity.reason_ja}です。{caveat_ja}",
        reason_en=f"The issuer's signature checks out. {validity.reason_en}{caveat_en}",
        **common,
    )


def _refused(refusal: TokenError, text: str, day: date) -> CardVerdict:
    problem = TokenProblem(refusal.code)
    if problem is TokenProblem.UNKNOWN_KEY:
        return CardVerdict(
            status=CardStatus.UNKNOWN_KEY, checked_on=day, problem=problem,
            key_id=_signer_hex(text),
            reason_ja=refusal.reason_ja + "発行者の公開鍵を登録するか、発行元に確認してください。",
            reason_en=refusal.reason_en + " Install the issuer's public key or ask the issuer.",
        )
    head_ja, head_en = _FORGED_HEADLINES[problem]
    if problem is TokenProblem.MALFORMED and normalise_text(text).startswith(_CARD_PREFIX):
        head_ja, head_en = ("読み取りが不完全か、入力を誤っています", "Incomplete scan or mistyped")
    return CardVerdict(
        status=CardStatus.FORGED, checked_on=day, problem=problem,
        reason_ja=f"{head_ja}。{refusal.reason_ja}",
        reason_en=f"{head_en}. {refusal.reason_en}",
    )


def _signer_hex(text: str) -> str:
    """The key id of a token whose frame already decoded (so decoding cannot fail here)."""
    return decode_text(text)[2:6].hex()


def _day(value: date) -> str:
    return f"{format_date_ja(value)} ({value.isoformat()})"


def _label(label: str) -> str:
    return f"（{label}）" if label else ""
