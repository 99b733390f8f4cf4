"""What the program says to people, in Vietnamese and in English.

``CATALOG`` maps a key to a template per language; ``Text(key, **params)`` is one message waiting
to be said. A ``Text`` *is* its English wording (a ``str``), so everything that already handled
messages as strings — sorting problems, JSON, ``str(err)``, ``in`` — keeps working unchanged, while
``render("vi")`` says the same thing in Vietnamese. Params are rendered in the same language when
they are Texts themselves, and with ``str()`` otherwise; callers format numbers (``f"{x:g}"``)
and quote names (``repr``) before passing them, so both languages show the same figures.

This module imports nothing of the package: every layer may use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

LANGS = ("vi", "en")

CATALOG: Mapping[str, Mapping[str, str]] = {
    # -- errors.Problem --
    "problem.warning": {"en": "warning: ", "vi": "cảnh báo: "},
    # -- describing a value that is not what was expected --
    "value.nothing": {"en": "nothing", "vi": "giá trị trống"},
    "value.boolean": {"en": "{value} (a boolean)", "vi": "{value} (giá trị đúng/sai)"},
    "value.mapping": {"en": "a mapping", "vi": "một ánh xạ (khoá: giá trị)"},
    "value.list": {"en": "a list", "vi": "một danh sách"},
    # -- hints appended to a message (each starts with its own space) --
    "hint.use_number": {"en": " (use {number})", "vi": " (hãy viết {number})"},
    "hint.no_quotes": {"en": " (write it without quotes)", "vi": " (hãy viết không có dấu ngoặc kép)"},
    "hint.tab_indent": {
        "en": " (a line here is indented with a tab, counted as 8 spaces: indent with spaces)",
        "vi": " (một dòng ở đây thụt lề bằng ký tự tab, được tính là 8 dấu cách: hãy thụt lề bằng dấu cách)",
    },
    "hint.did_you_mean": {"en": "did you mean {name}?", "vi": "có phải {name}?"},
    "hint.one_of": {"en": "expected one of {options}", "vi": "cần một trong các trường {options}"},
    # -- what a mapping or a list was expected to hold --
    "what.file_top": {"en": "the top of the file", "vi": "phần đầu của tệp"},
    "what.indicators": {"en": "the indicators", "vi": "danh sách chỉ tiêu"},
    "what.indicator": {"en": "an indicator", "vi": "một chỉ tiêu"},
    "what.plans": {"en": "the plans", "vi": "danh sách kế hoạch"},
    "what.plan": {"en": "a plan", "vi": "một kế hoạch"},
    "what.settings": {"en": "the settings", "vi": "phần thiết lập"},
    "what.published_summary": {"en": "the published summary", "vi": "phần tổng hợp đã công bố"},
    "what.targets": {"en": "the targets", "vi": "danh sách chỉ tiêu của kế hoạch"},
    "what.target": {"en": "a target", "vi": "một chỉ tiêu của kế hoạch"},
    "what.low_high": {"en": "[low, high]", "vi": "[thấp, cao]"},
    "what.series": {"en": "indicator id -> values", "vi": "mã chỉ tiêu -> số liệu"},
    "what.series_entry": {
        "en": "actual / preliminary / estimate / plan / notes / as_index / published",
        "vi": "actual / preliminary / estimate / plan / notes / as_index / published",
    },
    "what.year_values": {"en": "year: value", "vi": "năm: giá trị"},
    "what.published": {"en": "plan id -> table / text", "vi": "mã kế hoạch -> table / text"},
    "what.sources": {"en": "table / text", "vi": "table / text"},
    "what.published_figures": {"en": "published figures", "vi": "số liệu đã công bố"},
    "what.groups": {"en": "group -> counts", "vi": "nhóm -> số chỉ tiêu"},
    "what.notes": {"en": "year: note", "vi": "năm: ghi chú"},
    # -- generic field checks (files/checks.py) --
    "check.mapping": {"en": "expected a mapping ({what}), found {found}", "vi": "cần một ánh xạ ({what}), gặp {found}"},
    "check.list": {"en": "expected a list ({what}), found {found}", "vi": "cần một danh sách ({what}), gặp {found}"},
    "check.text": {"en": "expected text, found {found}", "vi": "cần văn bản, gặp {found}"},
    "check.number": {"en": "expected a number, found {found}{hint}", "vi": "cần một số, gặp {found}{hint}"},
    "check.finite": {"en": "expected a finite number, found {found}", "vi": "cần một số hữu hạn, gặp {found}"},
    "check.magnitude": {
        "en": "expected a number below {limit} in size, found {found}",
        "vi": "cần một số có độ lớn dưới {limit}, gặp {found}",
    },
    "check.whole": {"en": "expected a whole number, found {found}{hint}", "vi": "cần một số nguyên, gặp {found}{hint}"},
    "check.between": {"en": "expected a number from {low} to {high}, found {found}", "vi": "cần một số từ {low} đến {high}, gặp {found}"},
    "check.choice": {"en": "expected one of {options}, found {found}", "vi": "cần một trong các giá trị {options}, gặp {found}"},
    "check.unknown_field": {"en": "unknown field {name} ({hint})", "vi": "trường lạ {name} ({hint})"},
    "check.missing_field": {"en": "missing field {name}", "vi": "thiếu trường {name}"},
    "check.boolean": {"en": "expected true or false, found {found}", "vi": "cần true hoặc false, gặp {found}"},
    "check.not_negative": {"en": "expected zero or more, found {found}", "vi": "cần một số không âm, gặp {found}"},
    # -- both files --
    "file.not_found": {"en": "file not found", "vi": "không tìm thấy tệp"},
    "file.unreadable": {"en": "cannot read: {reason}", "vi": "không đọc được tệp: {reason}"},
    "file.not_regular": {
        "en": "not a regular file but {kind}: kpi reads only regular files",
        "vi": "không phải tệp thông thường mà là {kind}: kpi chỉ đọc tệp thông thường",
    },
    "kind.folder": {"en": "a folder", "vi": "một thư mục"},
    "kind.fifo": {"en": "a named pipe (FIFO)", "vi": "một đường ống có tên (FIFO)"},
    "kind.device": {"en": "a device", "vi": "một thiết bị"},
    "kind.socket": {"en": "a socket", "vi": "một socket"},
    "kind.other": {"en": "something else", "vi": "một loại khác"},
    "file.link_loop": {"en": "its symbolic links form a loop", "vi": "các liên kết tượng trưng của nó tạo thành vòng lặp"},
    "file.dangling": {
        "en": "file not found: it is a link to {target}, which does not exist",
        "vi": "không tìm thấy tệp: đây là liên kết tới {target}, nơi không tồn tại",
    },
    "file.similar": {
        "en": "file not found (there is {name}: the name must be exactly {expected})",
        "vi": "không tìm thấy tệp (có tệp {name}: tên phải đúng là {expected})",
    },
    "file.empty": {"en": "the file is empty", "vi": "tệp trống"},
    "file.schema_version": {
        "en": "this kpi reads schema_version {expected}, found {found}",
        "vi": "phiên bản kpi này đọc schema_version {expected}, gặp {found}",
    },
    # -- targets.yaml --
    "targets.id_format": {
        "en": "expected a kebab-case id like 'grdp-growth', found {found}",
        "vi": "cần một mã viết thường nối bằng gạch ngang như 'grdp-growth', gặp {found}",
    },
    "targets.duplicate_plan": {"en": "duplicate plan id {id}", "vi": "trùng mã kế hoạch {id}"},
    "targets.duplicate_indicator": {
        "en": "duplicate indicator id (first at entry {entry})",
        "vi": "trùng mã chỉ tiêu (lần đầu ở mục {entry})",
    },
    "targets.no_indicator": {"en": "no indicator has the id {id}", "vi": "không có chỉ tiêu nào có mã {id}"},
    "targets.parent_cycle": {"en": "its parents form a cycle", "vi": "các chỉ tiêu cha tạo thành vòng lặp"},
    "targets.years_order": {
        "en": "the target year must come after the base year {base}, found {found}",
        "vi": "năm mục tiêu phải sau năm gốc {base}, gặp {found}",
    },
    "targets.no_as_false": {
        "en": "YAML reads the key 'no' as false: write the row number as 'number'",
        "vi": "YAML đọc khoá 'no' thành false: hãy ghi số thứ tự của dòng vào 'number'",
    },
    "targets.second_target": {"en": "this plan already has a target for it", "vi": "kế hoạch này đã có chỉ tiêu cho mã này"},
    "targets.number_as_printed": {
        "en": 'expected the number as printed, in quotes (number: "{found}")',
        "vi": 'cần số thứ tự như bản in, trong dấu ngoặc kép (number: "{found}")',
    },
    "targets.group_takes_no_value": {
        "en": "a {kind} is rated by its sub-indicators and takes no {key}",
        "vi": "chỉ tiêu loại {kind} được đánh giá qua các chỉ tiêu con, không nhận {key}",
    },
    "targets.value_or_range": {
        "en": "expected exactly one of 'value' or 'range' (the target)",
        "vi": "cần đúng một trong hai trường 'value' hoặc 'range' (mục tiêu)",
    },
    "targets.no_range": {"en": "a {kind} target cannot be a range", "vi": "mục tiêu loại {kind} không thể là một khoảng"},
    "targets.range_only": {
        "en": "a {kind} target is written as range: [low, high]",
        "vi": "mục tiêu loại {kind} phải ghi dạng range: [thấp, cao]",
    },
    "targets.only_for": {
        "en": "'{key}' applies only to targets of kind {kinds}",
        "vi": "'{key}' chỉ áp dụng cho mục tiêu loại {kinds}",
    },
    "targets.range_size": {"en": "expected [low, high], found {count} numbers", "vi": "cần [thấp, cao], gặp {count} số"},
    "targets.negative": {
        "en": "a negative target is read as \"{reading}\": check the sign",
        "vi": "mục tiêu âm được hiểu là \"{reading}\": hãy kiểm tra dấu",
    },
    "bound.at_least": {"en": "at least {value}", "vi": "ít nhất {value}"},
    "bound.at_most": {"en": "at most {value}", "vi": "nhiều nhất {value}"},
    "targets.range_order": {"en": "expected low < high, found [{low}, {high}]", "vi": "cần thấp < cao, gặp [{low}, {high}]"},
    # -- actuals.yaml --
    "actuals.unknown_indicator": {
        "en": "values for an indicator that targets.yaml does not define",
        "vi": "số liệu của một chỉ tiêu mà targets.yaml không khai báo",
    },
    "actuals.year": {"en": "expected a year, found {found}{hint}", "vi": "cần một năm, gặp {found}{hint}"},
    "actuals.year_range": {"en": "expected a year from {low} to {high}, found {found}", "vi": "cần một năm từ {low} đến {high}, gặp {found}"},
    "actuals.year_twice": {"en": "the year also has a value as {status}", "vi": "năm này đã có giá trị ở mục {status}"},
    "actuals.year_outside_plans": {"en": "the year is outside every plan", "vi": "năm này nằm ngoài mọi kế hoạch"},
    "actuals.no_plan": {"en": "no plan has the id {id}", "vi": "không có kế hoạch nào có mã {id}"},
    "actuals.source": {"en": "expected table or text, found {found}", "vi": "cần table hoặc text, gặp {found}"},
    "actuals.assessment": {
        "en": "expected an assessment like 'Vượt 2,5%', 'Đạt' or 'Khó đạt', found {found}",
        "vi": "cần một đánh giá như 'Vượt 2,5%', 'Đạt' hoặc 'Khó đạt', gặp {found}",
    },
    "actuals.index_not_positive": {
        "en": "an index (previous year = 100) must be above 0, found {found}",
        "vi": "chỉ số (năm trước = 100) phải lớn hơn 0, gặp {found}",
    },
    "actuals.note_year": {
        "en": "a note for {year}, which has no value",
        "vi": "ghi chú cho năm {year}, năm này không có số liệu",
    },
    "actuals.share_sum": {
        "en": "the shares of {indicator} add up to {total}, not 100",
        "vi": "tổng các tỷ trọng của {indicator} là {total}, không phải 100",
    },
    # -- reading YAML (files/yamlio.py) --
    "yaml.too_large": {"en": "the file is {size} bytes; the limit is {limit}", "vi": "tệp có {size} byte; giới hạn là {limit}"},
    "yaml.not_utf8": {
        "en": "not UTF-8 text: byte 0x{byte} at offset {offset} (save the file as UTF-8)",
        "vi": "không phải văn bản UTF-8: byte 0x{byte} ở vị trí {offset} (hãy lưu tệp dạng UTF-8)",
    },
    "yaml.syntax": {"en": "YAML syntax: {detail}", "vi": "lỗi cú pháp YAML: {detail}"},
    "yaml.with_hint": {"en": "{message}{hint}", "vi": "{message}{hint}"},
    "yaml.no_anchor": {"en": "alias *{anchor} has no anchor", "vi": "bí danh *{anchor} không có neo"},
    "yaml.alias_bomb": {"en": "too many aliases (an alias bomb?)", "vi": "quá nhiều bí danh (một \"bom bí danh\"?)"},
    "yaml.two_documents": {
        "en": "expected one YAML document, found another",
        "vi": "cần một tài liệu YAML, gặp thêm một tài liệu khác",
    },
    "yaml.too_deep": {
        "en": "nested more than {limit} levels deep (not a data file)",
        "vi": "lồng sâu quá {limit} cấp (không phải tệp dữ liệu)",
    },
    "yaml.key_container": {"en": "a key cannot be a list or a mapping", "vi": "khoá không thể là một danh sách hay một ánh xạ"},
    "yaml.merge_key": {"en": "merge keys (<<) are not supported", "vi": "không hỗ trợ khoá gộp (<<)"},
    "yaml.tag": {"en": "tag {tag} is not allowed (safe loading)", "vi": "không cho phép thẻ {tag} (đọc an toàn)"},
    "yaml.duplicate_key": {"en": "duplicate key {key}: only one may stay", "vi": "trùng khoá {key}: chỉ được giữ một"},
    "yaml.thousands": {
        "en": "{written} reads as {value}; if you meant thousands, write {plain}",
        "vi": "{written} được đọc là {value}; nếu ý là hàng nghìn, hãy viết {plain}",
    },
    # -- the data folder and `kpi record` --
    "datadir.missing": {"en": "data folder {path} does not exist", "vi": "thư mục dữ liệu {path} không tồn tại"},
    "record.has_value": {
        "en": "{indicator} {year} already has {old} ({old_status}); rerun with --force to replace it with {new} ({new_status})",
        "vi": "{indicator} năm {year} đã có {old} ({old_status}); chạy lại với --force để thay bằng {new} ({new_status})",
    },
    "record.cannot_write": {
        "en": "cannot write {path}: {reason}; the file is unchanged",
        "vi": "không ghi được {path}: {reason}; tệp vẫn giữ nguyên",
    },
    "record.read_only": {
        "en": "cannot write {path}: the {what} is read-only ({mode}); the file is unchanged",
        "vi": "không ghi được {path}: {what} chỉ cho phép đọc ({mode}); tệp vẫn giữ nguyên",
    },
    "rw.file": {"en": "file", "vi": "tệp"},
    "rw.folder": {"en": "folder", "vi": "thư mục"},
    "record.shared": {
        "en": "the value is shared through a YAML anchor and alias (line {line}, column {column}): writing it would change every place that refers to it; write the values out separately",
        "vi": "giá trị được dùng chung qua neo và bí danh YAML (dòng {line}, cột {column}): ghi vào sẽ thay đổi mọi nơi tham chiếu tới nó; hãy viết riêng từng giá trị",
    },
    "record.too_many_digits": {
        "en": "expected at most {limit} digits once written out, found {found}",
        "vi": "cần tối đa {limit} chữ số khi viết đầy đủ, gặp {found}",
    },
    "record.export_over_data": {
        "en": "{path} is a data file of {folder}: kpi export never writes over it",
        "vi": "{path} là tệp dữ liệu của {folder}: kpi export không bao giờ ghi đè lên nó",
    },
    "datadir.bundled": {
        "en": "kpi: the bundled sample data (Sóc Trăng 2020–2025): {path}",
        "vi": "kpi: dữ liệu mẫu đi kèm (Sóc Trăng 2020–2025): {path}",
    },
    "datadir.from_env": {"en": "kpi: data from $KPI_DATA_DIR: {path}", "vi": "kpi: dữ liệu từ $KPI_DATA_DIR: {path}"},
    "atomic.locked": {
        "en": "{path} is being written by another process (lock {lock})",
        "vi": "{path} đang được một tiến trình khác ghi (khoá {lock})",
    },
}


class Text(str):
    """One message of ``CATALOG`` with its params; as a ``str`` it is the English wording."""

    key: str
    params: Mapping[str, object]

    def __new__(cls, key: str, /, **params: object) -> Text:
        self = super().__new__(cls, _fill(CATALOG[key]["en"], params, "en"))
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", MappingProxyType(params))
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Text cannot be changed")

    def __reduce__(self):  # copy and pickle rebuild it from its key, not from the English text
        return _rebuild, (self.key, dict(self.params))

    def __repr__(self) -> str:
        return f"Text({self.key!r}, {dict(self.params)!r})"

    def render(self, lang: str) -> str:
        if lang == "en":
            return str.__str__(self)
        return _fill(CATALOG[self.key][lang], self.params, lang)


def render(message: object, lang: str) -> str:
    """Any message in ``lang``: a Text is translated; a plain string or a number is said as it is."""
    return message.render(lang) if isinstance(message, Text) else str(message)


def _fill(template: str, params: Mapping[str, object], lang: str) -> str:
    return template.format_map({name: render(value, lang) for name, value in params.items()})


def _rebuild(key: str, params: dict[str, object]) -> Text:
    return Text(key, **params)
