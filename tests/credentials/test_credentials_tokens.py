"""Badge and card tokens: round trips, and every kind of damage is refused, never accepted."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scfn_desktop.credentials import (
    AUDIT_CHECKPOINT_CONTEXT,
    TOKEN_CONTEXT,
    BadgeClaims,
    CardClaims,
    CertificateNumber,
    CredentialError,
    HolderCheck,
    KeyRing,
    TokenError,
    TokenProblem,
    decode_text,
    encode_text,
    holder_check,
    issue_badge,
    issue_card,
    key_id,
    read_badge,
    read_card,
    sign,
)
from scfn_desktop.credentials.base32 import ALPHABET

badges = st.builds(
    BadgeClaims,
    fiscal_year=st.integers(2000, 9999),
    term=st.integers(1, 255),
    trainee_number=st.from_regex(r"[0-9]{1,8}", fullmatch=True),
    revision=st.integers(1, 0xFFFF),
)


@st.composite
def cards(draw) -> CardClaims:
    certified = draw(st.dates(date(2000, 1, 1), date(2179, 6, 6)))
    valid = draw(st.dates(certified, date(2179, 6, 6)))
    initials = draw(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ_", min_size=2, max_size=2))
    return CardClaims(
        number=CertificateNumber(draw(st.integers(2000, 9999)), draw(st.integers(1, 2**32 - 1))),
        revision=draw(st.integers(1, 255)),
        certified_on=certified,
        valid_until=valid,
        holder=HolderCheck(initials, draw(st.binary(min_size=4, max_size=4))),
    )


CARD = CardClaims(
    number=CertificateNumber(2025, 1),
    revision=1,
    certified_on=date(2026, 3, 1),
    valid_until=date(2031, 3, 31),
    holder=holder_check("YAMADA Taro"),
)
BADGE = BadgeClaims(fiscal_year=2025, term=1, trainee_number="00012345", revision=1)


@given(badges)
def test_badge_round_trip(issuer_key, ring, claims):
    text = issue_badge(issuer_key, claims)
    assert len(text) == 127 and set(text) <= set(ALPHABET)
    assert read_badge(text, ring) == claims


@given(cards())
def test_card_round_trip(issuer_key, ring, claims):
    text = issue_card(issuer_key, claims)
    assert len(text) == 140 and set(text) <= set(ALPHABET)
    assert read_card(text, ring) == claims


def test_leading_zeros_of_trainee_numbers_survive(issuer_key, ring):
    for number in ("0", "7", "0012", "12", "00000000", "99999999"):
        claims = BadgeClaims(2025, 2, number, 3)
        assert read_badge(issue_badge(issuer_key, claims), ring).trainee_number == number


def _reject(read, text, ring) -> TokenProblem:
    with pytest.raises(TokenError) as info:
        read(text, ring)
    assert info.value.reason_ja and info.value.reason_en
    return info.value.code


@pytest.mark.parametrize(
    ("issue", "read", "claims"), [(issue_badge, read_badge, BADGE), (issue_card, read_card, CARD)]
)
def test_every_flipped_bit_is_rejected(issuer_key, ring, issue, read, claims):
    frame = decode_text(issue(issuer_key, claims))
    codes = set()
    for bit in range(8 * len(frame)):
        damaged = bytearray(frame)
        damaged[bit // 8] ^= 0x80 >> (bit % 8)
        code = _reject(read, encode_text(bytes(damaged)), ring)
        if bit >= 48:  # body or signature: only the signature can tell
            assert code is TokenProblem.BAD_SIGNATURE
        codes.add(code)
    # One flipped bit never turns kind 1 into 2 (that is ``test_wrong_kind``), only into none.
    assert codes == {
        TokenProblem.UNSUPPORTED_VERSION,
        TokenProblem.MALFORMED,
        TokenProblem.UNKNOWN_KEY,
        TokenProblem.BAD_SIGNATURE,
    }


@pytest.mark.parametrize(
    ("issue", "read", "claims"), [(issue_badge, read_badge, BADGE), (issue_card, read_card, CARD)]
)
def test_every_changed_character_is_rejected(issuer_key, ring, issue, read, claims):
    text = issue(issuer_key, claims)
    for position, original in enumerate(text):
        for replacement in ALPHABET:
            if replacement != original:
                changed = text[:position] + replacement + text[position + 1 :]
                _reject(read, changed, ring)
    for typo in ("U", "*", "あ"):
        assert _reject(read, text[:10] + typo + text[11:], ring) is TokenProblem.MALFORMED


def test_dropped_or_extra_characters_are_malformed(issuer_key, ring):
    text = issue_card(issuer_key, CARD)
    frame = decode_text(text)
    for damaged in (text[:-1], text[:-2], text + "0", encode_text(frame[:-1]),
                    encode_text(frame + b"\0"), "", "0"):
        assert _reject(read_card, damaged, ring) is TokenProblem.MALFORMED


def test_wrong_kind(issuer_key, ring):
    assert _reject(read_badge, issue_card(issuer_key, CARD), ring) is TokenProblem.WRONG_KIND
    assert _reject(read_card, issue_badge(issuer_key, BADGE), ring) is TokenProblem.WRONG_KIND
    with pytest.raises(TokenError) as info:
        read_badge(issue_card(issuer_key, CARD), ring)
    assert "認定証" in info.value.reason_ja and "certificate card" in info.value.reason_en


def test_unknown_key(issuer_key, stranger_key, ring):
    forged = issue_badge(stranger_key, BADGE)
    assert _reject(read_badge, forged, ring) is TokenProblem.UNKNOWN_KEY
    assert read_badge(forged, KeyRing.of(stranger_key.public_key())) == BADGE
    assert _reject(read_badge, issue_badge(issuer_key, BADGE), KeyRing()) is (
        TokenProblem.UNKNOWN_KEY
    )


def test_unsupported_version_even_when_signed(issuer_key, ring):
    frame = decode_text(issue_badge(issuer_key, BADGE))
    head = bytes([2]) + frame[1:-64]
    future = encode_text(head + sign(issuer_key, TOKEN_CONTEXT, head))
    assert _reject(read_badge, future, ring) is TokenProblem.UNSUPPORTED_VERSION


def test_signed_but_impossible_values_are_malformed(issuer_key, ring):
    body = bytes.fromhex("07e9" "01" "3b9aca00" "0001")  # trainee number field = 10 * 10^8
    head = bytes([1, 1]) + key_id(issuer_key.public_key()) + body
    token = encode_text(head + sign(issuer_key, TOKEN_CONTEXT, head))
    assert _reject(read_badge, token, ring) is TokenProblem.MALFORMED


def test_signature_from_another_context_cannot_be_replayed(issuer_key, ring):
    frame = decode_text(issue_badge(issuer_key, BADGE))
    head = frame[:-64]
    replay = encode_text(head + sign(issuer_key, AUDIT_CHECKPOINT_CONTEXT, head))
    assert _reject(read_badge, replay, ring) is TokenProblem.BAD_SIGNATURE


@pytest.mark.parametrize(
    "mangle",
    [
        str.lower,
        lambda t: "-".join(t[i : i + 4] for i in range(0, len(t), 4)),
        lambda t: t[:60] + "\r\n" + t[60:] + "\n",
        lambda t: t.translate({ord(c): ord(c) + 0xFEE0 for c in ALPHABET}),  # full width
        lambda t: t.replace("0", "O").replace("1", "l"),
    ],
    ids=["lower", "hyphens", "line-breaks", "full-width", "aliases"],
)
def test_typed_and_scanned_forms_normalise(issuer_key, ring, mangle):
    text = issue_card(issuer_key, CARD)
    assert read_card(mangle(text), ring) == CARD


@pytest.mark.parametrize(
    "fields",
    [
        {"fiscal_year": 7},
        {"term": 0},
        {"trainee_number": "123456789"},
        {"trainee_number": "12a"},
        {"trainee_number": 12},
        {"revision": 0},
    ],
)
def test_invalid_badge_claims(fields):
    values = {"fiscal_year": 2025, "term": 1, "trainee_number": "1", "revision": 1} | fields
    with pytest.raises(CredentialError) as info:
        BadgeClaims(**values)
    assert info.value.code == "invalid_claims"


@pytest.mark.parametrize(
    "fields",
    [
        {"revision": 0},
        {"revision": 256},
        {"certified_on": date(1999, 12, 31)},
        {"valid_until": date(2179, 6, 7)},
        {"valid_until": date(2026, 2, 28)},
    ],
)
def test_invalid_card_claims(fields):
    values = {
        "number": CertificateNumber(2025, 1),
        "revision": 1,
        "certified_on": date(2026, 3, 1),
        "valid_until": date(2026, 3, 1) + timedelta(days=1),
        "holder": holder_check("YAMADA Taro"),
    } | fields
    with pytest.raises(CredentialError) as info:
        CardClaims(**values)
    assert info.value.code == "invalid_claims"
