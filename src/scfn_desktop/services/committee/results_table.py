"""The committee's results table for the agency (審査結果一覧): per trainee the test, the rules'
proposal, the committee's decision and reason, the 認証 and the retake exemption; a second
sheet counts the outcomes."""

from __future__ import annotations

from collections import Counter

from scfn_desktop.db import Database
from scfn_desktop.rules.proposal import OUTCOMES
from scfn_desktop.services.committee.dossier import run_dossiers
from scfn_desktop.services.committee.views import STATES, Dossier, category_label, outcome_label
from scfn_desktop.services.exams.grading import STATUS_LABELS
from scfn_desktop.services.exports import Table

HEADER = ("受講番号", "氏名", "所属機関", "都道府県", "得点", "満点", "修了認定テスト", "判定案",
          "決定", "理由の区分", "理由・待っている事項", "判定案と異なる", "状態", "認証日",
          "認定番号", "有効期限", "再受験の減免措置", "減免の期限")
PROPOSAL_LABELS = {"certify": "認定", "not_certified": "不認定", "cannot_decide": "判定不能"}


def _row(d: Dossier) -> tuple[object, ...]:
    dec = d.decision
    cert = d.certificate
    ex = d.exemption
    exempt = ""
    if ex is not None:
        exempt = ("・".join(ex.exempt_ja) + "を免除") if ex.applies else "対象外"
    text = ""
    if dec is not None:
        text = dec.awaiting if dec.outcome == "deferred" else dec.reason
    return (d.identity.trainee_number, d.identity.name, d.identity.organisation,
            d.identity.prefecture, d.exam.score, d.exam.max_points,
            STATUS_LABELS.get(d.exam.status, ("未設定",))[0],
            PROPOSAL_LABELS[d.proposal.status.value],
            outcome_label(dec.outcome) if dec else "未決定",
            category_label(dec.category) if dec else "", text,
            "はい" if dec and dec.against_proposal else "",
            STATES[d.state][0], cert.certified_on if cert else None,
            cert.number if cert else "", cert.valid_until if cert else None, exempt,
            ex.deadline if ex is not None and ex.applies else None)


def results_sheets(db: Database, run_id: int) -> tuple[list[Table], int]:
    dossiers = run_dossiers(db, run_id)
    label = dossiers[0].run_label if dossiers else ""
    rows = [_row(d) for d in dossiers]
    outcomes = Counter(d.decision.outcome if d.decision else "undecided" for d in dossiers)
    states = Counter(d.state for d in dossiers)
    summary = [("養成研修", label), ("受講生", len(dossiers))]
    summary += [(f"決定: {ja}", outcomes.get(key, 0)) for key, (ja, _) in OUTCOMES.items()]
    summary.append(("決定: 未決定", outcomes.get("undecided", 0)))
    summary += [(f"状態: {ja}", states.get(key, 0)) for key, (ja, _) in STATES.items()]
    return [Table("審査結果", HEADER, rows, frozenset({0, 14}),
                  (10, 14, 30, 10, 6, 6, 12, 10, 8, 24, 40, 10, 16, 12, 16, 12, 28, 12)),
            Table("集計", ("項目", "人数"), summary, widths=(30, 12))], len(rows)
