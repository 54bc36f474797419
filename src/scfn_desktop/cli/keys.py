"""`scfn keys ...`: the certificate issuer key and the public keys trusted for cards.

On the issuing PC: `create` (optional passphrase), `rotate`, `export` (the public keys, PEM,
to publish with their fingerprints), `export-verifier` (the standalone HTML verifier) and
`export-revocations` (the signed revocation list). On a verifying PC: `import` the issuer's
public key after comparing its fingerprint with the published one. `list` shows every
trusted key. Every change needs a login.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scfn_desktop.cli.common import Cli
from scfn_desktop.services.certificates import issuer_keys, publishing
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.exports import write_file

ORIGINS = {"own": ("この端末の発行者鍵", "own issuer key"), "imported": ("取り込んだ鍵", "imported"),
           "removed": ("外した鍵", "removed")}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    grp = sub.add_parser("keys", help="certificate issuer keys (発行者鍵) and trusted public keys"
                         ).add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    p = grp.add_parser("list", help="the public keys that verify cards here")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)
    p = grp.add_parser("create", help="create the issuer key (passphrase optional: "
                                      "--new-key-passphrase-stdin or asked)")
    p.set_defaults(handler=cmd_create)
    p = grp.add_parser("rotate", help="a new issuer key signs new cards; the old one stays "
                                      "trusted for the cards it signed")
    p.set_defaults(handler=cmd_rotate)
    p = grp.add_parser("export", help="write the issuer's public keys (PEM) to publish")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pem", help="file, or -")
    p.set_defaults(handler=cmd_export)
    p = grp.add_parser("import", help="trust an issuer's public key (PEM) on this PC")
    p.add_argument("file", type=Path, metavar="FILE.pem")
    p.add_argument("--label", default="", help="a name for the key, e.g. 出入国在留管理庁 2026")
    p.set_defaults(handler=cmd_import)
    p = grp.add_parser("remove", help="stop trusting an imported key")
    p.add_argument("key_id", metavar="KEYID")
    p.set_defaults(handler=cmd_remove)
    p = grp.add_parser("export-verifier", help="the standalone HTML verifier (one file)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="verify.html")
    p.set_defaults(handler=cmd_export_verifier)
    p = grp.add_parser("export-revocations", help="the signed revocation list (JSON)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.json", help="file, or -")
    p.set_defaults(handler=cmd_export_revocations)


def cmd_list(cli: Cli) -> int:
    keys = issuer_keys.trusted_keys(cli.db())
    if cli.args.json:
        cli.say(json.dumps([{"key_id": k.key_id, "fingerprint": k.fingerprint,
                             "origin": k.origin, "label": k.label,
                             "signs_new_cards": k.signs_new_cards,
                             "retired": k.retired_at is not None} for k in keys],
                           ensure_ascii=False, indent=2))
        return 0
    if not keys:
        cli.say("信頼する公開鍵はありません。", "No public key is trusted here yet.")
    for k in keys:
        state = cli.t("（新しい認定証に署名）", " (signs new cards)") if k.signs_new_cards else \
            cli.t("（旧鍵）", " (retired)") if k.retired_at else ""
        cli.say(f"{k.key_id}  {k.fingerprint}  {cli.t(*ORIGINS.get(k.origin, (k.origin,) * 2))}"
                f"{state}  {k.label}")
    return 0


def cmd_create(cli: Cli) -> int:
    actor = cli.actor()
    info = issuer_keys.create_issuer_key(cli.db(), actor, cli.new_key_passphrase())
    _created(cli, info)
    return 0


def cmd_rotate(cli: Cli) -> int:
    actor = cli.actor()
    old = cli.key_passphrase()
    info = issuer_keys.rotate_issuer_key(cli.db(), actor, old, cli.new_key_passphrase())
    _created(cli, info)
    cli.say("以前の鍵は確認用として信頼されたままです。公開鍵と確認用ページを配り直してください。",
            "The old key stays trusted for verifying; hand out the public keys and the "
            "verifier page again.")
    return 0


def _created(cli: Cli, info: issuer_keys.KeyInfo) -> None:
    cli.say(f"発行者鍵を作成しました。鍵ID {info.key_id}、フィンガープリント {info.fingerprint}",
            f"Created the issuer key: key id {info.key_id}, fingerprint {info.fingerprint}")


def cmd_export(cli: Cli) -> int:
    text = issuer_keys.export_public_keys(cli.db())
    if cli.args.output == "-":
        sys.stdout.write(text)
        return 0
    write_file(cli.args.output, text.encode("ascii"))
    for k in issuer_keys.trusted_keys(cli.db()):
        if k.origin == "own":
            cli.say(f"{k.key_id}  {k.fingerprint}")
    cli.say(f"{cli.args.output} に書き出しました。フィンガープリントを公開鍵と一緒に知らせてください。",
            f"Wrote {cli.args.output}. Publish the fingerprints with it.")
    return 0


def cmd_import(cli: Cli) -> int:
    path: Path = cli.args.file
    try:
        data = path.read_bytes()[: issuer_keys.MAX_IMPORT_BYTES + 1]
    except OSError as exc:
        raise ServiceError(f"{path.name} を読めません: {exc.strerror or exc}",
                           f"Cannot read {path.name}: {exc.strerror or exc}") from exc
    added = issuer_keys.import_public_keys(cli.db(), cli.actor(), data, cli.args.label)
    for k in added:
        cli.say(cli.t(f"信頼する鍵に追加しました: 鍵ID {k.key_id}、フィンガープリント {k.fingerprint}"
                      "（公開されているフィンガープリントと同じか確かめてください）",
                      f"Now trusted: key id {k.key_id}, fingerprint {k.fingerprint} (check it "
                      "against the published fingerprint)"))
    if not added:
        cli.say("この鍵は既に信頼されています。", "The key is trusted already.")
    return 0


def cmd_remove(cli: Cli) -> int:
    issuer_keys.remove_imported_key(cli.db(), cli.actor(), cli.args.key_id)
    cli.say(f"鍵 {cli.args.key_id} を外しました。", f"Removed the key {cli.args.key_id}.")
    return 0


def cmd_export_verifier(cli: Cli) -> int:
    path = publishing.export_verifier(cli.db(), cli.actor(), cli.issuer_key(), cli.args.output)
    cli.say(f"確認用ページを {path} に書き出しました（公開鍵と最新の失効リストを含みます）。",
            f"Wrote the verifier page to {path} (public keys and the latest revocation list "
            "inside).")
    return 0


def cmd_export_revocations(cli: Cli) -> int:
    text, count = publishing.signed_revocation_list(cli.db(), cli.actor(), cli.issuer_key())
    if cli.args.output == "-":
        sys.stdout.write(text)
        return 0
    write_file(cli.args.output, text.encode("utf-8"))
    cli.say(f"失効リスト（{count} 件）を {cli.args.output} に書き出しました。",
            f"Wrote the revocation list ({count} entries) to {cli.args.output}.")
    return 0
