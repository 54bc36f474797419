"""Open Badges 3.0: an ``OpenBadgeCredential`` per certified person, signed as a VC-JWT.

The electronic form of the certificate that the source documents name (Open Badges), for
wallets and employers' systems.  Choices:

* **Issuer id** is the ``did:key`` of the issuer's Ed25519 public key, so anyone can get the
  verification key from the credential itself, offline; the JOSE header's ``kid`` is that DID
  URL.  Trust still comes from comparing the key with the published one (fingerprint).
* **Proof** is the OB 3.0 "JSON Web Token Proof Format" (§8.2) with ``alg: EdDSA`` (RFC 8037):
  the payload is the credential plus ``iss``, ``jti``, ``sub``, ``nbf`` and ``exp``.  The
  signature is plain Ed25519 over the JWS signing input (base64url text, never starting with
  ``SCFN/``), so it can never be confused with the engine's own domain-separated signatures.
* **No readable personal data by default**: the subject is a ``urn:uuid`` derived from the
  certificate number, and the holder's romaji name is a salted SHA-256 ``IdentityObject``
  (``sha256$…``) that a verifier can check against a name the holder tells them.  With
  ``include_name=True`` the name is added in plain text (``hashed: false``).
* Validity: ``validFrom`` is the certification date and ``validUntil`` the end of the last
  valid day, both Japan time.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from .card_verdict import JAPAN
from .certificate_number import CertificateNumber
from .errors import CredentialError
from .holder import normalise_name
from .keyring import KeyRing

__all__ = [
    "OB3_CONTEXT",
    "OB3_SCHEMA",
    "BadgeIssuer",
    "CertifiedPerson",
    "build_open_badge",
    "did_key",
    "identity_matches",
    "issue_open_badge",
    "read_open_badge",
]

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB3_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
IDENTITY_TYPE = "ext:romajiName"
_NAMESPACE = uuid.UUID("6f1d2c52-8a4b-5d7e-9c3f-53434e2d4f42")  # fixed: ids must not drift
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ED25519_MULTICODEC = b"\xed\x01"


@dataclass(frozen=True)
class BadgeIssuer:
    name: str = "出入国在留管理庁"
    name_en: str = "Immigration Services Agency of Japan"
    url: str = "https://www.moj.go.jp/isa/"


@dataclass(frozen=True)
class CertifiedPerson:
    number: CertificateNumber
    revision: int
    certified_on: date
    valid_until: date  # last valid day
    name_romaji: str


def did_key(public_key: Ed25519PublicKey) -> str:
    """``did:key:z6Mk…``: multibase base58btc of the Ed25519 multicodec prefix and the key."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    data = _ED25519_MULTICODEC + raw
    number = int.from_bytes(data, "big")
    digits = ""
    while number:
        number, remainder = divmod(number, 58)
        digits = _BASE58[remainder] + digits
    return "did:key:z" + "1" * (len(data) - len(data.lstrip(b"\0"))) + digits


