"""One table of target kinds (core/kinds.py): the table, ``Kind``, the labels and the init template
agree, and the README's recipe for a new kind is true (a dummy kind added in its steps works)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soctrang_kpi.core import kinds
from soctrang_kpi.core.kinds import KINDS, OPTIONS, Ranges, named_in_table, names_any_kind
from soctrang_kpi.core.model import Kind
from soctrang_kpi.files import init_template, load
from soctrang_kpi.output.labels import KIND_NAMES

from ..conftest import ROOT


def test_every_kind_has_one_entry():
    assert set(KINDS) == set(Kind)


@pytest.mark.parametrize("kind", list(Kind), ids=[k.value for k in Kind])
def test_every_kind_has_a_name_in_both_languages(kind):
    assert KIND_NAMES[kind.value]["vi"].strip() and KIND_NAMES[kind.value]["en"].strip()


def test_the_template_has_one_example_per_kind_in_the_tables_order():
    assert list(init_template.EXAMPLES) == list(KINDS)
    for kind, example in init_template.EXAMPLES.items():
        assert f"kind: {kind.value}" in example.targets, kind
        assert kind.value in init_template.COMMENTS, kind


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_template_as_written_uses_every_kind_and_loads(tmp_path, lang):
    texts = init_template.render("Kế hoạch thử", 2025, 2030, lang)
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    data, warnings = load.read(tmp_path)
    assert warnings == []
    (plan,) = data.plans.values()
    assert {row.target.kind for row in plan.rows} == set(Kind)


@pytest.mark.parametrize("kind, spec", list(KINDS.items()), ids=[k.value for k in KINDS])
def test_each_entry_is_consistent(kind, spec):
    assert set(spec.options) <= set(OPTIONS)
    if spec.rated_by_rows:  # a heading takes no target of its own
        assert spec.ranges is Ranges.NEVER and not spec.options and not spec.rates and not spec.strict
    else:
        assert not spec.shares
    assert all(w == w.lower() for w in spec.words + spec.not_words)


# --- the recipe for a new kind (README "Architecture"), followed for a dummy kind ------------------

#: the steps: (file, a line it holds, where the new lines go, the new lines). Two dummy kinds: ``peak``
#: (the best year of the term reaches the target) and ``lead`` (its value stays ahead of another
#: indicator's by the target: its figures read another series, as share_of's do, and it has no
#: percentage, rated in or out as a rank is). Only core/kinds.py, messages.py and the template change.
RECIPE = [
    ("core/kinds.py", 'REDUCTION = "reduction"', "after",
     '    PEAK = "peak"  # the best year of the term must reach the target\n'
     '    LEAD = "lead"  # ahead of another indicator by the target\n'),
    ("core/kinds.py", "# --- the percentage of each kind", "before",
     "def peak_figures(target: Target, w: Window, published: tuple[Published, ...]) -> Figures:\n"
     '    """The best year of the term must reach the target (a dummy kind: the recipe\'s test)."""\n'
     "    if not w.term:\n"
     '        return Figures(no_data=NotComputable("no_values"))\n'
     "    pick = max if target.direction is Direction.AT_LEAST else min\n"
     "    best = pick(p.value for p in w.term)\n"
     '    return Figures(measure=best, forecast=Forecast(best, None, "actual"))\n'
     "\n\n"
     "def lead_figures(target: Target, w: Window, published: tuple[Published, ...]) -> Figures:\n"
     '    """Ahead of another indicator by at least the target, by the latest year (a dummy kind)."""\n'
     "    if w.latest is None:\n"
     '        return Figures(no_data=NotComputable("no_values"))\n'
     "    ahead = w.latest.value >= goal(target)\n"
     '    return Figures(measure=w.latest.value, meets=ahead, rule="lead_in" if ahead else "lead_out")\n'
     "\n\n"
     "def gap_to(target: Target, points: tuple[Point, ...], series_of: Callable[[str], tuple[Point, ...]]) -> tuple[Point, ...]:\n"
     '    """Each year\'s value less the other indicator\'s (``of``), the years both have."""\n'
     "    other = {p.year: p.value for p in series_of(target.of)} if target.of else {}\n"
     "    return tuple(p._replace(value=p.value - other[p.year]) for p in points if p.year in other)\n"
     "\n\n"),
    ("core/kinds.py", "#: the target keys only some kinds take", "before-close",
     "    Kind.PEAK: KindSpec(peak_figures, of_target),\n"
     "    Kind.LEAD: KindSpec(lead_figures, series=gap_to, refers=True),\n"),
    ("messages.py", '"target_kind.reduction": ', "after",
     '    "target_kind.peak": {"en": "best year of the term", "vi": "năm cao nhất của nhiệm kỳ"},\n'
     '    "target_kind.lead": {"en": "ahead of another indicator", "vi": "hơn chỉ tiêu khác"},\n'
     '    "reason.lead_in": {"en": "ahead by {x}", "vi": "hơn {x}"},\n'
     '    "reason.lead_out": {"en": "ahead by only {x}", "vi": "chỉ hơn {x}"},\n'),
    ("files/init_template.py", "TARGETS_HEAD = ", "before-block",
     None),
    ("messages.py", '"template.reduction": ', "after",
     '    "template.peak": {"en": "the best year of the term reaches 30", "vi": "năm cao nhất của nhiệm kỳ đạt 30"},\n'
     '    "template.lead": {"en": "a yield 2 above the region\'s", "vi": "năng suất cao hơn của vùng 2 tạ/ha"},\n'),
]

