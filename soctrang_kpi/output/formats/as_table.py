"""Tables for people on a terminal (Rich); plain text when colour is off (pipes, NO_COLOR)."""

from __future__ import annotations

import io
from dataclasses import replace

from ...core.classify import Status
from ..document import Document, Row, Style, Table, cell_text, name_text
from ..labels import Lang
from ..safe import terminal_text
from . import Formatter

#: Rich style of each status: good news green, bad news red
STATUS_STYLES = {
    Status.EXCEEDED: "green",
    Status.ACHIEVED: "",
    Status.AT_RISK: "red",
    Status.MISSED: "bold red",
    Status.NO_DATA: "dim",
}

MIN_WRAP_WIDTH = 20  # a name narrower than this is unreadable: drop other columns first


def _texts(table: Table, lang: Lang) -> list[list[str]]:
    # control characters and escape sequences in a name are replaced: a cell cannot drive the terminal
    return [
        [terminal_text(name_text(row, c, cell_text(v, c, lang))) for v, c in zip(row.cells, table.columns)]
        for row in table.rows
    ]


def fit(table: Table, lang: Lang, width: int) -> Table:
    """Drop optional columns until the unwrappable ones leave the name MIN_WRAP_WIDTH."""
    columns = list(table.columns)
    keep = list(range(len(columns)))
    texts = _texts(table, lang)

    def needed() -> int:
        total = 0
        for i in keep:
            column = columns[i]
            if column.wrap:
                total += MIN_WRAP_WIDTH
            else:
                widest = max([len(column.header)] + [len(row[i]) for row in texts])
                total += min(widest, column.max_width or 10**6)
            total += 2  # padding between columns
        return total

    droppable = sorted((c.drop, i) for i, c in enumerate(columns) if c.drop)
    while needed() > width and droppable:
        keep.remove(droppable.pop()[1])
    if len(keep) == len(columns):
        return table
    rows = tuple(replace(row, cells=tuple(row.cells[i] for i in keep)) for row in table.rows)
    return replace(table, columns=tuple(columns[i] for i in keep), rows=rows)


class TableFormatter(Formatter):
    def text(self, doc: Document, style: Style) -> str:
        from rich import box
        from rich.console import Console
        from rich.table import Table as RichTable
        from rich.text import Text

        out = io.StringIO()
        console = Console(
            file=out,
            width=style.width,
            force_terminal=style.color,
            no_color=not style.color,
            color_system="standard" if style.color else None,
            highlight=False,
            emoji=False,
        )
        for line in doc.intro:
            console.print(terminal_text(line), markup=False, soft_wrap=True)
        for table in doc.tables:
            if not table.rows or table.machine_only:
                continue  # people need no empty table; csv and markdown still print the header
            table = fit(table, doc.lang, style.width)
            rich_table = RichTable(
                title=Text(terminal_text(table.title)) if table.title else None,
                caption=Text(terminal_text(table.footer)) if table.footer else None,
                box=box.SIMPLE_HEAD,
                show_header=table.show_header,
                pad_edge=False,
                collapse_padding=True,
                expand=any(c.wrap for c in table.columns),
            )
            for column in table.columns:
                rich_table.add_column(
                    column.header,
                    justify="right" if column.numeric else "left",
                    no_wrap=not (column.wrap or column.max_width),
                    overflow="fold",
                    max_width=column.max_width,
                    min_width=MIN_WRAP_WIDTH if column.wrap else None,
                    ratio=1 if column.wrap else None,
                )
            for row, texts in zip(table.rows, _texts(table, doc.lang)):
                # Text, not str: a name is never read as Rich markup ("[/bold]" is data)
                rich_table.add_row(*(Text(t) for t in texts), style=_style_of(row) or None)
            console.print(rich_table)
        for line in doc.lines:
            console.print(terminal_text(line), markup=False, soft_wrap=True)  # a message line is never broken
        return out.getvalue()


def _style_of(row: Row) -> str:
    return STATUS_STYLES[row.status] if row.status is not None else ""


FORMATTER = TableFormatter()
