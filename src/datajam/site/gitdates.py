"""Dates of last modification of the pages, from git history, for "Date modified" lines.

One ``git log`` call reads the whole history of the docs folder; each page then gets
the date of the last commit that touched it. Sensible fallbacks, in this order:

1. ``date_modified: YYYY-MM-DD`` in the page's front matter wins (for corrections that
   should not move the date, or a clone without history);
2. a file with uncommitted changes, or not tracked yet: its modification time (a local
   preview shows what the date will be once committed);
3. the last commit that touched the file. In a *shallow* clone (CI's default
   ``fetch-depth: 1``) every file not changed since the boundary seems changed by the
   boundary commit: the date may then be too recent, never wrong in the other way; a
   note is logged so that the publishing workflow fetches the full history;
4. no git at all (a source archive): the file's modification time.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.datajam.gitdates")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(root), *args], capture_output=True, text=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def _mtime_date(path: Path) -> str:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc).date().isoformat()


@dataclass
class GitDates:
    """Last-commit dates of every file under ``root`` (a folder inside a git work tree)."""

    root: Path
    top: Path | None = None
    shallow: bool = False
    committed: dict[str, str] = field(default_factory=dict)  # path relative to top -> YYYY-MM-DD
    dirty: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, root: Path) -> GitDates:
        root = root.resolve()
        top = _git(root, "rev-parse", "--show-toplevel")
        if top is None:
            log.info("datajam: %s is not in a git work tree; 'Date modified' uses file times", root)
            return cls(root)
        dates = cls(root, Path(top.strip()).resolve())
        dates.shallow = (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
        if dates.shallow:
            log.info(
                "datajam: shallow git clone: 'Date modified' of pages unchanged since the clone's "
                "oldest commit is that commit's date; fetch the full history for exact dates"
            )
        out = _git(root, "log", "--format=\x1f%cs", "--name-only", "--no-renames", "--", ".") or ""
        date = None
        for line in out.splitlines():
            if line.startswith("\x1f"):
                date = line[1:].strip()
            elif line and date:
                dates.committed.setdefault(line, date)  # newest first: keep the first date seen
        status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", ".") or ""
        for line in status.splitlines():
            name = line[3:]
            if " -> " in name:
                name = name.split(" -> ", 1)[1]
            dates.dirty.add(name.strip('"'))
        return dates

    def date_of(self, path: Path, meta: dict | None = None) -> str:
        """YYYY-MM-DD for a page's source file (see the module docstring for the fallbacks)."""
        override = (meta or {}).get("date_modified")
        if override:
            text = override.isoformat() if isinstance(override, (dt.date, dt.datetime)) else str(override)
            if not _DATE.match(text[:10]):
                raise ValueError(f"{path}: date_modified must be YYYY-MM-DD, not {override!r}")
            return text[:10]
        path = path.resolve()
        if self.top is None:
            return _mtime_date(path)
        rel = path.relative_to(self.top).as_posix()
        if rel in self.dirty or rel not in self.committed:
            return _mtime_date(path)
        return self.committed[rel]
