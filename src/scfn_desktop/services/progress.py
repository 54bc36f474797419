"""Progress of long work, as plain Python.

Long core functions are generators that `yield Progress(...)` and `return` their result. The
CLI iterates them to the end (`run_to_end`); the GUI's worker adapter runs them on a thread pool,
feeds a progress dialog and cancels by closing the generator, which raises `GeneratorExit` inside
it so an open `db.transaction()` rolls back.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    message_ja: str = ""
    message_en: str = ""

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


ProgressGen = Generator[Progress, None, T]


def run_to_end(gen: ProgressGen[T], on_progress: Callable[[Progress], None] | None = None) -> T:
    """Drive a progress generator synchronously and return its result."""
    while True:
        try:
            p = next(gen)
        except StopIteration as stop:
            return stop.value
        if on_progress:
            on_progress(p)
