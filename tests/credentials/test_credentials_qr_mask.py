"""The fast mask search builds exactly the symbol qrcode builds for the chosen mask."""

from __future__ import annotations

import numpy as np
import pytest
import qrcode
from qrcode.util import MODE_ALPHA_NUM, QRData

from scfn_desktop.credentials.qr_mask import (
    data_region,
    make_with_best_mask,
    mask_pattern,
    penalties,
    penalty,
)


def _code(text: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=0)
    code.add_data(QRData(text.encode("ascii"), mode=MODE_ALPHA_NUM))
    code.best_fit()
    return code


@pytest.mark.parametrize("text", ["A" * 20, "0415" + "Z" * 136, "Z" * 300, "9" * 900])
def test_every_mask_derivation_matches_qrcode(text):
    code = _code(text)
    built = []
    for mask in range(8):
        code.makeImpl(False, mask)
        built.append(np.array(code.modules, bool))
    size = built[0].shape[0]
    region = data_region(code.version)
    for mask in range(8):
        derived = built[0] ^ (region & (mask_pattern(0, size) ^ mask_pattern(mask, size)))
        code.modules = derived.tolist()
        code.setup_type_info(False, mask)
        assert np.array_equal(np.array(code.modules, bool), built[mask]), (code.version, mask)
    fresh = _code(text)
    chosen = make_with_best_mask(fresh)
    assert np.array_equal(np.array(chosen, bool), built[fresh.mask_pattern])
    scores = [penalty(symbol) for symbol in built]
    assert scores[fresh.mask_pattern] == min(scores)


def test_penalty_rules_on_small_cases():
    blank = np.zeros((21, 21), bool)
    # every row and column one run of 21 (19 each), 400 blocks of 2x2, 50 % off balance
    assert penalty(blank) == 42 * 19 + 3 * 400 + 10 * 10
    checker = np.indices((21, 21)).sum(axis=0) % 2 == 0
    assert penalty(checker) == 0
    assert list(penalties(np.stack([blank, checker]))) == [penalty(blank), penalty(checker)]
