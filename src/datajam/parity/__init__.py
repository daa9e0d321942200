"""Translation parity: prove that the English and French pages say the same thing.

* :mod:`~datajam.parity.blocks` parses Markdown into comparable blocks;
* :mod:`~datajam.parity.inline`, :mod:`~datajam.parity.numbers`, :mod:`~datajam.parity.language`,
  :mod:`~datajam.parity.typography` and :mod:`~datajam.parity.links` read prose;
* :mod:`~datajam.parity.compare` compares a page pair (:mod:`~datajam.parity.pair`), one concern per
  module of :mod:`~datajam.parity.checks`; :mod:`~datajam.parity.staleness` records
  and checks what a French page was translated from; :mod:`~datajam.parity.project` checks the
  nav, interface strings and bilingual data; :mod:`~datajam.parity.tree` runs it all over two
  folders; :mod:`~datajam.parity.cli` is the command line (``scripts/parity.py``).
"""
