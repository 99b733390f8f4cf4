"""Whether a damaged or odd part of a file held kpi's own data (README "kpi's own exports come
back exactly"): never the printed table read silently in its place.

kpi's data sits in a place of its own (``embedded``): the docx's custom XML part, whose element
and namespace are kpi's, and the xlsx's hidden sheet ``kpi-data``. A part cut so early that the
namespace is not yet in it is still known for kpi's by the bytes kpi writes first (``ours``);
a custom XML part not whole XML that does not show it is kpi's is ``Unsure``, said with the
table read. An xlsx whose hidden sheet is cut before its head cannot be opened at all (openpyxl
reads each sheet's head on opening): ``broken_data_sheet`` names that part for the error, and
``without`` gives the workbook with that part empty, for --table-only to read its table.

The data carries a digest of itself (``signed``, its last key): data edited by hand after the
export no longer matches it (``checked``) and is refused, never read as if kpi had written it.
It is a check against edits and damage, not a signature: whoever edits the data and computes
the digest again is not stopped (README "kpi's own exports come back exactly").
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import embedded
from ..records import NamedTuple

#: how far into a part kpi's namespace is looked for (it is in the first element: 100 bytes in)
LOOK = 4096
#: the OOXML namespaces of a workbook's sheet list and of its relationships
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class Unsure(NamedTuple):
    """A docx custom XML part that is not whole XML and does not show it was kpi's: it may have
    held kpi's data (damaged at its start) or another program's; said, and the table read."""

    part: str  # "customXml/item2.xml"


def ours(blob: bytes) -> bool:
    """Whether a custom XML part that is not whole XML was kpi's: it names kpi's namespace near
    its start, or it is kpi's head cut short (cut within the first bytes kpi writes)."""
    return embedded.NAMESPACE.encode() in blob[:LOOK] or (bool(blob) and embedded.XML_HEAD.encode().startswith(blob))


def kpis_text(text: str) -> bool:
    """Whether text in kpi's place that is not JSON kpi can read is kpi's data damaged: it begins
    as kpi's JSON begins (or is that beginning cut short, nothing at all included), or names
    kpi's format near its start. Anything else is not kpi's data (said, not read)."""
    return text.startswith(embedded.JSON_HEAD) or embedded.JSON_HEAD.startswith(text) or f'"format":"{embedded.FORMAT}"' in text[:100]


def broken_data_sheet(path: Path) -> str | None:
    """The part of an xlsx's hidden ``kpi-data`` sheet when it is not whole XML, else None
    (no such sheet, or the workbook damaged elsewhere)."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as package:
            part = _data_sheet(package, etree)
            if part is None:
                return None
            try:
                with package.open(part) as source:
                    for _event, element in etree.iterparse(source, resolve_entities=False, no_network=True, huge_tree=True):
                        element.clear()
            except (etree.XMLSyntaxError, EOFError, zipfile.BadZipFile):
                return part
    except (KeyError, OSError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None
    return None


def _data_sheet(package: zipfile.ZipFile, etree) -> str | None:
    """The part of the workbook's hidden ``kpi-data`` sheet, from its list of sheets."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    book = etree.fromstring(package.read("xl/workbook.xml"), parser)
    sheet = next((s for s in book.iter(f"{MAIN}sheet") if s.get("name") == embedded.SHEET and s.get("state") in ("hidden", "veryHidden")), None)
    if sheet is None:
        return None
    rels = etree.fromstring(package.read("xl/_rels/workbook.xml.rels"), parser)
    target = next((r.get("Target") for r in rels.iter(f"{RELS}Relationship") if r.get("Id") == sheet.get(RELATIONSHIP)), None)
    if not target:
        return None
    return str(target).lstrip("/") if str(target).startswith("/") else f"xl/{target}"


#: an empty worksheet, in place of kpi's hidden sheet cut where the reader needs it
EMPTY_SHEET = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'


def without(path: Path, part: str) -> io.BytesIO:
    """The package at ``path`` in memory, ``part`` an empty worksheet (the other parts copied
    as stored: import_guard bounded them before)."""
    copy = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item, EMPTY_SHEET if item.filename == part else source.read(item.filename))
    copy.seek(0)
    return copy


#: the data's last key: the SHA-256 of the data's JSON text without it ("…}" with the key's
#: ``,"digest":"sha256:…"`` left out), in lowercase hex
DIGEST = re.compile(r',"digest":"sha256:([0-9a-f]{64})"\}$')


#: characters of the data hashed at a time on import (the text is not copied whole to bytes)
CHUNK = 1 << 20


def _digest(text: str, end: int) -> str:
    digest = hashlib.sha256()
    for start in range(0, end, CHUNK):
        digest.update(text[start:min(end, start + CHUNK)].encode("utf-8"))
    digest.update(b"}")
    return digest.hexdigest()


def signed(pieces: Iterable[str]) -> Iterator[str]:
    """The data's JSON text (in pieces, an object: its last piece ends with "}") with its digest
    as its last key, each piece passed on as it comes (the text is never whole in memory)."""
    digest = hashlib.sha256()
    held: str | None = None
    for piece in pieces:
        if held is not None:
            digest.update(held.encode("utf-8"))
            yield held
        held = piece
    assert held is not None and held.endswith("}"), "kpi's data is a JSON object"
    digest.update(held.encode("utf-8"))
    yield f'{held[:-1]},"digest":"sha256:{digest.hexdigest()}"}}'


def checked(text: str) -> bool | None:
    """Whether kpi's data is as kpi wrote it: True when its digest matches it, False when it does
    not (edited after the export), None when it carries none (an export made before the digest)."""
    found = DIGEST.search(text, max(0, len(text) - 100))
    if found is None:
        return None
    return _digest(text, found.start()) == found.group(1)
