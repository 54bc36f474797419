"""The standalone verifier: ONE self-contained HTML file anyone can open from a USB stick.

The page embeds the trusted public keys and the latest signed revocation list and carries its
own code (``resources/verifier/``: the page, ``verifier.js`` with the verification procedure of
``docs/verification.md``, ``verifier-ui.js``, and tweetnacl-js 1.0.3 as the Ed25519 fallback
where the browser has no WebCrypto Ed25519).  It loads nothing: a Content-Security-Policy of
``default-src 'none'`` forbids any request, so it works offline and leaks nothing.

The page checks the embedded list's signature itself and, if it fails, refuses to verify at
all: a page whose list was altered may have had its keys altered too.  The generator refuses
to embed a list that does not verify against the given keys in the first place.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from ..config import resource_path
from .errors import CredentialError
from .keyring import KeyRing
from .revocation import read_revocation_list

__all__ = ["TEMPLATE_FILES", "build_verifier_html", "write_verifier_html"]

TEMPLATE_FILES = {
    "page": "verifier.html",
    "nacl": "tweetnacl-fast.min.js",
    "verifier": "verifier.js",
    "ui": "verifier-ui.js",
}
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                 "\u2029": "\\u2029"}


def build_verifier_html(
    keyring: KeyRing,
    revocation_list: str | None = None,
    *,
    issuer: str = "出入国在留管理庁",
    generated_at: datetime | None = None,
) -> str:
    """The page's text.  ``revocation_list`` is the signed list file's text, as exported."""
    if not len(keyring):
        raise CredentialError(
            "no_keys", "確認用ページに入れる公開鍵がありません。",
            "There is no public key to put in the verifier page.",
        )
    if revocation_list is not None:
        read_revocation_list(revocation_list, keyring)  # raises RevocationListError
    moment = (generated_at or datetime.now(UTC)).astimezone(UTC)
    data = {
        "version": 1,
        "issuer": issuer,
        "generated_at": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "keys": [
            {
                "id": entry.key_id.hex(),
                "raw": base64.b64encode(entry.public_key.public_bytes(
                    serialization.Encoding.Raw, serialization.PublicFormat.Raw)).decode("ascii"),
                "fingerprint": entry.fingerprint,
                "label": entry.label,
            }
            for entry in keyring
        ],
        "revocations": revocation_list,
    }
    parts = {name: resource_path("verifier", file).read_text(encoding="utf-8")
             for name, file in TEMPLATE_FILES.items()}
    for name in ("nacl", "verifier", "ui"):
        if "</script" in parts[name].lower():
            raise ValueError(f"{TEMPLATE_FILES[name]} must not contain '</script'")
    embedded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _JSON_ESCAPES.items():
        embedded = embedded.replace(raw, escaped)
    replacements = {
        "{{ISSUER}}": _html_text(issuer),
        "{{DATA}}": embedded,
        "{{NACL}}": parts["nacl"].strip(),
        "{{VERIFIER}}": parts["verifier"].strip(),
        "{{UI}}": parts["ui"].strip(),
    }
    page = parts["page"]
    for marker, value in replacements.items():
        if page.count(marker) != 1:
            raise ValueError(f"the verifier template must hold {marker} exactly once")
        head, tail = page.split(marker)
        page = head + value + tail  # no str.replace: values may contain other markers
    return page


def write_verifier_html(path: str | os.PathLike[str], keyring: KeyRing,
                        revocation_list: str | None = None, **options) -> Path:
    """Write the page to ``path`` (``.part`` then rename, so a reader never sees half)."""
    target = Path(path)
    text = build_verifier_html(keyring, revocation_list, **options)
    partial = target.with_name(target.name + ".part")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return target


def _html_text(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))
