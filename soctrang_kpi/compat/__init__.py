"""Where a dependency's behaviour reaches the user: one small module per library.

Each module holds what kpi relies on from one library — its public names, the error types it
raises, the messages and limits that differ between its versions — and turns them into something
that does not depend on the version installed. ``tests/compat/`` holds one contract test per
module: it runs against the library as installed (CI runs it at the newest versions and again at
every dependency's lower bound) and pins each behaviour listed here.

- ``libyaml``: PyYAML's parser (libyaml's, when compiled in) and its version-dependent limits.
- ``click_errors``: Click's usage errors, read by kind and by their public attributes.
- ``workbook``: opening an .xlsx with openpyxl, and what it raises on a file that is not one.
- ``worddoc``: opening a .docx with python-docx, and what it raises on a file that is not one.
"""
