"""`kpi import` of an office's own monthly-report table (README "An office's monthly report"):
workbooks and Word tables as offices draw them — merged headers over two rows, section rows, the
title saying the month and the status — read into an annual plan and its months, quarters and
lũy kế; the derived percentages kept as published and checked against kpi's own, each difference
named by its cell."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from soctrang_kpi.core.model import Kind
from soctrang_kpi.files import import_month, load
from soctrang_kpi.files.import_month import Spec, spec
from soctrang_kpi.numbers import written

from ..conftest import kpi, kpi_en, plan_yaml

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")


def workbook(path: Path, title: list[str], top: list[str | None], lower: list[str | None] | None, rows: list[tuple]) -> Path:
    """A sheet as an office draws it: title lines, a header of one or two rows (a cell of the
    upper row spans the lower cells beside it while they are empty above; a header without a lower
    cell spans both rows), then the rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    r = 1
    for line in title:
        ws.cell(r, 1, line)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(top))
        r += 1
    r += 1
    head = r
    for c, text in enumerate(top, start=1):
        if text is not None:
            ws.cell(head, c, text)
    if lower is not None:
        for c, text in enumerate(lower, start=1):
            if text is not None:
                ws.cell(head + 1, c, text)
            elif top[c - 1] is not None:
                ws.merge_cells(start_row=head, start_column=c, end_row=head + 1, end_column=c)
        c = 1
        while c <= len(top):  # an upper cell over lower cells: merged across them
            end = c
            while end < len(top) and top[end] is None and lower[end] is not None:
                end += 1
            if end > c and lower[c - 1] is not None:
                ws.merge_cells(start_row=head, start_column=c, end_row=head, end_column=end)
            c = end + 1
        r = head + 2
    else:
        r = head + 1
    for row in rows:
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
        r += 1
    wb.save(path)
    return path


def word_table(path: Path, title: list[str], top: list[str], lower: list[str | None], rows: list[tuple]) -> Path:
    """A Word table: title paragraphs above it, a two-row header whose cells without a lower text
    are merged down and whose repeated upper texts are merged across."""
    document = docx.Document()
    for line in title:
        document.add_paragraph(line)
    table = document.add_table(rows=2 + len(rows), cols=len(top))
    for c, text in enumerate(top):
        if lower[c] is None:
            table.cell(0, c).merge(table.cell(1, c)).text = text
    c = 0
    while c < len(top):
        if lower[c] is None:
            c += 1
            continue
        end = c
        while end + 1 < len(top) and top[end + 1] == top[c] and lower[end + 1] is not None:
            end += 1
        cell = table.cell(0, c).merge(table.cell(0, end)) if end > c else table.cell(0, c)
        cell.text = top[c]
        for k in range(c, end + 1):
            table.cell(1, k).text = lower[k]
        c = end + 1
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = str(value)
    document.save(path)
    return path


