"""Where data lives and which database to open.

Everything path-related goes through here so that tests, the CLI and the GUI agree, and so that
`SCFN_DATA_DIR` can move the whole installation (tests point it at a temporary folder).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "scfn-desktop"
ENV_DB_URL = "SCFN_DB_URL"
ENV_DATA_DIR = "SCFN_DATA_DIR"
ENV_RESOURCES = "SCFN_RESOURCES"


def data_dir() -> Path:
    """The folder holding the SQLite file, backups and scanned images."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The folder holding `settings.json` (per-user preferences such as the UI language)."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _resource_candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get(ENV_RESOURCES)
    if override:
        found.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    # src/scfn_desktop/config.py -> parents[2] is the repository root.
    found.append(Path(__file__).resolve().parents[2] / "resources")
    found.append(Path(sys.prefix) / "share" / "scfn-desktop" / "resources")
    return found


def resources_dir() -> Path:
    """The `resources/` folder (icons, translations, the HTML verifier template) in a source
    checkout or editable install, a PyInstaller bundle (`sys._MEIPASS/resources`) or where
    `SCFN_RESOURCES` says: the first that exists (the repository one if none does, for
    messages).  Qt-free, so the core (e.g. the credentials engine) can use it too."""
    candidates = _resource_candidates()
    for path in candidates:
        if path.is_dir():
            return path
    return candidates[-2]


def resource_path(*parts: str) -> Path:
    """A file under `resources/`, e.g. `resource_path("verifier", "verifier.html")`."""
    return resources_dir().joinpath(*parts)


def default_db_path() -> Path:
    return data_dir() / "scfn.sqlite3"


def resolve_db_url(cli_url: str | None = None) -> str:
    """`--db URL` beats `SCFN_DB_URL`, which beats the embedded SQLite default."""
    if cli_url:
        return cli_url
    env = os.environ.get(ENV_DB_URL)
    if env:
        return env
    return f"sqlite:///{default_db_path().as_posix()}"


@dataclass
class Settings:
    """Per-user preferences, remembered between sessions in `settings.json`."""

    language: str = ""  # "" = follow the system locale, else "ja" or "en"
    last_username: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @staticmethod
    def path() -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        try:
            raw = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {k: raw[k] for k in ("language", "last_username", "extra") if k in raw}
        try:
            return cls(**known)
        except TypeError:
            return cls()

    def save(self) -> None:
        tmp = self.path().with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(self.path())
