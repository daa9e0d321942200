#!/usr/bin/env python3
"""Agenda tooling (validate, diff, release, export); see docs-dev/agenda.md."""

import sys

from datajam.agenda.cli import main

if __name__ == "__main__":
    sys.exit(main())