NEW_EXAMPLES = '''\
    Kind.PEAK: Example(
        """\\
  - id: forest-cover
    name: Tỷ lệ che phủ rừng
    name_en: Forest cover
    unit: "%"
""",
        """\\
      - {indicator: forest-cover, number: "10", kind: peak, value: 30}                 # $c_peak
""",
        """\\
  forest-cover:
    actual: {$base: 28}
    estimate: {$next: 31}
""",
    ),
    Kind.LEAD: Example(
        """\\
  - id: region-rice-yield
    name: Năng suất lúa của vùng
    name_en: Rice yield of the region
    unit: tạ/ha
  - id: rice-yield
    name: Năng suất lúa
    name_en: Rice yield
    unit: tạ/ha
""",
        """\\
      - {indicator: region-rice-yield, number: "15", kind: level, value: 62}
      - {indicator: rice-yield, number: "16", kind: lead, of: region-rice-yield, value: 2}  # $c_lead
""",
        """\\
  region-rice-yield:
    actual: {$base: 59}
    estimate: {$next: 60}
  rice-yield:
    actual: {$base: 60}
    estimate: {$next: 63}
""",
    ),
'''

#: the files a new kind may touch, and no other
TOUCHED = {"core/kinds.py", "messages.py", "files/init_template.py"}


def follow_the_recipe(package: Path) -> None:
    for name, holds, where, lines in RECIPE:
        path = package / name
        text = path.read_text(encoding="utf-8").splitlines(keepends=True)
        (at,) = [i for i, line in enumerate(text) if holds in line]
        if where == "after":
            text.insert(at + 1, lines)
        elif where == "before":
            text.insert(at, lines)
        else:  # the table's entry, the template's example: last in the table closed just above ``holds``
            close = max(i for i in range(at) if text[i] == "}\n")
            text.insert(close, NEW_EXAMPLES if lines is None else lines)
        path.write_text("".join(text), encoding="utf-8")


def test_the_recipe_touches_the_table_the_catalogue_and_the_template_only():
    assert {name for name, *_ in RECIPE} == TOUCHED


