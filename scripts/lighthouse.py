"""Lighthouse scores of the built site (mobile), printed; not a test (make lighthouse).

Usage: python scripts/lighthouse.py [SITE_DIR]   (LIGHTHOUSE_RUNS=3: median of 3 runs a page, satellite runs too)

Runs the npm `lighthouse` (node_modules, `npm ci`) with Debian's Chromium against the site
served on 127.0.0.1: the home page, a module page and the agenda in both languages, then a
module page again over a satellite-like link (600 ms round trip, 300 kbps), both with
Lighthouse's simulation and with Chromium's network emulation. Budgets: 100 for
accessibility, best practices and SEO, at least 95 for performance, no third-party request,
largest contentful paint under 5 s on the satellite link. Exit status 1 when one is missed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit


from datajam.browser import CHROMIUM, CHROMIUM_ARGS, serve

LIGHTHOUSE = Path("node_modules/lighthouse/cli/index.js")
PAGES = ["home/", "handbook/module-1/forms/", "agenda/", "fr/home/", "fr/handbook/module-1/forms/", "fr/agenda/"]
SATELLITE_PAGE = "handbook/module-1/forms/"
SATELLITE = {
    # Lighthouse's default model (Lantern): a 600 ms round trip for every connection, TCP handshake
    # and slow start included, 300 kbps, CPU 4x slower; the harsher, more pessimistic estimate.
    "simulated (Lantern)": ["--throttling.rttMs=600", "--throttling.throughputKbps=300"],
    # Chromium's own network emulation: 600 ms added to every request, 300 kbps, CPU 4x slower.
    "emulated (DevTools)": [
        "--throttling-method=devtools",
        "--throttling.requestLatencyMs=600",
        "--throttling.downloadThroughputKbps=300",
        "--throttling.uploadThroughputKbps=300",
        "--throttling.cpuSlowdownMultiplier=4",
    ],
}
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
MINIMUM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def run(url: str, extra: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                "node", str(LIGHTHOUSE), url,
                "--output=json", f"--output-path={report}", "--quiet",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
                *extra,
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        return json.loads(report.read_text(encoding="utf-8"))


def third_party(report: dict, host: str) -> list[str]:
    items = report["audits"].get("network-requests", {}).get("details", {}).get("items", [])
    return sorted({i["url"] for i in items if urlsplit(i["url"]).hostname not in (host, None) and not i["url"].startswith("data:")})


def failing_audits(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    return [
        f"{r['id']}: {report['audits'][r['id']]['title']}"
        for r in refs
        if r["weight"] > 0 and (report["audits"][r["id"]].get("score") is not None) and report["audits"][r["id"]]["score"] < 1
    ]


def main(argv: list[str]) -> int:
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} missing: run `npm ci`", file=sys.stderr)
        return 2
    site_dir = Path(argv[1] if len(argv) > 1 else "site")
    problems = []
    with serve(site_dir, compress=True) as base:
        host = urlsplit(base).hostname
        print(f"{'page':32} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'LCP s':>6} {'3rd-party':>9}")
        for path in PAGES:
            # the median run by performance (Lighthouse's advice: scores vary from run to run)
            reports = sorted((run(base + path, ["--form-factor=mobile"]) for _ in range(RUNS)),
                             key=lambda r: r["categories"]["performance"]["score"])
            report = reports[len(reports) // 2]
            scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
            lcp = report["audits"]["largest-contentful-paint"]["numericValue"] / 1000
            foreign = third_party(report, host)
            print(f"{path:32} {scores['performance']:5} {scores['accessibility']:5} {scores['best-practices']:5}"
                  f" {scores['seo']:5} {lcp:6.2f} {len(foreign):9}")
            for category, minimum in MINIMUM.items():
                if scores[category] < minimum:
                    problems.append(f"{path}: {category} {scores[category]} < {minimum}: {failing_audits(report, category)}")
            if foreign:
                problems.append(f"{path}: third-party requests {foreign}")
        for name, flags in SATELLITE.items():
            # the median run by LCP, with the range of all runs
            reports = sorted((run(base + SATELLITE_PAGE, ["--form-factor=mobile", *flags]) for _ in range(RUNS)),
                             key=lambda r: r["audits"]["largest-contentful-paint"]["numericValue"])
            report = reports[len(reports) // 2]
            lcps = [r["audits"]["largest-contentful-paint"]["numericValue"] / 1000 for r in reports]
            lcp = report["audits"]["largest-contentful-paint"]["numericValue"] / 1000
            fcp = report["audits"]["first-contentful-paint"]["numericValue"] / 1000
            print(f"satellite link (600 ms, 300 kbps), {name}, {SATELLITE_PAGE}: LCP {lcp:.2f} s"
                  f" ({len(lcps)} runs: {lcps[0]:.2f}-{lcps[-1]:.2f}), FCP {fcp:.2f} s,"
                  f" performance {round(report['categories']['performance']['score'] * 100)}")
            if lcp >= 5:
                problems.append(f"satellite LCP ({name}) {lcp:.2f} s >= 5 s")
    print("budgets: " + ("OK" if not problems else "MISSED"))
    for line in problems:
        print("  " + line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
