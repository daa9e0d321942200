"""A fresh Debian machine gets every system package the tests need from README's one install line, and CI's
`.ci/run` installs the same list; the tools the parity check calls are those packages' commands."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_packages() -> set[str]:
    lines = [ln for ln in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if "apt-get install" in ln]
    assert len(lines) == 1, "README names the system packages in one install line"
    return set(lines[0].split("apt-get install", 1)[1].split())


def ci_packages() -> set[str]:
    m = re.search(r"^packages=\(([^)]*)\)", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), re.M)
    assert m, ".ci/run has a packages=(...) line"
    return set(m.group(1).split())


def test_readme_and_ci_install_the_same_packages() -> None:
    assert ci_packages() <= readme_packages()
    assert readme_packages() - ci_packages() <= {"nodejs", "npm"}  # .ci/run adds them when node or npm is missing
    for needed in ("chromium", "poppler-utils", "grammalecte-cli", "hunspell", "hunspell-en-ca", "hunspell-fr"):
        assert needed in ci_packages()


def test_the_commands_of_those_packages_are_installed() -> None:
    for command in ("chromium", "pdfinfo", "grammalecte-cli", "hunspell"):
        assert shutil.which(command), f"{command} not found: run the install line of README.md"
    for dictionary in ("en_CA", "fr_CA"):
        assert (Path("/usr/share/hunspell") / f"{dictionary}.dic").is_file(), f"install the Hunspell {dictionary} dictionary"
