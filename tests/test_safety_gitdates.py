"""'Date modified' from git history, with the fallbacks of a fresh, shallow or missing clone."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from datajam.site.gitdates import GitDates


def git(cwd: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.test",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.test"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+00:00"
    subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=cwd, check=True, capture_output=True, env=env)


def today_mtime(path: Path) -> str:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc).date().isoformat()


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    docs = root / "docs" / "en"
    docs.mkdir(parents=True)
    git(root, "init", "-q")
    (docs / "old.md").write_text("# Old\n")
    (docs / "new.md").write_text("# New\n")
    git(root, "add", ".")
    git(root, "commit", "-qm", "first", date="2021-05-01")
    (docs / "new.md").write_text("# New, again\n")
    git(root, "commit", "-qam", "second", date="2021-05-08")
    return root


def test_dates_of_the_last_commit_touching_each_file(repo: Path) -> None:
    dates = GitDates.read(repo / "docs")
    assert dates.date_of(repo / "docs/en/old.md") == "2021-05-01"
    assert dates.date_of(repo / "docs/en/new.md") == "2021-05-08"
    assert not dates.shallow


def test_front_matter_wins(repo: Path) -> None:
    dates = GitDates.read(repo / "docs")
    assert dates.date_of(repo / "docs/en/new.md", {"date_modified": dt.date(2021, 4, 30)}) == "2021-04-30"
    assert dates.date_of(repo / "docs/en/new.md", {"date_modified": "2021-04-29"}) == "2021-04-29"
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        dates.date_of(repo / "docs/en/new.md", {"date_modified": "May 1"})


def test_uncommitted_and_untracked_files_use_their_file_time(repo: Path) -> None:
    (repo / "docs/en/old.md").write_text("# Old, edited\n")
    (repo / "docs/en/draft.md").write_text("# Draft\n")
    os.utime(repo / "docs/en/draft.md", (1_700_000_000, 1_700_000_000))
    dates = GitDates.read(repo / "docs")
    assert dates.date_of(repo / "docs/en/old.md") == today_mtime(repo / "docs/en/old.md")
    assert dates.date_of(repo / "docs/en/draft.md") == "2023-11-14"
    assert dates.date_of(repo / "docs/en/new.md") == "2021-05-08"


def test_shallow_clone_gives_the_boundary_date_never_an_older_one(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True, capture_output=True)
    dates = GitDates.read(clone / "docs")
    assert dates.shallow
    # old.md last changed on May 1st, but the clone only knows the May 8 commit
    assert dates.date_of(clone / "docs/en/old.md") == "2021-05-08"
    assert dates.date_of(clone / "docs/en/new.md") == "2021-05-08"


def test_fresh_full_clone_keeps_exact_dates(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "full"
    subprocess.run(["git", "clone", "-q", f"file://{repo}", str(clone)], check=True, capture_output=True)
    dates = GitDates.read(clone / "docs")
    assert dates.date_of(clone / "docs/en/old.md") == "2021-05-01"


def test_without_git_the_file_time_is_used(tmp_path: Path) -> None:
    docs = tmp_path / "plain" / "docs"
    docs.mkdir(parents=True)
    page = docs / "page.md"
    page.write_text("# Page\n")
    os.utime(page, (1_620_000_000, 1_620_000_000))
    dates = GitDates.read(docs)
    assert dates.top is None
    assert dates.date_of(page) == "2021-05-03"
