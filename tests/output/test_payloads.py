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
    assert whole["schema_version"] == 2 and whole["command"] == "status" and len(whole["indicators"]) == len(term.results)
