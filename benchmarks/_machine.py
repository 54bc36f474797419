"""The machine and software a benchmark ran on, as Markdown lines for its report.

Timings mean nothing without them: the figures in docs/benchmarks.md were taken on a
shared 2-vCPU VM, and a reader on other hardware needs the CPU model, core count and
library versions to compare.
"""

from __future__ import annotations

import os
import platform
import sys
from datetime import date


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> str:
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return "?"
    return f"{pages * size / 2**30:.0f} GiB"


def _command() -> str:
    """The command line as typed (``python -m benchmarks.x --flag``), not the file path."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    head = ["python", "-m", spec.name] if spec is not None else ["python", sys.argv[0]]
    return "PYTHONPATH=src " + " ".join([*head, *sys.argv[1:]])


def machine_lines(extra: dict[str, str] | None = None) -> list[str]:
    """``- key: value`` lines: date, CPU, cores, RAM, load, Python and library versions."""
    info = {
        "date": date.today().isoformat(),
        "cpu": f"{_cpu_model()}, {os.cpu_count()} logical CPUs",
        "ram": _ram_gib(),
        "load average (1/5/15 min) at start": (
            " / ".join(f"{v:.2f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
        ),
        "python": sys.version.split()[0],
        "command": _command(),
    }
    info.update(extra or {})
    return [f"- {k}: {v}" for k, v in info.items()]
