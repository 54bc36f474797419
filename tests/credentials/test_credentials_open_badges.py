"""Open Badges 3.0: the credential validates against the OB 3.0 requirements (and 1EdTech's
schema file when SCFN_OB3_SCHEMA points to it), and the VC-JWT verifies with PyJWT, a library
independent of our signing code."""

from __future__ import annotations

import base64
import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import jsonschema
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from scfn_desktop.credentials import CertificateNumber, CredentialError, KeyRing
from scfn_desktop.credentials.card_verdict import JAPAN
from scfn_desktop.credentials.open_badges import (
    CertifiedPerson,
    build_open_badge,
    did_key,
    identity_matches,
    issue_open_badge,
    read_open_badge,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "open_badges"
PERSON = CertifiedPerson(CertificateNumber(2025, 7), 1, date(2026, 3, 1), date(2031, 3, 31),
                         "NGUYEN Van An")
NOW = datetime(2027, 1, 1, 12, 0, tzinfo=JAPAN)


def _schemas() -> list[dict]:
    found = [json.loads((DATA / "ob3_requirements.schema.json").read_text(encoding="utf-8"))]
    official = os.environ.get("SCFN_OB3_SCHEMA")
    if official:
        found.append(json.loads(Path(official).read_text(encoding="utf-8")))
    return found


def _validate(credential: dict) -> None:
    for schema in _schemas():
        validator = jsonschema.Draft201909Validator(
            schema, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(credential), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def _public_from_did(did: str) -> Ed25519PublicKey:
    """Decode did:key independently of the code under test: base58btc, then the multicodec."""
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    body = did.removeprefix("did:key:z")
    number = 0
    for char in body:
        number = number * 58 + alphabet.index(char)
    data = number.to_bytes(34, "big")
    assert data[:2] == b"\xed\x01"
    return Ed25519PublicKey.from_public_bytes(data[2:])


def test_credential_meets_the_ob3_schema(issuer_key):
    credential = build_open_badge(issuer_key.public_key(), PERSON, salt="00ff")
    _validate(credential)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["validFrom"] == "2026-03-01T00:00:00+09:00"
    assert credential["validUntil"] == "2031-03-31T23:59:59+09:00"
    subject = credential["credentialSubject"]
    assert subject["achievement"]["name"] == "外国人支援コーディネーター認定"
    assert subject["licenseNumber"] == "SCFN-2025-00007"
    assert "NGUYEN" not in json.dumps(credential).upper()  # no readable name by default
    assert identity_matches(credential, "nguyen  van an")
    assert not identity_matches(credential, "NGUYEN Van Anh")
    named = build_open_badge(issuer_key.public_key(), PERSON, include_name=True)
    _validate(named)
    assert {"type": "IdentityObject", "identityType": "ext:romajiName", "hashed": False,
            "identityHash": "NGUYEN Van An"} in named["credentialSubject"]["identifier"]


def test_vc_jwt_verifies_independently(issuer_key):
    token = issue_open_badge(issuer_key, PERSON)
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "EdDSA" and header["typ"] == "JWT"
    did = header["kid"].split("#")[0]
    public = _public_from_did(did)
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    assert raw == issuer_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    payload = jwt.decode(token, key=public, algorithms=["EdDSA"],
                         options={"verify_exp": False, "verify_nbf": False})
    assert payload["iss"] == payload["issuer"]["id"] == did == did_key(issuer_key.public_key())
    assert payload["jti"] == payload["id"] and payload["sub"] == payload["credentialSubject"]["id"]
    assert payload["nbf"] == int(datetime.fromisoformat(payload["validFrom"]).timestamp())
    assert payload["exp"] == int(datetime.fromisoformat(payload["validUntil"]).timestamp())
    _validate({k: v for k, v in payload.items() if k not in ("iss", "jti", "sub", "nbf", "exp")})


def test_read_open_badge_checks_signature_claims_and_dates(issuer_key, stranger_key):
    ring = KeyRing.of(issuer_key.public_key())
    token = issue_open_badge(issuer_key, PERSON)
    assert read_open_badge(token, ring, now=NOW)["credentialSubject"]["licenseNumber"] == (
        "SCFN-2025-00007")
    head, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["credentialSubject"]["licenseNumber"] = "SCFN-2025-00008"
    forged = ".".join([head, base64.urlsafe_b64encode(json.dumps(claims).encode()).decode()
                       .rstrip("="), signature])
    codes = {}
    for name, text, ring_used, now in (
        ("forged", forged, ring, NOW),
        ("stranger", issue_open_badge(stranger_key, PERSON), ring, NOW),
        ("expired", token, ring, datetime(2031, 4, 1, 0, 0, 1, tzinfo=JAPAN)),
        ("early", token, ring, datetime(2026, 3, 1, tzinfo=JAPAN) - timedelta(seconds=1)),
        ("garbage", "not.a.jwt!", ring, NOW),
    ):
        with pytest.raises(CredentialError) as info:
            read_open_badge(text, ring_used, now=now)
        codes[name] = info.value.code
        assert info.value.reason_ja.startswith("オープンバッジを検証できません")
    assert codes == {"forged": "open_badge_bad_signature", "stranger": "open_badge_unknown_key",
                     "expired": "open_badge_expired", "early": "open_badge_expired",
                     "garbage": "open_badge_malformed"}
    assert read_open_badge(token, ring, now=datetime(2031, 3, 31, 23, 59, tzinfo=JAPAN))


def test_ids_are_stable_and_distinct_per_revision(issuer_key):
    first = build_open_badge(issuer_key.public_key(), PERSON)
    again = build_open_badge(issuer_key.public_key(), PERSON)
    reissued = build_open_badge(issuer_key.public_key(), CertifiedPerson(
        PERSON.number, 2, PERSON.certified_on, PERSON.valid_until, PERSON.name_romaji))
    assert first["id"] == again["id"] != reissued["id"]
    assert first["credentialSubject"]["id"] == reissued["credentialSubject"]["id"]
    with pytest.raises(CredentialError):
        build_open_badge(issuer_key.public_key(), CertifiedPerson(
            PERSON.number, 1, PERSON.certified_on, PERSON.valid_until, " "))
