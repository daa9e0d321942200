"""Quotation marks in French prose: « » with non-breaking spaces (the typography check checks the spaces);
English quotes “ ” or "…" only inside « » (a quote within a quote)."""

from __future__ import annotations

PROBLEM = "English quotation marks in French text"
FIX = "use French quotation marks with non-breaking spaces: « texte » (“ ” only for a quote inside « »)"


def quote_issues(clean: str) -> list[int]:
    """Offsets of the straight or curly double quotes that stand outside « » in clean French text."""
    if '"' not in clean and "“" not in clean and "”" not in clean:
        return []
    found, depth = [], 0
    for i, c in enumerate(clean):
        if c == "«":
            depth += 1
        elif c == "»":
            depth = max(0, depth - 1)
        elif c in '"“”' and depth == 0:
            found.append(i)
    return found[::2] if all(clean[i] == '"' for i in found) else [i for i in found if clean[i] != "”"]
