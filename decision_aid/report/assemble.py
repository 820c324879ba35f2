"""The whole sheet as one list of blocks: the first pages' content, then each later section.

Kept apart from :mod:`.sheet_content` (the first pages) and :mod:`.sections` (the later
sections) so that each of those imports only what is below it: the sections use the first
pages' type scale and helpers, and only this module puts the two together (an import-linter
contract in pyproject.toml keeps the order).
"""

from __future__ import annotations

from typing import Sequence

from ..present.sheet_view import SheetView
from .flow import Block, PageBreak, Spacer
from .sections import blocks_for, notice_blocks
from .sheet_content import TYPE, Compact, estimate_blocks, header_blocks, qualifier_blocks

#: A later section that spilled onto less than this share of a page shares it instead of taking a
#: new one (no page but the last is less than half used, issue 25 item 3); the footer is not
#: counted, hence a little more than a half.
SHARE_BELOW = 0.55


def sheet_blocks(sheet: SheetView, extra: Sequence[Block] = (), compact: Compact = Compact()) -> list[Block]:
    """Every block of the sheet in reading order; later sections start on new pages."""
    s = TYPE[sheet.estimate.audience]
    first = compact.scale(s)  # the first pages' type; the appendices keep the full sizes
    blocks = (header_blocks(sheet, first) + notice_blocks(sheet, first) + [Spacer(2)]
              + estimate_blocks(sheet, first, compact) + qualifier_blocks(sheet, first, compact))
    for section in sheet.sections:
        blocks.append(PageBreak(unless_below=SHARE_BELOW))
        blocks += blocks_for(section, s)
    return blocks + list(extra)
