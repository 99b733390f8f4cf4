"""`kpi record`: one value into actuals.yaml, nothing lost, nothing half-written."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from soctrang_kpi.errors import UsageError
from soctrang_kpi.files import atomic, load
from soctrang_kpi.files.record import thousands_refused, typed_value
from soctrang_kpi.numbers import denoised, number

from ..conftest import ROOT, kpi, kpi_en


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_record_changes_one_value_and_keeps_every_other_byte(folder):
    before = _lines(folder / "actuals.yaml")
    result = kpi("record", "grassroots-party-good", "2023", "96.1", "--date", "2024-01-15", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    assert "grassroots-party-good 2023: - → 96,1 (thực hiện)" in result.stdout
    after = _lines(folder / "actuals.yaml")
    # beside the value, the day it was recorded (README "History of a value"), in the entry's style
    assert after.count("    recorded: {2023: 2024-01-15}") == 1
    after.remove("    recorded: {2023: 2024-01-15}")
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after)
    assert changed == [
        ("    actual: {2020: 94.40, 2021: 95.53, 2022: 95.95}", "    actual: {2020: 94.40, 2021: 95.53, 2022: 95.95, 2023: 96.1}")
    ]
    assert kpi("validate", "--data-dir", str(folder)).exit_code == 0


def test_an_existing_value_is_kept_without_force(folder):
    before = (folder / "actuals.yaml").read_bytes()
    result = kpi_en("record", "grdp-growth", "2023", "7.2", "--data-dir", str(folder))
    assert result.exit_code == 2
    assert "grdp-growth 2023 has 7.1 (estimate): say the status of the new value with --status (--status estimate keeps it" in result.stderr
    assert (folder / "actuals.yaml").read_bytes() == before
    result = kpi_en("record", "grdp-growth", "2023", "7.2", "--status", "estimate", "--data-dir", str(folder))
    assert result.exit_code == 2
    assert "already has 7.1 (estimate)" in result.stderr and "7.2 (estimate)" in result.stderr
    assert (folder / "actuals.yaml").read_bytes() == before


def test_force_turns_the_estimate_into_the_actual(folder):
    from ..cli.test_cli import _conforms, _schema

    result = kpi("record", "1", "2023", "7.25", "--force", "--status", "actual", "--data-dir", str(folder), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    _conforms(data, _schema("record"))
    assert data["old"] == {"year": 2023, "value": 7.1, "status": "estimate"}
    text = (folder / "actuals.yaml").read_text(encoding="utf-8")
    assert "    actual: {2020: 1.26, 2021: 2.49, 2022: 7.76, 2023: 7.25}\n    plan: {2024: 7.50" in text


def test_negative_values_and_a_new_status_map(folder):
    result = kpi("record", "industrial-production-index", "2026", "-2.5", "--status", "plan", "--any-year", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    assert "plan: {2024: 9.93, 2025: 20.32, 2026: -2.5}" in (folder / "actuals.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["grdp-growth", "2023", "nan"], 2, "expected a finite number"),
        (["grdp-growth", "1850", "7.25", "--any-year"], 2, "grdp-growth 1850: 7.25 cannot be recorded: expected a year from 1900 to 2200, found 1850"),
        (["grdp-growth", "2031", "7.25"], 2, "2031 is outside every plan's period (term-2020-2025 2020–2025, annual-2023 2022–2023); add --any-year"),
        (["no-such-thing", "2023", "1"], 2, "no indicator has the id or number"),
        # one separator before three digits reads two ways (README "Recording a value"): both named
        (["exports", "2023", "417.000"], 2, "'417.000' reads two ways, as a decimal and as thousands: write 417000 for 417 thousand, or 417.0 if you mean 417\n"),
        (["exports", "2023", "41,200"], 2, "'41,200' reads two ways, as a decimal and as thousands: write 41200 for 41.2 thousand, or 41.2 if you mean 41.2\n"),
        (["exports", "2023", "-1.500"], 2, "write -1500 for -1.5 thousand, or -1.5 if you mean -1.5"),
        # a decimal whose shortest writing is itself a thousands form: the hint that works
        (["exports", "2023", "10.004"], 2, "write 10004 for 10.004 thousand; for the decimal 10.004, give the indicator precision: 3 in targets.yaml, or write 10.0040"),
        (["exports", "2023", "10,004"], 2, "'10,004' reads two ways, as a decimal and as thousands: write 10004 for 10.004 thousand; for the decimal 10.004, give the"),
        # what no writing reads is refused as before, quoted as typed
        (["exports", "2023", "7,"], 2, "expected a number, found '7,'\n"),
        (["exports", "2023", "1.2.3"], 2, "expected a number, found '1.2.3'\n"),
        (["exports", "2023", " 7,85"], 2, "expected a number, found ' 7,85' (use 7.85)"),
        (["exports", "2023", "1.000.000.000.000.000"], 2, "expected a number below 1,000,000,000,000,000 in size, found '1.000.000.000.000.000'"),
    ],
)
def test_bad_records_write_nothing(folder, args, code, message):
    before = (folder / "actuals.yaml").read_bytes()
    result = kpi_en("record", *args, "--data-dir", str(folder))
    assert result.exit_code == code
    assert message in result.stderr
    assert (folder / "actuals.yaml").read_bytes() == before


def test_a_refusal_to_replace_speaks_vietnamese_words_and_numbers(folder):
    result = kpi("record", "exports", "2024", "1.6", "--data-dir", str(folder))
    assert result.exit_code == 2
    assert "(lộ trình); chạy lại với --force để thay bằng 1,6 (thực hiện)" in result.stderr
    assert "(plan)" not in result.stderr and "(actual)" not in result.stderr


def test_a_thousands_value_is_refused_in_vietnamese_too(folder):
    result = kpi("record", "exports", "2027", "417.000", "--any-year", "--data-dir", str(folder))
    assert result.exit_code == 2
    assert "'417.000' đọc được hai cách, số thập phân hoặc hàng nghìn: hãy viết 417000 nếu là 417 nghìn, hoặc 417,0 nếu là 417\n" in result.stderr
    result = kpi("record", "exports", "2027", "41,200", "--any-year", "--data-dir", str(folder))
    assert result.exit_code == 2
    assert "'41,200' đọc được hai cách, số thập phân hoặc hàng nghìn: hãy viết 41200 nếu là 41,2 nghìn, hoặc 41,2 nếu là 41,2\n" in result.stderr


@pytest.mark.parametrize(
    "typed, number, written",
    [
        ("7,85", "7,85", "7.85"),  # the decimal comma (--lang vi is the default)
        ("7,10", "7,10", "7.10"),  # its decimals kept as typed, in the file and the confirmation
        ("0,745", "0,745", "0.745"),  # 0 before a comma groups nothing: a decimal
        ("-2,5", "-2,5", "-2.5"),
        ("1.234.567,5", "1.234.567,5", "1234567.5"),  # thousands grouped with points, a decimal comma
        ("1.250.000", "1.250.000", "1250000"),  # two points group thousands: no decimal reads so
        ("417.000,0", "417.000,0", "417000.0"),  # said as written, its decimal too
        ("1,234.5", "1.234,5", "1234.5"),  # grouped the English way: read so, its only reading
        ("123.45", "123,45", "123.45"),  # as before
        ("-0", "0", "0"),  # a zero has no sign: written 0, never -0
        ("-0,00", "0,00", "0.00"),  # its decimals kept
    ],
)
def test_a_value_written_the_vietnamese_way_is_recorded_as_its_number(folder, typed, number, written):
    result = kpi("record", "exports", "2027", typed, "--any-year", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    assert f"exports 2027: - → {number} (thực hiện)" in result.stdout
    assert f"2022: 1.52, 2027: {written}}}" in (folder / "actuals.yaml").read_text(encoding="utf-8")
    dataset, _warnings = load.read(folder)
    assert [p.value for p in dataset.series["exports"] if p.year == 2027] == [float(written)]


#: one separator before exactly three digits: a decimal or thousands (README "Recording a value")
TWO_READINGS = r"-?[1-9][0-9]{0,2}[.,][0-9]{3}"


def _near(read: float, value: float, decimals: int) -> bool:
    """``read`` is ``value`` within the decimals it was printed with: ``value`` as it is or as the
    decimal it stands for, at 15 significant digits, which the formatter rounds (README "Within the
    year": 10.000.000.000.000,469 is 10.000.000.000.000,5 and a tie, so 10.000.000.000.001)."""
    slack = 0.5 * 10**-decimals + 1e-15 * abs(value)
    return abs(read - value) <= slack or abs(read - float(denoised(value))) <= slack


@settings(max_examples=1000, deadline=None)
@given(
    st.floats(min_value=-1e14, max_value=1e14, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(["vi", "en"]),
)
def test_a_number_the_formatter_writes_is_read_back_as_that_number(value, decimals, lang):
    """Any number as kpi's one formatter writes it (417.000 and 5,76 in Vietnamese) is read back by
    `kpi record` as that number, within its printed decimals; what reads two ways ("41.200": the
    Vietnamese 41200, or 41,2) is refused, and one of the two readings its message names is it."""
    import re

    text = number(value, lang, decimals)
    found = typed_value(text)
    if not re.fullmatch(TWO_READINGS, text):
        assert not found.ambiguous, text
        assert _near(found.number, value, decimals), (text, found)
        return
    assert found.ambiguous == text
    thousands = float(text.replace(".", "").replace(",", ""))
    assert _near(found.number, value, decimals) or _near(thousands, value, decimals), (text, found)
    said = str(thousands_refused(text).args[0])
    assert f"write {int(thousands)} for " in said and (" if you mean " in said or "for the decimal" in said), said


@settings(max_examples=15, deadline=None)
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False), st.integers(min_value=1, max_value=3))
def test_kpi_record_writes_the_number_a_vietnamese_value_is(value, decimals):
    """End to end: the value as the formatter writes it in Vietnamese, typed to `kpi record`,
    is the number in actuals.yaml."""
    import re
    import shutil
    import tempfile

    text = number(value, "vi", decimals)
    if re.fullmatch(TWO_READINGS, text):
        return  # refused: the test above
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("targets.yaml", "actuals.yaml"):
            shutil.copy(ROOT / name, Path(tmp) / name)
        result = kpi("record", "exports", "2027", text, "--any-year", "--data-dir", tmp)
        assert result.exit_code == 0, (text, result.stderr)
        dataset, _warnings = load.read(Path(tmp))
        recorded = [p.value for p in dataset.series["exports"] if p.year == 2027]
        assert len(recorded) == 1 and _near(recorded[0], value, decimals), (text, recorded)


