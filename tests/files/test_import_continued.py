"""`kpi import` of a Word appendix that continues in a second table titled "Phụ lục I (tiếp
theo)" (files/import_docx._joined): the usual Word practice (the same columns, more rows) and
kpi's own table printed in parts (TT, the name and the unit repeated with other columns)."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.files import appendix_layout as layout
from soctrang_kpi.files import load

HEADER = ["TT", "Chỉ tiêu", "ĐVT", "Nghị quyết", "Năm 2020", "2021", "Ước 2022"]
PERIOD = ("--base-year", "2020", "--target-year", "2025", "--name", "Nghị quyết")
CONTINUED = "Phụ lục I (tiếp theo)"


def kpi(*args, lang="en"):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"KPI_LANG": lang, "COLUMNS": "100"})


def _word(path: Path, *tables: tuple[str | None, list[list[str]]]) -> Path:
    """A Word document of ``tables``, each (its title row merged across it or None, its rows)."""
    from docx import Document

    document = Document()
    document.add_paragraph("Phụ lục I")
    for title, rows in tables:
        width = max(len(row) for row in rows)
        table = document.add_table(rows=len(rows) + (title is not None), cols=width)
        if title is not None:
            table.cell(0, 0).merge(table.cell(0, width - 1)).text = title
        for r, values in enumerate(rows, start=title is not None):
            for c, value in enumerate(values):
                table.cell(r, c).text = value
        document.add_paragraph("")
    document.save(str(path))
    return path


def _import(tmp_path: Path, path: Path, *extra: str):
    out = tmp_path / "out"
    result = kpi("import", str(path), "-o", str(out), *PERIOD, *extra)
    return result, (load.read(out)[0] if out.exists() else None)


def _values(dataset, indicator: str) -> dict[int, float]:
    return {p.year: p.value for p in dataset.series.get(indicator, ())}


FIRST = [
    HEADER,
    ["1", "Thu ngân sách", "Tỷ đồng", "Tối thiểu 4,690", "4100", "4300", "4500"],
    ["2", "Tỷ lệ hộ nghèo", "%", "Dưới 3", "5,76", "4,9", "3,8"],
]
MORE = [
    HEADER,
    ["3", "Số giường bệnh", "giường", "2.800", "2.100", "2.300", "2.500"],
    ["4", "Sản lượng lúa", "Nghìn tấn", "417.000", "400.150", "khoảng sáu", "415.050"],
]


def test_a_word_table_continued_with_the_same_columns_is_read_with_its_rows(tmp_path):
    """The second table, "Phụ lục I (tiếp theo)" over the same header, holds more rows: they are
    read after the first table's (they were not read, without a word), each cell named in its own
    table ("table 2 row 4"), and its "2.800" groups the thousands the first table's "4,690" might."""
    path = _word(tmp_path / "pl.docx", (None, FIRST), (CONTINUED, MORE))
    result, dataset = _import(tmp_path, path)
    assert result.exit_code == 5, result.stderr
    assert "kpi: read table 1 (continued in table 2): 4 indicators" in result.stderr
    assert "kpi: table 2 row 4, column 6: not a number: 'khoảng sáu'" in result.stderr
    said = "kpi: table 1 row 2, column 4: 'Thu ngân sách': '4,690' reads two ways in a table that groups thousands ('2.800', row 3 of table 2)"
    assert said in result.stderr
    assert list(dataset.indicators) == ["thu-ngan-sach", "ty-le-ho-ngheo", "so-giuong-benh", "san-luong-lua"]
    assert _values(dataset, "so-giuong-benh") == {2020: 2100, 2021: 2300, 2022: 2500}
    assert _values(dataset, "san-luong-lua") == {2020: 400150, 2022: 415050}
    assert _values(dataset, "thu-ngan-sach") == {2020: 4100, 2021: 4300, 2022: 4500}
    rows = {row.indicator: row.target for row in dataset.plans["term-2020-2025"].rows}
    assert rows["so-giuong-benh"].value == 2800 and rows["san-luong-lua"].value == 417000
    vi = kpi("import", str(path), "-o", str(tmp_path / "vi"), *PERIOD, lang="vi")
    assert "kpi: đã đọc bảng 1 (tiếp theo ở bảng 2)" in vi.stderr and "('2.800', dòng 3 của bảng 2)" in vi.stderr


def test_naming_the_continued_table_reads_it_as_a_part_of_the_first(tmp_path):
    """`--sheet 2` naming the table that continues table 1: table 1 with it, and said (it read
    the title row as the header, its rows as footnotes, and no indicator)."""
    path = _word(tmp_path / "pl.docx", (None, FIRST), (CONTINUED, MORE))
    result, dataset = _import(tmp_path, path, "--sheet", "2")
    assert result.exit_code == 5
    assert "kpi: table 2 continues table 1 (its title says so): read as one table with it" in result.stderr
    assert len(dataset.indicators) == 4


