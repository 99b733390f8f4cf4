"""Click's usage errors, as Typer raises them, read by kind and by their public attributes.

kpi says Click's usage errors in the user's language (``spoken.click_error_lines``), so it must
know what each one is about. Typer up to 0.25 depends on Click; from 0.26 it carries its own copy
as the private ``typer._click``, so ``import click`` would name other classes than the ones
raised (or fail, Click not being installed at all). kpi therefore reaches Click's classes only
through Typer's public API: ``typer.BadParameter`` *is* Click's ``BadParameter`` (or a subclass),
and its bases and their subclasses are found by their documented names.

Click tells some things only in an English sentence; every such sentence kpi reads is matched
here, and ``tests/compat/test_click_errors.py`` raises each error through a real Typer command and
pins the reading, at the newest Typer and at the lower bound.
"""

from __future__ import annotations

import re
from typing import Any
from ..records import NamedTuple

import typer


def _base(name: str) -> type[Exception]:
    """The class named ``name`` among the bases of ``typer.BadParameter``."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


#: Click's error classes, wherever this Typer's Click lives
#: (typed Any: which module defines them depends on the Typer installed)
ClickException: Any = _base("ClickException")
UsageError: Any = _base("UsageError")


def is_a(thing: object, name: str) -> bool:
    """Whether ``thing`` is an instance of a class named ``name`` (Click's, as Typer raises it)."""
    return any(c.__name__ == name for c in type(thing).__mro__)


class Reading(NamedTuple):
    """What a usage error says: a catalogue key (``click.*``) and its fields."""

    key: str
    fields: dict[str, Any]


def _quoted(message: str) -> str:
    """The value Click quotes first in its message ("'abc' is not a valid int.")."""
    found = re.search(r"""(['"])(.*?)\1""", message)
    return repr(found.group(2)) if found else ""


def param_name(param: Any) -> str:
    """An option as its flags ("--as-of"), an argument as its name ("year")."""
    if param is None:
        return ""
    if getattr(param, "param_type_name", "") == "option":
        return " / ".join(param.opts)
    return str(param.human_readable_name).strip("{}").lower()


def bad_value(err: Any) -> Reading:
    """What is wrong with the value of a ``BadParameter``, by the type of the parameter."""
    message = err.message
    value = _quoted(message)
    kind = getattr(err.param, "type", None)
    choices = getattr(kind, "choices", None)
    if choices is not None:
        return Reading("click.not_one_of", {"value": value, "choices": ", ".join(str(c) for c in choices)})
    if is_a(kind, "IntRange") and "range" in message:
        return Reading("click.not_in_range", {"value": message.split(" ", 1)[0], "range": message.rpartition("range ")[2].rstrip(".")})
    if is_a(kind, "IntParamType"):
        return Reading("click.not_whole", {"value": value})
    if is_a(kind, "FloatParamType"):
        return Reading("click.not_number", {"value": value})
    if any(c.__name__.endswith("Path") for c in type(kind).__mro__):  # click.Path, typer.models.TyperPath
        key = "click.is_folder" if "directory" in message else "click.is_file" if "is a file" in message else "click.no_path"
        return Reading(key, {"value": value})
    return Reading("click.bad_value", {"value": value or message})


def option_usage(err: Any) -> Reading:
    """A ``BadOptionUsage``: an option missing its value, or given one it does not take."""
    message = err.message
    key = "click.needs_value" if "requires" in message else "click.takes_no_value" if "does not take" in message else "click.bad_option"
    return Reading(key, {"name": err.option_name})


def extra_arguments(err: Any) -> str | None:
    """The extra arguments of a "Got unexpected extra argument(s)" error, as Click lists them."""
    found = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", err.message)
    return found.group(1) if found else None
