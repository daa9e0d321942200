"""Known vulnerabilities in the pinned dependencies: ``make audit`` and the publishing workflow.

Runs ``pip-audit`` on the pinned requirements files (``--no-deps --disable-pip``: exactly the pins,
no resolution) and ``npm audit`` on ``package-lock.json``, and reads their JSON reports.

Exit status: 0 no known vulnerability; 1 a known vulnerability (each one named with its package,
advisory and fixed version); 2 the audit could not be completed (a vulnerability source could not be
reached, or a package could not be looked up). pip-audit itself exits 0 when every package was
skipped because PyPI could not be asked; that counts here as "not audited", never as "clean".
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

CLEAN, VULNERABLE, UNREACHABLE = 0, 1, 2
SHOWN = 3  # reasons shown when an audit could not finish (one per package when a source is unreachable)


@dataclass
class Report:
    """What one audit found: vulnerabilities (one line each) and reasons it could not finish."""

    source: str
    vulnerabilities: list[str] = field(default_factory=list)
    not_audited: list[str] = field(default_factory=list)

    @property
    def status(self) -> int:
        if self.not_audited:
            return UNREACHABLE
        return VULNERABLE if self.vulnerabilities else CLEAN

    def lines(self) -> list[str]:
        if self.not_audited:
            head = (
                f"{self.source}: NOT AUDITED: its vulnerability source could not be reached or did not answer "
                "for every package. This is not a clean result; the publishing workflow on GitHub runs the audit."
            )
            shown = [f"  {reason}" for reason in self.not_audited[:SHOWN]]
            more = len(self.not_audited) - SHOWN
            return [head, *shown, *([f"  … and {more} more"] if more > 0 else [])]
        if self.vulnerabilities:
            head = f"{self.source}: {len(self.vulnerabilities)} known vulnerabilit{'y' if len(self.vulnerabilities) == 1 else 'ies'}:"
            return [head, *(f"  {line}" for line in self.vulnerabilities)]
        return [f"{self.source}: no known vulnerabilities."]


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def read_pip_audit(stdout: str, stderr: str = "") -> Report:
    """Reads ``pip-audit --format json`` output (``{"dependencies": [...], "fixes": [...]}``)."""
    report = Report("pip-audit (PyPI vulnerability data)")
    try:
        dependencies = json.loads(stdout)["dependencies"]
    except (ValueError, KeyError, TypeError):
        report.not_audited.append(f"pip-audit gave no report: {_first_line(stderr)}")
        return report
    for dep in dependencies:
        if "skip_reason" in dep:
            report.not_audited.append(dep["skip_reason"])
            continue
        for vuln in dep.get("vulns", []):
            aliases = [alias for alias in vuln.get("aliases", []) if alias != vuln["id"]]
            advisory = vuln["id"] + (f" ({', '.join(aliases)})" if aliases else "")
            fixed = ", ".join(vuln.get("fix_versions", [])) or "none yet"
            report.vulnerabilities.append(f"{dep['name']} {dep['version']}: {advisory}; fixed in: {fixed}")
    return report


def read_npm_audit(stdout: str, stderr: str = "") -> Report:
    """Reads ``npm audit --json`` output (npm 7+: ``{"vulnerabilities": {...}, ...}`` or an error)."""
    report = Report("npm audit (package-lock.json)")
    try:
        data = json.loads(stdout)
    except ValueError:
        report.not_audited.append(f"npm audit gave no report: {_first_line(stderr)}")
        return report
    if "vulnerabilities" not in data:
        error = data.get("error") if isinstance(data.get("error"), dict) else {}
        message = data.get("message") or error.get("summary") or _first_line(stderr)
        report.not_audited.append(f"npm's audit endpoint: {message}")
        return report
    for name, entry in sorted(data["vulnerabilities"].items()):
        fix = entry.get("fixAvailable")
        if isinstance(fix, dict):
            fixed = f"{fix['name']} {fix['version']}" + (" (major upgrade)" if fix.get("isSemVerMajor") else "")
        else:
            fixed = "available through `npm audit fix`" if fix else "none yet"
        advisories = [
            f"{via.get('url') or via.get('source')} ({via.get('title', '')}, {via.get('range', '')})"
            for via in entry.get("via", [])
            if isinstance(via, dict)
        ]
        # A package only vulnerable through another one names that package instead of an advisory.
        through = [via for via in entry.get("via", []) if isinstance(via, str)]
        advisory = "; ".join(advisories) or f"through {', '.join(through)}"
        report.vulnerabilities.append(
            f"{name} {entry.get('range', '')} [{entry.get('severity', '?')}]: {advisory}; fixed in: {fixed}"
        )
    return report


def run_pip_audit(pip_audit: str, requirements: Sequence[str]) -> Report:
    """One pip-audit run per file: two files may pin the same package at different versions."""
    report = Report("pip-audit (PyPI vulnerability data)")
    for path in requirements:
        command = [pip_audit, "--no-deps", "--disable-pip", "--progress-spinner", "off", "--format", "json", "-r", path]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except FileNotFoundError:
            report.not_audited.append(f"{pip_audit}: not found; run `make audit`, which installs it")
            return report
        found = read_pip_audit(result.stdout, result.stderr)
        report.vulnerabilities += [f"{path}: {line}" for line in found.vulnerabilities]
        report.not_audited += [f"{path}: {line}" for line in found.not_audited]
    return report


def run_npm_audit(npm: str = "npm") -> Report:
    # --package-lock-only: the lock file is audited as written; node_modules is not needed.
    command = [npm, "audit", "--package-lock-only", "--json"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except FileNotFoundError:
        return Report("npm audit", not_audited=[f"{npm}: not found; install Node.js and npm (README)"])
    return read_npm_audit(result.stdout, result.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("requirements", nargs="+", help="pinned requirements files")
    parser.add_argument("--pip-audit", default="pip-audit", help="the pip-audit executable")
    parser.add_argument("--npm", default="npm", help="the npm executable")
    args = parser.parse_args(argv)
    reports = [run_pip_audit(args.pip_audit, args.requirements), run_npm_audit(args.npm)]
    for report in reports:
        print("\n".join(report.lines()))
    return max(report.status for report in reports)


if __name__ == "__main__":
    sys.exit(main())
