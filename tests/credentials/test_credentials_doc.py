"""docs/verification.md cannot drift: its worked example is recomputed here, and its reference
JavaScript is run under Node.js against that example (skipped where Node.js is missing)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from scfn_desktop.credentials import (
    holder_check,
    issue_badge,
    issue_card,
    key_id,
    sign_revocation_list,
)

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "verification.md"


def _example_module():
    spec = importlib.util.spec_from_file_location(
        "credentials_example", ROOT / "tools" / "credentials_example.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EXAMPLE = _example_module()


def _between(text: str, begin: str, end: str) -> str:
    start = text.index(begin)
    return text[start : text.index(end, start) + len(end)]


def test_worked_example_matches_the_code():
    doc = DOC.read_text(encoding="utf-8")
    expected = EXAMPLE.render()
    assert _between(doc, EXAMPLE.BEGIN, EXAMPLE.END) == expected, (
        "docs/verification.md is out of date: run `python tools/credentials_example.py` and "
        "paste its output between the worked-example markers"
    )


def test_documented_sizes_match_the_example():
    doc = DOC.read_text(encoding="utf-8")
    assert "| badge | 79          | 127             | version 8" in doc
    assert "| card  | 87          | 140             | version 8" in doc


def _reference_js() -> str:
    block = _between(
        DOC.read_text(encoding="utf-8"), "<!-- reference-js:begin -->", "<!-- reference-js:end -->"
    )
    return block.split("```js\n", 1)[1].split("```", 1)[0]


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_reference_javascript_verifies_the_example():
    key = Ed25519PrivateKey.from_private_bytes(EXAMPLE.TEST_SEED)
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    card = issue_card(key, EXAMPLE.CARD)
    listing = sign_revocation_list(
        key, [EXAMPLE.REVOKED, EXAMPLE.SUPERSEDED], issued_at=EXAMPLE.ISSUED_AT
    )
    altered = card[:50] + ("1" if card[50] != "1" else "2") + card[51:]
    cases = {
        "typed": card[:70].lower() + "-" + card[70:],
        "altered": altered,
        "badge": issue_badge(key, EXAMPLE.BADGE),
        "listing": listing,
        "tampered": listing.replace("revoked", "revokes"),
    }
    harness = _reference_js() + f"""
const keys = {{ "{key_id(key.public_key()).hex()}": Uint8Array.from(Buffer.from("{raw.hex()}", "hex")) }};
const cases = {json.dumps(cases)};
const outcome = async (work) => {{ try {{ return await work(); }} catch (e) {{ return e.message; }} }};
(async () => {{
  const list = await verifyRevocationList(cases.listing, keys);
  console.log(JSON.stringify({{
    card: await verifyCard(cases.typed, keys),
    altered: await outcome(() => verifyCard(cases.altered, keys)),
    badge: await outcome(() => verifyCard(cases.badge, keys)),
    digest: await holderDigest("ｙａｍａｄａ　ｔａｒｏ"),
    superseded: withdrawal(list, "SCFN-2025-00001", 1)?.status ?? null,
    current: withdrawal(list, "SCFN-2025-00001", 2),
    revoked: withdrawal(list, "SCFN-2025-00007", 9)?.status ?? null,
    tampered: await outcome(() => verifyRevocationList(cases.tampered, keys)),
  }}));
}})().catch((e) => {{ console.error(e); process.exit(1); }});
"""
    run = subprocess.run(
        ["node", "--input-type=module", "-e", harness], capture_output=True, text=True, timeout=30
    )
    if "Ed25519" in run.stderr and "NotSupportedError" in run.stderr:
        pytest.skip("this Node.js has no WebCrypto Ed25519")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    claims = EXAMPLE.CARD
    assert result["card"] == {
        "keyId": key_id(key.public_key()).hex(),
        "number": str(claims.number),
        "revision": claims.revision,
        "certifiedOn": claims.certified_on.isoformat(),
        "validUntil": claims.valid_until.isoformat(),
        "initials": claims.holder.initials,
        "nameDigest": claims.holder.digest.hex(),
    }
    assert result["digest"] == holder_check(EXAMPLE.HOLDER).digest.hex()
    assert result["altered"] in {"bad_signature", "malformed"}
    assert result["badge"] == "wrong_kind"
    assert (result["superseded"], result["current"], result["revoked"]) == (
        "superseded", None, "revoked"
    )
    assert result["tampered"] == "bad_signature"