def test_a_value_that_reads_two_ways_is_refused_naming_both_in_english_too():
    said = thousands_refused("41.200").args[0]
    assert said.render("en") == "'41.200' reads two ways, as a decimal and as thousands: write 41200 for 41.2 thousand, or 41.2 if you mean 41.2"
    assert said.render("vi") == "'41.200' đọc được hai cách, số thập phân hoặc hàng nghìn: hãy viết 41200 nếu là 41,2 nghìn, hoặc 41,2 nếu là 41,2"
    with pytest.raises(UsageError):
        typed_value("7,8,5")


def test_a_value_that_reads_two_ways_is_the_decimal_of_an_indicator_with_precision_3(folder):
    """precision: 3 says the values have three decimals: "41.200" is 41,2 there (as in
    actuals.yaml), and so is "41,200"."""
    targets = folder / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    targets.write_text(text.replace("  - id: exports\n", "  - id: exports\n    precision: 3\n"), encoding="utf-8")
    for year, typed in (("2027", "41,200"), ("2028", "41.200")):
        result = kpi_en("record", "exports", year, typed, "--any-year", "--data-dir", str(folder))
        assert result.exit_code == 0, result.stderr
        assert f"exports {year}: - → 41.200 (actual)" in result.stdout  # as written, precision 3
    assert "2022: 1.52, 2027: 41.200, 2028: 41.200}" in (folder / "actuals.yaml").read_text(encoding="utf-8")


