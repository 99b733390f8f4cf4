"""The keys the files allow come from the model's fields (files/yaml_keys.py): a field added to a
record is a key of the file, a range and the printed number take the names people write."""

from soctrang_kpi.core.model import Indicator, Settings, Target
from soctrang_kpi.files import yaml_keys


def test_the_allowed_keys_are_the_models_fields():
    assert yaml_keys.INDICATOR == Indicator._fields
    assert yaml_keys.SETTINGS == Settings._fields
    row = yaml_keys.TARGET_ROW
    assert row[:2] == ("indicator", "number") and "range" in row and "upper" not in row
    assert set(Target._fields) - {"upper"} <= set(row)
