"""What the committee's pages, the CLI and the documents receive: plain frozen dataclasses,
never ORM objects, so nothing lazy-loads outside a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from scfn_desktop.rules.disqualification import Grounds
from scfn_desktop.rules.proposal import (
    CATEGORIES,
    OUTCOMES,
    AttendanceFact,
    PracticeFact,
    ProposalVerdict,
)

#: Where a trainee stands after the committee (derived from decisions and 認証 records).
STATES: dict[str, tuple[str, str]] = {
    "undecided": ("未決定", "not decided"),
    "deferred": ("保留", "deferred"),
    "not_certified": ("不認定", "not certified"),
    "awaiting_certification": ("認定（認証待ち）", "certified by the committee, awaiting 認証"),
    "certified": ("認証済み", "certified (認証)"),
    "revoked": ("取消済み", "revoked"),
}

#: Register status of a certificate on a given day.
CERTIFICATE_STATUSES: dict[str, tuple[str, str]] = {
    "valid": ("有効", "valid"),
    "expired": ("有効期限切れ", "expired"),
    "revoked": ("取消済み", "revoked"),
}

MEMBER_ROLE_LABELS: dict[str, tuple[str, str]] = {"chair": ("委員長", "chair"),
                                                  "member": ("委員", "member")}


def outcome_label(outcome: str, language: str = "ja") -> str:
    ja, en = OUTCOMES.get(outcome, (outcome, outcome))
    return ja if language == "ja" else en


def category_label(category: str, language: str = "ja") -> str:
    if not category:
        return ""
    ja, en = CATEGORIES.get(category, (category, category))
    return ja if language == "ja" else en


@dataclass(frozen=True)
class Identity:
    id: int
    trainee_number: str
    name: str
    kana: str
    romaji: str
    email: str
    organisation: str
    prefecture: str
    qualification: str
    consent_publish_name: bool


@dataclass(frozen=True)
class StageLine:
    key: str
    label_ja: str
    label_en: str
    on: date | None


@dataclass(frozen=True)
class StageView:
    """養成課程① and 実践; ``lines`` is empty when there is no stage record at all."""

    fact: PracticeFact
    lines: tuple[StageLine, ...] = ()

    @property
    def recorded(self) -> bool:
        return bool(self.lines)


@dataclass(frozen=True)
class AttendanceDayView:
    day_number: int
    day: date | None
    status_ja: str
    status_en: str
    detail_ja: str = ""
    detail_en: str = ""


@dataclass(frozen=True)
class AttendanceView:
    """養成課程② over both days; ``available`` is False when no attendance is recorded."""

    fact: AttendanceFact
    available: bool
    summary_ja: str
    summary_en: str
    days: tuple[AttendanceDayView, ...] = ()
    note_ja: str = ""  # the incomplete days in a few words, for the proposal's explanation
    note_en: str = ""


@dataclass(frozen=True)
class ExamFacts:
    """The 修了認定テスト of one trainee as the exam services grade it."""

    exam_id: int | None
    status: str  # passed / failed / pending / absent / no_exam
    score: int | None = None
    max_points: int | None = None
    criterion_ja: str = ""
    criterion_en: str = ""
    reason_ja: str = ""
    reason_en: str = ""
    reviewed_marks: int = 0
    open_marks: int = 0
    duplicate_sheets: int = 0


@dataclass(frozen=True)
class GroundsRecord:
    id: int
    kind: str  # declared / checked
    grounds: Grounds
    evidence: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class PriorRevocation:
    """A revoked certificate of a person with the same name and kana in the register."""

    number: str
    trainee_number: str
    revoked_on: date


@dataclass(frozen=True)
class GroundsView:
    declared: GroundsRecord | None
    checked: GroundsRecord | None
    prior_revocations: tuple[PriorRevocation, ...] = ()


@dataclass(frozen=True)
class DecisionView:
    id: int
    meeting_id: int
    trainee_id: int
    version: int
    outcome: str
    category: str
    reason: str
    awaiting: str
    proposal_status: str
    proposal_category: str
    against_proposal: bool
    bulk: bool
    is_amendment: bool
    amendment_reason: str
    amends_id: int | None
    decided_by: str
    decided_at: datetime
    meeting_closed: bool


@dataclass(frozen=True)
class CertificateView:
    id: int
    number: str
    certified_on: date
    valid_until: date
    agency_reference: str
    status: str  # valid / expired / revoked
    revoked_on: date | None = None
    revocation_reason: str = ""


@dataclass(frozen=True)
class ExemptionView:
    """Retake exemption (再受験の減免措置) a 不認定 earns: the case, the deadline and the stages."""

    kind: str
    kind_ja: str
    kind_en: str
    deadline: date
    exempt_ja: tuple[str, ...]
    exempt_en: tuple[str, ...]
    test_only: bool

    @property
    def applies(self) -> bool:
        return bool(self.exempt_ja)


@dataclass(frozen=True)
class Dossier:
    """Everything the committee needs about one trainee, with the rules' proposal."""

    identity: Identity
    run_id: int
    run_label: str
    stage: StageView
    attendance: AttendanceView
    exam: ExamFacts
    grounds: GroundsView
    proposal: ProposalVerdict
    history: tuple[DecisionView, ...] = ()
    certified_on: date | None = None
    certificate: CertificateView | None = None
    exemption: ExemptionView | None = None

    @property
    def id(self) -> int:
        return self.identity.id

    @property
    def decision(self) -> DecisionView | None:
        return self.history[-1] if self.history else None

    @property
    def state(self) -> str:
        if self.certificate is not None:
            return "revoked" if self.certificate.status == "revoked" else "certified"
        d = self.decision
        if d is None:
            return "undecided"
        if d.outcome == "certify":
            return "awaiting_certification"
        return d.outcome


@dataclass(frozen=True)
class MemberView:
    name: str
    role: str


@dataclass(frozen=True)
class MeetingView:
    id: int
    run_id: int
    run_label: str
    held_on: date
    place: str
    online: bool
    status: str
    opened_by: str
    closed_by: str
    closed_at: datetime | None
    members: tuple[MemberView, ...] = field(default=())
    decisions: int = 0
    minutes_file: str = ""

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def where_ja(self) -> str:
        return "オンライン" + (f"（{self.place}）" if self.place else "") if self.online \
            else self.place

    @property
    def where_en(self) -> str:
        return "online" + (f" ({self.place})" if self.place else "") if self.online \
            else self.place
