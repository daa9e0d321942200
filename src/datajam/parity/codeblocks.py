"""Code blocks compared without their comments: translators translate comments, never code.

Pygments' lexer for the block's language knows what a comment is in that language. Console blocks
(``console``, ``shell-session``…) hold a prompt, commands and output; writers annotate them with whole
``// …`` or ``# …`` lines (FastAPI's termynal blocks do), which count as comments too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pygments.lexers import get_lexer_by_name
from pygments.token import Comment
from pygments.util import ClassNotFound

CONSOLE = frozenset({"console", "shell-session", "sh-session", "termynal", "bash-session", "ps1con", "pycon"})
CONSOLE_COMMENT = re.compile(r"^\s*(?://|#(?!!)).*$", re.M)


@lru_cache(maxsize=4096)
def without_comments(language: str, code: str) -> str:
    """``code`` with its comments removed and blank lines and trailing spaces dropped."""
    text = code
    lang = language.lower().strip()
    if lang in CONSOLE:
        text = CONSOLE_COMMENT.sub("", text)
    if lang and ("#" in text or "//" in text or "/*" in text or "--" in text or "<!--" in text or "%" in text):
        try:
            lexer = get_lexer_by_name(lang, stripnl=False, ensurenl=True)
        except ClassNotFound:
            lexer = None
        if lexer is not None:
            text = "".join(value if kind not in Comment else "\n" * value.count("\n")
                           for kind, value in lexer.get_tokens(text))
    return "\n".join(line.rstrip() for line in text.split("\n") if line.strip())
