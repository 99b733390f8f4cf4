"""JSON: the command's documented payload, indented for people, one compact line for pipes."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..document import Document, Style
from ..payloads import Made
from . import Formatter


class JsonFormatter(Formatter):
    def text(self, doc: Document, style: Style) -> str:
        return _whole(doc.payload(), style.pretty)

    def pieces(self, doc: Document, style: Style) -> Iterator[str]:
        """The compact text in pieces of about ``PIECE`` characters: a long list of the payload
        (``indicators``) is encoded an item at a time, so the whole text and json's own pieces
        of it are never in memory at once (at 10.000 indicators they were a third of the peak);
        the same characters as ``text`` (tests/output/test_formats.py). A list the payload makes
        as it is read (``payloads.Made``, the rows of ``kpi status``) is made an item at a time
        here, each item gone before the next is made."""
        data = doc.payload()
        if style.pretty or type(data) is not dict or not all(type(key) is str for key in data):
            yield _whole(data, style.pretty)
            return
        held: list[str] = ["{"]
        size = 0
        for index, (key, value) in enumerate(data.items()):
            head = ("," if index else "") + _compact(key) + ":"
            if (type(value) is not list and type(value) is not Made) or len(value) < LONG:
                held.append(head + _compact(value))
                continue
            held.append(head + "[")
            for position, item in enumerate(value):
                piece = ("," if position else "") + _compact(item)
                held.append(piece)
                size += len(piece)
                if size >= PIECE:
                    yield "".join(held)
                    held, size = [], 0
            held.append("]")
        held.append("}\n")
        yield "".join(held)

    def file(self, doc: Document) -> bytes:
        return self.text(doc, Style(pretty=True)).encode("utf-8")


LONG = 64  # a list of the payload this long is written an item at a time (``pieces``)
PIECE = 1 << 16  # characters handed to the stream at a time


def _whole(data: object, pretty: bool) -> str:
    # a payload is a tree made for this run, never a cycle: json need not track every container
    # it enters (check_circular), a tenth of writing 10.000 indicators
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False, check_circular=False, default=_made) + "\n"
    return _compact(data) + "\n"


def _compact(value: object) -> str:
    """One compact line through json's C encoder: 10x faster on 100.000 indicators."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"), check_circular=False, default=_made)


def _made(value: object) -> list:
    """What json cannot write itself: a list made as it is read (``payloads.Made``), whole."""
    if type(value) is Made:
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


FORMATTER = JsonFormatter()
