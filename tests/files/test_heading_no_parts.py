"""A composition (or a group) whose parts were not linked — `parent:` forgotten — would be shown
"Chưa có số liệu" with its parts counted as indicators of their own: the loader warns, naming the
file, the line of the heading's row, the indicator and its kind, in Vietnamese and English."""

import pytest

from soctrang_kpi.files import load
from tests.conftest import kpi, kpi_en, plan_yaml

TARGETS = plan_yaml(
    """
    {{id: structure, name: Cơ cấu kinh tế, unit: "%"}}
    {{id: agri, name: Nông nghiệp, unit: "%"{parent}}}
    {{id: other, name: Phi nông nghiệp, unit: "%"{parent}}}
    """,
    """
    {{indicator: structure, number: "1", kind: {kind}}}
    {{indicator: agri, number: "1.1", kind: level, value: 30}}
    {{indicator: other, number: "1.2", kind: level, value: 70}}
    """,
    2025, 2026, "annual-2026", "Kế hoạch năm 2026",
)
ACTUALS = "schema_version: 1\nseries: {}\n"


def folder_of(tmp_path, parent: str, kind: str = "composition"):
    (tmp_path / "targets.yaml").write_text(TARGETS.format(parent=parent, kind=kind), encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize("kind", ["composition", "group"])
def test_a_heading_without_parts_is_warned_at_its_row(tmp_path, kind):
    _dataset, warnings = load.load_texts(TARGETS.format(parent="", kind=kind), ACTUALS)
    found = [w for w in warnings if w.indicator == "structure"]
    assert len(found) == 1 and found[0].field == "kind" and found[0].warning
    line = TARGETS.format(parent="", kind=kind).splitlines().index(f"      - {{indicator: structure, number: \"1\", kind: {kind}}}") + 1
    path = folder_of(tmp_path, "", kind)
    en = kpi_en("validate", "--data-dir", path)
    assert en.exit_code == 0  # a warning: the data is still valid
    assert f"targets.yaml:{line}:" in en.stdout and f"structure kind: {kind} structure has no parts: no indicator says 'parent: structure'" in en.stdout
    vi = kpi("validate", "--data-dir", path)
    assert f"dòng tiêu đề structure (loại {kind}) không có chỉ tiêu thành phần" in vi.stdout


def test_a_heading_with_its_parts_linked_is_not_warned(tmp_path):
    _dataset, warnings = load.load_texts(TARGETS.format(parent=", parent: structure", kind="composition"), ACTUALS)
    assert not [w for w in warnings if w.indicator == "structure"]
    assert "structure" not in kpi_en("validate", "--data-dir", folder_of(tmp_path, ", parent: structure")).stdout
