"""README "Python API": the notebook-style example runs as it is written, outputs included."""

import doctest
import re

from ..conftest import ROOT


def _examples() -> list[str]:
    """The ```python blocks of README's "Python API" section that hold a >>> session."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```python\n(.*?)^```$", section, re.S | re.M)
    return [block for block in blocks if ">>> " in block]


def test_the_readme_example_runs_as_written(monkeypatch):
    monkeypatch.chdir(ROOT)  # the example loads the bundled data of a clone: api.load(".")
    examples = _examples()
    assert examples and sum(block.count(">>> ") for block in examples) >= 15
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for number, block in enumerate(examples):
        test = doctest.DocTestParser().get_doctest(block, {}, f"README Python API #{number}", "README.md", 0)
        runner.run(test)
    failed, attempted = runner.summarize(verbose=False)
    assert (failed, attempted) == (0, sum(block.count(">>> ") for block in examples))
