"""The signed revocation list: which cards must no longer be accepted.

A card token proves what was issued; only a list can say what was withdrawn later.  The issuer
exports this file and offline verifiers (this engine, and the standalone JavaScript page) load
it.  Its shape is chosen so that verifying needs no JSON canonicalisation::

    {"payload": "<JSON text>", "key_id": "<8 hex digits>", "signature": "<base64url, no padding>"}

The signature covers ``REVOCATION_LIST_CONTEXT || 0x00 || UTF-8 bytes of the payload string``,
exactly as ``JSON.parse`` hands the string to JavaScript.  The payload holds the format name and
version, the issuer's key id (which must equal the outer one), the time of issue (ISO 8601 UTC)
and the entries.  ``revoked`` withdraws every revision of a number (認定の取消); ``superseded``
with revision *r* means every revision below *r* was replaced by a reissued card (再交付).
"""

from __future__ import annotations

import base64
import enum
import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .certificate_number import CertificateNumber, parse_certificate_number
from .errors import CredentialError, RevocationListError
from .keyring import KeyRing
from .keys import key_id
from .signing import REVOCATION_LIST_CONTEXT, sign, verify

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "RevocationEntry",
    "RevocationList",
    "RevocationStatus",
    "read_revocation_list",
    "sign_revocation_list",
]

FORMAT_NAME = "scfn-revocation-list"
FORMAT_VERSION = 1
DEFAULT_MAX_BYTES = 8 * 1024 * 1024
MAX_REASON_CHARS = 200
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_KEY_ID_RE = re.compile(r"[0-9a-f]{8}")
_SIGNATURE_RE = re.compile(r"[A-Za-z0-9_-]{86}")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


class RevocationStatus(enum.StrEnum):
    REVOKED = "revoked"  # every revision of the number
    SUPERSEDED = "superseded"  # every revision below the entry's revision


@dataclass(frozen=True)
class RevocationEntry:
    number: CertificateNumber
    revision: int
    status: RevocationStatus
    date: date
    reason: str | None = None

    def __post_init__(self) -> None:
        if self.status in tuple(RevocationStatus):  # accept "revoked" as well as the member
            object.__setattr__(self, "status", RevocationStatus(self.status))
        reason = self.reason
        if (
            not 1 <= self.revision <= 255
            or self.status not in tuple(RevocationStatus)
            or (reason is not None and not _printable(reason))
        ):
            raise CredentialError(
                "invalid_revocation_entry",
                f"失効リストの項目（{self.number}）が正しくありません"
                f"（版は1〜255、理由は改行なし{MAX_REASON_CHARS}文字まで）。",
                f"Invalid revocation entry for {self.number} (revision 1-255, reason at most "
                f"{MAX_REASON_CHARS} characters on one line).",
            )


@dataclass(frozen=True)
class RevocationList:
    issuer_key_id: bytes
    issued_at: datetime  # aware, UTC
    entries: tuple[RevocationEntry, ...]

    @functools.cached_property
    def _by_number(self) -> dict[CertificateNumber, tuple[RevocationEntry, ...]]:
        """Entries by number, built on first use: a verifier checks many codes against one
        list of thousands of entries."""
        index: dict[CertificateNumber, list[RevocationEntry]] = {}
        for entry in self.entries:
            index.setdefault(entry.number, []).append(entry)
        return {number: tuple(found) for number, found in index.items()}

    def status_of(self, number: CertificateNumber, revision: int) -> RevocationEntry | None:
        """The entry that withdraws this card revision (a revocation before a supersession),
        or None when the list does not withdraw it."""
        mine = self._by_number.get(number, ())
        for entry in mine:
            if entry.status is RevocationStatus.REVOKED:
                return entry
        newer = [e for e in mine if e.revision > revision]
        return max(newer, key=lambda e: e.revision) if newer else None


def sign_revocation_list(
    private_key: Ed25519PrivateKey, entries: Iterable[RevocationEntry], *, issued_at: datetime
) -> str:
    """The complete file text (UTF-8 JSON) of a list signed by ``private_key``."""
    if issued_at.tzinfo is None:
        raise ValueError("issued_at must be timezone-aware")
    signer = key_id(private_key.public_key())
    ordered = sorted(entries, key=lambda e: (e.number, e.revision, e.status.value))
    payload = _dumps(
        {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "issuer_key_id": signer.hex(),
            "issued_at": issued_at.astimezone(UTC).strftime(_TIME_FORMAT),
            "entries": [_entry_json(entry) for entry in ordered],
        }
    )
    signature = sign(private_key, REVOCATION_LIST_CONTEXT, payload.encode("utf-8"))
    envelope = {
        "payload": payload,
        "key_id": signer.hex(),
        "signature": base64.urlsafe_b64encode(signature).decode("ascii").rstrip("="),
    }
    return _dumps(envelope) + "\n"


