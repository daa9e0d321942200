"""Translation parity of docs/en and docs/fr: ``check``, ``sync``, ``status``; ``html``: of the built site (see datajam.parity.cli)."""

import sys

from datajam.parity.cli import main

if __name__ == "__main__":
    sys.exit(main())