def build_open_badge(
    public_key: Ed25519PublicKey,
    person: CertifiedPerson,
    *,
    issuer: BadgeIssuer | None = None,
    include_name: bool = False,
    salt: str | None = None,
) -> dict[str, Any]:
    """The unsigned ``OpenBadgeCredential`` (a JSON object) for one certified person."""
    issuer = issuer or BadgeIssuer()
    if not person.name_romaji.strip():
        raise CredentialError("no_name", "ローマ字氏名がないため、オープンバッジを作成できません。",
                              "An Open Badge needs the holder's romaji name.")
    salt = salt if salt is not None else secrets.token_hex(8)
    number = str(person.number)
    identity = {
        "type": "IdentityObject",
        "identityType": IDENTITY_TYPE,
        "hashed": True,
        "identityHash": "sha256$" + hashlib.sha256(
            (normalise_name(person.name_romaji) + salt).encode("utf-8")).hexdigest(),
        "salt": salt,
    }
    identifiers = [identity]
    if include_name:
        identifiers.append({"type": "IdentityObject", "identityType": IDENTITY_TYPE,
                            "hashed": False, "identityHash": person.name_romaji.strip()})
    issuer_id = did_key(public_key)
    return {
        "@context": [VC_CONTEXT, OB3_CONTEXT],
        "id": _urn(f"credential/{number}/{person.revision}/{person.valid_until.isoformat()}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "外国人支援コーディネーター認定証",
        "description": "Certificate: Support Coordinator for Foreign Nationals "
                       f"({number}, revision {person.revision})",
        "issuer": {"id": issuer_id, "type": ["Profile"], "name": issuer.name,
                   "description": issuer.name_en, "url": issuer.url},
        "validFrom": _stamp(datetime.combine(person.certified_on, time(0, 0, 0), JAPAN)),
        "validUntil": _stamp(datetime.combine(person.valid_until, time(23, 59, 59), JAPAN)),
        "credentialSubject": {
            "id": _urn(f"subject/{number}"),
            "type": ["AchievementSubject"],
            "identifier": identifiers,
            "licenseNumber": number,
            "achievement": {
                "id": _urn("achievement/support-coordinator-for-foreign-nationals"),
                "type": ["Achievement"],
                "achievementType": "Certification",
                "name": "外国人支援コーディネーター認定",
                "description": "外国人支援コーディネーターとして、出入国在留管理庁が認定したことを"
                               "証明します。 Certified as a Support Coordinator for Foreign "
                               "Nationals by the Immigration Services Agency of Japan.",
                "criteria": {"narrative": "外国人支援コーディネーター養成研修を修了し、修了認定"
                                          "テストに合格し、認定審査を経て認定されたこと。"},
                "inLanguage": "ja",
            },
        },
        "credentialSchema": [{"id": OB3_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


def issue_open_badge(private_key: Ed25519PrivateKey, person: CertifiedPerson,
                     **options: Any) -> str:
    """The VC-JWT (compact JWS) of ``build_open_badge`` signed with the issuer key."""
    credential = build_open_badge(private_key.public_key(), person, **options)
    issuer_id = credential["issuer"]["id"]
    header = {"alg": "EdDSA", "kid": f"{issuer_id}#{issuer_id.removeprefix('did:key:')}",
              "typ": "JWT"}
    payload = dict(credential)
    payload.update(
        iss=issuer_id, jti=credential["id"], sub=credential["credentialSubject"]["id"],
        nbf=int(datetime.fromisoformat(credential["validFrom"]).timestamp()),
        exp=int(datetime.fromisoformat(credential["validUntil"]).timestamp()),
    )
    signing_input = _b64(_json(header)) + "." + _b64(_json(payload))
    return signing_input + "." + _b64(private_key.sign(signing_input.encode("ascii")))


def read_open_badge(token: str, keyring: KeyRing, *, now: datetime | None = None) -> dict:
    """Verify a VC-JWT made by ``issue_open_badge`` against the trusted keys (OB 3.0 §8.2.4):
    signature, the registered claims against the credential, and the validity period.
    Returns the credential; raises ``CredentialError`` with a reason otherwise."""
    try:
        head_b64, payload_b64, signature_b64 = token.strip().split(".")
        header = json.loads(_unb64(head_b64))
        payload = json.loads(_unb64(payload_b64))
        signature = _unb64(signature_b64)
    except ValueError:
        raise _refused("malformed", "VC-JWT の形式ではありません。", "not a compact JWS") from None
    if header.get("alg") != "EdDSA" or not str(header.get("kid", "")).startswith("did:key:z"):
        raise _refused("unsupported", "EdDSA と did:key 以外の署名には対応していません。",
                       "only EdDSA with a did:key kid is supported")
    entry = next((e for e in keyring if header["kid"].split("#")[0] == did_key(e.public_key)),
                 None)
    if entry is None:
        raise _refused("unknown_key", "登録されていない鍵で署名されています。",
                       "signed by a key this station does not trust")
    try:
        entry.public_key.verify(signature, f"{head_b64}.{payload_b64}".encode("ascii"))
    except Exception:  # cryptography's InvalidSignature
        raise _refused("bad_signature", "署名が一致しません（改ざんまたは破損）。",
                       "the signature does not match (altered or damaged)") from None
    claims = {k: payload.pop(k, None) for k in ("iss", "jti", "sub", "nbf", "exp")}
    try:
        expected = {
            "iss": payload["issuer"]["id"], "jti": payload["id"],
            "sub": payload["credentialSubject"]["id"],
            "nbf": int(datetime.fromisoformat(payload["validFrom"]).timestamp()),
            "exp": int(datetime.fromisoformat(payload["validUntil"]).timestamp()),
        }
    except (KeyError, TypeError, ValueError):
        expected = None
    if claims != expected:
        raise _refused("claims_mismatch", "JWT のクレームが資格情報と一致しません。",
                       "the JWT claims do not match the credential")
    moment = (now or datetime.now(JAPAN)).timestamp()
    if not claims["nbf"] <= moment <= claims["exp"]:
        raise _refused("expired", "有効期間外です。", "outside its validity period")
    return payload


def identity_matches(credential: dict, romaji: str) -> bool:
    """True when ``romaji`` (told by the holder) is the name hashed into the credential."""
    for identity in credential.get("credentialSubject", {}).get("identifier", []):
        if identity.get("hashed") and identity.get("identityType") == IDENTITY_TYPE:
            digest = hashlib.sha256((normalise_name(romaji) + identity.get("salt", ""))
                                    .encode("utf-8")).hexdigest()
            return secrets.compare_digest("sha256$" + digest, identity.get("identityHash", ""))
    return False


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}"


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    if not text or any(c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                       for c in text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _refused(code: str, ja: str, en: str) -> CredentialError:
    return CredentialError(f"open_badge_{code}", f"オープンバッジを検証できません: {ja}",
                           f"The Open Badge does not verify: {en}.")
