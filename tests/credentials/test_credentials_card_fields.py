"""Certificate numbers and the holder check: one text form each, and names typed by people."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scfn_desktop.credentials import (
    UNKNOWN_HOLDER,
    CertificateNumber,
    CredentialError,
    holder_check,
    holder_matches,
    parse_certificate_number,
)


@given(st.integers(2000, 9999), st.integers(1, 2**32 - 1))
def test_certificate_number_round_trip(year, serial):
    number = CertificateNumber(year, serial)
    assert parse_certificate_number(str(number)) == number


def test_certificate_number_forms():
    assert str(CertificateNumber(2025, 1)) == "SCFN-2025-00001"
    assert str(CertificateNumber(2025, 123456)) == "SCFN-2025-123456"
    for typed in (" scfn-2025-00001 ", "ＳＣＦＮ－２０２５－００００１", "SCFNー2025ー00001"):
        assert parse_certificate_number(typed) == CertificateNumber(2025, 1)


@pytest.mark.parametrize(
    "text",
    [
        "SCFN-2025-1",
        "SCFN-2025-0001",
        "SCFN-2025-000001",  # superfluous leading zero
        "SCFN-2025-00000",  # serial 0
        "SCFN-1999-00001",
        "SCFN-25-00001",
        "SCFN-2025-4294967296",
        "SCFN 2025 00001",
        "XSCFN-2025-00001",
        "SCFN-2025-00001X",
        "SCFN-２０２５-٠٠٠٠١",  # Arabic-Indic digits are not our digits
        "",
    ],
)
def test_certificate_number_refuses_anything_else(text):
    with pytest.raises(CredentialError) as info:
        parse_certificate_number(text)
    assert info.value.code == "invalid_certificate_number"
    assert "SCFN-2025-00001" in info.value.reason_ja


def test_holder_check_digest_and_initials():
    check = holder_check("YAMADA Taro")
    assert check.initials == "YT"
    assert check.digest == hashlib.sha256(b"YAMADATARO").digest()[:4]
    assert holder_check("NGUYEN VAN A").initials == "NA"
    assert holder_check("MADONNA").initials == "M_"
    assert holder_check("ŌNO Tarō").initials == "_T"


@pytest.mark.parametrize(
    "typed", ["YAMADA Taro", "yamada taro", "ＹＡＭＡＤＡ　ＴＡＲＯ", " Yamada\tTaro ", "YAMADA  TARO"]
)
def test_typed_names_match(typed):
    assert holder_matches(holder_check("YAMADA Taro"), typed)


@pytest.mark.parametrize("typed", ["YAMADA Jiro", "TARO YAMADA", "YAMADA", "", "YAMADA-TARO"])
def test_other_names_do_not_match(typed):
    assert not holder_matches(holder_check("YAMADA Taro"), typed)


def test_unknown_holder_matches_nothing():
    assert holder_check("") == holder_check("  ") == holder_check(None) == UNKNOWN_HOLDER
    assert UNKNOWN_HOLDER.initials == "__"
    assert not holder_matches(UNKNOWN_HOLDER, "")
    assert not holder_matches(UNKNOWN_HOLDER, "YAMADA Taro")
