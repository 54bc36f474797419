"""Crockford base32: canonical round trips and forgiving, but never ambiguous, decoding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scfn_desktop.credentials import TokenError, TokenProblem, decode_text, encode_text
from scfn_desktop.credentials.base32 import ALPHABET


@given(st.binary(max_size=120))
def test_round_trip_and_alphabet(data):
    text = encode_text(data)
    assert set(text) <= set(ALPHABET)
    assert len(text) == -(-8 * len(data) // 5)
    assert decode_text(text) == data


def test_known_vectors():
    assert encode_text(b"") == ""
    assert encode_text(b"\x00") == "00"
    assert encode_text(b"\xff") == "ZW"
    assert encode_text(bytes.fromhex("0123456789")) == "04HMASW9"


@pytest.mark.parametrize(
    "typed",
    [
        "04hmasw9",  # lower case
        "04HM-ASW9",  # grouped with a hyphen
        "04HM ASW9\r\n",  # spaces and the scanner's Enter
        "０４ＨＭ－ＡＳＷ９",  # full-width from a Japanese IME
        "04HMーASW9",  # the IME's prolonged sound mark for "-"
        "O4HMASW9",  # letter O for zero
    ],
)
def test_normalisation(typed):
    assert decode_text(typed) == bytes.fromhex("0123456789")


def test_crockford_aliases_for_one():
    assert decode_text("IG") == decode_text("LG") == decode_text("lg") == decode_text("1G")


@pytest.mark.parametrize("text", ["04HMASWU", "04HM_ASW9", "04HM#ASW9", "04HMASW9="])
def test_stray_characters_are_malformed(text):
    with pytest.raises(TokenError) as info:
        decode_text(text)
    assert info.value.code is TokenProblem.MALFORMED
    assert info.value.reason_ja and info.value.reason_en


@pytest.mark.parametrize("text", ["0", "04H", "ZZ", "04HMASW"])
def test_non_canonical_length_or_trailing_bits(text):
    with pytest.raises(TokenError) as info:
        decode_text(text)
    assert info.value.code == "malformed"


def test_runaway_input_is_bounded():
    with pytest.raises(TokenError):
        decode_text("0" * 5000, max_chars=1000)
