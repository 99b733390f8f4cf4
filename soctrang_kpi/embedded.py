"""Where `kpi export` keeps, inside the xlsx and docx it writes, what a table cannot show (each
target's kind, direction, strictness, approximation, wording and note; the roadmap; the plan's
settings), so that `kpi import` gives the same data back. Shared by the writers (output/formats)
and the reader (files/import_table): the names of the places, nothing else."""

#: the hidden sheet of an xlsx: the data as JSON text, in cells of column A from A1
SHEET = "kpi-data"
#: a spreadsheet cell holds at most 32.767 characters
CELL_CHARS = 32_000
#: the custom XML part of a docx (customXml/item1.xml): one element of this namespace with the
#: data as its text
NAMESPACE = "urn:soctrang-kpi:export:1"
ELEMENT = "kpi-data"
#: the "format" key of the JSON, and the version of its layout
FORMAT = "soctrang-kpi-export"
VERSION = 1
#: how the docx's part begins, as `kpi export` writes it: a part cut within these bytes (before
#: the namespace is in it) is still known for kpi's (files/embedded_part.ours)
XML_HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><{ELEMENT} xmlns="{NAMESPACE}">'
#: how the data's JSON begins, in both places: text cut within it is kpi's data cut, not another's
JSON_HEAD = f'{{"format":"{FORMAT}"'