def test_a_word_table_continued_in_columns_is_joined_by_row(tmp_path):
    """kpi's own layout in parts: the second table repeats TT, the name and the unit with the
    other columns; each of its rows is read beside the first table's row of the same TT and name
    (in any order; a section row too), and a row the first table has not is said, not guessed."""
    first = [
        ["TT", "Chỉ tiêu", "ĐVT", "Nghị quyết", "Năm 2020"],
        ["I", "KINH TẾ", "KINH TẾ", "KINH TẾ", "KINH TẾ"],
        ["1", "Thu ngân sách", "Tỷ đồng", "35.000", "30.150"],
        ["2", "Tỷ lệ hộ nghèo", "%", "Dưới 3", "5,76"],
    ]
    second = [
        ["TT", "Chỉ tiêu", "ĐVT", "2021", "Ước 2022"],
        ["I", "KINH TẾ", "KINH TẾ", "KINH TẾ", "KINH TẾ"],
        ["2", "Tỷ lệ hộ nghèo", "%", "4,9", "3,8"],
        ["1", "Thu ngân sách", "Tỷ đồng", "32.800", "33.500"],
        ["9", "Số giường bệnh", "giường", "2.300", "2.500"],
    ]
    result, dataset = _import(tmp_path, _word(tmp_path / "pl.docx", (None, first), ("Appendix I (continued)", second)))
    assert result.exit_code == 5, result.stderr
    said = "kpi: table 2 row 6, column 2: '9 Số giường bệnh': no row of table 1 has this number and name, so this row's cells were not read"
    assert said in result.stderr and "kpi: 1 thing to check above" in result.stderr
    assert _values(dataset, "thu-ngan-sach") == {2020: 30150, 2021: 32800, 2022: 33500}
    assert _values(dataset, "ty-le-ho-ngheo") == {2020: 5.76, 2021: 4.9, 2022: 3.8}
    assert list(dataset.indicators) == ["thu-ngan-sach", "ty-le-ho-ngheo"]
    assert {i.group for i in dataset.indicators.values()} == {"economy"}


def test_a_continuation_that_cannot_be_told_is_said_and_read_alone(tmp_path):
    """A table titled "(tiếp theo)" whose columns are neither the first table's nor TT, the name
    and the unit with others ("Nghị quyết" again, no unit): not joined by a guess; said, with the
    table and row, and offered as a table of its own, which `--sheet 2` reads without its title row."""
    other = [["TT", "Chỉ tiêu", "Nghị quyết", "Năm 2020"], ["3", "Số giường bệnh", "2.800", "2.100"]]
    path = _word(tmp_path / "pl.docx", (None, FIRST), (CONTINUED, other))
    result, dataset = _import(tmp_path, path)
    assert result.exit_code == 5
    said = (
        "kpi: table 2 row 1, column 1: table 2 says it continues table 1, but its columns are neither that table's nor"
        " its TT, name and unit with other columns: not read with it (read it alone with --sheet 2)"
    )
    assert said in result.stderr and "the file has other tables (2)" in result.stderr
    assert list(dataset.indicators) == ["thu-ngan-sach", "ty-le-ho-ngheo"]
    (tmp_path / "out").rename(tmp_path / "first")
    result, dataset = _import(tmp_path, path, "--sheet", "2")
    assert "kpi: read table 2: 1 indicator" in result.stderr, result.stderr
    assert _values(dataset, "so-giuong-benh") == {2020: 2100}


def test_the_title_row_of_a_continued_table():
    header = ["TT", "Chỉ tiêu", "ĐVT", "Lộ trình 2024"]
    grid = [[CONTINUED] * 4, header, ["1", "GRDP", "%", "7"]]
    assert layout.find_header(grid) is None  # no table of its own to choose
    assert layout.find_header(grid, continued=True) == (1, 1, None)
    assert layout.continued_row(grid) == 0
    assert layout.continued_row([header, ["1", "Ghi chú (tiếp theo)", "%", "7"]]) is None


def test_kpis_own_docx_in_parts_without_its_data_reads_every_part(tmp_path):
    """The English appendix kpi prints in two parts, its embedded data removed: the second part's
    columns (the forecast, the percentages) are read beside the first's rows (they were not read)."""
    import re
    import zipfile

    assert kpi("export", "-o", str(tmp_path / "out.docx"), "--lang", "en").exit_code == 0
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(tmp_path / "out.docx") as source, zipfile.ZipFile(bare, "w") as copy:
        for item in source.infolist():
            if not item.filename.startswith("customXml/"):
                data = source.read(item.filename)
                copy.writestr(item, re.sub(rb"<Relationship [^>]*customXml[^>]*/>", b"", data) if item.filename.endswith(".rels") else data)
    result = kpi("import", str(bare), "-o", str(tmp_path / "back"))
    assert "kpi: read table 1 (continued in table 2): 23 indicators" in result.stderr, result.stderr
    assert "no row of table 1" not in result.stderr
    actuals = (tmp_path / "back" / "actuals.yaml").read_text(encoding="utf-8")
    assert "forecast: 7.19" in actuals and "midterm_pct: 71.96" in actuals


