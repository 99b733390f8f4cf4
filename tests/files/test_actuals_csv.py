"""actuals.csv beside or instead of actuals.yaml: the same checks, one line per problem with the
file's line, the indicator and the column (README "Territory")."""

import shutil

import pytest

from soctrang_kpi.errors import DataError
from soctrang_kpi.files import actuals_csv, load
from soctrang_kpi.core.model import Point, PointStatus

from ..conftest import ROOT

EXAMPLE = ROOT / "docs" / "example-territory"
HEADER = "indicator,area,period,value,status,note\n"


@pytest.fixture
def example(tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    return tmp_path


def test_values_beside_actuals_yaml(example):
    (example / "actuals.csv").write_text(
        HEADER + "budget-revenue,xa-vi-thuy,2027,99.5,estimate,Cục Thống kê\nbudget-revenue,,2027,36100,actual,\n"
        "budget-revenue,can-tho,2028,37000,plan,\nretail,,2026-06,525,estimate,\n".replace("retail", "budget-revenue"),
        encoding="utf-8",
    )
    data, warnings = load.read(example)
    commune = {p.year: p for p in data.by_area["xa-vi-thuy"]["budget-revenue"]}
    assert commune[2027].value == 99.5 and commune[2027].status is PointStatus.ESTIMATE and commune[2027].note == "Cục Thống kê"
    assert commune[2026].value == 92  # actuals.yaml's stay
    city = {p.year: p for p in data.series["budget-revenue"]}
    assert city[2027].value == 36100 and city[2028].status is PointStatus.PLAN  # "can-tho" is the territory
    assert [p.period.key for p in data.periods["budget-revenue"]] == ["2026-06"]


def test_instead_of_actuals_yaml(example):
    (example / "actuals.yaml").unlink()
    (example / "actuals.csv").write_text(HEADER + "grdp,soc-trang,2020,34500,actual,\n", encoding="utf-8")
    data, _warnings = load.read(example)
    assert data.series == {} and data.by_area["soc-trang"]["grdp"][0].value == 34500


def test_a_bom_and_crlf_as_spreadsheets_write_them(example):
    (example / "actuals.csv").write_bytes(("\ufeff" + HEADER + "budget-revenue,xa-vi-thuy,2027,99.5,estimate,\n").replace("\n", "\r\n").encode())
    data, _warnings = load.read(example)
    assert data.by_area["xa-vi-thuy"]["budget-revenue"][-1].value == 99.5


@pytest.mark.parametrize(
    "row, vi, en",
    [
        ("budget-revenue,,2027,41.200,estimate,", "actuals.csv:2: budget-revenue value: 41.200 đọc được hai cách", "41.200 reads two ways"),
        ("budget-revenue,,2027,\"5,76\",estimate,", "actuals.csv:2: budget-revenue value: cần một số, gặp '5,76' (hãy viết 5.76)", "expected a number, found '5,76' (use 5.76)"),
        ("budget-revenue,,2027,nan,estimate,", "actuals.csv:2: budget-revenue value:", "nan"),
        ("budget-revenue,xa-moi,2027,1,estimate,", "actuals.csv:2: budget-revenue area: không có đơn vị hành chính nào có mã 'xa-moi'", "no area has the id 'xa-moi'"),
        ("gdp,,2027,1,estimate,", "actuals.csv:2: gdp indicator:", "targets.yaml does not define"),
        ("budget-revenue,,2027,1,chinh-thuc,", "actuals.csv:2: budget-revenue status: cần một trong các giá trị actual", "expected one of actual, preliminary, estimate, plan"),
        ("budget-revenue,,27,1,actual,", "actuals.csv:2: budget-revenue period: cần một năm (2026), một tháng (2026-06) hoặc một quý (2026-Q2), gặp \"27\"", "expected a year (2026), a month (2026-06) or a quarter (2026-Q2), found \"27\""),
        ("budget-revenue,,2026,1,actual,", "actuals.csv:2: budget-revenue period: 2026 cũng có trong actuals.yaml:15: chỉ nhập ở một tệp", "2026 is also given in actuals.yaml:15"),
        ("budget-revenue,,2027,1,actual", "actuals.csv:2: cần 6 ô như dòng tiêu đề, gặp 5", "expected 6 cells as in the header, found 5"),
        ("budget-revenue,,2026-06,1,plan,", "actuals.csv:2: budget-revenue period:", "a month or a quarter"),
    ],
)
def test_bad_rows_say_file_line_indicator_and_column(example, row, vi, en, monkeypatch):
    monkeypatch.chdir(example)  # the files named as run in the folder: "actuals.yaml:15"
    (example / "actuals.csv").write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load.read(example)
    (problem,) = err.value.problems
    assert vi in problem.render("vi") and en in problem.render("en")


def test_the_same_value_twice_names_both_lines(example):
    text = HEADER + "budget-revenue,xa-vi-thuy,2027,1,estimate,\n" + "budget-revenue,xa-vi-thuy,2027,2,estimate,\n"
    with pytest.raises(DataError) as err:
        actuals_csv.merge(load.read(example)[0], text)
    assert [p.render("en") for p in err.value.problems] == ["actuals.csv:3: budget-revenue period: the same value is given on line 2"]


def test_a_wrong_header_is_one_problem_on_line_1(example):
    with pytest.raises(DataError) as err:
        actuals_csv.merge(load.read(example)[0], "chi_tieu,don_vi,ky,gia_tri\n1,2,3,4\n")
    (problem,) = err.value.problems
    assert problem.line == 1 and "indicator,area,period,value,status,note" in problem.render("en")


def test_a_precise_indicator_reads_three_decimals(tmp_path):
    (tmp_path / "targets.yaml").write_text(
        "schema_version: 1\nindicators:\n  - {id: hdi, name: HDI, precision: 3}\nplans: []\n", encoding="utf-8"
    )
    (tmp_path / "actuals.csv").write_text(HEADER + "hdi,,2025,0.745,estimate,\nhdi,,2026,1.125,estimate,\n", encoding="utf-8")
    data, _warnings = load.read(tmp_path)
    assert [p.value for p in data.series["hdi"]] == [0.745, 1.125]


@pytest.mark.parametrize("text", [HEADER + "budget-revenue,,2027,1\x00,estimate,\n", HEADER + "budget-revenue,,2027," + "9" * 200_000 + ",estimate,\n"])
def test_hostile_files_are_problems_not_tracebacks(example, text):
    with pytest.raises(DataError) as err:
        actuals_csv.merge(load.read(example)[0], text)
    assert err.value.problems and all(p.file == "actuals.csv" and p.line >= 1 for p in err.value.problems)


def test_a_year_outside_every_plan_is_a_warning_on_its_line(example):
    # (the roadmap's values: an estimate of a year not begun would be warned about as well)
    text = HEADER + "budget-revenue,xa-vi-thuy,2027,1,plan,\n" + "budget-revenue,xa-long-phu,2040,2,plan,\n"
    data, warnings = actuals_csv.merge(load.read(example)[0], text)
    assert [w.render("en") for w in warnings] == ["actuals.csv:3: warning: budget-revenue period: the year is outside every plan"]
    assert data.by_area["xa-long-phu"]["budget-revenue"][-1].year == 2040


def test_columns_in_another_order_and_without_note(example):
    text = "period,value,indicator,status,area\n2027,99.5,budget-revenue,estimate,xa-vi-thuy\n2027,36100,budget-revenue,actual,\n"
    data, _warnings = actuals_csv.merge(load.read(example)[0], text)
    assert data.by_area["xa-vi-thuy"]["budget-revenue"][-1] == Point(2027, 99.5, PointStatus.ESTIMATE, "")  # every field, as the constructor makes it
    assert data.series["budget-revenue"][-1].value == 36100


def test_beside_actuals_yaml_s_own_values_the_csv_s_are_read_fast_and_checked(example):
    """actuals.yaml has the city's 2025 and 2026 budget: the file's other years are taken, 2026 refused."""
    text = HEADER + "budget-revenue,,2027,36100,actual,\nbudget-revenue,can-tho,2026,1,actual,\n"
    with pytest.raises(DataError) as err:
        actuals_csv.merge(load.read(example)[0], text)
    assert [p.render("en") for p in err.value.problems] == ["actuals.csv:3: budget-revenue period: 2026 is also given in actuals.yaml: give it in one file"]


@pytest.mark.parametrize(
    "row, line",
    [
        ("budget-revenue,xa-vi-thuy,2026,95,estimate,", 60),  # an area's: areas: xa-vi-thuy: budget-revenue
        ("budget-revenue,can-tho,2025,1,actual,", 15),  # the territory, by its id
        ("budget-revenue,,2026-Q3,1,actual,", 16),  # a quarter
    ],
)
def test_a_value_given_in_both_files_names_actuals_yaml_s_line(example, row, line, monkeypatch):
    """README "Territory": a value given twice is an error naming the other line — actuals.yaml's
    too, where the value is written (found again only then), the file named as every problem names
    its own (relative to the folder run in)."""
    monkeypatch.chdir(example)
    yaml = example / "actuals.yaml"
    text = yaml.read_text(encoding="utf-8")
    written = "    estimate: {2025: 30100, 2026: 33200}\n"
    assert text.splitlines()[14] + "\n" == written
    yaml.write_text(text.replace(written, written + "    actual: {2026-Q3: 7900}\n"), encoding="utf-8")
    (example / "actuals.csv").write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load.read(example)
    (problem,) = [p for p in err.value.problems if not p.warning]
    ident, when = row.split(",")[0], row.split(",")[2]
    assert problem.render("en") == f"actuals.csv:2: {ident} period: {when} is also given in actuals.yaml:{line}: give it in one file"
    assert problem.render("vi") == f"actuals.csv:2: {ident} period: {when} cũng có trong actuals.yaml:{line}: chỉ nhập ở một tệp"

