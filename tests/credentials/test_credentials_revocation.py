"""The signed revocation list: what it withdraws, and that no altered list is ever used."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from scfn_desktop.credentials import (
    REVOCATION_LIST_CONTEXT,
    CertificateNumber,
    CredentialError,
    KeyRing,
    RevocationEntry,
    RevocationListError,
    RevocationStatus,
    key_id,
    read_revocation_list,
    sign,
    sign_revocation_list,
)

ISSUED = datetime(2026, 4, 1, 9, 30, tzinfo=timezone(timedelta(hours=9)))
ENTRIES = [
    RevocationEntry(CertificateNumber(2025, 2), 1, RevocationStatus.REVOKED, date(2026, 3, 20),
                    "欠格事由の判明"),
    RevocationEntry(CertificateNumber(2025, 1), 3, RevocationStatus.SUPERSEDED, date(2026, 3, 1)),
]


@pytest.fixture(scope="module")
def signed(issuer_key) -> str:
    return sign_revocation_list(issuer_key, ENTRIES, issued_at=ISSUED)


def _code(text, ring) -> str:
    with pytest.raises(RevocationListError) as info:
        read_revocation_list(text, ring)
    assert info.value.reason_ja and info.value.reason_en
    return info.value.code


def test_round_trip_and_statuses(issuer_key, ring, signed):
    listing = read_revocation_list(signed.encode("utf-8"), ring)
    assert listing.issuer_key_id == key_id(issuer_key.public_key())
    assert listing.issued_at == datetime(2026, 4, 1, 0, 30, tzinfo=UTC)
    assert set(listing.entries) == set(ENTRIES)
    revoked, superseded = CertificateNumber(2025, 2), CertificateNumber(2025, 1)
    assert listing.status_of(revoked, 1).status is RevocationStatus.REVOKED
    assert listing.status_of(revoked, 9).status is RevocationStatus.REVOKED  # every revision
    assert listing.status_of(superseded, 1).status is RevocationStatus.SUPERSEDED
    assert listing.status_of(superseded, 2).status is RevocationStatus.SUPERSEDED
    assert listing.status_of(superseded, 3) is None  # the current card
    assert listing.status_of(CertificateNumber(2025, 3), 1) is None


def test_file_shape(signed, issuer_key):
    envelope = json.loads(signed)
    assert set(envelope) == {"payload", "key_id", "signature"}
    assert envelope["key_id"] == key_id(issuer_key.public_key()).hex()
    payload = json.loads(envelope["payload"])
    assert payload["format"] == "scfn-revocation-list" and payload["version"] == 1
    assert payload["issued_at"] == "2026-04-01T00:30:00Z"
    assert payload["entries"][0] == {
        "number": "SCFN-2025-00001", "revision": 3, "status": "superseded", "date": "2026-03-01"
    }
    assert payload["entries"][1]["reason"] == "欠格事由の判明"


def _edit(signed: str, **changes) -> str:
    envelope = json.loads(signed)
    envelope.update(changes)
    return json.dumps(envelope, ensure_ascii=False)


def test_tampered_payload(ring, signed):
    payload = json.loads(signed)["payload"]
    assert _code(_edit(signed, payload=payload.replace('"revoked"', '"superseded"')), ring) == (
        "bad_signature"
    )
    assert _code(_edit(signed, payload=payload.replace("00002", "00003")), ring) == "bad_signature"
    assert _code(_edit(signed, payload=payload + " "), ring) == "bad_signature"


def test_tampered_signature(ring, signed):
    signature = json.loads(signed)["signature"]
    flipped = ("B" if signature[0] == "A" else "A") + signature[1:]
    assert _code(_edit(signed, signature=flipped), ring) == "bad_signature"
    assert _code(_edit(signed, signature=signature + "A"), ring) == "bad_signature"
    assert _code(_edit(signed, signature=signature[:-2] + "=="), ring) == "bad_signature"


def test_other_key(issuer_key, stranger_key, ring, signed):
    foreign = sign_revocation_list(stranger_key, ENTRIES, issued_at=ISSUED)
    assert _code(foreign, ring) == "unknown_key"
    # The stranger's signature under the issuer's key id: not the issuer's signature.
    assert _code(_edit(foreign, key_id=json.loads(signed)["key_id"]), ring) == "bad_signature"
    assert read_revocation_list(foreign, KeyRing.of(stranger_key.public_key())).entries


def test_unsigned_list(ring, signed):
    envelope = json.loads(signed)
    assert _code(envelope["payload"], ring) == "unsigned"
    del envelope["signature"]
    assert _code(json.dumps(envelope), ring) == "unsigned"


def test_signed_payload_must_be_well_formed(issuer_key, ring):
    signer = key_id(issuer_key.public_key()).hex()

    def signed_payload(payload: dict) -> str:
        text = json.dumps(payload)
        signature = sign(issuer_key, REVOCATION_LIST_CONTEXT, text.encode())
        encoded = base64.urlsafe_b64encode(signature).decode().rstrip("=")
        return json.dumps({"payload": text, "key_id": signer, "signature": encoded})

    good = {"format": "scfn-revocation-list", "version": 1, "issuer_key_id": signer,
            "issued_at": "2026-04-01T00:00:00Z", "entries": []}
    assert read_revocation_list(signed_payload(good), ring).entries == ()
    assert _code(signed_payload(good | {"version": 2}), ring) == "unsupported_version"
    entry = {"number": "SCFN-2025-00001", "revision": 1, "status": "revoked", "date": "2026-01-01"}
    for bad in (
        {"issuer_key_id": "00000000"},
        {"issued_at": "2026-04-01 00:00:00"},
        {"entries": [entry | {"status": "lost"}]},
        {"entries": [entry | {"revision": 0}]},
        {"entries": [entry | {"revision": True}]},
        {"entries": [entry | {"number": "SCFN-2025-1"}]},
        {"entries": [entry | {"extra": 1}]},
        {"extra": 1},
    ):
        assert _code(signed_payload(good | bad), ring) == "malformed", bad


@pytest.mark.parametrize(
    "text",
    [b"", b"\xff\xfe", b"[]", b"{\"payload\": 1, \"key_id\": \"x\", \"signature\": \"y\"}",
     b"{\"a\": 1, \"a\": 2}", b"{\"a\": NaN}", b"{\"a\": 1}"],
)
def test_garbage(ring, text):
    assert _code(text, ring) == "malformed"


def test_size_is_bounded(ring, signed):
    with pytest.raises(RevocationListError) as info:
        read_revocation_list(signed, ring, max_bytes=100)
    assert info.value.code == "too_large"


def test_entry_status_may_be_given_as_text():
    entry = RevocationEntry(CertificateNumber(2025, 1), 1, "revoked", date(2026, 1, 1))
    assert entry.status is RevocationStatus.REVOKED


def test_entries_are_validated_when_signing():
    with pytest.raises(CredentialError):
        RevocationEntry(CertificateNumber(2025, 1), 1, RevocationStatus.REVOKED, date.today(),
                        "two\nlines")
    with pytest.raises(ValueError):
        sign_revocation_list(None, [], issued_at=datetime(2026, 1, 1))  # naive time
