"""The command line: exit codes, text and JSON reports, sync and status; and the project's own docs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from datajam.parity.cli import main
from datajam.parity.qa import load_revision
from datajam.parity.tree import Tree, check
from test_parity_support import EN, FR, PAGE, write_pair

ROOT = Path(__file__).resolve().parent.parent


def run(tmp_path: Path, *args: str) -> int:
    return main([args[0], "--source", str(tmp_path / "en"), "--target", str(tmp_path / "fr"),
                 "--snapshots", str(tmp_path / "snapshots"), *args[1:]])


def test_check_exit_codes_and_text_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pair(tmp_path, EN, FR)
    assert run(tmp_path, "sync", PAGE) == 0
    assert run(tmp_path, "check") == 0
    assert "in parity" in capsys.readouterr().out
    (tmp_path / "fr" / PAGE).write_text(FR.replace("1\u00a0708 incidents", "1\u00a0078 incidents"), encoding="utf-8")
    assert run(tmp_path, "check") == 1
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if ": number: " in ln)
    assert line.startswith(f"fr/{PAGE}:1") and "(en line " in line and "; fix: " in line


def test_check_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pair(tmp_path, EN, FR.replace("{#polaris}", "{#polaris-fr}"))
    assert run(tmp_path, "check", "--format", "json", PAGE) == 1
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"findings", "summary"}
    assert report["summary"]["pages"] == 1 and report["summary"]["findings"] == len(report["findings"])
    assert report["summary"]["by_check"]["anchor"] == 1
    for finding in report["findings"]:
        assert {"path", "line", "check", "severity", "message"} <= set(finding)
        assert finding["path"] == PAGE and isinstance(finding["line"], int)
        assert finding["severity"] in ("error", "warning")


@pytest.mark.parametrize("args", [["check", "--source", "/nonexistent/en"], ["check", "--format", "xml"], ["frobnicate"],
                                  ["sync"], ["check", "--source", "{tmp}/en", "--target", "{tmp}/fr", "no/such/page.md"]])
def test_usage_and_input_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    write_pair(tmp_path, EN, FR)
    with pytest.raises(SystemExit) as exit_info:
        raise SystemExit(main([a.format(tmp=tmp_path) for a in args]))
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("parity: ") and "\n" not in err


def test_unreadable_page_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pair(tmp_path, EN, FR)
    (tmp_path / "fr" / PAGE).write_bytes(b"\xff\xfe\x00 not utf-8 \xc3")
    assert run(tmp_path, "check") == 2
    assert "cannot read" in capsys.readouterr().err


def test_status_lists_each_page_with_changes_and_word_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pair(tmp_path, EN, FR)
    write_pair(tmp_path, "# Only English\n\nSome text here.\n", None, "only-en.md")
    write_pair(tmp_path, None, "# Seulement en français\n", "only-fr.md")
    write_pair(tmp_path, "# New\n", "# Nouveau\n", "new.md")
    assert run(tmp_path, "sync", PAGE) == 0
    (tmp_path / "en" / PAGE).write_text(EN.replace("Police-reported data only.", "Police-reported data only, 2022."),
                                        encoding="utf-8")
    capsys.readouterr()
    assert run(tmp_path, "status") == 0
    out = capsys.readouterr().out.splitlines()
    states = {line.split("  (")[0].split()[-1]: line.split()[0] for line in out if "  (en " in line}
    assert states == {PAGE: "outdated", "only-en.md": "missing", "only-fr.md": "extra", "new.md": "not"}
    assert any("English #polaris changed" in line for line in out)
    assert any(line.strip().startswith("+") and "2022." in line for line in out)
    assert out[-1].startswith("total: 4 pages") and "en " in out[-1] and "words" in out[-1]


def test_script_runs_as_a_program(tmp_path: Path) -> None:
    write_pair(tmp_path, EN, FR)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "parity.py"), "check", "--source",
                             str(tmp_path / "en"), "--target", str(tmp_path / "fr"), "--format", "json", "--no-tools"],
                            capture_output=True, text=True, cwd=tmp_path, env={**os.environ})
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["summary"]["by_check"] == {"not-synced": 1}


def test_project_docs_in_parity() -> None:
    """`make test` enforces parity of the real docs (pages, nav, interface strings, agenda data)."""
    tree = Tree(ROOT / "docs" / "en", ROOT / "docs" / "fr", ROOT / "data" / "parity" / "en")
    findings, pairs = check(tree, project=ROOT, revision=load_revision(ROOT))
    assert pairs > 0
    report = "\n".join(f"{f.location}:{f.line}: {f.check}: {f.message}" for f in findings)
    assert not findings, f"{len(findings)} parity finding(s); run `make parity`:\n{report}"


def test_another_tree_keeps_its_own_snapshots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Syncing a tree other than docs/en never writes into the project's data/parity/en."""
    write_pair(tmp_path / "other", EN, FR)
    monkeypatch.chdir(tmp_path)
    assert main(["sync", "--source", "other/en", "--target", "other/fr", PAGE]) == 0
    assert (tmp_path / "other" / ".parity-snapshots" / PAGE).read_text(encoding="utf-8") == EN
    assert not (tmp_path / "data").exists()
