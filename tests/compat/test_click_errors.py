"""Contract: Click's usage errors as Typer raises them (soctrang_kpi/compat/click_errors.py).

Each error is raised by a real Typer command, so the test runs against the Click that Typer
uses (its own copy from 0.26, the ``click`` package before)."""

from pathlib import Path
from typing import Optional

import pytest
import typer
from typer.main import get_command

from soctrang_kpi.compat import click_errors

app = typer.Typer()


@app.command()
def command(
    year: int,
    share: float = typer.Option(0.0, "--share"),
    runs: int = typer.Option(1, "--runs", min=1, max=9),
    folder: Optional[Path] = typer.Option(None, "--folder", exists=True, file_okay=False),
    flag: bool = typer.Option(False, "--flag"),
) -> None:
    """A command with every kind of parameter kpi's commands have."""


def _error(*args: str):
    command = get_command(app)
    with pytest.raises(click_errors.UsageError) as caught:
        command.main(list(args), standalone_mode=False)
    return caught.value


def test_the_classes_are_the_ones_typer_raises():
    assert issubclass(typer.BadParameter, click_errors.UsageError)
    assert issubclass(click_errors.UsageError, click_errors.ClickException)


@pytest.mark.parametrize(
    ("args", "name", "reading"),
    [
        (["x"], "year", ("click.not_whole", {"value": "'x'"})),
        (["1", "--share", "x"], "--share", ("click.not_number", {"value": "'x'"})),
        (["1", "--runs", "12"], "--runs", ("click.not_in_range", {"value": "12", "range": "1<=x<=9"})),
        (["1", "--folder", "/nonexistent-kpi-folder"], "--folder", ("click.no_path", {"value": "'/nonexistent-kpi-folder'"})),
        (["1", "--folder", __file__], "--folder", ("click.is_file", {"value": repr(__file__)})),
    ],
)
def test_a_bad_value_is_read_by_the_type_of_its_parameter(args, name, reading):
    err = _error(*args)
    assert click_errors.is_a(err, "BadParameter")
    assert click_errors.param_name(err.param) == name
    assert tuple(click_errors.bad_value(err)) == reading


def test_an_unknown_option_names_itself_and_its_close_matches():
    err = _error("1", "--shar", "2")
    assert click_errors.is_a(err, "NoSuchOption")
    assert err.option_name == "--shar" and "--share" in (err.possibilities or ())


def test_a_missing_argument_names_it():
    err = _error()
    assert click_errors.is_a(err, "MissingParameter")
    assert click_errors.param_name(err.param) == "year"


def test_an_option_without_its_value():
    err = _error("1", "--share")
    assert click_errors.is_a(err, "BadOptionUsage")
    assert tuple(click_errors.option_usage(err)) == ("click.needs_value", {"name": "--share"})


def test_a_flag_given_a_value():
    err = _error("1", "--flag=yes")
    assert click_errors.is_a(err, "BadOptionUsage")
    assert tuple(click_errors.option_usage(err)) == ("click.takes_no_value", {"name": "--flag"})


def test_extra_arguments_are_listed_as_click_lists_them():
    err = _error("1", "2", "3")
    assert click_errors.extra_arguments(err) == "2 3"
    assert click_errors.extra_arguments(_error("1", "--share", "x")) is None
