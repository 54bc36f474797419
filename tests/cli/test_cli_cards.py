"""`scfn cards`, `scfn keys` and `scfn verify` end to end: writes need a login, signing
needs the issuer key's passphrase (stdin or environment, never stored), `scfn verify` answers
with its exit code (0 valid, 1 expired, 2 revoked or superseded, 3 forged or unreadable) on a
code, an image or a PDF, and a verifying PC with only the public key and the list agrees."""

from __future__ import annotations

import json

import pytest
from cardkit import certified_run
from sqlalchemy import select

from scfn_desktop.db.models.certificates import Certificate, CertificateCard
from scfn_desktop.db.session import open_database
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.certificates.printing import card_print_data
from scfn_desktop.services.permissions import SYSTEM

PASSPHRASE = "kagi no aikotoba 2026"


@pytest.fixture
def numbers(db_url):
    db = open_database(db_url)
    found = certified_run(db, 3)
    accounts.add_user(db, SYSTEM, "boss", "admin", "boss-pass-1")
    accounts.add_user(db, SYSTEM, "desk", "staff", "desk-pass-1")
    db.dispose()
    return found


def as_boss(*args: str) -> tuple[str, ...]:
    return ("--user", "boss", "--user-password-stdin", *args)


def boss_stdin(passphrase: str = PASSPHRASE) -> str:
    """The password line, then the issuer key's passphrase line."""
    return f"boss-pass-1\n{passphrase}\n"


def issue(run, numbers):
    code, out, err = run(*as_boss("--new-key-passphrase-stdin", "keys", "create"),
                         stdin=boss_stdin())
    assert code == 0, err
    assert "フィンガープリント" in out
    code, out, err = run(*as_boss("--key-passphrase-stdin", "cards", "issue"), stdin=boss_stdin())
    assert code == 0, err
    assert "3 件を交付" in out
    code, out, _ = run("cards", "list", "--json")
    return {c["number"]: c for c in json.loads(out)["cards"]}


def test_issue_list_print_and_verify_a_printed_pdf(run, numbers, tmp_path):
    listed = issue(run, numbers)
    assert set(listed) == set(numbers) and all(c["status"] == "valid" for c in listed.values())
    pdf = tmp_path / "cards.pdf"
    code, out, err = run("--user", "desk", "--user-password-stdin", "cards", "print",
                         "--layout", "a4-10", "-o", str(pdf), stdin="desk-pass-1\n")
    assert code == 0 and pdf.exists(), err  # staff print without the key
    code, out, _ = run("verify", str(pdf), "--json")
    found = json.loads(out)["codes"]
    assert code == 0 and sorted(c["number"] for c in found) == sorted(numbers)
    assert {c["status"] for c in found} == {"valid"}


def tokens(db_url: str) -> dict[str, str]:
    """The current card's token of every printable certificate."""
    db = open_database(db_url)
    try:
        return {c.number: c.token for c in card_print_data(db)}
    finally:
        db.dispose()


def test_exit_codes_for_each_state(run, numbers, db_url):
    issue(run, numbers)
    token = tokens(db_url)
    good = token[numbers[0]]
    code, out, _ = run("verify", good)
    assert code == 0 and out.startswith("有効")
    code, out, _ = run("verify", good.lower(), "--date", "2028-04-01")
    assert code == 1 and out.startswith("有効期限切れ")
    flipped = good[:60] + ("1" if good[60] != "1" else "2") + good[61:]
    code, out, _ = run("verify", flipped, "--json")
    assert code == 3 and json.loads(out)["status"] == "forged"
    code, _, _ = run("verify", "HELLO")
    assert code == 3
    code, _, err = run(*as_boss("--key-passphrase-stdin", "cards", "reissue", numbers[0],
                                "--reason", "紛失"), stdin=boss_stdin())
    assert code == 0, err
    code, out, _ = run("verify", good, lang="en")
    assert code == 2 and out.startswith("SUPERSEDED")
    code, _, err = run(*as_boss("cards", "revoke", numbers[1], "--reason", "欠格事由の判明"),
                       stdin="boss-pass-1\n")
    assert code == 0, err
    code, out, _ = run("verify", token[numbers[1]])
    assert code == 2 and out.startswith("取消済み")
    code, out, err = run(*as_boss("--key-passphrase-stdin", "cards", "renew", numbers[2],
                                  "--completed-on", "2026-11-20"), stdin=boss_stdin())
    assert code == 0 and "2031-03-31" in out, err
    code, out, _ = run("cards", "list", "--status", "superseded")
    assert code == 0 and numbers[0] in out and numbers[2] in out and numbers[1] not in out


