"""The one registry of formats (output/formats): every format has a formatter, and each writes a
real document — text formats their text, file formats a file of their kind. (This replaces two
checks that could not fail: a formatter and its bound ``file`` method "not None".)"""

import json

import pytest
from hypothesis import given, settings, strategies as st

from soctrang_kpi import embedded
from soctrang_kpi.core.audit import dated_audit
from soctrang_kpi.output.formats import (
    FILE_FORMATS,
    FORMATS,
    Format,
    Formatter,
    as_csv,
    as_docx,
    as_html,
    as_json,
    as_markdown,
    as_table,
    as_xlsx,
    formatter,
)
from soctrang_kpi.output.labels import Lang
from soctrang_kpi.output.views import appendix_document, status_document

#: how each file format's bytes begin
MAGIC = {Format.DOCX: b"PK", Format.XLSX: b"PK", Format.HTML: b"<!doctype html>", Format.CSV: "TT".encode(), Format.MARKDOWN: b"**"}
MODULES = {
    Format.TABLE: as_table, Format.JSON: as_json, Format.CSV: as_csv, Format.MARKDOWN: as_markdown,
    Format.XLSX: as_xlsx, Format.HTML: as_html, Format.DOCX: as_docx,
}


def test_every_format_has_its_own_module_and_formatter():
    assert set(FORMATS) == set(Format)
    assert {f.value for f in FILE_FORMATS} == {"docx", "xlsx", "csv", "markdown", "html"}
    for fmt, spec in FORMATS.items():
        module = MODULES[fmt]
        assert module.__name__.endswith(spec.module)
        assert isinstance(module.FORMATTER, Formatter) and formatter(fmt) is module.FORMATTER


@pytest.mark.parametrize("fmt", FILE_FORMATS, ids=[f.value for f in FILE_FORMATS])
def test_each_file_format_writes_the_appendix(term, dataset, fmt):
    doc = appendix_document(term, dated_audit(term, dataset), dataset, Lang.VI)
    written = formatter(fmt).file(doc)
    assert written.lstrip(b"\xef\xbb\xbf").startswith(MAGIC[fmt]), written[:40]
    if fmt is Format.XLSX:  # the data kpi import gives back, on a sheet the office does not see
        assert embedded.SHEET.encode() in written or len(written) > 10_000


@pytest.mark.parametrize("fmt", [f for f, spec in FORMATS.items() if not formatter(f).binary], ids=lambda f: f.value)
def test_each_text_format_writes_the_status_table(term, dataset, fmt):
    from soctrang_kpi.output.document import Style

    text = formatter(fmt).text(status_document(term, dated_audit(term, dataset), Lang.EN, for_people=fmt is not Format.JSON), Style())
    if fmt is Format.JSON:
        assert json.loads(text)["command"] == "status"
    else:
        assert "Assessment" in text and "At risk" in text  # the header and a verdict


@pytest.mark.parametrize("fmt", FILE_FORMATS, ids=[f.value for f in FILE_FORMATS])
def test_the_pieces_an_export_is_written_in_make_its_file(term, dataset, fmt):
    """`kpi export` writes what ``chunks`` gives as it comes; the html page comes a table row
    and a chart at a time, never whole; together the pieces are the file."""
    from soctrang_kpi.output.formats import as_html, encoded

    doc = appendix_document(term, dated_audit(term, dataset), dataset, Lang.VI)
    whole = formatter(fmt).file(doc)
    if fmt is not Format.XLSX and fmt is not Format.DOCX:  # their zips carry the time they are made
        assert b"".join(formatter(fmt).chunks(doc)) == whole
    if fmt is Format.HTML:
        pieces = list(as_html.pieces(doc))
        assert len(pieces) > len(doc.tables[0].rows) and max(map(len, pieces)) < len(whole) / 4
        small = list(encoded(pieces, size=4096))
        assert len(small) > 10 and b"".join(small) == whole


