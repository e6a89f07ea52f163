"""Word wrapping that remembers where every line starts in the source text.

The reader needs to know on which screen line a sentence or a search match
begins (to scroll to it and to highlight it), so instead of letting a
renderer wrap the text we wrap it here and keep character offsets.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

__all__ = ["wrap_offsets"]

_CHUNK = re.compile(r"\S+\s*")


def _split_to_width(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Hard-break text[start:end] into pieces of at most ``width`` cells."""
    pieces = []
    piece_start = start
    cells = 0
    for i in range(start, end):
        w = cell_len(text[i])
        if cells + w > width and i > piece_start:
            pieces.append((piece_start, i))
            piece_start, cells = i, 0
        cells += w
    pieces.append((piece_start, end))
    return pieces


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text``; each newline starts a new line.

    Returns (start, end) offsets of each line. Spaces where a line breaks are
    left out; spaces between words on a line are kept as they are. A word wider
    than the line (a long URL, say) is broken across lines.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    position = 0
    for raw_line in text.split("\n"):
        base = position
        position += len(raw_line) + 1
        current: tuple[int, int] | None = None
        cells = 0
        for match in _CHUNK.finditer(raw_line):
            start = base + match.start()
            end = start + len(match.group().rstrip())
            word_cells = cell_len(text[start:end])
            if current is not None:
                gap = cell_len(text[current[1] : start])
                if cells + gap + word_cells <= width:
                    current = (current[0], end)
                    cells += gap + word_cells
                    continue
                lines.append(current)
            if word_cells > width:
                *full, last = _split_to_width(text, start, end, width)
                lines.extend(full)
                current, cells = last, cell_len(text[last[0] : last[1]])
            else:
                current, cells = (start, end), word_cells
        lines.append(current if current is not None else (base, base))
    return lines
