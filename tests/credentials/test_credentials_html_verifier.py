"""The standalone HTML verifier, generated and then driven in a real headless Chromium: the six
states, both Ed25519 engines (WebCrypto and the vendored tweetnacl), revocation lists embedded
or loaded, and a tampered page refused."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest
from chromium import enter_code, open_page, verifier_browser
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from scfn_desktop.credentials import (
    BadgeClaims,
    CardClaims,
    CertificateNumber,
    CredentialError,
    KeyRing,
    RevocationEntry,
    RevocationListError,
    RevocationStatus,
    holder_check,
    issue_badge,
    issue_card,
    sign_revocation_list,
    verify_card,
)
from scfn_desktop.credentials.html_verifier import build_verifier_html, write_verifier_html

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
STRANGER = Ed25519PrivateKey.from_private_bytes(bytes(range(100, 132)))
RING = KeyRing.of(KEY.public_key())
NAME = "NGUYEN Van An"


def _card(serial: int, *, revision: int = 1, since=date(2026, 3, 1), until=date(2099, 3, 31),
          key=KEY) -> str:
    return issue_card(key, CardClaims(CertificateNumber(2025, serial), revision, since, until,
                                      holder_check(NAME)))


def _flip(text: str, position: int = 60) -> str:
    return text[:position] + ("1" if text[position] != "1" else "2") + text[position + 1 :]


GENUINE = _card(1)
CODES = {
    "valid": GENUINE,
    "forged": _flip(GENUINE),
    "revoked": _card(2),
    "superseded": _card(3, revision=1),
    "expired": _card(4, since=date(2015, 4, 1), until=date(2020, 3, 31)),
    "unknown_key": _card(5, key=STRANGER),
}
LIST = sign_revocation_list(KEY, [
    RevocationEntry(CertificateNumber(2025, 2), 1, RevocationStatus.REVOKED, date(2026, 6, 1),
                    "欠格事由の判明"),
    RevocationEntry(CertificateNumber(2025, 3), 2, RevocationStatus.SUPERSEDED, date(2026, 6, 2),
                    "再交付"),
], issued_at=datetime(2026, 6, 3, tzinfo=UTC))
NEWER_LIST = sign_revocation_list(KEY, [
    RevocationEntry(CertificateNumber(2025, 1), 1, RevocationStatus.REVOKED, date(2026, 7, 1)),
], issued_at=datetime(2026, 7, 2, tzinfo=UTC))


def _tamper(listing: str) -> str:
    """Remove the revocation from the signed payload, keeping the old signature."""
    envelope = json.loads(listing)
    payload = json.loads(envelope["payload"])
    payload["entries"] = payload["entries"][1:]
    envelope["payload"] = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(envelope, ensure_ascii=False)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("verifier")
    good = write_verifier_html(folder / "verify.html", RING, LIST)
    bare = write_verifier_html(folder / "bare.html", RING)
    html = good.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="scfn-data">(.*?)</script>', html, re.S)[1])
    data["revocations"] = _tamper(data["revocations"])
    tampered = folder / "tampered.html"
    tampered.write_text(html.replace(
        re.search(r'id="scfn-data">(.*?)</script>', html, re.S)[1],
        json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")), encoding="utf-8")
    (folder / "newer.json").write_text(NEWER_LIST, encoding="utf-8")
    (folder / "forged.json").write_text(_tamper(LIST), encoding="utf-8")
    return {"good": good, "bare": bare, "tampered": tampered, "folder": folder}


@pytest.fixture(scope="module")
def browser():
    with verifier_browser() as driver:
        yield driver


def test_the_page_is_self_contained(pages):
    html = pages["good"].read_text(encoding="utf-8")
    assert not re.search(r"<(script|img|link|iframe)[^>]+(src|href)=", html, re.I)
    assert "default-src 'none'" in html and "@import" not in html
    assert html.count("<script") == 4 and "tweetnacl" in html


@pytest.mark.parametrize("engine", ["", "#engine=tweetnacl"])
def test_six_states_in_chromium(browser, pages, engine):
    open_page(browser, pages["good"], engine)
    expected_engine = "tweetnacl" if engine else "WebCrypto"
    assert expected_engine in browser.find_element("id", "engine").text
    labels = {"valid": "有効", "expired": "有効期限切れ", "revoked": "取消済み",
              "superseded": "旧版（再交付済み）", "unknown_key": "不明な発行者鍵",
              "forged": "偽造・改ざん"}
    for status, code in CODES.items():
        state, text = enter_code(browser, code)
        assert state == status, (status, text)
        assert text.startswith(labels[status]), text
        assert verify_card(code, RING).status in (status, "valid")  # same answer in Python
    _state, text = enter_code(browser, CODES["revoked"])
    assert "欠格事由の判明" in text and "SCFN-2025-00002" in text
    _state, text = enter_code(browser, CODES["superseded"])
    assert "第2版" in text
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0


@pytest.mark.parametrize("engine", ["", "#engine=tweetnacl"])
def test_refusal_reasons_and_name_check(browser, pages, engine):
    open_page(browser, pages["good"], engine)
    typed = "-".join(GENUINE[i : i + 4] for i in range(0, len(GENUINE), 4)).lower()
    assert enter_code(browser, typed, NAME.lower(), typed=True)[0] == "valid"
    assert "一致 / match" in enter_code(browser, GENUINE, "nguyen  van an")[1]
    assert "不一致 / no match" in enter_code(browser, GENUINE, "NGUYEN Van Anh")[1]
    state, text = enter_code(browser, "HELLO WORLD")
    assert state == "forged" and "認定証のコードではありません" in text
    state, text = enter_code(browser, GENUINE[:-9])
    assert state == "forged" and "Incomplete scan or mistyped" in text
    state, text = enter_code(browser, issue_badge(KEY, BadgeClaims(2025, 1, "0012", 1)))
    assert state == "forged" and "受付用バッジ" in text
    not_yet = _card(6, since=date(2098, 4, 1))
    state, text = enter_code(browser, not_yet)
    assert state == "expired" and text.startswith("有効期間前")


def test_without_a_list_validity_says_so(browser, pages):
    open_page(browser, pages["bare"])
    assert "なし" in browser.find_element("id", "list-status").text
    state, text = enter_code(browser, CODES["revoked"])
    assert state == "valid" and "取消・再交付は確認していません" in text


def test_a_tampered_embedded_list_disables_the_page(browser, pages):
    for fragment in ("", "#engine=tweetnacl"):
        open_page(browser, pages["tampered"], fragment)
        banner = browser.find_element("id", "banner")
        assert banner.is_displayed() and "署名が一致しません" in banner.text
        assert not browser.find_element("id", "verify").is_enabled()
        assert not browser.find_element("id", "code").is_enabled()


def test_loading_a_list_file_checks_its_signature(browser, pages):
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(browser, pages["good"])
    browser.find_element("css selector", "details summary").click()
    status = browser.find_element("id", "file-status")

    def load(name: str) -> str:
        browser.execute_script("arguments[0].textContent = ''", status)
        browser.find_element("id", "list-file").send_keys(str(pages["folder"] / name))
        WebDriverWait(browser, 10).until(lambda d: status.text)
        return status.get_attribute("data-state")

    assert load("forged.json") == "refused" and "署名が一致しません" in status.text
    assert enter_code(browser, GENUINE)[0] == "valid"  # the refused list changed nothing
    assert load("newer.json") == "loaded"
    assert enter_code(browser, GENUINE)[0] == "revoked"


def test_camera_button_only_with_barcode_detector(browser, pages):
    open_page(browser, pages["good"])
    assert not browser.find_element("id", "camera").is_displayed()  # no BarcodeDetector here
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": (
        "window.BarcodeDetector = class { async detect() { return []; } };")})
    open_page(browser, pages["good"])
    camera = browser.find_element("id", "camera")
    shown = camera.is_displayed()
    has_media = browser.execute_script("return !!(navigator.mediaDevices && "
                                       "navigator.mediaDevices.getUserMedia)")
    assert shown == has_media


def test_the_generator_refuses_what_it_cannot_vouch_for():
    with pytest.raises(RevocationListError):
        build_verifier_html(RING, _tamper(LIST))
    with pytest.raises(RevocationListError):
        build_verifier_html(KeyRing.of(STRANGER.public_key()), LIST)
    with pytest.raises(CredentialError):
        build_verifier_html(KeyRing())
    html = build_verifier_html(RING, LIST, issuer="<script>x</script>")
    assert "<script>x" not in html and "&lt;script&gt;x" in html