class _Read(tuple):
    """Rows that count how many of them have been read."""

    read = 0

    def __iter__(self):
        for row in tuple.__iter__(self):
            self.read += 1
            yield row


@pytest.mark.parametrize("fmt", [Format.CSV, Format.MARKDOWN, Format.HTML], ids=["csv", "md", "html"])
def test_a_text_export_is_written_as_its_rows_are_read(fmt):
    """The text formats write a table's rows as they read them (#27: the csv and markdown of
    100.000 series were made whole, then encoded, 130 MB): the file's first slice is handed on
    before the last row is read, and the slices are the file."""
    from soctrang_kpi.output.document import Column, Document, Row, Table

    columns = (Column("TT", key="no"), Column("Chỉ tiêu", key="name", wrap=True), Column("Giá trị", numeric=True, decimals=2))
    rows = _Read(Row((str(n), f"Chỉ tiêu số {n} " + "dài " * 60, n / 3)) for n in range(6000))
    doc = Document(Lang.VI, tables=(Table("Phụ lục", columns, rows, role="appendix"),))
    chunks, read = [], []
    for chunk in formatter(fmt).chunks(doc):
        chunks.append(chunk)
        read.append(rows.read)
    assert read[0] < read[-1]  # the first slice handed on with rows still to read
    assert b"".join(chunks) == formatter(fmt).file(doc)


#: payloads for the JSON format's pieces: a long list (written an item at a time), short ones,
#: keys and texts json escapes, a list exactly at the threshold, and what is written whole
_PIECE_PAYLOADS = [
    {"schema_version": 2, "indicators": [{"id": f"a{i}", "tên": "Tỷ lệ \"hộ\" \n\t<&>", "v": i / 3, "x": None}
                                         for i in range(3000)], "summary": {"1": [1, 2.5]}, "audit": []},
    {"indicators": [[i, {"k": [i]}] for i in range(as_json.LONG)], "tail": "cuối"},
    {"a": list(range(as_json.LONG - 1)), "b": list(range(as_json.LONG * 2)), "c\u2028": "\u2212"},
    {},
    {1: "a key json turns into text", "indicators": list(range(500))},
    [1, 2, 3],
]


@pytest.mark.parametrize("payload", _PIECE_PAYLOADS)
@pytest.mark.parametrize("pretty", [False, True])
def test_json_in_pieces_is_the_same_text(payload, pretty):
    """The screen and pipes take the JSON in pieces (cli._print): the same characters as the
    whole text, for every shape the pieces treat apart."""
    from soctrang_kpi.output.document import Document, Style

    doc = Document(Lang.VI, payload=lambda: payload)
    style = Style(pretty=pretty)
    pieces = list(as_json.FORMATTER.pieces(doc, style))
    assert "".join(pieces) == as_json.FORMATTER.text(doc, style)
    whole = json.dumps(payload, ensure_ascii=False, allow_nan=False, **({"indent": 2} if pretty else {"separators": (",", ":")}))
    assert "".join(pieces) == whole + "\n"
    if not pretty and payload and type(payload) is dict and all(type(k) is str for k in payload):
        longest = max(len(v) if type(v) is list else 0 for v in payload.values())
        assert (len(pieces) > 1) == (longest >= as_json.LONG and len(whole) > as_json.PIECE)


def test_json_in_pieces_never_holds_the_whole_text():
    """A long list is handed on in pieces of about PIECE characters, not as one text."""
    from soctrang_kpi.output.document import Document, Style

    payload = {"indicators": [{"id": f"ind-{i:06d}", "name": "Chỉ tiêu " * 20} for i in range(5000)]}
    pieces = list(as_json.FORMATTER.pieces(Document(Lang.VI, payload=lambda: payload), Style(pretty=False)))
    assert len(pieces) > 10
    assert max(map(len, pieces)) < 2 * as_json.PIECE