def read_revocation_list(
    data: str | bytes, keyring: KeyRing, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> RevocationList:
    """Verify and parse a revocation list file; raises ``RevocationListError``."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if len(raw) > max_bytes:
        raise RevocationListError(
            "too_large",
            f"失効リストが大きすぎます（{max_bytes:,} バイトまで）。",
            f"The revocation list is too large (at most {max_bytes:,} bytes).",
        )
    envelope = _loads(raw.removeprefix(b"\xef\xbb\xbf"), "file")
    if not isinstance(envelope, dict) or not ({"payload", "format"} & set(envelope)):
        raise _malformed("not a signed revocation list")
    if "format" in envelope or not {"signature", "key_id"} <= set(envelope):
        # A bare payload, or an envelope stripped of its signature.
        raise RevocationListError(
            "unsigned",
            "失効リストに署名がありません。発行元から署名付きのリストを受け取ってください。",
            "The revocation list is not signed; obtain a signed list from the issuer.",
        )
    payload, signer_hex, signature_text = (
        envelope.pop("payload"), envelope.pop("key_id"), envelope.pop("signature")
    )
    if envelope or not isinstance(payload, str) or not isinstance(signer_hex, str):
        raise _malformed("unexpected fields")
    if not isinstance(signature_text, str) or not _SIGNATURE_RE.fullmatch(signature_text):
        raise _bad_signature()
    if not _KEY_ID_RE.fullmatch(signer_hex):
        raise _malformed("key_id is not 8 lower-case hex digits")
    entry = keyring.get(bytes.fromhex(signer_hex))
    if entry is None:
        raise RevocationListError(
            "unknown_key",
            f"失効リストは登録されていない鍵（鍵ID {signer_hex}）で署名されています。",
            f"The revocation list is signed by a key this station does not trust "
            f"(key id {signer_hex}).",
        )
    signature = base64.urlsafe_b64decode(signature_text + "==")
    try:
        signed = payload.encode("utf-8")
    except UnicodeEncodeError:
        raise _bad_signature() from None
    if not verify(entry.public_key, REVOCATION_LIST_CONTEXT, signed, signature):
        raise _bad_signature()
    return _parse_payload(_loads(signed, "payload"), signer_hex)


def _parse_payload(payload: Any, signer_hex: str) -> RevocationList:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise _malformed("not a revocation list payload")
    if payload.get("version") != FORMAT_VERSION:
        raise RevocationListError(
            "unsupported_version",
            f"失効リストの形式（版 {payload.get('version')}）には対応していません。",
            f"Revocation list format version {payload.get('version')!r} is not supported.",
        )
    if payload.get("issuer_key_id") != signer_hex:
        raise _malformed("issuer_key_id differs from the signing key")
    issued = payload.get("issued_at")
    entries = payload.get("entries")
    if not isinstance(issued, str) or not _TIME_RE.fullmatch(issued):
        raise _malformed("issued_at is not YYYY-MM-DDTHH:MM:SSZ")
    if not isinstance(entries, list) or set(payload) != {
        "format", "version", "issuer_key_id", "issued_at", "entries"
    }:
        raise _malformed("unexpected payload fields")
    try:
        issued_at = datetime.strptime(issued, _TIME_FORMAT).replace(tzinfo=UTC)
        parsed = tuple(_entry_from_json(item) for item in entries)
    except (ValueError, TypeError, KeyError, CredentialError) as exc:
        raise _malformed(f"bad entry or date: {exc}") from None
    return RevocationList(bytes.fromhex(signer_hex), issued_at, parsed)


def _entry_json(entry: RevocationEntry) -> dict[str, Any]:
    item: dict[str, Any] = {
        "number": str(entry.number),
        "revision": entry.revision,
        "status": entry.status.value,
        "date": entry.date.isoformat(),
    }
    if entry.reason is not None:
        item["reason"] = entry.reason
    return item


def _entry_from_json(item: Any) -> RevocationEntry:
    if not isinstance(item, dict) or not {"number", "revision", "status", "date"} <= set(item):
        raise ValueError("entry lacks number, revision, status or date")
    if set(item) - {"number", "revision", "status", "date", "reason"}:
        raise ValueError("unexpected entry fields")
    revision, day, reason = item["revision"], item["date"], item.get("reason")
    if type(revision) is not int or not isinstance(day, str) or not _DATE_RE.fullmatch(day):
        raise ValueError("revision must be an integer and date YYYY-MM-DD")
    if reason is not None and not isinstance(reason, str):
        raise ValueError("reason must be text")
    return RevocationEntry(
        number=parse_certificate_number(item["number"]),
        revision=revision,
        status=RevocationStatus(item["status"]),
        date=date.fromisoformat(day),
        reason=reason,
    )


def _printable(text: str) -> bool:
    return len(text) <= MAX_REASON_CHARS and all(
        c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF for c in text
    )


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _loads(raw: bytes, what: str) -> Any:
    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key")
        return dict(pairs)

    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    try:
        return json.loads(raw.decode("utf-8"), object_pairs_hook=unique, parse_constant=no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _malformed(f"{what} is not valid UTF-8 JSON ({exc})") from None


def _malformed(detail: str) -> RevocationListError:
    return RevocationListError(
        "malformed",
        "失効リストのファイル形式が正しくありません。",
        f"The revocation list file is not in the expected format: {detail}.",
    )


def _bad_signature() -> RevocationListError:
    return RevocationListError(
        "bad_signature",
        "失効リストの署名が一致しません。改ざんされたか破損しています。使用しないでください。",
        "The revocation list's signature does not match: it was altered or damaged. Do not use it.",
    )