GIA_LAI_TITLE = ["UBND TỈNH GIA LAI", "ƯỚC THỰC HIỆN THÁNG 6 VÀ 6 THÁNG ĐẦU NĂM 2026"]
GIA_LAI_TOP = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện", None, "Cùng kỳ năm 2025", "So sánh (%)", None]
GIA_LAI_LOWER = [None, None, None, None, "Tháng 6", "Lũy kế 6 tháng", None, "So với KH năm", "So cùng kỳ"]
GIA_LAI_ROWS = [
    ("I", "KINH TẾ"),
    (1, "Kim ngạch xuất khẩu", "Triệu USD", 750, 95, 525, 448.8, 70, 16.98),
    (2, "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "Tỷ đồng", "90.000", "7.500", "43.200", "39.900", 48, 8.27),
    (3, "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "5.500", 480, "2.500", "2.400", "46,50", "4,17"),
    ("II", "XÃ HỘI"),
    (4, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", 95, 93.4, 93.4, 91.8, 98.32, 1.74),
]


@pytest.fixture
def gia_lai(tmp_path: Path) -> Path:
    return workbook(tmp_path / "bao-cao-thang-6.xlsx", GIA_LAI_TITLE, GIA_LAI_TOP, GIA_LAI_LOWER, GIA_LAI_ROWS)


def _imported(path: Path, out: Path, *options: str):
    result = kpi("import", str(path), "-o", str(out), *options)
    dataset, warnings = load.read(out)
    return result, dataset


@pytest.mark.parametrize(
    "header, expected",
    [
        ("Kế hoạch năm 2026", Spec("plan")),
        ("KH năm", Spec("plan")),
        ("Kế hoạch tháng 7", Spec("ignored")),
        ("Thực hiện tháng 6", Spec("period", 6, 6, False)),
        ("Ước TH tháng 10", Spec("period", 10, 10, False, status="estimate")),
        ("Lũy kế 6 tháng", Spec("period", 6, 1, True)),
        ("6 tháng đầu năm 2026", Spec("period", 6, 1, True)),
        ("Ước thực hiện 9 tháng", Spec("period", 9, 1, True, status="estimate")),
        ("Lũy kế đến tháng 6", Spec("period", 6, 1, True)),
        ("Lũy kế từ đầu năm", Spec("period", None, 1, True)),
        ("Quý I", Spec("period", 3, 1, False)),
        ("Sơ bộ quý III", Spec("period", 9, 7, False, status="preliminary")),
        ("Cùng kỳ năm 2025", Spec("same", None, None, True, status="actual")),
        ("Cùng kỳ 9 tháng năm trước", Spec("same", 9, 1, True, status="actual")),
        ("Ước thực hiện cả năm", Spec("year", status="estimate")),
        ("Thực hiện năm 2025", Spec("year", year=2025)),
        ("So với KH năm (%)", Spec("plan_pct")),
        ("% KH năm", Spec("plan_pct")),
        ("Ước TH/KH (%)", Spec("plan_pct")),
        ("So cùng kỳ (%)", Spec("change_pct")),
        ("So sánh (%) So cùng kỳ", Spec("change_pct")),
        ("Tỷ lệ % so năm trước", Spec("change_pct")),
        ("Tốc độ phát triển", None),
        ("Tháng 13", None),  # no such month: not a period
        ("Lũy kế 0 tháng", None),
    ],
)
def test_a_column_is_read_from_its_header(header, expected):
    assert spec(header) == expected


@pytest.mark.parametrize(
    "header, expected",
    [
        # as kpi's own export writes them with --lang en (messages.py word.month_*)
        ("Plan 2026", Spec("plan")),
        ("As printed", Spec("plan")),  # kpi's own header before "Plan (wording)"
        ("Plan (wording)", Spec("plan")),
        ("Month 6", Spec("period", 6, 6, False)),
        ("Quarter II", Spec("period", 6, 4, False)),
        ("6 months to date", Spec("period", 6, 1, True)),
        ("% of plan", Spec("plan_pct")),
        ("vs last year", Spec("change_pct")),
        ("Year estimate", Spec("year", status="estimate")),
        # as an office's English table words them
        ("Year plan", Spec("plan")),
        ("June", Spec("period", 6, 6, False)),
        ("Est. June", Spec("period", 6, 6, False, status="estimate")),
        ("Cumulative 6 months", Spec("period", 6, 1, True)),
        ("Year to date", Spec("period", None, 1, True)),
        ("Q3", Spec("period", 9, 7, False)),
        ("Preliminary quarter III", Spec("period", 9, 7, False, status="preliminary")),
        ("Same period 2025", Spec("same", None, None, True, status="actual")),
        ("% of year plan", Spec("plan_pct")),
        ("Plan for month 7", Spec("ignored")),
        ("Actual 2025", Spec("year", year=2025, status="actual")),
        ("Growth rate", None),
    ],
)
def test_an_english_header_is_read_as_its_vietnamese_words_are(header, expected):
    assert spec(header) == expected


@pytest.mark.parametrize("key", ["month_plan", "month_plan_printed", "month_alone", "quarter_alone", "month_to_date", "month_plan_pct", "month_change", "month_estimate"])
def test_every_header_of_kpis_own_monthly_report_reads_the_same_in_either_language(key):
    """kpi reads back what it writes: each header its monthly report prints (the catalogue's
    words, month 6 of 2026, quarter II) says the same in English as in Vietnamese."""
    from soctrang_kpi.messages import section

    names = section("month_name")["6"]
    said = {lang: spec(text.format(year=2026, month=6, quarter=("2" if lang == "en" else "II"), name=names[lang], Name=names[lang].capitalize())) for lang, text in section("word")[key].items()}
    assert said["vi"] is not None and said["en"] == said["vi"], said


@pytest.mark.parametrize("month", range(1, 13))
def test_kpis_english_month_column_reads_back_as_its_month(month):
    """The English monthly report names its month's column as its title does ("May",
    "September"): each reads back as that month alone, as "Tháng 5" does."""
    from soctrang_kpi.messages import section

    words = section("word")["month_alone"]
    for lang in ("en", "vi"):
        header = words[lang].format(month=month, Name=section("month_name")[str(month)][lang].capitalize())
        assert spec(header) == Spec("period", month, month, False), header


def _month_figures(dataset):
    """A monthly report's plan and values, row by row: what its table says, in any language."""
    (plan,) = dataset.plans.values()
    return [
        (row.no, row.target.value, row.target.upper, sorted((p.period.key, p.status.value, p.value) for p in dataset.periods.get(row.indicator, ())))
        for row in plan.rows
    ]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_kpis_own_monthly_report_in_english_reads_back_as_its_table_alone(tmp_path, suffix):
    """`kpi export --lang en` of a monthly report ("Plan 2024 | June | 6 months to date | %
    of plan | vs last year | Year estimate") imported with --table-only gives the plan and the
    values the Vietnamese report gives: kpi reads back what it writes, in either language."""
    from ..conftest import ROOT

    example = ROOT / "docs" / "example-periods"
    found = {}
    for lang in ("vi", "en"):
        exported = tmp_path / f"bao-cao-{lang}.{suffix}"
        assert kpi("export", "--data-dir", str(example), "-o", str(exported), "--lang", lang).exit_code == 0
        result, dataset = _imported(exported, tmp_path / f"out-{lang}", "--table-only")
        assert result.exit_code == 5, result.stderr  # read, with its things to check (exit 2 before: refused)
        assert "column not understood" not in result.stderr and "không hiểu cột" not in result.stderr, result.stderr
        found[lang] = _month_figures(dataset)
    assert found["en"] == found["vi"]
    assert all(values for _no, _value, _upper, values in found["en"][:5]), found["en"]  # month 6 and its lũy kế read


def test_an_office_workbook_round_trips_into_an_annual_plan_and_its_months(gia_lai, tmp_path):
    result, dataset = _imported(gia_lai, tmp_path / "out")
    assert result.exit_code == 5, result.stderr  # the plan's name was guessed, and one figure differs
    plan = dataset.plans["annual-2026"]
    assert (plan.base_year, plan.target_year) == (2025, 2026)
    assert [(r.no, r.target.value) for r in plan.rows] == [("1", 750), ("2", 90000), ("3", 5500), ("4", 95)]
    assert dataset.indicators["kim-ngach-xuat-khau"].group == "economy"
    assert dataset.indicators["ty-le-dan-so-tham-gia-bao-hiem-y-te"].group == "society"
    exports = {(p.period.key, p.period.ytd, p.status.value): p.value for p in dataset.periods["kim-ngach-xuat-khau"]}
    # the title says ƯỚC THỰC HIỆN: this year's figures are estimates; last year's the same months, actual
    assert exports == {("2026-06", False, "estimate"): 95, ("2026-06", True, "estimate"): 525, ("2025-06", True, "actual"): 448.8}
    # the published percentages, kept as printed, never as values
    months = dataset.published_months["kim-ngach-xuat-khau"]["annual-2026"]
    assert [(m.period.key, m.plan_pct, m.change_pct) for m in months] == [("2026-06", 70, 16.98)]
    # the budget's 46,50 % is not 2.500 ÷ 5.500 = 45,45 %: said with its cell, as the audit says it
    lines = [line for line in result.stderr.splitlines() if "ghi" in line and "tính lại" in line]
    assert lines == ["kpi: trang 'Biểu 01' dòng 9, cột 8: 'So sánh (%) So với KH năm' ghi 46,5, tính lại từ số liệu đã đọc được 45,45: giữ nguyên số đã công bố (kpi audit đối chiếu)"]
    assert "kế hoạch được đặt tên 'Kế hoạch phát triển kinh tế - xã hội năm 2026'" in result.stderr


def test_a_dry_run_shows_the_monthly_report(gia_lai, tmp_path):
    result = kpi("import", str(gia_lai), "--dry-run")
    assert result.exit_code == 0
    assert "— tháng 6/2026" in result.stdout and "Lũy kế 6 tháng" in result.stdout and "70,00%" in result.stdout
    assert not (tmp_path / "targets.yaml").exists()


def test_the_imported_report_is_the_monthly_report_and_audited(gia_lai, tmp_path):
    out = tmp_path / "out"
    kpi("import", str(gia_lai), "-o", str(out))
    status = json.loads(kpi("status", "--data-dir", str(out), "--json").stdout)
    assert status["report"] == "month" and status["period"]["key"] == "2026-06"
    by_id = {i["id"]: i for i in status["indicators"]}
    assert round(by_id["kim-ngach-xuat-khau"]["plan_pct"], 2) == 70 and round(by_id["kim-ngach-xuat-khau"]["change_pct"], 2) == 16.98
    audit = json.loads(kpi("audit", "--data-dir", str(out), "--json").stdout)
    assert [(f["id"], f["field"], f["published"], round(f["computed"], 2)) for f in audit["findings"]] == [
        ("thu-ngan-sach-nha-nuoc-tren-dia-ban", "plan_pct 2026-06", 46.5, 45.45)
    ]


def test_the_same_report_as_a_word_table(tmp_path):
    """Gia Lai's table in Word: "Thực hiện" and "So sánh (%)" merged across two columns, the
    other headers merged down over both rows, the sections merged across the row."""
    top = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện", "Thực hiện", "Cùng kỳ năm 2025", "So sánh (%)", "So sánh (%)"]
    # typed as the office types them: "448,8", not Python's "448.8" (a table that writes numbers
    # both ways reads none of its "90.000" one way: README "Two readings of a number")
    rows = [tuple("" if v is None else written(v, "vi") if isinstance(v, float) else v for v in r) + ("",) * (9 - len(r)) for r in GIA_LAI_ROWS]
    path = word_table(tmp_path / "bao-cao.docx", GIA_LAI_TITLE, top, GIA_LAI_LOWER, rows)
    result, dataset = _imported(path, tmp_path / "out")
    assert result.exit_code == 5, result.stderr
    assert [(r.no, r.target.value) for r in dataset.plans["annual-2026"].rows] == [("1", 750), ("2", 90000), ("3", 5500), ("4", 95)]
    exports = {(p.period.key, p.period.ytd, p.status.value): p.value for p in dataset.periods["kim-ngach-xuat-khau"]}
    assert exports == {("2026-06", False, "estimate"): 95, ("2026-06", True, "estimate"): 525, ("2025-06", True, "actual"): 448.8}
    assert dataset.indicators["ty-le-dan-so-tham-gia-bao-hiem-y-te"].group == "society"
    assert "bảng 1 dòng 6, cột 8: 'So sánh (%) So với KH năm' ghi 46,5, tính lại từ số liệu đã đọc được 45,45" in result.stderr


def test_a_word_table_with_a_quarter_a_rate_and_sơ_bộ(tmp_path):
    path = word_table(
        tmp_path / "quy-1.docx",
        ["ỦY BAN NHÂN DÂN TỈNH", "TÌNH HÌNH KINH TẾ - XÃ HỘI QUÝ I NĂM 2026"],
        ["TT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "Sơ bộ quý I", "So cùng kỳ (%)"],
        [None, None, None, None, None, None],
        [
            ("1", "Tốc độ tăng trưởng GRDP", "%", "7,5 - 8", "6,2", "6,2"),
            ("2", "Kim ngạch xuất khẩu", "Triệu USD", "750", "200", "-"),
        ],
    )
    result, dataset = _imported(path, tmp_path / "out")
    assert result.exit_code in (0, 5), result.stderr
    grdp = dataset.periods["toc-do-tang-truong-grdp"]
    assert [(p.period.key, p.period.quarter, p.status.value, p.value) for p in grdp] == [("2026-Q1", True, "preliminary", 6.2)]
    row = dataset.plans["annual-2026"].rows[0]
    assert (row.target.value, row.target.upper) == (7.5, 8)
    # a rate's so cùng kỳ is itself: 6,2 printed, 6,2 computed: nothing said about it
    assert "cột 6" not in result.stderr
    status = json.loads(kpi("status", "--data-dir", str(tmp_path / "out"), "--as-of", "2026-Q1", "--json").stdout)
    assert {i["id"]: i["verdict"] for i in status["indicators"]}["toc-do-tang-truong-grdp"] == "behind"


def test_nine_months_with_last_years_figures_and_the_estimate_of_the_year(tmp_path):
    path = workbook(
        tmp_path / "9-thang.xlsx",
        ["BÁO CÁO ƯỚC THỰC HIỆN 9 THÁNG NĂM 2026"],
        ["STT", "Chỉ tiêu", "ĐVT", "TH năm 2025", "KH năm 2026", "Quý III", "9 tháng", "Cùng kỳ 9 tháng năm 2025", "Ước cả năm", "% KH năm", "So cùng kỳ (%)"],
        None,
        [
            (1, "Thu ngân sách nhà nước", "Tỷ đồng", "5.000", "5.500", "1.300", "4.000", "3.600", "5.600", "72,73", "11,11"),
            (2, "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", "30.000", "33.000", "khoảng 8.000", "24.000", "21.000", None, "72,73", "15"),
        ],
    )
    result, dataset = _imported(path, tmp_path / "out")
    budget = {(p.period.key, p.period.ytd, p.status.value): p.value for p in dataset.periods["thu-ngan-sach-nha-nuoc"]}
    assert budget == {("2026-Q3", False, "estimate"): 1300, ("2026-09", True, "estimate"): 4000, ("2025-09", True, "actual"): 3600}
    years = {(p.year, p.status.value): p.value for p in dataset.series["thu-ngan-sach-nha-nuoc"]}
    assert years == {(2025, "actual"): 5000, (2026, "estimate"): 5600}
    # "khoảng 8.000" is not a number: that cell is named and left out, the rest is read
    assert "dòng 5, cột 6: không phải số: 'khoảng 8.000'" in result.stderr
    # 24.000 ÷ 21.000 − 1 = 14,29 %, not the 15 % printed
    assert "dòng 5, cột 11: 'So cùng kỳ (%)' ghi 15, tính lại từ số liệu đã đọc được 14,29" in result.stderr
    assert "dòng 4" not in result.stderr  # the budget's 72,73 % and 11,11 % are kpi's too
    assert result.exit_code == 5


def test_what_kpi_cannot_be_sure_of_is_said_with_its_cell(tmp_path):
    path = workbook(
        tmp_path / "thang-10.xlsx",
        ["BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 9 NĂM 2026"],  # the title says 9, the columns 10
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Tháng 10", "Lũy kế 10 tháng", "Tháng 10", "% KH"],
        None,
        [(1, "Sản lượng lúa", "Nghìn tấn", "2.100", 120, 1900, 121, "90,48")],
    )
    result, dataset = _imported(path, tmp_path / "out")
    assert result.exit_code == 5
    said = result.stderr
    assert "tiêu đề ghi tháng 9, cột 'Tháng 10' ghi tháng 10: đã đọc báo cáo tính đến tháng 10" in said
    # nothing says ước, sơ bộ or chính thức
    assert "cột 5: cả cột 'Tháng 10' lẫn tiêu đề không ghi ước, sơ bộ hay chính thức" in said
    assert "dòng 4, cột 7: cột thứ hai cho kỳ '2026-10': không đọc (giữ cột đầu)" in said
    assert "dòng 4, cột 8: '% KH' ghi 90,48, không tính lại được" in said  # without a meaning, no figure
    # a unit that says nothing about months: which row, and what to add
    assert "'Sản lượng lúa': đơn vị 'Nghìn tấn' không cho biết" in said and "within_year" in said
    assert [(p.period.key, p.value, p.status.value) for p in dataset.periods["san-luong-lua"]] == [("2026-10", 120, "actual"), ("2026-10", 1900, "actual")]


def test_the_same_period_of_last_year_follows_the_tables_own_period(tmp_path):
    path = workbook(
        tmp_path / "thang.xlsx", ["ƯỚC THỰC HIỆN THÁNG 6 NĂM 2026"],
        ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "Tháng 6", "Cùng kỳ năm 2025", "So cùng kỳ (%)"], None,
        [(1, "Kim ngạch xuất khẩu", "Triệu USD", 750, 95, 90, "5,56")],
    )
    result, dataset = _imported(path, tmp_path / "out", "--name", "Kế hoạch năm 2026")
    # no lũy kế column: "Cùng kỳ" is last year's June; so cùng kỳ is the lũy kế's, which June alone does not give
    got = {(p.period.key, p.period.ytd, p.status.value): p.value for p in dataset.periods["kim-ngach-xuat-khau"]}
    assert got == {("2026-06", False, "estimate"): 95, ("2025-06", False, "actual"): 90}
    assert "'So cùng kỳ (%)' ghi 5,56, không tính lại được" in result.stderr


def test_the_tables_own_verdict_is_checked_against_kpis(tmp_path):
    path = workbook(
        tmp_path / "danh-gia.xlsx", ["ƯỚC THỰC HIỆN 6 THÁNG ĐẦU NĂM 2026"],
        ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "Lũy kế 6 tháng", "% KH năm", "Đánh giá"], None,
        [
            (1, "Kim ngạch xuất khẩu", "Triệu USD", 750, 380, "50,67", "Đúng tiến độ"),
            (2, "Thu ngân sách nhà nước", "Tỷ đồng", "5.500", "2.500", "45,45", "Đạt"),  # 45,45 % of the plan at 50 % of the year
            (3, "Tổng mức bán lẻ", "Tỷ đồng", "90.000", "40.000", "44,44", "tốt"),
        ],
    )
    result, _dataset = _imported(path, tmp_path / "out", "--name", "Kế hoạch năm 2026")
    said = result.stderr
    assert "dòng 4" not in said  # on course, as the table says
    assert "dòng 5, cột 7: bảng đánh giá 'Đạt', kpi tính từ số liệu đã đọc: Chậm tiến độ" in said
    assert "dòng 6, cột 7: không hiểu đánh giá: 'tốt'" in said
    assert import_month.verdict_of("Chậm tiến độ") == "behind" and import_month.verdict_of("Không đạt") == "missed"


def test_a_levels_month_and_lũy_kế_that_differ_are_said(tmp_path):
    path = workbook(
        tmp_path / "muc.xlsx", ["ƯỚC THỰC HIỆN THÁNG 6 NĂM 2026"],
        ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "Tháng 6", "Lũy kế 6 tháng"], None,
        [(1, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", 95, 93.4, 92.1), (2, "Tỷ lệ hộ nghèo", "%", 2, 2.5, 2.5)],
    )
    result, _dataset = _imported(path, tmp_path / "out", "--name", "Kế hoạch năm 2026")
    assert "dòng 4, cột 6: lũy kế của một chỉ tiêu mức là giá trị cuối tháng, nhưng cột tháng ghi 93,4 còn cột lũy kế ghi 92,1: kpi dùng số lũy kế" in result.stderr
    assert "dòng 5" not in result.stderr  # the same value in both: nothing to say


def test_the_documents_date_is_not_the_reports_period(tmp_path):
    # December's report, dated in January of the next year
    path = workbook(
        tmp_path / "thang-12.xlsx",
        ["UBND TỈNH SÓC TRĂNG", "Sóc Trăng, ngày 05 tháng 1 năm 2027", "ƯỚC THỰC HIỆN NĂM 2026", "(Kèm theo Báo cáo số 12/BC-UBND ngày 5/1/2027)"],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Lũy kế 12 tháng", "% KH năm"], None,
        [(1, "Kim ngạch xuất khẩu", "Triệu USD", 750, 760, "101,33")],
    )
    result, dataset = _imported(path, tmp_path / "out", "--name", "Kế hoạch năm 2026")
    assert result.exit_code == 0, result.stderr
    plan = dataset.plans["annual-2026"]
    assert (plan.base_year, plan.target_year) == (2025, 2026)
    assert "tiêu đề ghi tháng" not in result.stderr
    assert [(p.period.key, p.period.ytd) for p in dataset.periods["kim-ngach-xuat-khau"]] == [("2026-12", True)]


def test_a_report_without_a_year_is_refused_until_given(tmp_path):
    path = workbook(
        tmp_path / "khong-nam.xlsx", ["ƯỚC THỰC HIỆN THÁNG 6"],
        ["STT", "Chỉ tiêu", "ĐVT", "KH năm", "Tháng 6", "Lũy kế 6 tháng", "% KH năm"], None,
        [(1, "Kim ngạch xuất khẩu", "Triệu USD", 750, 95, 525, 70)],
    )
    refused = kpi("import", str(path), "-o", str(tmp_path / "out"))
    assert refused.exit_code == 2 and "không ghi năm" in refused.stderr and "--target-year" in refused.stderr
    result, dataset = _imported(path, tmp_path / "out", "--target-year", "2026", "--name", "Kế hoạch năm 2026 của tỉnh")
    assert result.exit_code == 0, result.stderr
    assert dataset.plans["annual-2026"].name == "Kế hoạch năm 2026 của tỉnh"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Tháng quý lũy kế năm cùng kỳ ước sơ bộ % KH/ 0123456789IVX-()")), max_size=40))
def test_any_header_is_read_or_left_alone(header):
    found = spec(header)
    assert found is None or found.what in ("plan", "period", "same", "year", "plan_pct", "change_pct", "ignored")
    if found is not None and found.last is not None:
        assert 1 <= found.last <= 12 and 1 <= (found.first or found.last) <= found.last


def test_a_yearly_appendix_is_not_a_monthly_report():
    from soctrang_kpi.files.import_xlsx import Grid

    yearly = Grid("PL", [["TT", "Chỉ tiêu", "ĐVT", "Nghị quyết", "Năm 2020", "2021", "Ước 2023"], ["1", "GRDP", "%", "8", "1", "2", "3"]])
    assert not import_month.is_month_report(yearly)
    monthly = Grid("B", [["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "Tháng 6", "Lũy kế 6 tháng"], ["1", "X", "Tỷ đồng", "10", "1", "5"]])
    assert import_month.is_month_report(monthly)


#: Gia Lai's table typed the English way, as text: "90,000", "46.50"
ENGLISH_ROWS = [
    ("I", "KINH TẾ"),
    (1, "Kim ngạch xuất khẩu", "Triệu USD", "750", "95", "525", "448.8", "70", "16.98"),
    (2, "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "Tỷ đồng", "90,000", "7,500", "43,200", "39,900", "48", "8.27"),
    (3, "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "5,500", "480", "2,500", "2,400", "46.50", "4.17"),
]


def test_a_monthly_report_written_the_english_way_is_read_the_english_way(tmp_path):
    """"448.8", "16.98" only English writing reads: "90,000" is 90000 and "43,200" 43200 (they
    were read as 90 and 43,2 without a word)."""
    path = workbook(tmp_path / "report.xlsx", GIA_LAI_TITLE, GIA_LAI_TOP, GIA_LAI_LOWER, ENGLISH_ROWS)
    result, dataset = _imported(path, tmp_path / "out")
    assert "reads two ways" not in result.stderr and "hai cách" not in result.stderr, result.stderr
    assert [(r.no, r.target.value) for r in dataset.plans["annual-2026"].rows] == [("1", 750), ("2", 90000), ("3", 5500)]
    retail = {(p.period.key, p.period.ytd): p.value for p in dataset.periods["tong-muc-ban-le-hang-hoa-va-doanh-thu-dich-vu"]}
    assert retail == {("2026-06", False): 7500, ("2026-06", True): 43200, ("2025-06", True): 39900}


def test_a_monthly_report_written_both_ways_reads_no_number_that_reads_two_ways(tmp_path):
    """"448,8" and "4,17" the Vietnamese way beside "16.98" the English way: "7,500" is not read,
    and said. (A lone "448,8" would be said alone, the table read the English way.)"""
    rows = [list(r) for r in ENGLISH_ROWS]
    rows[1][6] = "448,8"
    rows[3][8] = "4,17"
    path = workbook(tmp_path / "report.xlsx", GIA_LAI_TITLE, GIA_LAI_TOP, GIA_LAI_LOWER, [tuple(r) for r in rows])
    result, dataset = _imported(path, tmp_path / "out")
    assert result.exit_code == 5
    assert "'7,500' đọc được hai cách vì bảng ghi số cả theo cách Việt Nam ('448,8', dòng 7) lẫn cách tiếng Anh ('16.98', dòng 7)" in result.stderr
    retail = {(p.period.key, p.period.ytd): p.value for p in dataset.periods.get("tong-muc-ban-le-hang-hoa-va-doanh-thu-dich-vu", [])}
    assert ("2026-06", False) not in retail
    # the rows whose year's plan reads two ways stay rows of the plan, listed without a target
    assert [(r.no, r.target.value) for r in dataset.plans["annual-2026"].rows] == [("1", 750), ("2", None), ("3", None)]


CAN_THO_TITLE = ["UBND THÀNH PHỐ CẦN THƠ", "ƯỚC THỰC HIỆN THÁNG 11 VÀ 11 THÁNG ĐẦU NĂM 2026"]
CAN_THO_TOP = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện", None, "Cùng kỳ năm 2025", "So sánh (%)", None]
CAN_THO_LOWER = [None, None, None, None, "Tháng 11", "Lũy kế 11 tháng", None, "So với KH năm", "So cùng kỳ"]
#: (no, name, unit, plan, month, lũy kế, last year's lũy kế, % KH năm): so cùng kỳ 10,62, 11,63, 11,01, 13,35
CAN_THO_ROWS = [
    (1, "Kim ngạch xuất khẩu", "Triệu USD", "6.200", "570", "5.520", "4.990", "89,03"),
    (2, "Tổng thu ngân sách nhà nước", "Tỷ đồng", "38.000", "2.950,5", "33.600", "30.100", "88,42"),
    (3, "Tổng mức bán lẻ hàng hóa", "Tỷ đồng", "123.000", "10.250", "112.340,5", "101.200", "91,33"),
    (4, "Doanh thu du lịch", "Tỷ đồng", "140.000", "", "96.800", "85.400", "69,14"),
]


EXPORTS, BUDGET, RETAIL, TOURISM = "kim-ngach-xuat-khau", "tong-thu-ngan-sach-nha-nuoc", "tong-muc-ban-le-hang-hoa", "doanh-thu-du-lich"
INDEX_SAID = "ghi chỉ số so với cùng kỳ năm trước, không phải mức tăng (110,62 là bằng 110,62 % cùng kỳ, tăng 10,62 %)"


@pytest.mark.parametrize("printed, said, row_lines, stored, findings", [
    # README "So cùng kỳ: a change or an index": the index, the usual office way (110,62 is 110,62 %
    # of last year's): read for the whole column, said once, kept as the change it prints (each row
    # was said as a difference, "ghi 110,62, tính lại … 10,62", and each was a finding of kpi audit)
    (("110,62", "111,63", "111,0", "113,35"), INDEX_SAID + ": 4 trong 4 dòng", [], (10.62, 11.63, 11, 13.35), []),
    # an index with one real mistake: the column is still the index; the mistake said against it
    (("110,62", "111,63", "115", "113,35"), INDEX_SAID + ": 3 trong 4 dòng",
     ["dòng 8, cột 9: 'So sánh (%) So cùng kỳ' ghi 115, tính lại từ số liệu đã đọc được 111,01"], (10.62, 11.63, 15, 13.35), [(RETAIL, 15)]),
    # the change, as kpi computes it: nothing said of the column
    (("10,62", "11,63", "11,01", "13,35"), None, [], (10.62, 11.63, 11.01, 13.35), []),
    # both forms in one column, or neither: said once, naming the column; kept as printed, its rows
    # not said one by one (kpi audit compares them as the change)
    (("10,62", "111,63", "11,01", "113,35"),
     "trong 4 dòng tính lại được từ số liệu đã đọc, 2 dòng khớp mức tăng so với cùng kỳ, 2 dòng khớp chỉ số (100 + mức tăng), 0 dòng không khớp cách nào",
     [], (10.62, 111.63, 11.01, 113.35), [(BUDGET, 111.63), (TOURISM, 113.35)]),
    (("20", "21", "22", "23"), "0 dòng khớp mức tăng so với cùng kỳ, 0 dòng khớp chỉ số (100 + mức tăng), 4 dòng không khớp cách nào",
     [], (20, 21, 22, 23), [(EXPORTS, 20), (BUDGET, 21), (RETAIL, 22), (TOURISM, 23)]),
])
def test_a_so_cung_ky_column_is_read_as_the_change_or_the_index_as_a_whole(tmp_path, printed, said, row_lines, stored, findings):
    rows = [(*row, change) for row, change in zip(CAN_THO_ROWS, printed)]
    path = workbook(tmp_path / "bao-cao-thang-11.xlsx", CAN_THO_TITLE, CAN_THO_TOP, CAN_THO_LOWER, rows)
    result, dataset = _imported(path, tmp_path / "out", "--name", "Kế hoạch năm 2026")
    column = [line for line in result.stderr.splitlines() if "cột 9" in line]
    if said is None:
        assert column == [], column
    else:  # one line for the column, at its header, then the rows it does not fit
        assert column[0].startswith("kpi: trang 'Biểu 01' dòng 5, cột 9: 'So sánh (%) So cùng kỳ'") and said in column[0], column
        assert len(column) == 1 + len(row_lines) and all(want in line for want, line in zip(row_lines, column[1:])), column
    ids = [row.indicator for row in dataset.plans["annual-2026"].rows]
    assert ids == [EXPORTS, BUDGET, RETAIL, TOURISM]
    assert tuple(dataset.published_months[i]["annual-2026"][0].change_pct for i in ids) == stored
    audit = json.loads(kpi("audit", "--data-dir", str(tmp_path / "out"), "--json").stdout)
    assert [(f["id"], f["published"]) for f in audit["findings"] if f["field"].startswith("change_pct")] == findings


@pytest.mark.parametrize("printed, said, stored", [
    # no last year's column: no row recomputed, the figures tell — all between 50 and 200 is the
    # index (+110 % in every row is implausible), said once for the column, kept as the change
    (("110,62", "111,63", "111,0", "113,35"),
     INDEX_SAID + ": không dòng nào trong 4 dòng tính lại được từ số liệu đã đọc, và mọi số (110,62 đến 113,35) đều trong khoảng 50 đến 200",
     (10.62, 11.63, 11, 13.35)),
    (("10,62", "11,63", "-2,5", "13,35"), None, (10.62, 11.63, -2.5, 13.35)),  # all within ±50: the change, nothing said
    # some of each, or beyond both: cannot be told, said once naming the column, kept as printed
    (("10,62", "111,63", "11,01", "113,35"), "'So sánh (%) So cùng kỳ': không dòng nào trong 4 dòng tính lại được từ số liệu đã đọc, và các số (10,62 đến 113,35)",
     (10.62, 111.63, 11.01, 113.35)),
    (("310", "250", "300", "290"), "không biết cột ghi theo cách nào", (310, 250, 300, 290)),
])
def test_a_so_cung_ky_column_no_row_of_which_can_be_recomputed_is_told_by_its_figures_or_said(tmp_path, printed, said, stored):
    """README "So cùng kỳ: a change or an index": without last year's column nothing recomputes a
    row; an index is never stored as a change without a word."""
    drop = CAN_THO_TOP.index("Cùng kỳ năm 2025")
    top, lower = [h for i, h in enumerate(CAN_THO_TOP) if i != drop], [h for i, h in enumerate(CAN_THO_LOWER) if i != drop]
    rows = [(*(c for i, c in enumerate(row) if i != drop), change) for row, change in zip(CAN_THO_ROWS, printed)]
    path = workbook(tmp_path / "bao-cao-thang-11.xlsx", CAN_THO_TITLE, top, lower, rows)
    result, dataset = _imported(path, tmp_path / "out", "--name", "Kế hoạch năm 2026")
    column = [line for line in result.stderr.splitlines() if "cột 8" in line]
    if said is None:
        assert not any("So cùng kỳ' ghi chỉ số" in line or "không biết cột" in line for line in column), column
    else:  # one line for the column, at its header; its rows not said one by one
        assert len(column) == 1 and column[0].startswith("kpi: trang 'Biểu 01' dòng 5, cột 8: 'So sánh (%) So cùng kỳ'") and said in column[0], column
    ids = [row.indicator for row in dataset.plans["annual-2026"].rows]
    assert tuple(dataset.published_months[i]["annual-2026"][0].change_pct for i in ids) == stored


@pytest.mark.parametrize("fits, form", [
    ([{"change"}, {"change"}, set()], "change"),
    ([], "change"),  # nothing to tell by: as kpi computes it
    ([{"index"}, {"index"}, {"index"}], "index"),
    ([{"index"}, {"index"}, set()], "index"),
    ([{"index"}, set()], None),  # as many fitting neither as the index
    ([{"index"}, {"change"}], None),
    ([set(), set()], None),
])
def test_the_form_of_a_so_cung_ky_column(fits, form):
    assert import_month.change_form(fits) == form


@pytest.mark.parametrize("figures, form", [
    ((110.62, 108.4, 112.5), "index"), ((50, 200), "index"), ((10.62, -3.2, 49.9), "change"), ((), "change"),
    ((10.62, 110.62), None), ((250, 300), None), ((-60, 10), None),
])
def test_the_form_of_a_so_cung_ky_column_no_row_of_which_is_recomputed(figures, form):
    assert import_month.change_form([], figures) == form
    assert import_month.change_form([{"change"}], figures) == "change"  # a row recomputed decides, not the figures


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("verdict", ["on_course", "behind", "achieved", "missed", "no_data"])
def test_kpis_own_month_verdict_words_are_read_as_they_are(verdict, lang):
    from soctrang_kpi.messages import section

    label = section("month_verdict")[verdict][lang]
    assert import_month.verdict_of(label) == verdict and import_month.own_verdict(label) == verdict
    assert import_month.verdict_of(section("word")["month_unknown_meaning"][lang]) == "no_data"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("said", ["month_unknown_meaning", "month_share_not_known"])
def test_kpis_own_cells_without_a_verdict_are_read_as_no_data(said, lang):
    """ "Chưa tính được tỷ lệ trong kỳ" (a share of another without the share of the period), as
    its monthly report prints it, is read back as a row without data, never "not understood"."""
    from soctrang_kpi.messages import section

    label = section("word")[said][lang]
    assert import_month.verdict_of(label) == "no_data" and import_month.own_verdict(label) == "no_data"


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_kpis_own_monthly_report_read_as_its_table_alone(tmp_path, suffix):
    """--table-only on kpi's own monthly report: its verdict words read, its plan's name without
    the period its title adds, and a plan computed from a growth ("tăng 10 %" of last year's
    5.000, printed 5.500) said to be read as a level, never silently another kind."""
    from ..conftest import ROOT

    example = ROOT / "docs" / "example-periods"
    exported = tmp_path / f"bao-cao.{suffix}"
    assert kpi("export", "--data-dir", str(example), "-o", str(exported)).exit_code == 0
    result, dataset = _imported(exported, tmp_path / "out", "--table-only")
    assert result.exit_code == 5, result.stderr
    assert "không hiểu đánh giá" not in result.stderr, result.stderr
    original, _ = load.read(example)
    (plan_id, plan), = original.plans.items()
    assert [p.name for p in dataset.plans.values()] == [plan.name]
    said = [line for line in result.stderr.splitlines() if "chỉ theo bảng in (--table-only)" in line]
    assert len(said) == 1 and "các dòng 1, 2, 4, 5, 6 " in said[0], result.stderr
    row = next(r for r in dataset.plans[next(iter(dataset.plans))].rows if r.no == "4")
    assert row.target.kind is Kind.LEVEL and row.target.value == 5500


def _edit_docx_cell(path: Path, old: str, new: str) -> None:
    document = docx.Document(str(path))
    cells = [c for row in document.tables[0].rows for c in row.cells if c.text == old]
    assert cells, old
    paragraph = cells[0].paragraphs[0]
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = new
    document.save(str(path))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_a_cell_of_kpis_own_monthly_report_changed_in_its_table_is_named_and_the_data_kept(tmp_path, suffix, lang):
    """kpi's own monthly report comes back from the data it carries, its table being a view: a
    cell the office changed in the table (the lũy kế of row 1: 525 → 530) is named with what it
    prints and what the data gives, and the data's value kept (exit 5), never passed over with a
    general word; the cells left as they were say nothing."""
    from ..conftest import ROOT

    exported = tmp_path / f"bao-cao.{suffix}"
    assert kpi("export", "--data-dir", str(ROOT / "docs" / "example-periods"), "-o", str(exported), "--lang", lang).exit_code == 0
    untouched, _dataset = _imported(exported, tmp_path / "same")
    assert untouched.exit_code == 0, untouched.stderr
    if suffix == "xlsx":
        book = openpyxl.load_workbook(exported)
        sheet = book.worksheets[0]
        cell = next(c for row in sheet.iter_rows() for c in row if c.value == 525)
        cell.value = 530
        book.save(exported)
        printed, where = "530", f"row {cell.row}, column {cell.column}"
    else:
        _edit_docx_cell(exported, "525*", "530*")
        printed, where = "'530*'", "table 1 row 2, column 6"
    result = kpi_en("import", str(exported), "-o", str(tmp_path / "out"))
    assert result.exit_code == 5, result.stderr
    header = "'Lũy kế 6 tháng'" if lang == "vi" else "'6 months to date'"
    said = [line for line in result.stderr.splitlines() if "the table was changed after the export" in line]
    assert len(said) == 1 and where in said[0], result.stderr
    assert f"{header} prints {printed}, but the data the file carries gives 525:" in said[0], said
    dataset, _warnings = load.read(tmp_path / "out")
    (value,) = [p.value for p in dataset.periods["exports"] if p.period.ytd and p.period.key == "2024-06"]
    assert value == 525


AT_MOST_TARGETS = """schema_version: 1
indicators:
  - {id: accidents, name: Nợ đọng thuế, name_en: Tax arrears, unit: Tỷ đồng, unit_en: billion VND}
  - {id: exports, name: Kim ngạch xuất khẩu, name_en: Exports, unit: Triệu USD, unit_en: million USD}
plans:
  - id: kh-2026
    name: Kế hoạch năm 2026 thành phố Cần Thơ
    name_en: Can Tho plan 2026
    base_year: 2025
    target_year: 2026
    targets:
      - {indicator: accidents, number: "1", kind: level, direction: at_most, value: 300}
      - {indicator: exports, number: "2", kind: level, range: [4000, 4200]}
"""
AT_MOST_ACTUALS = """schema_version: 1
series:
  accidents:
    actual: {2025: 320, 2025-Q1: 80, 2025-Q2: 80, 2025-Q3: 80, 2025-Q4: 80, 2026-Q1: 70, 2026-Q2: 65, 2026-Q3: 60}
  exports:
    actual: {2025: 3600, 2025-Q1: 800, 2025-Q2: 900, 2025-Q3: 950, 2025-Q4: 950, 2026-Q1: 900, 2026-Q2: 1000, 2026-Q3: 1050}
"""


def _at_most_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    (data / "targets.yaml").write_text(AT_MOST_TARGETS, encoding="utf-8")
    (data / "actuals.yaml").write_text(AT_MOST_ACTUALS, encoding="utf-8")
    return data


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_kpis_own_monthly_report_read_as_its_table_alone_keeps_the_plans_wording(tmp_path, suffix, lang):
    """The workbook's "KH (ghi)" / "Plan (wording)" column beside "KH năm 2026" is a plan column
    too: its words give the direction ("≤ 300": at most) and the range ("4.000–4.200") as the Word
    table's one plan column does — read with --table-only, the xlsx and the docx give one plan."""
    exported = tmp_path / f"bao-cao.{suffix}"
    assert kpi("export", "--data-dir", str(_at_most_data(tmp_path)), "-o", str(exported), "--lang", lang).exit_code == 0
    result, dataset = _imported(exported, tmp_path / "out", "--table-only")
    assert result.exit_code in (0, 5), result.stderr
    (plan,) = dataset.plans.values()
    first, second = plan.rows
    assert (first.target.kind, first.target.direction.value, first.target.value, first.target.printed) == (Kind.LEVEL, "at_most", 300, "≤ 300")
    assert (second.target.value, second.target.upper) == (4000, 4200)
    assert second.target.printed == ("4.000–4.200" if lang == "vi" else "4,000–4,200")
    # what it says of the rows read as levels is what it did: their printed words kept
    said = [line for line in result.stderr.splitlines() if "(--table-only)" in line]
    assert len(said) == 1 and "các dòng 1, 2 được đọc là mức bằng kế hoạch đã in, giữ cách ghi nơi bảng có in" in said[0], result.stderr
    english = kpi_en("import", str(exported), "-o", str(tmp_path / "out-en"), "--table-only")
    assert "rows 1, 2 are read as levels of the plan printed, its words kept where the table prints them" in english.stderr, english.stderr


def _edit_month_cell(path: Path, old: str, new: str) -> None:
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path)
        cell = next(c for row in book.worksheets[0].iter_rows() for c in row if c.value == old)
        cell.value = new
        book.save(path)
        return
    document = docx.Document(str(path))
    cell = next(c for row in document.tables[0].rows for c in row.cells if c.text == old)
    cell.text = new
    document.save(str(path))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
@pytest.mark.parametrize("edit", ["wording", "verdict"])
def test_a_wording_or_a_verdict_changed_in_kpis_own_monthly_report_is_named(tmp_path, edit, suffix, lang):
    """kpi's own monthly report whose plan wording ("≤ 300" → "≥ 300") or verdict cell ("Đúng
    tiến độ" → "Chậm tiến độ") the office changed: named with its cell and both values, the
    data kept (exit 5) — not only the numeric cells are."""
    exported = tmp_path / f"bao-cao.{suffix}"
    assert kpi("export", "--data-dir", str(_at_most_data(tmp_path)), "-o", str(exported), "--lang", lang).exit_code == 0
    old, new = {"wording": ("≤ 300", "≥ 300"), "verdict": ({"vi": "Đúng tiến độ", "en": "On course"}[lang], {"vi": "Chậm tiến độ", "en": "Behind"}[lang])}[edit]
    _edit_month_cell(exported, old, new)
    result = kpi_en("import", str(exported), "-o", str(tmp_path / "out"))
    assert result.exit_code == 5, result.stderr
    said = [line for line in result.stderr.splitlines() if "the table was changed after the export" in line]
    assert len(said) == 1, result.stderr
    if edit == "wording":
        assert f"prints {new!r}, but the plan in the data the file carries is at most 300" in said[0], said
    else:
        assert f"prints {new!r}, but kpi's verdict from the data the file carries is {old!r}" in said[0], said
    (plan,) = load.read(tmp_path / "out")[0].plans.values()
    assert plan.rows[0].target.direction.value == "at_most"


@pytest.mark.parametrize("new", ["Theo Quyết định 999", ""])
@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_a_note_changed_in_kpis_own_monthly_report_is_named_and_the_datas_kept(tmp_path, suffix, new):
    """The "Ghi chú" cell of kpi's own monthly report, rewritten or cleared by the office: named
    with both notes, the data's note kept (exit 5), as every cell of a monthly report's table."""
    from ..output.test_row_notes import MONTH_NOTES, _month_noted

    exported = tmp_path / f"bao-cao.{suffix}"
    assert kpi("export", "--data-dir", str(_month_noted(tmp_path / "d")), "-o", str(exported)).exit_code == 0
    old = MONTH_NOTES["health-insurance"]
    _edit_month_cell(exported, old, new)
    result = kpi_en("import", str(exported), "-o", str(tmp_path / "out"))
    assert result.exit_code == 5, result.stderr
    said = [line for line in result.stderr.splitlines() if "the table was changed after the export" in line]
    assert len(said) == 1 and f"'Ghi chú' prints {repr(new) if new else '-'}, but the row's note in the data the file carries is {old!r}" in said[0], result.stderr
    (plan,) = load.read(tmp_path / "out")[0].plans.values()
    assert {row.indicator: row.target.note for row in plan.rows if row.target.note} == MONTH_NOTES


def investment_targets(unit: str, value: object) -> str:
    return plan_yaml(
        f"""
        {{id: grdp, name: Tổng sản phẩm trên địa bàn, unit: Nghìn tỷ đồng}}
        {{id: investment, name: Tổng vốn đầu tư toàn xã hội, unit: "{unit}"}}
        """,
        f"""
        {{indicator: grdp, number: "1", kind: level, value: 300}}
        {{indicator: investment, number: "2", kind: level, value: {value}}}
        """,
        end=2026, ident="kh-2026", name="Kế hoạch năm 2026",
    )
INVESTMENT_ACTUALS = """schema_version: 1
series:
  grdp:
    actual: {2025: 280, 2026-Q1: 70, 2026-Q2: 72}
  investment:
    actual: {2025: 38, 2026-Q1: 9, 2026-Q2: 10}
"""


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
@pytest.mark.parametrize("unit, value, hinted", [("%", 40, None), ("Nghìn tỷ đồng", 1234.5, "'1.234,5'")])
def test_a_percent_unit_rules_out_a_total_over_the_term_and_the_cell_is_quoted_as_printed(tmp_path, suffix, unit, value, hinted):
    """--table-only on kpi's own monthly report: "Tổng vốn đầu tư toàn xã hội" in "%" is a level
    (a share is no total over the period), not guessed cumulative from its name; in an amount's
    unit the guess is said quoting the cell as the table shows it — the xlsx's number cell as the
    docx prints it, '1.234,5', never '1234.5'."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "targets.yaml").write_text(investment_targets(unit, value), encoding="utf-8")
    (data / "actuals.yaml").write_text(INVESTMENT_ACTUALS, encoding="utf-8")
    exported = tmp_path / f"bao-cao.{suffix}"
    assert kpi("export", "--data-dir", str(data), "-o", str(exported)).exit_code == 0
    result, dataset = _imported(exported, tmp_path / "out", "--table-only")
    said = [line for line in result.stderr.splitlines() if "Tổng vốn đầu tư toàn xã hội" in line and "kind: cumulative" in line]
    row = next(r for r in next(iter(dataset.plans.values())).rows if r.no == "2")
    if hinted is None:
        assert row.target.kind is Kind.LEVEL and not said, result.stderr
    else:
        assert row.target.kind is Kind.CUMULATIVE and len(said) == 1 and f": {hinted} được đọc là" in said[0], said


@pytest.mark.parametrize("plan, quoted", [(52.5, "'52,5'"), (1234.5, "'1.234,5'"), ("52,5", "'52,5'")])
def test_a_target_guessed_from_the_name_is_quoted_as_the_table_shows_it(tmp_path, plan, quoted):
    """An office's workbook whose "Tổng vốn đầu tư toàn xã hội" plan is a number cell (52.5) is
    quoted as the table shows it, '52,5' — as a text cell is, as a Word table prints it — never
    Python's '52.5'."""
    rows = [(1, "Tổng vốn đầu tư toàn xã hội", "Nghìn tỷ đồng", plan, 3, 21, 19, 40, 10.53), (2, "Kim ngạch xuất khẩu", "Triệu USD", "1.750", 95, 525, 448.8, 30, 16.98)]
    path = workbook(tmp_path / "bao-cao.xlsx", GIA_LAI_TITLE, GIA_LAI_TOP, GIA_LAI_LOWER, rows)
    result = kpi("import", str(path), "-o", str(tmp_path / "out"))
    said = [line for line in result.stderr.splitlines() if "kind: cumulative" in line]
    assert len(said) == 1 and f": {quoted} được đọc là tổng cộng dồn" in said[0], result.stderr


@pytest.mark.parametrize("lang, name", [("en", "Can Tho plan 2026"), ("vi", "Kế hoạch năm 2026 thành phố Cần Thơ")])
@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_kpis_own_monthly_report_gives_the_plans_name_from_its_title_in_either_language(tmp_path, suffix, lang, name):
    """--table-only: the title "Can Tho plan 2026 — September 2026" of an English export names the
    plan as the Vietnamese one does (what stands before the period kpi adds), not a name made up
    and said as a guess."""
    exported = tmp_path / f"bao-cao.{suffix}"
    assert kpi("export", "--data-dir", str(_at_most_data(tmp_path)), "-o", str(exported), "--lang", lang).exit_code == 0
    result, dataset = _imported(exported, tmp_path / "out", "--table-only")
    assert [p.name for p in dataset.plans.values()] == [name]
    assert "--name" not in result.stderr, result.stderr


#: an office's monthly report in English and its Vietnamese twin: each row names its kind in its own language
ENGLISH_TITLE = ["GIA LAI PEOPLE'S COMMITTEE", "ESTIMATED RESULTS OF JUNE AND THE FIRST 6 MONTHS OF 2026"]
ENGLISH_TOP = ["No", "Indicator", "Unit", "Plan 2026", "Actual", None, "Same period 2025", "Compared (%)", None]
ENGLISH_LOWER = [None, None, None, None, "June", "6 months to date", None, "% of year plan", "vs last year"]
TWIN_ROWS = [  # (English name, unit), (Vietnamese name, unit), figures
    (("GRDP growth", "%"), ("Tốc độ tăng trưởng GRDP", "%"), (8, 7.5, 7.6, 7.2, None, None)),
    (("Export turnover", "million USD"), ("Kim ngạch xuất khẩu", "Triệu USD"), (750, 95, 525, 448.8, 70, 16.98)),
    (("Average income per capita", "million VND"), ("Thu nhập bình quân đầu người", "Triệu đồng"), (80, 6.5, 38, 35, 47.5, 8.57)),
    (("Total social investment over 5 years", "billion VND"), ("Tổng vốn đầu tư 5 năm", "Tỷ đồng"), (50000, 4000, 22000, 20000, 44, 10)),
    (("Health insurance coverage rate", "%"), ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%"), (95, 93.4, 93.4, 91.8, 98.32, 1.74)),
]


def test_an_english_monthly_reports_rows_take_the_kinds_their_vietnamese_names_give(tmp_path):
    """"GRDP growth" is "Tốc độ tăng trưởng GRDP": a growth, not a level whose lũy kế differs
    from its month; "Total social investment over 5 years" a total over the term, as "Tổng vốn
    đầu tư 5 năm" is — an English table's names read by the same word tables (core/kinds.py)."""
    kinds = {}
    for lang, title, top, lower in (("en", ENGLISH_TITLE, ENGLISH_TOP, ENGLISH_LOWER), ("vi", GIA_LAI_TITLE, GIA_LAI_TOP, GIA_LAI_LOWER)):
        rows = [(no, *names[0 if lang == "en" else 1], *figures) for no, (*names, figures) in enumerate(TWIN_ROWS, start=1)]
        path = workbook(tmp_path / f"report-{lang}.xlsx", title, top, lower, rows)
        result, dataset = _imported(path, tmp_path / f"out-{lang}")
        assert result.exit_code == 5, result.stderr  # the plan's name is guessed
        assert "lũy kế là giá trị cuối tháng" not in result.stderr and "lũy kế của một chỉ tiêu mức" not in result.stderr, result.stderr
        kinds[lang] = [row.target.kind for row in next(iter(dataset.plans.values())).rows]
    assert kinds["en"] == kinds["vi"] == [Kind.GROWTH, Kind.LEVEL, Kind.LEVEL, Kind.CUMULATIVE, Kind.LEVEL], kinds


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_a_changed_plan_cell_of_kpis_own_monthly_report_points_to_targets_yaml(tmp_path, suffix, lang):
    """The year's plan ("KH năm 2026": 4.000 → 4.100) lives in targets.yaml: its changed cell is
    named with the data's plan and targets.yaml to change it, never actuals.yaml or kpi record,
    which hold and write the months' values."""
    exported = tmp_path / f"bao-cao.{suffix}"
    assert kpi("export", "--data-dir", str(_at_most_data(tmp_path)), "-o", str(exported), "--lang", lang).exit_code == 0
    if suffix == "xlsx":
        _edit_month_cell_number(exported, 4000, 4100)
    else:
        _edit_month_cell(exported, {"vi": "4.000–4.200", "en": "4,000–4,200"}[lang], {"vi": "4.100–4.200", "en": "4,100–4,200"}[lang])
    for ui, run in (("vi", kpi), ("en", kpi_en)):
        result = run("import", str(exported), "-o", str(tmp_path / f"out-{ui}"))
        assert result.exit_code == 5, result.stderr
        said = [line for line in result.stderr.splitlines() if "4100" in line.replace(".", "").replace(",", "")]
        assert len(said) == 1, result.stderr  # one cell changed: named once
        assert "targets.yaml" in said[0] and "actuals.yaml" not in said[0] and "kpi record" not in said[0], said


def _edit_month_cell_number(path: Path, old: float, new: float) -> None:
    book = openpyxl.load_workbook(path)
    cell = next(c for row in book.worksheets[0].iter_rows() for c in row if c.value == old)
    cell.value = new
    book.save(path)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_kpis_own_monthly_ranges_read_with_table_only_take_their_direction_from_the_table(tmp_path, suffix, lang):
    """--table-only: a ceiling range ("280–300" of tax arrears, at_most in the data) prints no
    direction; its "% KH năm" is a ceiling's, so it is read as one, and said with its cell; the
    floor range ("4.000–4.200" of exports) is read as it reads, nothing said of it."""
    data = _at_most_data(tmp_path)
    targets = (data / "targets.yaml").read_text(encoding="utf-8").replace("direction: at_most, value: 300", "direction: at_most, range: [280, 300]")
    (data / "targets.yaml").write_text(targets, encoding="utf-8")
    exported = tmp_path / f"bao-cao.{suffix}"
    assert kpi("export", "--data-dir", str(data), "-o", str(exported), "--lang", lang).exit_code == 0
    result, dataset = _imported(exported, tmp_path / "out", "--table-only")
    (plan,) = dataset.plans.values()
    first, second = plan.rows
    assert (first.target.direction.value, first.target.value, first.target.upper) == ("at_most", 280, 300), result.stderr
    assert (second.target.direction.value, second.target.value, second.target.upper) == ("at_least", 4000, 4200), result.stderr
    said = [line for line in result.stderr.splitlines() if "(--table-only) cũng không in chiều" in line]
    assert len(said) == 1 and "là của mức trần" in said[0] and "đọc là direction: at_most" in said[0], result.stderr


def test_kpis_own_monthly_ranges_read_with_table_only_are_loaded_as_checked(tmp_path, monkeypatch):
    """--table-only: the ranges' directions and the report's percentages are compared against the
    files as ``checked_loaded`` loaded them (load_written), never parsed again from their text —
    once as read, once with a range's direction written (import_verdicts.range_directions), where
    each was loaded twice more (load_texts)."""
    data = _at_most_data(tmp_path)
    targets = (data / "targets.yaml").read_text(encoding="utf-8").replace("direction: at_most, value: 300", "direction: at_most, range: [280, 300]")
    (data / "targets.yaml").write_text(targets, encoding="utf-8")
    exported = tmp_path / "bao-cao.xlsx"
    assert kpi("export", "--data-dir", str(data), "-o", str(exported)).exit_code == 0
    parsed, written = [], []
    monkeypatch.setattr(load, "load_texts", lambda *a, _load=load.load_texts, **k: parsed.append(1) or _load(*a, **k))
    monkeypatch.setattr(load, "load_written", lambda *a, _load=load.load_written, **k: written.append(1) or _load(*a, **k))
    result = kpi("import", str(exported), "-o", str(tmp_path / "out"), "--table-only")
    assert result.exit_code in (0, 5), result.stderr
    assert (parsed, written) == ([], [1, 1]), result.stderr
    assert "đọc là direction: at_most" in result.stderr, result.stderr  # the range still read as the table says
@pytest.mark.parametrize("title", [
    "Can Tho plan 2026 — September 2026", "Can Tho plan 2026 — month 9/2026",  # an English export's, now and before 0.3
    "Can Tho plan 2026 — tháng 9/2026", "Can Tho plan 2026 — quarter III/2026", "Can Tho plan 2026 — quý III/2026",
    "Can Tho plan 2026 — Q3 2026",  # an English export's quarter, now ("quarter III/2026" before)
])
def test_the_period_kpi_adds_to_its_title_is_not_the_plans_name(title):
    from soctrang_kpi.files.import_month import _without_period

    assert _without_period(title) == "Can Tho plan 2026"
    assert _without_period("Can Tho plan — 2026") == "Can Tho plan — 2026"  # a year alone is the name's
def test_kpis_own_monthly_report_is_loaded_once_and_its_edited_cells_still_named(tmp_path, monkeypatch):
    """kpi's own monthly report read from the data it carries: that data is checked as the files
    it writes read back (load_written) and its table's cells compared against the dataset so
    loaded, not the files parsed again from their text (load_texts: twice the load of the data,
    issue 27); a cell the office changed is still named, and the files read back as written."""
    from openpyxl import load_workbook

    from ..conftest import ROOT

    exported = tmp_path / "bao-cao.xlsx"
    assert kpi("export", "--data-dir", str(ROOT / "docs" / "example-periods"), "-o", str(exported)).exit_code == 0
    book = load_workbook(exported)
    sheet = book.worksheets[0]
    edited = next(
        cell for row in sheet.iter_rows(min_row=6) for cell in row
        if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool) and cell.value > 10
    )
    edited.value = edited.value * 3 + 1
    book.save(tmp_path / "sua.xlsx")
    parsed, written = [], []
    monkeypatch.setattr(load, "load_texts", lambda *a, _load=load.load_texts, **k: parsed.append(1) or _load(*a, **k))
    monkeypatch.setattr(load, "load_written", lambda *a, _load=load.load_written, **k: written.append(1) or _load(*a, **k))
    result = kpi("import", str(tmp_path / "sua.xlsx"), "-o", str(tmp_path / "out"))
    assert result.exit_code in (0, 5), result.stderr
    assert (parsed, written) == ([], [1])
    assert "bảng đã bị sửa sau khi xuất" in " ".join(result.stderr.split()), result.stderr
    monkeypatch.undo()
    dataset, _warnings = load.read(tmp_path / "out")
    original, _warnings = load.read(ROOT / "docs" / "example-periods")
    assert _month_figures(dataset) == _month_figures(original)  # the data, not the edited table


@pytest.mark.parametrize(
    "run, said",
    [
        (kpi, "dòng 5, cột 4: 'Trong đó: giá trị sản xuất công nghiệp' được đọc là một phần của 'Tốc độ tăng trưởng GRDP' ở trên,"
              " với cùng loại mục tiêu (growth), nhưng đơn vị 'Tỷ đồng' không phải đơn vị của dòng đó ('%')"),
        (kpi_en, "row 5, column 4: 'Trong đó: giá trị sản xuất công nghiệp' is read as a part of 'Tốc độ tăng trưởng GRDP' above it,"
                 " and as a target of its kind (growth), but its unit 'Tỷ đồng' is not that row's ('%')"),
    ],
)
def test_a_sub_row_in_another_unit_than_its_parents_is_said_as_the_yearly_import_says_it(tmp_path, run, said):
    """A sub-row takes its parent's kind (import_table.row_kinds); one whose unit is not the
    parent's may measure something else, said at its target cell — the monthly import said nothing."""
    path = workbook(
        tmp_path / "thang-6.xlsx",
        ["BÁO CÁO THỰC HIỆN THÁNG 6 NĂM 2026"],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện tháng 6", "Lũy kế 6 tháng"],
        None,
        [(1, "Tốc độ tăng trưởng GRDP", "%", "Tăng 8%", 7.5, 7.8), (None, "Trong đó: giá trị sản xuất công nghiệp", "Tỷ đồng", "12.000", 900, 5000)],
    )
    result = run("import", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 5, result.stderr
    assert said in result.stderr, result.stderr