def test_an_edit_in_the_second_part_of_kpis_own_docx_is_read(tmp_path):
    """kpi's English docx in two parts, with its data: a roadmap value the office changed in the
    second part is read (it was lost: only the first part was compared with the data)."""
    from docx import Document

    assert kpi("export", "-o", str(tmp_path / "out.docx"), "--lang", "en").exit_code == 0
    document = Document(str(tmp_path / "out.docx"))
    second = document.tables[1]
    assert [c.text for c in second.rows[2].cells][:6] == ["No", "Indicator", "Unit", "% of target", "2024", "2025"]
    row = next(r for r in second.rows if r.cells[1].text == "GRDP per capita (current prices)")
    paragraph = row.cells[5].paragraphs[0]
    assert paragraph.runs[0].text == "75.30"
    paragraph.runs[0].text = "77.00"
    document.save(str(tmp_path / "edited.docx"))
    result = kpi("import", str(tmp_path / "edited.docx"), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.stderr
    dataset = load.read(tmp_path / "back")[0]
    plan = {p.year: p.value for p in dataset.series["grdp-per-capita"] if p.status.value == "plan"}
    assert plan == {2024: 66.1, 2025: 77}


def _word_paragraphs(path: Path, *tables: tuple[tuple[str, ...], list[list[str]]]) -> Path:
    """A Word document of ``tables``, each (the paragraphs above it, its rows): an office's
    "Phụ lục I (tiếp theo)" written as a paragraph over the next table, not as its title row."""
    from docx import Document

    document = Document()
    for above, rows in tables:
        for line in above:
            document.add_paragraph(line)
        table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.cell(r, c).text = value
    document.save(str(path))
    return path


@pytest.mark.parametrize("between, joined", [
    # README "A Word table continued in another": the words over the next table, as a paragraph
    (("Phụ lục I (tiếp theo)",), True),
    (("PHỤ LỤC I (TIẾP THEO)",), True),
    (("(Tiếp theo)",), True),
    (("Appendix I (continued)",), True),
    (("Ghi chú: số liệu năm 2022 là số ước.", "Phụ lục I (tiếp theo)"), True),  # the first table's footnote, then the words
    (("Bảng 1 - tiếp theo",), True),
    (("Số liệu các năm tiếp theo",), False),  # a sentence that ends so: not the words of a continued table
    ((), False),
])
def test_a_word_table_continued_under_a_paragraph_that_says_so_is_joined(tmp_path, between, joined):
    """"Phụ lục I (tiếp theo)" as a paragraph above the second table (the way an office's Word file
    commonly has it): read as the table's title row is (they were two tables, only the first read,
    and "the file has other tables (2)"); the paragraph is no footnote of the first table."""
    path = _word_paragraphs(tmp_path / "pl.docx", (("Phụ lục I", "Nghị quyết"), FIRST), (between, MORE))
    result, dataset = _import(tmp_path, path)
    if not joined:
        assert "the file has other tables (2)" in result.stderr, result.stderr
        assert list(dataset.indicators) == ["thu-ngan-sach", "ty-le-ho-ngheo"]
        return
    assert "kpi: read table 1 (continued in table 2): 4 indicators" in result.stderr, result.stderr
    assert "other tables" not in result.stderr
    assert list(dataset.indicators) == ["thu-ngan-sach", "ty-le-ho-ngheo", "so-giuong-benh", "san-luong-lua"]
    assert _values(dataset, "so-giuong-benh") == {2020: 2100, 2021: 2300, 2022: 2500}
    assert "kpi: table 2 row 3, column 6: not a number: 'khoảng sáu'" in result.stderr  # named in its own table
    comments = [line for line in (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert not any("tiếp theo" in line.lower() or "continued" in line for line in comments), comments
    assert any("Ghi chú" in line for line in comments) == ("Ghi chú" in " ".join(between))
    named = kpi("import", str(path), "-o", str(tmp_path / "second"), *PERIOD, "--sheet", "2")
    assert "kpi: table 2 continues table 1 (its title says so): read as one table with it" in named.stderr


def test_a_paragraph_continuation_that_cannot_be_told_is_said_and_read_alone(tmp_path):
    """The words over a table whose columns are neither the first's nor TT, the name and the unit
    with others: not joined by a guess; said, and the table offered as one of its own."""
    other = [["TT", "Chỉ tiêu", "Nghị quyết", "Năm 2020"], ["3", "Số giường bệnh", "2.800", "2.100"]]
    path = _word_paragraphs(tmp_path / "pl.docx", (("Phụ lục I",), FIRST), (("Phụ lục I (tiếp theo)",), other))
    result, dataset = _import(tmp_path, path)
    assert result.exit_code == 5
    said = "kpi: table 2 row 1, column 1: table 2 says it continues table 1, but its columns are neither that table's nor"
    assert said in result.stderr and "the file has other tables (2)" in result.stderr, result.stderr
    assert list(dataset.indicators) == ["thu-ngan-sach", "ty-le-ho-ngheo"]
    (tmp_path / "out").rename(tmp_path / "first")
    result, dataset = _import(tmp_path, path, "--sheet", "2")
    assert "kpi: read table 2: 1 indicator" in result.stderr, result.stderr
