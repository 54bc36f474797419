"""The card's life (認定証): issue, reissue (再交付), renewal (更新).

Each card revision is a row of `certificate_cards` holding what the card shows (the name as
printed, 認証日, 有効期限) and the QR token signed for exactly those facts, so printing needs no
key and a card printed twice is the same card. Revision 1 is the first card; a reissue (loss,
damage, name change: the name is taken from the roster again) and a renewal after 認証更新研修
(a new validity from `rules.certification`) each add the next revision, which makes every
lower revision "superseded". Revocation (取消) is the committee's record
(`services.committee.certification.revoke_certificate`): one record, which withdraws every
revision and starts 欠格事由④. Expiry follows the validity date; nothing is written for it.

The caller unlocks the issuer key (`issuer_keys.unlock_issuer_key`) and hands it in, so the
passphrase is asked once per action, before any transaction starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from scfn_desktop.credentials import (
    CardClaims,
    CredentialError,
    holder_check,
    issue_card,
    key_id,
    parse_certificate_number,
)
from scfn_desktop.db import Database
from scfn_desktop.db.models.certificates import Certificate, CertificateCard
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.certification import RenewalStatus, evaluate_renewal
from scfn_desktop.rules.dates import format_date_ja
from scfn_desktop.rules.names import join_name
from scfn_desktop.services import audit
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen

MAX_NAME = CertificateCard.name_kanji.type.length
MAX_REASON = CertificateCard.reason.type.length
MAX_REVISION = 255  # the token's one byte
KIND_LABELS = {"issue": ("交付", "issued"), "reissue": ("再交付", "reissued"),
               "renewal": ("更新", "renewed")}
REISSUE_REASONS = {"loss": ("紛失", "lost"), "damage": ("き損", "damaged"),
                   "name_change": ("氏名の変更", "name changed")}


@dataclass(frozen=True)
class IssuedCard:
    """A card revision just signed, detached from the session."""

    certificate_id: int
    number: str
    revision: int
    name_kanji: str
    name_romaji: str
    certified_on: date
    valid_until: date
    token: str


@dataclass(frozen=True)
class IssueResult:
    issued: tuple[IssuedCard, ...]
    skipped: tuple[tuple[str, str, str], ...]  # (number, reason ja, reason en)


def issue_cards(db: Database, actor: Actor, key: Ed25519PrivateKey, *,
                run_id: int | None = None, numbers: Sequence[str] | None = None,
                today: date | None = None) -> ProgressGen[IssueResult]:
    """Issue the first card of every certified person who has none (of one run, or the
    numbers given), in one transaction with progress: cancel and nothing is issued.

    Revoked and expired certificates get no card; with `numbers` they are refused by name,
    otherwise they are listed as skipped."""
    require(actor, Permission.ISSUE_CARDS)
    day = today or date.today()
    wanted = parse_numbers(numbers) if numbers is not None else None
    yield Progress(0, 0, "交付する認定証を確認しています…", "Checking which cards to issue…")
    try:
        with db.transaction() as s:
            certs = _certificates(s, run_id=run_id, numbers=wanted)
            if wanted is not None:
                missing = sorted(set(wanted) - {c.number for c in certs})
                if missing:
                    raise NotFound("認定番号が見つかりません: " + ", ".join(missing[:10]),
                                   "No such certificate number: " + ", ".join(missing[:10]))
            plan, skipped = [], []
            for cert in certs:
                problem = _cannot_issue(cert, day)
                if problem is None:
                    plan.append(cert)
                elif wanted is not None:
                    raise ValidationFailed(f"{cert.number}: {problem[0]}",
                                           f"{cert.number}: {problem[1]}")
                elif not cert.cards:  # revoked or expired before its first card
                    skipped.append((cert.number, problem[0], problem[1]))
            issued = []
            for done, cert in enumerate(plan, start=1):
                issued.append(_new_card(s, actor, key, cert, "issue", "初回交付",
                                        cert.valid_until, "card.issue"))
                yield Progress(done, len(plan), f"認定証を交付しています {done}/{len(plan)}",
                               f"Issuing cards {done}/{len(plan)}")
            return IssueResult(tuple(issued), tuple(skipped))
    except IntegrityError as exc:
        raise _collision() from exc


def reissue_card(db: Database, actor: Actor, key: Ed25519PrivateKey, number: str,
                 reason: str, today: date | None = None) -> IssuedCard:
    """再交付: the next revision, with the roster's current name (a name change is a reissue);
    every earlier card of the certificate is superseded from now on. `reason` is one of
    `REISSUE_REASONS` or free text (one line)."""
    require(actor, Permission.ISSUE_CARDS)
    text = _reason(reason)
    day = today or date.today()
    try:
        with db.transaction() as s:
            cert = _locked(s, number)
            if not cert.cards:
                raise ValidationFailed(f"{cert.number} の認定証はまだ交付されていません。先に交付してください。",
                                       f"{cert.number} has no card yet; issue it first.")
            _refuse_withdrawn(cert, day, "再交付", "reissued")
            return _new_card(s, actor, key, cert, "reissue", text, cert.valid_until,
                             "card.reissue")
    except IntegrityError as exc:
        raise _collision() from exc


def renew_certificate(db: Database, actor: Actor, key: Ed25519PrivateKey, number: str, *,
                      completed_on: date | None = None, until: date | None = None,
                      today: date | None = None) -> IssuedCard:
    """更新 after the 認証更新研修: the validity becomes `until`, or the rulebook's new end
    for a renewal completed on `completed_on` (3 more years from the current end); the
    certificate's validity changes and a new card revision carries it. A renewal completed
    after the validity ended is refused: the certification has lapsed (seed 000 §第2 5(5))."""
    require(actor, Permission.ISSUE_CARDS)
    day = today or date.today()
    done_on = completed_on or day
    if done_on > day:
        raise ValidationFailed("認証更新研修の修了日が未来の日付です。",
                               "The renewal training completion date is in the future.")
    try:
        with db.transaction() as s:
            cert = _locked(s, number)
            if cert.revocation is not None:
                raise ValidationFailed(f"{cert.number} は取り消されているため更新できません。",
                                       f"{cert.number} is revoked and cannot be renewed.")
            verdict = evaluate_renewal(cert.valid_until, done_on)
            if verdict.status is RenewalStatus.LAPSED or verdict.new_valid_until is None:
                raise ValidationFailed(verdict.reason_ja + "。", verdict.reason_en)
            new_until = until or verdict.new_valid_until
            if not cert.valid_until < new_until <= verdict.new_valid_until:
                raise ValidationFailed(
                    f"新しい有効期限は {format_date_ja(cert.valid_until)} より後、"
                    f"{format_date_ja(verdict.new_valid_until)} までの日付にしてください。",
                    f"The new validity must end after {cert.valid_until.isoformat()} and no "
                    f"later than {verdict.new_valid_until.isoformat()}.")
            before = cert.valid_until
            cert.valid_until = new_until
            s.flush()
            audit.record(s, actor, "certificate.renew", "certificate", cert.id,
                         {"number": cert.number, "valid_until": before},
                         {"number": cert.number, "valid_until": new_until,
                          "renewal_completed_on": done_on})
            reason = f"認証更新研修 修了 {done_on.isoformat()}"
            return _new_card(s, actor, key, cert, "renewal", reason, new_until, "card.renew")
    except IntegrityError as exc:
        raise _collision() from exc


def names_to_print(db: Database, number: str) -> tuple[str, str]:
    """(kanji, romaji) as the roster has them now: what a reissue would print."""
    wanted = parse_numbers([number])[0]
    with db.session() as s:
        trainee = s.scalar(select(Trainee).join(Certificate, Certificate.trainee_id == Trainee.id)
                           .where(Certificate.number == wanted))
        if trainee is None:
            raise NotFound(f"認定番号 {wanted} の認定証はありません。",
                           f"No certificate numbered {wanted}.")
        return join_name(trainee.family_name, trainee.given_name), " ".join(trainee.romaji.split())


def card_fields(card: CertificateCard) -> dict[str, object]:
    """What the audit log holds of a card row (the tamper check compares these)."""
    return {"certificate_id": card.certificate_id, "revision": card.revision,
            "kind": card.kind, "name_kanji": card.name_kanji, "name_romaji": card.name_romaji,
            "certified_on": card.certified_on, "valid_until": card.valid_until,
            "key_id": card.key_id, "token": card.token}


def _new_card(s: Session, actor: Actor, key: Ed25519PrivateKey, cert: Certificate, kind: str,
              reason: str, valid_until: date, action: str) -> IssuedCard:
    revision = max((c.revision for c in cert.cards), default=0) + 1
    if revision > MAX_REVISION:
        raise ValidationFailed(f"{cert.number}: 版が上限（{MAX_REVISION}）に達しました。",
                               f"{cert.number}: the revision limit ({MAX_REVISION}) is reached.")
    trainee: Trainee = cert.trainee
    kanji = join_name(trainee.family_name, trainee.given_name)
    romaji = " ".join(trainee.romaji.split())  # the names_to_print rule
    for label_ja, label_en, value in (("氏名", "name", kanji), ("ローマ字氏名", "romaji name",
                                                                 romaji)):
        if len(value) > MAX_NAME:
            raise ValidationFailed(
                f"{cert.number}: {label_ja}が長すぎて認定証に印刷できません（{MAX_NAME}文字まで）。"
                "名簿で直してから交付してください。",
                f"{cert.number}: the {label_en} is too long for the card (at most {MAX_NAME} "
                "characters); correct it in the roster first.")
    if not (kanji or romaji):
        raise ValidationFailed(f"{cert.number}: 氏名がありません。", f"{cert.number}: no name.")
    number = parse_certificate_number(cert.number)
    try:
        token = issue_card(key, CardClaims(number, revision, cert.certified_on, valid_until,
                                           holder_check(romaji)))
    except CredentialError as exc:
        raise ValidationFailed(f"{cert.number}: {exc.reason_ja}",
                               f"{cert.number}: {exc.reason_en}") from exc
    card = CertificateCard(certificate_id=cert.id, revision=revision, kind=kind,
                           reason=reason[:MAX_REASON], name_kanji=kanji, name_romaji=romaji,
                           certified_on=cert.certified_on, valid_until=valid_until,
                           key_id=key_id(key.public_key()).hex(), token=token,
                           issued_by=actor.username[:60])
    s.add(card)
    s.flush()
    cert.cards.append(card)
    audit.record(s, actor, action, "certificate_card", card.id,
                 {"number": cert.number, "revision": revision - 1} if revision > 1 else None,
                 {"number": cert.number, "reason": card.reason, **card_fields(card)})
    return IssuedCard(cert.id, cert.number, revision, kanji, romaji, cert.certified_on,
                      valid_until, token)


def _certificates(s: Session, *, run_id: int | None = None,
                  numbers: Sequence[str] | None = None) -> list[Certificate]:
    stmt = (select(Certificate).join(Trainee, Trainee.id == Certificate.trainee_id)
            .options(selectinload(Certificate.cards), selectinload(Certificate.revocation),
                     selectinload(Certificate.trainee))
            .order_by(Certificate.year, Certificate.serial))
    if run_id is not None:
        stmt = stmt.where(Trainee.run_id == run_id)
    if numbers is not None:
        stmt = stmt.where(Certificate.number.in_(list(numbers)))
    return list(s.scalars(stmt))


def _locked(s: Session, number: str) -> Certificate:
    """The certificate by number, its row locked (PostgreSQL: FOR UPDATE), so two stations
    adding a revision at once take turns; the unique revision is the backstop."""
    wanted = parse_numbers([number])[0]
    cert_id = s.scalar(select(Certificate.id).where(Certificate.number == wanted)
                       .with_for_update())
    if cert_id is None:
        raise NotFound(f"認定番号 {wanted} の認定証はありません。",
                       f"No certificate numbered {wanted}.")
    return _certificates(s, numbers=[wanted])[0]


def _cannot_issue(cert: Certificate, day: date) -> tuple[str, str] | None:
    if cert.revocation is not None:
        return "取り消されています", "it is revoked"
    if cert.cards:
        return "交付済みです（再交付を使ってください）", "a card was issued already (use reissue)"
    if cert.valid_until < day:
        return "有効期限が切れています", "its validity has ended"
    return None


def _refuse_withdrawn(cert: Certificate, day: date, act_ja: str, act_en: str) -> None:
    if cert.revocation is not None:
        raise ValidationFailed(f"{cert.number} は取り消されているため{act_ja}できません。",
                               f"{cert.number} is revoked and cannot be {act_en}.")
    if cert.valid_until < day:
        raise ValidationFailed(f"{cert.number} は有効期限（{format_date_ja(cert.valid_until)}）が"
                               f"切れているため{act_ja}できません。",
                               f"{cert.number} expired on {cert.valid_until.isoformat()} and "
                               f"cannot be {act_en}.")


def parse_numbers(numbers: Sequence[str]) -> list[str]:
    out = []
    for raw in numbers:
        try:
            out.append(str(parse_certificate_number(raw)))
        except CredentialError as exc:
            raise ValidationFailed(f"認定番号「{raw[:40]}」の形式が正しくありません（例: SCFN-2024-00001）。",
                                   f"'{raw[:40]}' is not a certificate number "
                                   "(e.g. SCFN-2024-00001).") from exc
    return out


def _reason(reason: str) -> str:
    key = reason.strip()
    if key in REISSUE_REASONS:
        return REISSUE_REASONS[key][0]
    text = " ".join(reason.split())
    if not text:
        raise ValidationFailed("再交付の理由を記入してください（紛失、き損、氏名の変更など）。",
                               "Give the reason for the reissue (lost, damaged, name change…).")
    if len(text) > MAX_REASON:
        raise ValidationFailed(f"理由が長すぎます（{MAX_REASON}文字まで）。",
                               f"The reason is too long (at most {MAX_REASON} characters).")
    return text


def _collision() -> ValidationFailed:
    return ValidationFailed("同じ認定証が別の端末で同時に交付されました。画面を更新してください。",
                            "The same card was issued at the same moment elsewhere; reload.")


def latest_revisions(s: Session, certificate_ids: Sequence[int]) -> dict[int, int]:
    """Highest card revision per certificate (certificates without a card are absent)."""
    if not certificate_ids:
        return {}
    return dict(s.execute(select(CertificateCard.certificate_id,
                                 func.max(CertificateCard.revision))
                          .where(CertificateCard.certificate_id.in_(list(certificate_ids)))
                          .group_by(CertificateCard.certificate_id)).all())