def test_a_new_kind_is_the_recipes_steps(tmp_path):
    """Kinds added in the README's steps are loaded, computed, named and taught by `kpi init`;
    one of them reads another indicator's series and has no percentage."""
    package = tmp_path / "src" / "soctrang_kpi"
    shutil.copytree(ROOT / "soctrang_kpi", package, ignore=shutil.ignore_patterns("__pycache__"))
    follow_the_recipe(package)
    changed = {
        str(path.relative_to(package)) for path in package.rglob("*.py")
        if path.read_bytes() != (ROOT / "soctrang_kpi" / path.relative_to(package)).read_bytes()
    }
    assert changed == TOUCHED
    env = dict(os.environ, PYTHONPATH=str(package.parent), NO_COLOR="1")
    env.pop("KPI_DATA_DIR", None)

    def kpi(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "soctrang_kpi", *args], capture_output=True, text=True, env=env, cwd=tmp_path)

    checks = (
        "from soctrang_kpi.core.kinds import KINDS; from soctrang_kpi.core.model import Kind;"
        "from soctrang_kpi.files.init_template import EXAMPLES; from soctrang_kpi.output.labels import KIND_NAMES;"
        "assert list(KINDS) == list(EXAMPLES) and set(KINDS) == set(Kind) and Kind.PEAK in KINDS and Kind.LEAD in KINDS;"
        "assert all(k.value in KIND_NAMES for k in Kind)"
    )
    done = subprocess.run([sys.executable, "-c", checks], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    plan = tmp_path / "plan"
    assert kpi("init", str(plan), "--name", "Thử", "--base-year", "2025", "--target-year", "2030").returncode == 0
    assert "kind: peak" in (plan / "targets.yaml").read_text(encoding="utf-8")
    validated = kpi("validate", "--data-dir", str(plan))
    assert validated.returncode == 0, validated.stdout + validated.stderr
    status = json.loads(kpi("status", "--json", "--data-dir", str(plan)).stdout)
    (peak,) = [i for i in status["indicators"] if i["kind"] == "peak"]
    assert peak["status"] == "exceeded" and peak["attainment_pct"] == pytest.approx(31 / 30 * 100, abs=1e-6)
    shown = kpi("show", "forest-cover", "--lang", "en", "--data-dir", str(plan))
    assert shown.returncode == 0 and "best year of the term" in shown.stdout
    # the dummy that reads another series: 63 − 60 = 3 ahead of the region, the target 2; no percentage
    (lead,) = [i for i in status["indicators"] if i["kind"] == "lead"]
    assert lead["status"] == "achieved" and lead["attainment_pct"] is None
    shown = kpi("show", "rice-yield", "--lang", "en", "--data-dir", str(plan))
    assert shown.returncode == 0 and "ahead of another indicator" in shown.stdout and "ahead by 3" in shown.stdout, shown.stdout
    exported = kpi("export", "-o", str(tmp_path / "back.xlsx"), "--data-dir", str(plan))
    assert exported.returncode == 0, exported.stderr
    back = tmp_path / "back"
    imported = kpi("import", str(tmp_path / "back.xlsx"), "-o", str(back))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    (row,) = [line for line in (back / "targets.yaml").read_text(encoding="utf-8").splitlines() if "indicator: rice-yield," in line]
    assert "kind: lead" in row and "of: region-rice-yield" in row
    assert json.loads(kpi("status", "--json", "--data-dir", str(back)).stdout)["indicators"] == status["indicators"]
    bad = plan / "targets.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("kind: peak, value: 30", "kind: peak, range: [30, 31]"), encoding="utf-8")
    refused = kpi("validate", "--data-dir", str(plan))
    assert refused.returncode == 1 and "range" in refused.stdout + refused.stderr  # ranges: NEVER by default


#: the words by which an office's table names a row's kind, and those that say an entry does not
ROW_KIND_WORDS = sorted({w for spec in KINDS.values() if not spec.rated_by_rows for w in (*spec.words, *spec.not_words)})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(ROW_KIND_WORDS), st.text(alphabet="abcdeghilmnoprstuy %/|-5", max_size=8)), max_size=6))
def test_the_one_search_for_a_kind_s_words_finds_what_each_entry_s_would(parts):
    words = " ".join(parts)
    found = names_any_kind(words)
    assert found == any(w in words for spec in KINDS.values() if not spec.rated_by_rows for w in spec.words)
    if not found:  # where the one search finds none, no entry names the row
        assert named_in_table(words, heading=False) is None


def test_a_row_entry_s_own_words_are_found():
    for spec in KINDS.values():
        for w in spec.words if not spec.rated_by_rows else ():
            assert names_any_kind("chỉ tiêu " + w + " | %")
    assert not names_any_kind("so nguoi | nguoi")


@pytest.mark.parametrize("words, kind", [
    ("thuoc nhom cac tinh dan dau", Kind.RANK), ("xep hang cao", Kind.RANK), ("giam dan", Kind.REDUCTION),
    ("tong cong", Kind.CUMULATIVE), ("tang dan", None), ("dat muc kha", None), ("nam 2030", None),
])
def test_the_kind_a_wording_names_by_the_words_of_its_entry(words, kind):
    """kpi import names the kind to write for a wording it did not understand (README "Targets
    as an office words them"): by the words of the one table of kinds, each whole."""
    assert kinds.kind_in_wording(words) is kind


def test_every_word_that_names_a_kind_in_a_wording_is_read_so_in_front_of_a_number():
    from soctrang_kpi.files import appendix_layout as layout

    for word, kind in kinds.wording_words():
        read = layout.target(f"{word} 15")
        assert read is not None and read.kind is kind and read.value == 15, word