def test_the_passphrase_is_required_and_checked(run, numbers):
    run(*as_boss("--new-key-passphrase-stdin", "keys", "create"), stdin=boss_stdin())
    code, _, err = run(*as_boss("cards", "issue"), stdin="boss-pass-1\n")
    assert code == 1 and "パスフレーズを入力してください" in err
    code, _, err = run(*as_boss("--key-passphrase-stdin", "cards", "issue"),
                       stdin=boss_stdin("wrong wrong wrong"))
    assert code == 1 and "パスフレーズが違います" in err
    code, _, err = run("cards", "issue")
    assert code == 1 and "ログイン" in err  # writes need a login, whatever the key


def test_keys_and_a_verifying_pc(run, numbers, tmp_path, db_url, monkeypatch):
    issue(run, numbers)
    run(*as_boss("cards", "revoke", numbers[1], "--reason", "取消"), stdin="boss-pass-1\n")
    pem, listing, page = tmp_path / "issuer.pem", tmp_path / "list.json", tmp_path / "v.html"
    assert run("keys", "export", "-o", str(pem))[0] == 0
    code, _, err = run(*as_boss("--key-passphrase-stdin", "keys", "export-revocations", "-o",
                                str(listing)), stdin=boss_stdin())
    assert code == 0, err
    code, _, err = run(*as_boss("--key-passphrase-stdin", "keys", "export-verifier", "-o",
                                str(page)), stdin=boss_stdin())
    assert code == 0 and "scfn-data" in page.read_text(encoding="utf-8"), err
    printable = tokens(db_url)
    db = open_database(db_url)
    try:
        with db.session() as s:
            revoked = s.scalar(select(CertificateCard.token).join(
                Certificate, Certificate.id == CertificateCard.certificate_id)
                .where(Certificate.number == numbers[1]))
    finally:
        db.dispose()
    other = f"sqlite:///{tmp_path}/verifying.sqlite3"
    monkeypatch.setenv("SCFN_DATA_DIR", str(tmp_path / "verifying"))
    odb = open_database(other)
    accounts.add_user(odb, SYSTEM, "clerk", "admin", "clerk-pass-1")
    odb.dispose()

    def there(*args, stdin=""):
        return run("--db", other, *args, stdin=stdin)

    assert there("verify", printable[numbers[0]])[0] == 3  # unknown key until imported
    code, out, err = there("--user", "clerk", "--user-password-stdin", "keys", "import",
                           str(pem), stdin="clerk-pass-1\n")
    assert code == 0 and "フィンガープリント" in out, err
    assert there("verify", printable[numbers[0]])[0] == 0
    assert there("verify", revoked)[0] == 0  # no list: revocation not checked (it says so)
    code, out, _ = there("verify", revoked, "--revocations", str(listing))
    assert code == 2 and "取消済み" in out
    forged = listing.read_text(encoding="utf-8").replace("revoked", "superseded")
    (tmp_path / "forged.json").write_text(forged, encoding="utf-8")
    code, _, err = there("verify", revoked, "--revocations", str(tmp_path / "forged.json"))
    assert code == 3 and "署名" in err  # refused as a whole, not half-used
    broken = tmp_path / "photo.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 50)
    code, _, err = there("verify", str(broken))
    assert code == 3 and "photo.png" in err
