"""The two readers of `kpi import` (import_xlsx, import_docx): an office file as grids of cells,
and the data a kpi export carries, read back from the file kpi wrote."""

import pytest

from soctrang_kpi.files import import_docx, import_xlsx

from ..conftest import kpi


@pytest.mark.parametrize(("reader", "suffix"), [(import_xlsx, "xlsx"), (import_docx, "docx")])
def test_an_export_reads_back_as_a_grid_with_its_data(tmp_path, reader, suffix):
    path = tmp_path / f"phu-luc.{suffix}"
    assert kpi("export", "-o", str(path)).exit_code == 0
    grids, data = reader.grids(path)
    texts = {str(cell) for grid in grids for row in grid.rows for cell in row if cell is not None}
    assert any("Sản lượng thuỷ, hải sản" in t for t in texts)
    assert data is not None and "seafood-output" in data
