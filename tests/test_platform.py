"""The platform: the ProperDocs build core, exact pins, the publishing workflow and Dependabot."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
PINNED_ACTION = re.compile(r"^[\w.-]+/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path}: not a YAML mapping"
    return data


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job.get("steps", []))


def step_index(job: dict[str, Any], run: str = "", uses: str = "") -> int:
    for index, step in enumerate(steps(job)):
        if (run and str(step.get("run", "")).strip() == run) or (uses and str(step.get("uses", "")).startswith(uses + "@")):
            return index
    pytest.fail(f"{WORKFLOW.relative_to(ROOT)}: no step {'running ' + run if run else 'using ' + uses}", pytrace=False)


# --- The build core -------------------------------------------------------------------------------


def test_the_site_is_built_by_properdocs_and_the_build_prints_no_notice(
    site_build: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    site_dir, result = site_build
    generator = re.search(r'<meta name="generator" content="([^"]+)"', (site_dir / "index.html").read_text(encoding="utf-8"))
    assert generator and "ProperDocs" in generator.group(1), f"built by {generator and generator.group(1)}, not ProperDocs"
    log = result.stdout + result.stderr
    # ProperDocs reads mkdocs.yml silently only when it is named on the command line.
    assert "should be renamed to 'properdocs.yml'" not in log
    # Material's end-of-life notice and ProperDocs' "switch to ProperDocs" notice print only under `mkdocs`.
    assert "end of life" not in log
    assert "MkDocs may break" not in log


def test_the_in_process_build_imports_properdocs_for_every_mkdocs_module() -> None:
    code = "import datajam.site.builder, mkdocs.config, properdocs.config, sys; print(mkdocs.config is properdocs.config)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"


def test_mkdocs_yml_has_no_python_tags() -> None:
    """Another builder (Zensical, a YAML linter) must read the config: plain YAML plus !ENV only."""

    class EnvOnly(yaml.SafeLoader):
        pass

    EnvOnly.add_constructor("!ENV", lambda loader, node: None)
    yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=EnvOnly)  # raises on !!python/...


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-audit.txt"])
def test_every_python_dependency_is_pinned_exactly(name: str) -> None:
    lines = [line.strip() for line in (ROOT / name).read_text(encoding="utf-8").splitlines()]
    pins = [line for line in lines if line and not line.startswith("#")]
    loose = [line for line in pins if not re.fullmatch(r"[A-Za-z0-9._-]+==[A-Za-z0-9.+-]+", line)]
    assert pins and loose == [], f"{name}: not pinned exactly: {loose}"


# --- The publishing workflow ----------------------------------------------------------------------


def test_the_test_job_runs_ci_in_a_debian_bookworm_container_with_python_3_11() -> None:
    test = load(WORKFLOW)["jobs"]["test"]
    container = test.get("container")
    image = container.get("image") if isinstance(container, dict) else container
    assert isinstance(image, str) and re.fullmatch(r"python:3\.11\.\d+-bookworm", image), (
        f"test job container {image!r}: expected a full tag such as python:3.11.15-bookworm (Debian 12, Python 3.11)"
    )
    step_index(test, run="bash .ci/run")


def test_the_audit_runs_before_anything_is_published() -> None:
    test = load(WORKFLOW)["jobs"]["test"]
    audit = step_index(test, run="make audit")
    assert audit < step_index(test, uses="actions/upload-pages-artifact"), "the audit must run before the site is uploaded"
    step = steps(test)[audit]
    assert "if" not in step and not step.get("continue-on-error"), "the audit step must always run and fail the job"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^audit:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe and "datajam.audit" in recipe.group(1) and "requirements.txt" in recipe.group(1)


def test_deploy_needs_the_test_job() -> None:
    deploy = load(WORKFLOW)["jobs"]["deploy"]
    needs = deploy.get("needs", [])
    assert "test" in ([needs] if isinstance(needs, str) else needs)


def test_every_action_is_pinned_to_a_full_version() -> None:
    jobs = load(WORKFLOW)["jobs"]
    uses = [step["uses"] for job in jobs.values() for step in steps(job) if "uses" in step]
    assert uses, "no actions found"
    loose = [use for use in uses if not PINNED_ACTION.match(use)]
    assert loose == [], f"actions not pinned to a full version (vX.Y.Z or a commit): {loose}"


def test_dependabot_watches_pip_npm_and_the_actions() -> None:
    updates = load(DEPENDABOT)["updates"]
    watched = {(update["package-ecosystem"], update.get("directory", "/").rstrip("/") or "/") for update in updates}
    for ecosystem, manifest in (("pip", "requirements.txt"), ("npm", "package-lock.json"), ("github-actions", None)):
        directories = [directory for kind, directory in watched if kind == ecosystem]
        assert directories, f"{DEPENDABOT.relative_to(ROOT)}: {ecosystem} is not watched"
        if manifest:
            assert any((ROOT / directory.lstrip("/") / manifest).is_file() for directory in directories), (
                f"{DEPENDABOT.relative_to(ROOT)}: {ecosystem} watches {directories}, where there is no {manifest}"
            )
