"""The JSON of each command (output/payloads.py): an indicator object has every documented field,
in machine codes, with its label in the language asked for."""

from soctrang_kpi.core.audit import dated_audit
from soctrang_kpi.output import payloads
from soctrang_kpi.output.labels import Lang


def test_an_indicator_object_and_the_status_payload(term, dataset):
    r = term.find("seafood-output")
    one = payloads.indicator_json(r, (), Lang.EN, 2)
    assert (one["id"], one["no"], one["kind"], one["status"], one["target"]) == ("seafood-output", "5", "level", "achieved", 417000)
    whole = payloads.status_payload(term, dated_audit(term, dataset), list(term.results), Lang.VI)
    assert whole["schema_version"] == 3 and whole["command"] == "status" and len(whole["indicators"]) == len(term.results)


def test_a_point_says_its_source_and_day_only_when_it_has_them():
    from datetime import date

    from soctrang_kpi.core.model import Point, PointStatus

    assert payloads.point_json(Point(2023, 1.5, PointStatus.ESTIMATE)) == {"year": 2023, "value": 1.5, "status": "estimate"}
    full = payloads.point_json(Point(2023, 1.5, note="NGTK", source="Cục Thống kê", recorded=date(2024, 3, 1)))
    assert list(full.items()) == [
        ("year", 2023), ("value", 1.5), ("status", "actual"), ("note", "NGTK"), ("source", "Cục Thống kê"), ("recorded", "2024-03-01"),
    ]
    assert payloads.point_json(Point(2023, 1.5, recorded=date(2024, 3, 1)))["recorded"] == "2024-03-01"
    assert payloads.point_json(None) is None
