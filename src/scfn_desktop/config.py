"""Where data lives, who may read it, and which database to open.

Everything path-related goes through here so that tests, the CLI and the GUI agree, and so that
`SCFN_DATA_DIR` can move the whole installation (tests point it at a temporary folder).

The data folder holds personal data (the database, scanned answer forms, backups) and the
station's signing key, so on Linux/macOS what the app creates there is owner-only: folders
0700, files 0600, whatever the umask. On Windows the mode bits mean nothing; there the data
folder is in the user's own profile (%LOCALAPPDATA%), which other users cannot open by
default (see docs/security.md).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "scfn-desktop"
ENV_DB_URL = "SCFN_DB_URL"
ENV_DATA_DIR = "SCFN_DATA_DIR"
ENV_RESOURCES = "SCFN_RESOURCES"


PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def private_folder(path: Path, tighten: bool = False) -> Path:
    """Create the folder and missing parents owner-only (the umask may not widen them).
    Existing folders are left alone (a USB stick's root, a shared folder) unless `tighten`,
    which the app's own data folder uses so that one made by an older version is closed too."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    if os.name == "posix":
        for folder in [*missing, *([path] if tighten else [])]:
            with contextlib.suppress(OSError):  # a folder owned by someone else stays as is
                os.chmod(folder, PRIVATE_FOLDER_MODE)
    return path


def create_private(path: Path) -> Path:
    """Create an empty owner-only file unless it exists (e.g. before SQLite opens it, since
    SQLite gives its -wal and -shm files the database file's mode)."""
    private_folder(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    make_private(path)
    return path


def make_private(path: Path) -> None:
    """0600 for a file the app wrote (0700 for a folder); no-op on Windows."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_FOLDER_MODE if path.is_dir() else PRIVATE_FILE_MODE)


def write_private(path: Path, data: bytes) -> Path:
    """Write a whole owner-only file atomically: a private temporary file beside it, flushed,
    then renamed over the old one, so a reader sees the old or the new file, never half."""
    private_folder(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 PRIVATE_FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        make_private(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read in 1 MB pieces (scans and backups can be large)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def data_dir() -> Path:
    """The folder holding the SQLite file, backups, scanned images and keys (owner-only)."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    return private_folder(path, tighten=True)


def config_dir() -> Path:
    """The folder holding `settings.json` (per-user preferences such as the UI language)."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(user_config_dir(APP_NAME, appauthor=False))
    return private_folder(path, tighten=True)


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
        text = json.dumps(asdict(self), ensure_ascii=False, indent=2)
        write_private(self.path(), text.encode("utf-8"))