def test_the_bundled_data_is_read_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KPI_DATA_DIR", raising=False)
    result = kpi_en("record", "grdp-growth", "2024", "7")
    assert result.exit_code == 2
    assert "read-only" in result.stderr


@pytest.mark.parametrize("fail_at", ["os.replace", "os.fsync"])
def test_a_crash_before_the_rename_leaves_the_old_file(folder, monkeypatch, fail_at):
    before = (folder / "actuals.yaml").read_bytes()
    module, name = fail_at.split(".")

    def crash(*args):
        raise OSError("simulated crash")

    monkeypatch.setattr(atomic.os, name, crash)
    result = kpi_en("record", "grassroots-party-good", "2023", "96.1", "--data-dir", str(folder))
    assert result.exit_code == 4
    assert "simulated crash; the file is unchanged" in result.stderr
    assert (folder / "actuals.yaml").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp")) == []


def test_crlf_and_bom_survive_a_record(folder):
    path = folder / "actuals.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert kpi("record", "grassroots-party-good", "2023", "96.1", "--data-dir", str(folder)).exit_code == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert b"2022: 95.95, 2023: 96.1}\r\n" in data


def _record_process(folder: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "soctrang_kpi", "record", *args, "--data-dir", str(folder)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_a_writer_waits_for_the_lock(folder):
    path = folder / "actuals.yaml"
    with atomic.locked(path):
        writer = _record_process(folder, "grassroots-party-good", "2023", "96.1")
        time.sleep(1.0)
        assert writer.poll() is None  # still waiting
        assert b"2023: 96.1" not in path.read_bytes()
    assert writer.wait(timeout=30) == 0, writer.stderr.read()
    assert b"2023: 96.1" in path.read_bytes()


def test_concurrent_writers_lose_no_update(folder):
    ids = ["grassroots-party-good", "party-member-good", "party-member-failed", "mass-organisations-good"]
    writers = [_record_process(folder, ident, "2023", str(90 + i)) for i, ident in enumerate(ids)]
    assert [w.wait(timeout=60) for w in writers] == [0] * len(ids), [w.stderr.read() for w in writers]
    text = (folder / "actuals.yaml").read_text(encoding="utf-8")
    for i, ident in enumerate(ids):
        block = text.split(f"  {ident}:\n", 1)[1].split("\n  ", 1)[0]
        assert f"2023: {90 + i}}}" in block, ident


def test_suggestions_rank_the_real_match_first_and_leave_out_unrelated_rows(folder):
    result = kpi_en("record", "thuy san", "2024", "1", "--data-dir", str(folder))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[1].strip() == "did you mean:" and "seafood-output" in lines[2]
    assert len(lines) <= 7
    nothing = kpi_en("record", "xyz-qqq", "2024", "1", "--data-dir", str(folder))
    assert nothing.exit_code == 2 and nothing.stderr.splitlines() == ["kpi: no indicator has the id or number 'xyz-qqq'"]
    typo = kpi_en("record", "grdp-grwth", "2024", "1", "--data-dir", str(folder)).stderr.splitlines()
    assert "grdp-growth" in typo[2] and len(typo) == 3


@pytest.mark.parametrize("written", ["{}\n", "{schema_version: 1}\n", "{schema_version: 1, series: {}}\n"])
def test_a_file_written_as_one_flow_mapping_takes_its_first_series(folder, written):
    """`{}` and its like: the series goes into the mapping (it was appended after it, a second
    node no YAML reads, and kpi record ended in an internal error)."""
    (folder / "actuals.yaml").write_text(written, encoding="utf-8")
    result = kpi("record", "grdp-growth", "2021", "7.5", "--any-year", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    shown = kpi("show", "grdp-growth", "--json", "--data-dir", str(folder))
    assert shown.exit_code == 0, shown.stderr
    assert {"year": 2021, "value": 7.5} in [{k: p[k] for k in ("year", "value")} for p in json.loads(shown.stdout)["series"]]


@pytest.mark.parametrize("area, within, key", [("xa-1", "", 2021), ("", "ytd", "2026-06")])
def test_a_flow_mapping_file_takes_a_first_area_or_ytd(area, within, key):
    import yaml

    from soctrang_kpi.core.model import PointStatus
    from soctrang_kpi.files import splice

    text = splice.set_value("{}\n", "x", key, "7.5", PointStatus.ACTUAL, within, area)
    held = yaml.safe_load(text)
    entry = held["areas"][area]["x"] if area else held["series"]["x"][within]
    assert list(entry["actual"].values()) == [7.5]


def test_the_written_out_decimal_a_thousands_hint_offers_is_recorded(folder):
    """What the hint for '10.004' says to write is taken, as 10,004: in Vietnamese 10,0040, in
    English 10.0040."""
    result = kpi("record", "exports", "2023", "10.004", "--data-dir", str(folder))
    assert result.exit_code == 2 and "hoặc viết 10,0040\n" in result.stderr
    result = kpi("record", "exports", "2027", "10,0040", "--any-year", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    result = kpi_en("record", "exports", "2028", "10.0040", "--any-year", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    assert "2027: 10.0040, 2028: 10.0040}" in (folder / "actuals.yaml").read_text(encoding="utf-8")
