"""Every number a message says is written the language's way (numbers.py, through Num): a file's
size in Vietnamese is 141.401.037 byte, as the long-line message writes 1.200.002 — never
Python's English 141,401,037."""

from soctrang_kpi.errors import DataError
from soctrang_kpi.files import regular, yamlio


def test_a_file_too_large_says_its_size_the_languages_way(tmp_path, monkeypatch):
    big = tmp_path / "actuals.yaml"
    big.write_bytes(b"#" * 1_234_567)
    monkeypatch.setattr(yamlio, "MAX_BYTES", 1_000_000)
    for read in (lambda: regular.read(big, "actuals.yaml", 1_000_000), lambda: yamlio.decode("actuals.yaml", big.read_bytes())):
        try:
            read()
        except DataError as err:
            assert err.problems[0].render("vi").endswith("tệp có 1.234.567 byte; giới hạn là 1.000.000")
            assert err.problems[0].render("en").endswith("the file is 1,234,567 bytes; the limit is 1,000,000")
        else:
            raise AssertionError("not refused")


def test_a_byte_that_is_not_utf8_says_its_offset_the_languages_way():
    try:
        yamlio.decode("actuals.yaml", b"#" * 1_200_002 + b"\xff")
    except DataError as err:
        assert "ở vị trí 1.200.002" in err.problems[0].render("vi")
    else:
        raise AssertionError("not refused")
