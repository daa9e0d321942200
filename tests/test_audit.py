"""`make audit`: reading pip-audit's and npm audit's JSON reports (shapes as those tools print them)."""

from __future__ import annotations

import json

from datajam.audit import CLEAN, UNREACHABLE, VULNERABLE, read_npm_audit, read_pip_audit


def test_pip_audit_vulnerability_names_package_advisory_and_fixed_version() -> None:
    stdout = json.dumps(
        {
            "dependencies": [
                {"name": "jinja2", "version": "3.1.4", "vulns": [
                    {"id": "GHSA-q2x7-8rv6-6q7h", "fix_versions": ["3.1.5"], "aliases": ["CVE-2024-56201"], "description": "…"}
                ]},
                {"name": "babel", "version": "2.18.0", "vulns": []},
            ],
            "fixes": [],
        }
    )
    report = read_pip_audit(stdout)
    assert report.status == VULNERABLE
    assert report.vulnerabilities == ["jinja2 3.1.4: GHSA-q2x7-8rv6-6q7h (CVE-2024-56201); fixed in: 3.1.5"]


def test_pip_audit_clean_report() -> None:
    stdout = json.dumps({"dependencies": [{"name": "babel", "version": "2.18.0", "vulns": []}], "fixes": []})
    report = read_pip_audit(stdout)
    assert report.status == CLEAN
    assert report.lines() == ["pip-audit (PyPI vulnerability data): no known vulnerabilities."]


def test_pip_audit_skipping_every_package_is_not_a_clean_result() -> None:
    """Without access to PyPI, pip-audit skips each package and still exits 0."""
    reason = "Dependency not found on PyPI and could not be audited: babel (2.18.0)"
    report = read_pip_audit(json.dumps({"dependencies": [{"name": "babel", "skip_reason": reason}], "fixes": []}))
    assert report.status == UNREACHABLE
    assert "NOT AUDITED" in report.lines()[0] and reason in report.lines()[1]


def test_pip_audit_without_a_report_says_why() -> None:
    report = read_pip_audit("", "ERROR:pip_audit._cli:Could not connect to PyPI's vulnerability feed\n")
    assert report.status == UNREACHABLE
    assert "Could not connect to PyPI's vulnerability feed" in report.not_audited[0]


def test_npm_audit_vulnerability_names_package_advisory_and_fixed_version() -> None:
    stdout = json.dumps(
        {
            "auditReportVersion": 2,
            "vulnerabilities": {
                "ws": {
                    "name": "ws", "severity": "high", "isDirect": False,
                    "via": [{"source": 1098392, "name": "ws", "dependency": "ws", "title": "ws affected by a DoS",
                             "url": "https://github.com/advisories/GHSA-3h5v-q93c-6h6q", "severity": "high", "range": ">=8.0.0 <8.17.1"}],
                    "effects": ["lighthouse"], "range": "8.0.0 - 8.17.0", "nodes": ["node_modules/ws"],
                    "fixAvailable": {"name": "lighthouse", "version": "13.5.1", "isSemVerMajor": False},
                },
                "lighthouse": {
                    "name": "lighthouse", "severity": "high", "isDirect": True, "via": ["ws"], "effects": [],
                    "range": "13.5.0", "nodes": ["node_modules/lighthouse"], "fixAvailable": True,
                },
            },
            "metadata": {"vulnerabilities": {"high": 2, "total": 2}},
        }
    )
    report = read_npm_audit(stdout)
    assert report.status == VULNERABLE
    assert report.vulnerabilities == [
        "lighthouse 13.5.0 [high]: through ws; fixed in: available through `npm audit fix`",
        "ws 8.0.0 - 8.17.0 [high]: https://github.com/advisories/GHSA-3h5v-q93c-6h6q (ws affected by a DoS, >=8.0.0 <8.17.1); "
        "fixed in: lighthouse 13.5.1",
    ]


def test_npm_audit_clean_report() -> None:
    report = read_npm_audit(json.dumps({"auditReportVersion": 2, "vulnerabilities": {}, "metadata": {}}))
    assert report.status == CLEAN


def test_npm_audit_endpoint_error_is_not_a_clean_result() -> None:
    """What this machine gets: the registry refuses the bulk advisory request."""
    stdout = json.dumps(
        {
            "message": "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
            "statusCode": 405,
            "error": {"summary": "", "detail": ""},
        }
    )
    report = read_npm_audit(stdout, "npm error audit endpoint returned an error\n")
    assert report.status == UNREACHABLE
    assert "405 Method Not Allowed" in report.lines()[1]