@pytest.mark.parametrize("pretty", [False, True])
def test_rows_made_as_read_are_written_as_the_list_they_stand_for(pretty):
    """`kpi status --json` makes each indicator's object as it is written (payloads.Made): the
    same text as the list, in pieces and whole, each item made once when written in pieces."""
    from soctrang_kpi.output.document import Document, Style
    from soctrang_kpi.output.payloads import Made

    made: list[int] = []

    def item(i: int) -> dict:
        made.append(i)
        return {"id": f"ind-{i:06d}", "tên": "Chỉ tiêu \"số\"", "v": i / 7}

    payload = {"schema_version": 2, "indicators": Made(range(3000), item), "summary": {}}
    plain = {**payload, "indicators": [item(i) for i in range(3000)]}
    made.clear()
    style = Style(pretty=pretty)
    pieces = list(as_json.FORMATTER.pieces(Document(Lang.VI, payload=lambda: payload), style))
    assert "".join(pieces) == as_json.FORMATTER.text(Document(Lang.VI, payload=lambda: plain), style)
    if not pretty:
        assert made[:3000] == list(range(3000)) and len(pieces) > 1
    assert payload["indicators"] == plain["indicators"] and len(payload["indicators"]) == 3000


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=12), st.integers(1, 10))
def test_slices_are_the_joined_text_cut_every_size_characters(parts, size):
    """The xlsx cells of kpi's data and the docx's escaped slices of it (``slices``): the text of
    the pieces cut every ``size`` characters, whatever the pieces' lengths."""
    from soctrang_kpi.output.formats import slices

    text = "".join(parts)
    assert list(slices(iter(parts), size)) == [text[start:start + size] for start in range(0, len(text), size)]


def test_a_number_stays_with_the_word_before_it_where_the_two_fit():
    """The name keeps "năm 2023" whole (folded if it must be); a unit or a verdict keeps
    "per 10,000" together where it fits the column, and breaks before the number where it does not."""
    from soctrang_kpi.output.formats.as_table import wrap

    assert wrap("beds per 10,000", 11, hard_glue=False) == ["beds", "per 10,000"]
    assert wrap("beds per 10,000", 9, hard_glue=False) == ["beds per", "10,000"]
    assert wrap("Exceeded 15.51%", 10, hard_glue=False) == ["Exceeded", "15.51%"]
    assert wrap("tính đến năm 2023", 12) == ["tính đến", "năm 2023"]  # a title or a name


@pytest.mark.parametrize("text, width, lines", [
    ("漢字 ab", 1, ["漢", "字", "a", "b"]),  # a character wider than the line: an empty line was printed after it
    ("kpi: x", 0, ["k", "p", "i", ":", "x"]),  # and after every piece of a line of no width
    ("abc de", 2, ["ab", "c", "de"]),
])
def test_a_word_cut_to_the_line_leaves_no_empty_line(text, width, lines):
    from soctrang_kpi.output.formats.as_table import wrap

    assert wrap(text, width) == lines


@pytest.mark.parametrize("text, width, lines", [
    # "trong độ tuổi cấp" and " …" do not fit 17: it was cut within "cấp" ("trong độ tuổi c …",
    # as the README's "độ tuổi cấp trun …"); now back to the word's start
    ("Tỷ lệ trẻ em trong độ tuổi cấp trung học cơ sở", 17, ["Tỷ lệ trẻ em", "trong độ tuổi …"]),
    ("Một chữ_dài_không_có_chỗ_ngắt_nào", 12, ["Một", "chữ_dài_kh …"]),  # a word alone is cut
])
def test_a_name_cut_short_ends_at_a_word_not_inside_one(text, width, lines):
    from soctrang_kpi.output.document import Column
    from soctrang_kpi.output.formats.as_table import _cell_lines

    got = _cell_lines(text, Column("Chỉ tiêu", wrap=True, max_lines=len(lines)), width)
    assert got == lines
