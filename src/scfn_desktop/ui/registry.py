"""The page registry. A feature adds its page module to `PAGE_MODULES`; each module exposes
`PAGE_SPEC: PageSpec`. The main window shows, in `order`, the pages the actor's role allows."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.context import AppContext

PAGE_MODULES = [
    "scfn_desktop.ui.roster.roster_page",
    "scfn_desktop.ui.runs.runs_page",
    "scfn_desktop.ui.checkin.desk_page",
    "scfn_desktop.ui.checkin.board_page",
    "scfn_desktop.ui.exams.scanning_page",
    "scfn_desktop.ui.exams.review_page",
    "scfn_desktop.ui.exams.results_page",
    "scfn_desktop.ui.committee.decisions_page",
    "scfn_desktop.ui.committee.register_page",
    "scfn_desktop.ui.cards.cards_page",
    "scfn_desktop.ui.cards.verify_page",
    "scfn_desktop.ui.admin.users_page",
    "scfn_desktop.ui.admin.audit_page",
]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: Callable[[], str]  # called after translators are installed, so tr() applies
    permission: Permission
    factory: Callable[[AppContext], QWidget]
    order: int = 100
    icon: str = ""  # file name under resources/icons/, optional


def page_specs() -> list[PageSpec]:
    specs = [importlib.import_module(name).PAGE_SPEC for name in PAGE_MODULES]
    return sorted(specs, key=lambda s: s.order)


def pages_for(ctx: AppContext) -> list[PageSpec]:
    return [s for s in page_specs() if ctx.actor.can(s.permission)]
