"""Choosing the QR mask pattern fast, so a print run of hundreds of cards is not spent on it.

``qrcode`` picks the mask by building the whole symbol eight times and scoring each in pure
Python (about 20 ms for a version 8 symbol, most of a card's print time).  The eight
candidates differ only in the data region, by a known XOR pattern, so here the symbol is built
once with mask 0, the other seven are derived with numpy, scored with the ISO/IEC 18004
penalty rules (N1-N4) in numpy, and the winner gets its format bits from ``qrcode``'s own
``setup_type_info``.  The result is the symbol ``qrcode`` builds for that mask (a test checks
it module for module); only the search is faster.
"""

from __future__ import annotations

import functools

import numpy as np
import qrcode
from numpy.lib.stride_tricks import sliding_window_view
from qrcode.util import pattern_position

__all__ = ["data_region", "make_with_best_mask", "mask_pattern", "penalties", "penalty"]

_FINDER_LIKE = (
    np.array([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0], bool),
    np.array([0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1], bool),
)


def make_with_best_mask(code: qrcode.QRCode) -> list[list[bool]]:
    """Build ``code`` (version already fitted, data added) with the lowest-penalty mask."""
    code.makeImpl(False, 0)
    base = np.array(code.modules, dtype=bool)
    candidates = base[None, :, :] ^ _flips(code.version)
    rows, cols, bits = _format_bits(code, base.shape[0])
    candidates[:, rows, cols] = bits  # each mask's own format bits: the score is exact
    best = int(np.argmin(penalties(candidates)))
    code.modules = candidates[best].tolist()
    code.mask_pattern = best
    return code.modules


@functools.lru_cache(maxsize=16)
def _flips(version: int) -> np.ndarray:
    """For each mask, the modules that differ from mask 0 (read-only, cached per version)."""
    size = 17 + 4 * version
    zero = mask_pattern(0, size)
    flips = data_region(version) & np.stack([zero ^ mask_pattern(m, size) for m in range(8)])
    flips.flags.writeable = False
    return flips


def _format_bits(code: qrcode.QRCode, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where the format information goes and its value for each mask, as ``qrcode`` writes it
    (its own ``setup_type_info`` on a scratch grid, so the placement is never re-implemented).
    """
    key = (size, code.error_correction)
    if key not in _FORMAT_CACHE:
        _FORMAT_CACHE[key] = _scratch_format_bits(code, size)  # leaves scratch modules behind
    return _FORMAT_CACHE[key]


_FORMAT_CACHE: dict[tuple[int, int], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}


def _scratch_format_bits(
    code: qrcode.QRCode, size: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows: list[int] = []
    cols: list[int] = []
    values = []
    for mask in range(8):
        scratch: list[list[bool | None]] = [[None] * size for _ in range(size)]
        code.modules = scratch
        code.setup_type_info(False, mask)
        if not rows:
            for r, row in enumerate(scratch):
                for c, value in enumerate(row):
                    if value is not None:
                        rows.append(r)
                        cols.append(c)
        values.append([bool(scratch[r][c]) for r, c in zip(rows, cols, strict=True)])
    return np.array(rows), np.array(cols), np.array(values, dtype=bool)


def mask_pattern(mask: int, size: int) -> np.ndarray:
    """Where mask ``mask`` inverts a module (True), over the whole ``size`` x ``size`` grid."""
    i, j = np.indices((size, size))
    formulas = (
        lambda: (i + j) % 2 == 0,
        lambda: i % 2 == 0,
        lambda: j % 3 == 0,
        lambda: (i + j) % 3 == 0,
        lambda: (i // 2 + j // 3) % 2 == 0,
        lambda: (i * j) % 2 + (i * j) % 3 == 0,
        lambda: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
        lambda: ((i * j) % 3 + (i + j) % 2) % 2 == 0,
    )
    return formulas[mask]()


def data_region(version: int) -> np.ndarray:
    """True for the modules that carry data (and so are masked) in a symbol of ``version``:
    everything but finders with separators and format areas, timing, alignment and version
    information."""
    size = 17 + 4 * version
    fixed = np.zeros((size, size), bool)
    fixed[:9, :9] = fixed[:9, size - 8 :] = fixed[size - 8 :, :9] = True
    centres = pattern_position(version)
    for row in centres:
        for col in centres:
            if fixed[row, col]:  # overlaps a finder pattern
                continue
            fixed[row - 2 : row + 3, col - 2 : col + 3] = True
    fixed[6, :] = fixed[:, 6] = True
    if version >= 7:
        fixed[:6, size - 11 : size - 8] = fixed[size - 11 : size - 8, :6] = True
    return ~fixed


def penalty(symbol: np.ndarray) -> int:
    """ISO/IEC 18004 mask evaluation of one symbol (see ``penalties``)."""
    return int(penalties(symbol[None])[0])


def penalties(symbols: np.ndarray) -> np.ndarray:
    """Mask evaluation of a stack of symbols: runs (N1), 2x2 blocks (N2), finder-like
    patterns (N3) and dark-module balance (N4); lower is more readable."""
    count, size, _ = symbols.shape
    scores = np.zeros(count, dtype=np.int64)
    for grids in (symbols, symbols.transpose(0, 2, 1)):
        # N1: a run of L >= 5 costs L - 2 = (its L - 4 windows of five equal modules) + 2.
        fives = sliding_window_view(grids, 5, axis=2)
        equal = (fives == fives[..., :1]).all(axis=3)
        first = np.ones_like(equal)
        first[:, :, 1:] = grids[:, :, :-5] != grids[:, :, 1:-4]
        scores += equal.sum(axis=(1, 2)) + 2 * (equal & first).sum(axis=(1, 2))
        windows = sliding_window_view(grids, 11, axis=2)
        for pattern in _FINDER_LIKE:
            scores += 40 * (windows == pattern).all(axis=3).sum(axis=(1, 2))
    top_left = symbols[:, :-1, :-1]
    blocks = (top_left == symbols[:, 1:, :-1]) & (top_left == symbols[:, :-1, 1:]) & (
        top_left == symbols[:, 1:, 1:])
    scores += 3 * blocks.sum(axis=(1, 2))
    dark = 100 * symbols.mean(axis=(1, 2))
    scores += 10 * (np.abs(dark - 50) // 5).astype(np.int64)
    return scores
