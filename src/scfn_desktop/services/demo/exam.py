"""Demo step: the demo run's 修了認定テスト, created through the exam service."""

from __future__ import annotations

import random

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.exams import Exam
from scfn_desktop.services.demo.summary import DemoSummary
from scfn_desktop.services.exams.setup import create_exam
from scfn_desktop.services.permissions import Actor

DEMO_QUESTIONS, DEMO_CHOICES, DEMO_PASS_PERCENT = 50, 4, 60.0


def add_demo_exam(db: Database, actor: Actor, summary: DemoSummary) -> tuple[str, str] | None:
    """Demo step: the run's 修了認定テスト (50 questions, 4 choices, pass at 60 %), with two
    questions accepting two answers as the committee sometimes decides. Idempotent."""
    with db.session() as s:
        if s.scalar(select(Exam.id).where(Exam.run_id == summary.run_id)) is not None:
            return None
    rng = random.Random(20251116)
    key = {q: [str(rng.randint(1, DEMO_CHOICES))] for q in range(1, DEMO_QUESTIONS + 1)}
    key[17], key[38] = ["1", "3"], ["2", "4"]
    exam = create_exam(db, actor, summary.run_id, DEMO_QUESTIONS, key, DEMO_CHOICES,
                       pass_percent=DEMO_PASS_PERCENT)
    return (f"修了認定テスト（{DEMO_QUESTIONS}問・{DEMO_CHOICES}択・合格基準 "
            f"{DEMO_PASS_PERCENT:g}%）を作成しました（試験ID {exam.id}）。",
            f"Created the completion test ({DEMO_QUESTIONS} questions, {DEMO_CHOICES} choices, "
            f"pass at {DEMO_PASS_PERCENT:g}%; exam id {exam.id}).")
