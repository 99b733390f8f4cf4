"""What the program says to people, in Vietnamese and in English: the one catalogue.

``CATALOG`` maps a key to a template per language — every word the program says: messages,
the words of tables and screens (``status.*``, ``word.*``, ``reason.*``, … which output/labels.py
reads as tables with ``section``), the ``--help`` texts of every command and option (``help.*``)
and its panels' words (``panel.*``), and the comments of `kpi init`'s template (``template.*``).
``Text(key, **params)`` is one message waiting to be said. A ``Text`` *is* its English wording (a ``str``), so everything that already handled
messages as strings — sorting problems, JSON, ``str(err)``, ``in`` — keeps working unchanged, while
``render("vi")`` says the same thing in Vietnamese. Params are rendered in the same language when
they are Texts themselves, and with ``str()`` otherwise; callers format numbers (``f"{x:g}"``)
and quote names (``repr``) before passing them, so both languages show the same figures.

This module imports only numbers.py (the one number formatter) of the package: every layer may
use it. (It names core's records a verdict's words read for type checking only.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from .numbers import number, written_decimals

if TYPE_CHECKING:  # the words of a verdict read these records (never imported when running)
    from .core.model import VerdictClass
    from .core.periods import MonthFigures
    from .core.results import Result

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
    "hint.ytd_month": {"en": " (the lũy kế to the quarter's end is written {month})", "vi": " (lũy kế đến hết quý viết là {month})"},
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
        "en": "actual / preliminary / estimate / plan / notes / sources / recorded / history / as_index / published",
        "vi": "actual / preliminary / estimate / plan / notes / sources / recorded / history / as_index / published",
    },
    "what.year_values": {"en": "year: value", "vi": "năm: giá trị"},
    "what.published": {"en": "plan id -> table / text", "vi": "mã kế hoạch -> table / text"},
    "what.sources": {"en": "table / text / months", "vi": "table / text / months"},
    "what.published_months": {"en": "months (2026-06: figures)", "vi": "months (2026-06: số liệu)"},
    "what.published_figures": {"en": "published figures", "vi": "số liệu đã công bố"},
    "what.groups": {"en": "group -> counts", "vi": "nhóm -> số chỉ tiêu"},
    "what.notes": {"en": "year: note", "vi": "năm: ghi chú"},
    "what.ytd": {"en": "statuses with month: lũy kế", "vi": "các trạng thái với tháng: lũy kế"},
    # -- generic field checks (files/checks.py) --
    "check.mapping": {"en": "expected a mapping ({what}), found {found}", "vi": "cần một ánh xạ ({what}), gặp {found}"},
    "check.list": {"en": "expected a list ({what}), found {found}", "vi": "cần một danh sách ({what}), gặp {found}"},
    "check.text": {"en": "expected text, found {found}", "vi": "cần văn bản, gặp {found}"},
    "targets.direction_fixed": {
        "en": "a {kind} target is always {direction}: leave direction out",
        "vi": "chỉ tiêu loại {kind} luôn là {direction}: bỏ direction",
    },
    "targets.strict_unsaid": {
        "en": "a {kind} target must say whether its bound must be passed: add strict: true (\"above 80\") or strict: false (\"at least 80\"), or printed: with its wording",
        "vi": "mục tiêu loại {kind} phải nói rõ có phải vượt qua ngưỡng không: thêm strict: true (\"trên 80\") hoặc strict: false (\"tối thiểu 80\"), hoặc printed: ghi đúng lời văn",
    },
    "targets.strict_contradicts": {
        "en": "strict: {strict} contradicts the printed wording \"{printed}\": correct one of them",
        "vi": "strict: {strict} trái với lời văn đã in \"{printed}\": hãy sửa một trong hai",
    },
    "targets.printed_en_contradicts": {
        "en": "printed_en \"{printed_en}\" contradicts the printed wording \"{printed}\" (one says the bound must be passed, the other reached): correct one of them",
        "vi": "printed_en \"{printed_en}\" trái với lời văn đã in \"{printed}\" (một bên là phải vượt mức, bên kia là chỉ cần đạt mức): hãy sửa một trong hai",
    },
    "actuals.heading_value": {
        "en": "a value on a heading ({kind}) is never used: the heading is rated by its parts; record the parts' values, or remove it",
        "vi": "giá trị ghi cho dòng tiêu đề (loại {kind}) không bao giờ được dùng: dòng này đánh giá theo các chỉ tiêu thành phần; hãy ghi giá trị cho các thành phần, hoặc xoá",
    },
    "targets.of_itself": {"en": "a share of itself ({id}): name another indicator", "vi": "tỷ trọng của chính nó ({id}): hãy ghi chỉ tiêu khác"},
    "check.ambiguous": {
        "en": "{found} reads two ways, as a decimal and as Vietnamese thousands{hint}",
        "vi": "{found} đọc được hai cách, số thập phân hoặc hàng nghìn kiểu Việt Nam{hint}",
    },
    "hint.thousands": {
        "en": " (write {plain} for thousands or {decimal} for the decimal; an indicator whose values have three decimals takes precision: 3)",
        "vi": " (hãy viết {plain} nếu là hàng nghìn hoặc {decimal} nếu là số thập phân; chỉ tiêu có giá trị ba chữ số thập phân thì ghi precision: 3)",
    },
    "hint.use_number_precision": {
        "en": " (write {number} and give the indicator precision: 3, or write {padded}: {number} alone reads as Vietnamese thousands)",
        "vi": " (hãy viết {number} và ghi precision: 3 cho chỉ tiêu, hoặc viết {padded}: {number} không kèm precision đọc là hàng nghìn)",
    },
    "hint.thousands_precision": {
        "en": " (write {plain} for thousands; for the decimal, give the indicator precision: 3)",
        "vi": " (hãy viết {plain} nếu là hàng nghìn; nếu là số thập phân, ghi precision: 3 cho chỉ tiêu)",
    },
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
        "en": "duplicate indicator id (first on line {line})",
        "vi": "trùng mã chỉ tiêu (lần đầu ở dòng {line})",
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
    "targets.heading_no_parts": {
        "en": "{kind} {id} has no parts: no indicator says 'parent: {id}', so the row has no values to rate by and its parts, if any, are counted as indicators of their own; add 'parent: {id}' to each part",
        "vi": "dòng tiêu đề {id} (loại {kind}) không có chỉ tiêu thành phần: không chỉ tiêu nào ghi 'parent: {id}', nên dòng này không có gì để đánh giá và các thành phần (nếu có) bị đếm như chỉ tiêu riêng; hãy ghi 'parent: {id}' cho từng thành phần",
    },
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
    "targets.range_size": {"en": "expected [low, high], found {count} numbers{hint}", "vi": "cần [thấp, cao], gặp {count} số{hint}"},
    "hint.range_decimal": {"en": " (write {number}, not {written})", "vi": " (viết {number}, không phải {written})"},
    "targets.printed_size": {
        "en": "printed {printed} is {read} in the indicator's unit {unit}, but value is {value}: write value: {written} if the printed wording is right",
        "vi": "mục tiêu ghi {printed} là {read} theo đơn vị {unit} của chỉ tiêu, nhưng value là {value}: hãy ghi value: {written} nếu cách ghi là đúng",
    },
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
    "actuals.id_as_number": {
        "en": "YAML reads this key as a number, not the id '{id}' that targets.yaml declares: write it in quotes (\"{id}\":)",
        "vi": "YAML đọc khoá này là một số, không phải mã '{id}' mà targets.yaml khai báo: hãy viết trong dấu nháy (\"{id}\":)",
    },
    "actuals.year": {"en": "expected a year, found {found}{hint}", "vi": "cần một năm, gặp {found}{hint}"},
    "actuals.year_range": {"en": "expected a year from {low} to {high}, found {found}", "vi": "cần một năm từ {low} đến {high}, gặp {found}"},
    "actuals.year_twice": {"en": "the year also has a value as {status}", "vi": "năm này đã có giá trị ở mục {status}"},
    "actuals.period": {
        "en": "expected a period such as 2026-06 (a month) or 2026-Q2 (a quarter), found {found}{hint}",
        "vi": "cần một kỳ như 2026-06 (tháng) hoặc 2026-Q2 (quý), gặp {found}{hint}",
    },
    "actuals.ytd_month": {
        "en": "a lũy kế (ytd) runs from January to a month: expected a month such as 2026-06, found {found}{hint}",
        "vi": "lũy kế (ytd) tính từ tháng 1 đến một tháng: cần một tháng như 2026-06, gặp {found}{hint}",
    },
    "csv.period": {
        "en": "expected a year (2026), a month (2026-06) or a quarter (2026-Q2), found {found}",
        "vi": "cần một năm (2026), một tháng (2026-06) hoặc một quý (2026-Q2), gặp {found}",
    },
    "actuals.period_plan": {
        "en": "a month or a quarter has an observed value (actual, preliminary or estimate), not a plan",
        "vi": "tháng hoặc quý chỉ có số thực hiện (actual, preliminary hoặc estimate), không có kế hoạch",
    },
    "actuals.ytd_plan": {
        "en": "a lũy kế (ytd) has an observed value (actual, preliminary or estimate), not a plan",
        "vi": "lũy kế (ytd) chỉ có số thực hiện (actual, preliminary hoặc estimate), không có kế hoạch",
    },
    "actuals.quarter_months.flow": {
        "en": "the quarter is {value}, but its three months add up to {made}",
        "vi": "quý ghi {value}, nhưng ba tháng của quý cộng lại là {made}",
    },
    "actuals.quarter_months.level": {
        "en": "the quarter is {value}, but its last month is {made} (a level's quarter is its value at the quarter's end)",
        "vi": "quý ghi {value}, nhưng tháng cuối quý ghi {made} (chỉ tiêu thời điểm: số của quý là số cuối quý)",
    },
    "actuals.ytd_falls": {
        "en": "the lũy kế falls from {before} ({previous}) to {value} ({month}): the months between would be {made}, below zero; check both values (a flow's lũy kế does not fall, unless one of them was corrected)",
        "vi": "lũy kế giảm từ {before} ({previous}) xuống {value} ({month}): các tháng ở giữa sẽ là {made}, một số âm; hãy kiểm tra hai số này (lũy kế của chỉ tiêu cộng dồn theo tháng không giảm, trừ khi một trong hai số đã được đính chính)",
    },
    "actuals.year_parts.months": {
        "en": "the year is {value}, but its 12 months add up to {made}, more than the year",
        "vi": "năm ghi {value}, nhưng 12 tháng của năm cộng lại là {made}, lớn hơn cả năm",
    },
    "actuals.year_parts.quarters": {
        "en": "the year is {value}, but its four quarters add up to {made}, more than the year",
        "vi": "năm ghi {value}, nhưng bốn quý của năm cộng lại là {made}, lớn hơn cả năm",
    },
    "actuals.year_part_exceeds": {
        "en": "{when} alone is {part}, more than the whole year {year}'s {value}: check both values",
        "vi": "riêng {when} đã là {part}, lớn hơn cả năm {year} ({value}): hãy kiểm tra hai số này",
    },
    "actuals.ytd_exceeds_year": {
        "en": "{when} is already {part}, more than the whole year {year}'s {value}: check both values",
        "vi": "{when} đã là {part}, lớn hơn cả năm {year} ({value}): hãy kiểm tra hai số này",
    },
    "actuals.future_observed": {
        "en": "{when} has not ended by today ({today}), yet its value is recorded as {status}: check the period (a typo for another year or month?)",
        "vi": "{when} chưa kết thúc (hôm nay là {today}) mà đã có số {status}: hãy kiểm tra lại kỳ (gõ nhầm năm hoặc tháng?)",
    },
    "actuals.future_estimate": {
        "en": "{when} has not begun by today ({today}), yet has an estimate: check the period (a typo for another year or month?); a year ahead's figure is the roadmap's (status plan)",
        "vi": "{when} chưa bắt đầu (hôm nay là {today}) mà đã có số ước tính: hãy kiểm tra lại kỳ (gõ nhầm năm hoặc tháng?); số của năm tới là lộ trình (status plan)",
    },
    "actuals.within_year_unknown": {
        "en": "its unit and kind do not say what its months and quarters mean: add within_year: flow, level or rate to the indicator in targets.yaml",
        "vi": "đơn vị và loại chỉ tiêu chưa cho biết số liệu tháng, quý nghĩa là gì: thêm within_year: flow, level hoặc rate cho chỉ tiêu trong targets.yaml",
    },
    "actuals.period_twice": {"en": "the period also has a value as {status}", "vi": "kỳ này đã có giá trị ở mục {status}"},
    "actuals.note_period": {"en": "a note for {period}, which has no value", "vi": "ghi chú cho {period}, kỳ này không có giá trị"},
    "actuals.year_outside_plans": {"en": "the year is outside every plan", "vi": "năm này nằm ngoài mọi kế hoạch"},
    "actuals.no_plan": {"en": "no plan has the id {id}", "vi": "không có kế hoạch nào có mã {id}"},
    "actuals.source": {"en": "expected table, text or months, found {found}", "vi": "cần table, text hoặc months, gặp {found}"},
    "actuals.published_month": {"en": "expected a month or quarter of {years} ({year}-06, {year}-Q2), found {found}", "vi": "cần một tháng hoặc quý của {years} ({year}-06, {year}-Q2), gặp {found}"},
    "actuals.published_year": {"en": "{year}", "vi": "năm {year}"},
    "actuals.published_years": {"en": "{first}–{last}", "vi": "các năm {first}–{last}"},
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
    "what.classes": {"en": "a list of classes", "vi": "một danh sách các mức đánh giá"},
    "what.class": {"en": "a class (name, at_least)", "vi": "một mức đánh giá (name, at_least)"},
    "actuals.not_a_place": {
        "en": "a place in a ranking is a whole number from 1, found {found}",
        "vi": "thứ hạng là số nguyên từ 1, gặp {found}",
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
    # where what libyaml was reading began, when not on the line it stopped at (files/yamlio.OPENED)
    "yaml.syntax_opened": {"en": "YAML syntax: {detail}; {opened}", "vi": "lỗi cú pháp YAML: {detail}; {opened}"},
    "yaml.quote_opened": {"en": "the quoted text begins at line {line}, column {column}", "vi": "đoạn trong dấu nháy bắt đầu ở dòng {line}, cột {column}"},
    "yaml.brace_opened": {"en": "the '{{' is opened at line {line}, column {column}", "vi": "dấu '{{' mở ở dòng {line}, cột {column}"},
    "yaml.bracket_opened": {"en": "the '[' is opened at line {line}, column {column}", "vi": "dấu '[' mở ở dòng {line}, cột {column}"},
    "yaml.with_hint": {"en": "{message}{hint}", "vi": "{message}{hint}"},
    "yaml.control_character": {
        "en": "the character {character} is not allowed in YAML (a control character): remove it",
        "vi": "YAML không cho phép ký tự {character} (ký tự điều khiển): hãy xoá nó",
    },
    "yaml.expanded_too_large": {
        "en": "its aliases would make it {size} characters long written out; the limit is {limit} (an alias bomb?)",
        "vi": "nếu viết đầy đủ các bí danh, tệp sẽ dài {size} ký tự; giới hạn là {limit} (một \"bom bí danh\"?)",
    },
    "yaml.line_too_long": {
        "en": "line {line} is {size} characters long; the limit is {limit}",
        "vi": "dòng {line} dài {size} ký tự; giới hạn là {limit}",
    },
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
    # -- the data folder and `kpi record` --
    "datadir.missing": {"en": "data folder {path} does not exist", "vi": "thư mục dữ liệu {path} không tồn tại"},
    "record.has_value": {
        "en": "{indicator} {year} already has {old} ({old_status}); rerun with --force to replace it with {new} ({new_status})",
        "vi": "{indicator} năm {year} đã có {old} ({old_status}); chạy lại với --force để thay bằng {new} ({new_status})",
    },
    "record.period_has_value": {
        "en": "{indicator} {period} already has {old} ({old_status}); rerun with --force to replace it with {new} ({new_status})",
        "vi": "{indicator} {period} đã có {old} ({old_status}); chạy lại với --force để thay bằng {new} ({new_status})",
    },
    "period.plain": {"en": "{key}", "vi": "{key}"},
    "period.ytd": {"en": "year to date to {key}", "vi": "lũy kế đến {key}"},
    "cli.when": {
        "en": "expected a year (2026), a month (2026-06) or a quarter (2026-Q2), found {found}",
        "vi": "cần một năm (2026), một tháng (2026-06) hoặc một quý (2026-Q2), gặp {found}",
    },
    "cli.ytd_month": {
        "en": "--ytd records a lũy kế from January to a month: write the month (2026-06), found {found}",
        "vi": "--ytd ghi lũy kế từ tháng 1 đến một tháng: hãy viết tháng (2026-06), gặp {found}",
    },
    "record.thousands": {
        "en": "{found} reads two ways, as a decimal and as thousands: write {plain} for {thousands} thousand{alternative}",
        "vi": "{found} đọc được hai cách, số thập phân hoặc hàng nghìn: hãy viết {plain} nếu là {thousands} nghìn{alternative}",
    },
    "record.thousands_or": {"en": ", or {decimal} if you mean {small}", "vi": ", hoặc {decimal} nếu là {small}"},
    "record.thousands_decimal": {
        "en": "; for the decimal {small}, give the indicator precision: 3 in targets.yaml, or write {padded}",
        "vi": "; nếu là số thập phân {small}, hãy ghi precision: 3 cho chỉ tiêu trong targets.yaml, hoặc viết {padded}",
    },
    "point.actual": {"en": "actual", "vi": "thực hiện"},
    "point.preliminary": {"en": "preliminary", "vi": "sơ bộ"},
    "point.estimate": {"en": "estimate", "vi": "ước tính"},
    "point.plan": {"en": "roadmap", "vi": "lộ trình"},
    "record.cannot_write": {
        "en": "cannot write {path}: {reason}; the file is unchanged",
        "vi": "không ghi được {path}: {reason}; tệp vẫn giữ nguyên",
    },
    "record.read_only": {
        "en": "cannot write {path}: the {what} is read-only ({mode}); the file is unchanged",
        "vi": "không ghi được {path}: {what} chỉ cho phép đọc ({mode}); tệp vẫn giữ nguyên",
    },
    "record.not_exact": {
        "en": "kpi record cannot change exactly this one value of {path}{where}; nothing was written",
        "vi": "kpi record không thể chỉ thay đúng một giá trị này trong {path}{where}; chưa ghi gì",
    },
    "record.unusual_break": {
        "en": " (line {line} holds a {character}, which YAML reads as a line break: replace it with a space or a newline)",
        "vi": " (dòng {line} có ký tự {character}, YAML đọc nó là dấu xuống dòng: hãy thay bằng dấu cách hoặc xuống dòng thật)",
    },
    # -- operating-system errors (files/oserror.py) and the files kpi keeps beside the data --
    "os.not_found": {"en": "no such file or folder", "vi": "không có tệp hay thư mục đó"},
    "os.denied": {"en": "permission denied", "vi": "không có quyền"},
    "os.disk_full": {"en": "the disk is full", "vi": "ổ đĩa đã đầy"},
    "os.quota": {"en": "the disk quota is used up", "vi": "đã hết hạn mức dung lượng đĩa"},
    "os.read_only_fs": {"en": "the file system is read-only", "vi": "hệ thống tệp chỉ cho phép đọc"},
    "os.name_too_long": {"en": "the file name is too long", "vi": "tên tệp quá dài"},
    "os.not_folder": {"en": "a part of the path is not a folder", "vi": "một phần của đường dẫn không phải thư mục"},
    "os.is_folder": {"en": "it is a folder", "vi": "đó là một thư mục"},
    "os.link_loop": {"en": "its symbolic links form a loop, or it is a link kpi does not follow", "vi": "liên kết tượng trưng tạo thành vòng lặp, hoặc là liên kết kpi không đi theo"},
    "os.io": {"en": "input/output error (the disk or the network)", "vi": "lỗi vào/ra (ổ đĩa hoặc mạng)"},
    "os.exists": {"en": "it already exists", "vi": "đã tồn tại"},
    "os.busy": {"en": "it is in use", "vi": "đang được sử dụng"},
    "os.too_many_open": {"en": "too many open files", "vi": "quá nhiều tệp đang mở"},
    "os.too_big": {"en": "the file would be too large", "vi": "tệp sẽ quá lớn"},
    "os.memory": {"en": "not enough memory", "vi": "không đủ bộ nhớ"},
    "os.no_device": {"en": "no such device", "vi": "không có thiết bị đó"},
    "os.other": {"en": "{code}", "vi": "{code}"},
    "os.failed": {"en": "{path}: {reason}", "vi": "{path}: {reason}"},
    "os.stdout": {"en": "standard output", "vi": "đầu ra chuẩn (stdout)"},
    "own.link": {"en": "it is a symbolic link", "vi": "đó là một liên kết tượng trưng"},
    "own.not_regular": {"en": "it is {kind}, not a regular file", "vi": "đó là {kind}, không phải tệp thông thường"},
    "own.owner": {"en": "it belongs to another user (uid {uid})", "vi": "tệp thuộc về người dùng khác (uid {uid})"},
    "own.too_large": {"en": "it is {size} bytes, more than {limit}", "vi": "tệp có {size} byte, quá {limit}"},
    "own.not_journal": {"en": "it is not a journal kpi wrote", "vi": "đó không phải nhật ký do kpi ghi"},
    "own.refused": {
        "en": "kpi: {path} is not kpi's own file ({why}): it was not used",
        "vi": "kpi: {path} không phải tệp của kpi ({why}): không dùng tệp này",
    },
    "own.lock_refused": {
        "en": "cannot lock {path}: {lock} {why}; remove it; the file is unchanged",
        "vi": "không khoá được {path}: {lock} — {why}; hãy xoá tệp đó; tệp dữ liệu vẫn giữ nguyên",
    },
    "journal.recovered": {
        "en": "kpi: an interrupted kpi record left its new content of {path} in {journal}: reading that; the next kpi record finishes the copy",
        "vi": "kpi: một lần kpi record bị ngắt đã để nội dung mới của {path} trong {journal}: đọc nội dung đó; lần kpi record tới sẽ chép nốt",
    },
    "journal.finished": {
        "en": "kpi: finished the interrupted write of {path} from {journal}",
        "vi": "kpi: đã ghi nốt {path} từ {journal} của lần ghi bị ngắt",
    },
    "journal.stale": {
        "en": "kpi: {journal} is older than {path}, which changed after the interrupted write: reading {path} as it is",
        "vi": "kpi: {journal} cũ hơn {path} (tệp đã thay đổi sau lần ghi bị ngắt): đọc {path} như hiện có",
    },
    "journal.removed": {"en": "kpi: removed {journal}", "vi": "kpi: đã xoá {journal}"},
    "record.interrupted": {
        "en": "cannot finish writing {path}: {reason}; the file may be incomplete; its new content is kept whole in {journal}: kpi reads it from there, and the next kpi record finishes the copy",
        "vi": "không ghi xong {path}: {reason}; tệp có thể chưa đủ; nội dung mới được giữ nguyên vẹn trong {journal}: kpi đọc từ đó, và lần kpi record tới sẽ chép nốt",
    },
    "write.not_regular": {
        "en": "cannot write {path}: it is {kind}, not a regular file; nothing was written",
        "vi": "không ghi được {path}: đó là {kind}, không phải tệp thông thường; chưa ghi gì",
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
    "yaml.quote_percent": {
        "en": " (a value that starts with % must be written in quotes: '%')",
        "vi": " (giá trị bắt đầu bằng % phải viết trong dấu nháy: '%')",
    },
    # -- the command line (cli.py): counts take "|" between the singular and the plural --
    "cli.data_problems": {
        "en": "{count} problem|{count} problems",
        "vi": "{count} lỗi",
    },
    "cli.nothing_computed": {
        "en": "kpi: {problems} in the data; nothing was computed.",
        "vi": "kpi: dữ liệu có {problems}; chưa tính gì.",
    },
    "cli.binary_format": {
        "en": "{format} is a binary format: redirect it to a file (> out.{format}) or use kpi export -o FILE",
        "vi": "{format} là định dạng nhị phân: hãy chuyển ra tệp (> out.{format}) hoặc dùng kpi export -o TỆP",
    },
    "cli.no_plan": {"en": "targets.yaml defines no plan", "vi": "targets.yaml chưa khai báo kế hoạch nào"},
    "cli.unknown_format": {"en": "unknown format {format}: choose {names}", "vi": "định dạng lạ {format}: hãy chọn {names}"},
    "cli.format_of_file": {
        "en": "cannot tell the format from {path}: give --format {names}",
        "vi": "không biết định dạng của {path}: hãy cho --format {names}",
    },
    "cli.or": {"en": "or", "vi": "hoặc"},
    "cli.binary_to_terminal": {
        "en": "{format} is a binary file: write it with -o FILE, or pipe `-o -` into a file",
        "vi": "{format} là tệp nhị phân: hãy ghi ra tệp bằng -o TỆP, hoặc chuyển `-o -` vào một tệp",
    },
    "record.outside_periods": {
        "en": "{year} is outside every plan's period ({periods}); add --any-year if it is intended",
        "vi": "năm {year} nằm ngoài mọi kế hoạch ({periods}); thêm --any-year nếu đúng là năm đó",
    },
    "cli.exists": {"en": "{path} exists: add --force to replace it", "vi": "{path} đã có: thêm --force để ghi đè"},
    "cli.cannot_write": {"en": "cannot write {path}: {reason}", "vi": "không ghi được {path}: {reason}"},
    "cli.spool_failed": {
        "en": "cannot write the export's rows to a temporary file in {folder} (the system's temporary folder, which TMPDIR"
              " chooses): {reason}; nothing was written to the output",
        "vi": "không ghi được các dòng của tệp xuất vào tệp tạm trong {folder} (thư mục tạm của hệ thống, do biến TMPDIR"
              " chọn): {reason}; chưa ghi gì vào tệp xuất",
    },
    "cli.wrote": {"en": "kpi: wrote {path} ({format}, {size} bytes)", "vi": "kpi: đã ghi {path} ({format}, {size} byte)"},
    "cli.bundled_read_only": {
        "en": "the bundled data is read-only: give --data-dir (or run in a folder with targets.yaml and actuals.yaml; kpi init makes one)",
        "vi": "dữ liệu đi kèm chương trình chỉ được đọc: hãy cho --data-dir (hoặc chạy trong thư mục có targets.yaml và actuals.yaml; kpi init tạo thư mục đó)",
    },
    "cli.no_id_or_number": {
        "en": "no indicator has the id or number {query}",
        "vi": "không có chỉ tiêu nào có mã hoặc số thứ tự {query}",
    },
    "cli.did_you_mean": {"en": "did you mean:", "vi": "có phải là:"},
    "cli.plans_there": {"en": "the plans there are:", "vi": "các kế hoạch có:"},
    "cli.areas_there": {"en": "the areas there are:", "vi": "các đơn vị hành chính có:"},
    "lookup.empty": {"en": "give an id, a number or part of a name", "vi": "hãy cho mã, số thứ tự hoặc một phần tên chỉ tiêu"},
    "lookup.ambiguous": {
        "en": "{query} matches {count} indicators; name one of them",
        "vi": "{query} khớp với {count} chỉ tiêu; hãy chọn một",
    },
    "lookup.too_long": {
        "en": "the indicator asked for is {size} characters long; give an id, a number or part of a name (at most {limit} characters)",
        "vi": "chỉ tiêu được hỏi dài {size} ký tự; hãy cho mã, số thứ tự hoặc một phần tên (tối đa {limit} ký tự)",
    },
    "lookup.none": {"en": "no indicator matches {query}", "vi": "không có chỉ tiêu nào khớp với {query}"},
    "lookup.other_plan": {
        "en": "{query} is not in the plan {plan}; it is in plan {plans}: use --plan {first}",
        "vi": "{query} không có trong kế hoạch {plan}; có trong kế hoạch {plans}: dùng --plan {first}",
    },
    "lookup.other_plans": {
        "en": "{query} is not in the plan {plan}; it is in plans {plans}: use --plan {first}",
        "vi": "{query} không có trong kế hoạch {plan}; có trong các kế hoạch {plans}: dùng --plan {first}",
    },
    "plan.unknown": {"en": "unknown plan {plan}", "vi": "không có kế hoạch {plan}"},
    "plan.as_of_outside": {
        "en": "{year} is outside the period of plan {plan}, {base}–{target}: give a year of the period",
        "vi": "năm {year} nằm ngoài thời kỳ của kế hoạch {plan}, {base}–{target}: hãy cho một năm trong thời kỳ",
    },
    "groups.unknown": {
        "en": "no indicator of plan {plan} is in the group {group}",
        "vi": "kế hoạch {plan} không có chỉ tiêu nào thuộc nhóm {group}",
    },
    "plan.not_in_plan": {"en": "indicator {indicator} is not in plan {plan}", "vi": "chỉ tiêu {indicator} không thuộc kế hoạch {plan}"},
    # -- the territory: areas, aggregation (README "Territory") --
    "what.areas": {"en": "the areas", "vi": "danh sách đơn vị hành chính"},
    "what.area": {"en": "an area", "vi": "một đơn vị hành chính"},
    "what.aggregate": {"en": "an aggregation rule", "vi": "một quy tắc tổng hợp"},
    "what.area_targets": {"en": "area id -> target", "vi": "mã đơn vị -> chỉ tiêu"},
    "what.area_series": {"en": "area id -> its series", "vi": "mã đơn vị -> số liệu của đơn vị"},
    "areas.duplicate": {"en": "the area {id} is declared twice", "vi": "đơn vị {id} được khai báo hai lần"},
    "areas.date": {"en": "expected a date written 2025-07-01, found {found}", "vi": "cần một ngày viết dạng 2025-07-01, gặp {found}"},
    "areas.not_a_day": {"en": "{found} is written as a date but is no day of the calendar", "vi": "{found} viết đúng dạng ngày nhưng không có ngày này trong lịch"},
    "areas.merged_pair": {
        "en": "merged_into and merged_on go together: the area it merged into and the day",
        "vi": "merged_into và merged_on phải đi cùng nhau: đơn vị được hợp nhất vào và ngày hợp nhất",
    },
    "areas.parent_and_merged": {
        "en": "an area merged into another has no parent of its own",
        "vi": "đơn vị đã hợp nhất vào đơn vị khác thì không có đơn vị cấp trên riêng",
    },
    "areas.unknown": {"en": "no area has the id {area}", "vi": "không có đơn vị hành chính nào có mã {area}"},
    "areas.cycle": {"en": "leads back to the area itself: {cycle}", "vi": "dẫn vòng trở lại chính đơn vị này: {cycle}"},
    "areas.one_root": {
        "en": "exactly one area must be the territory itself (with neither parent nor merged_into)",
        "vi": "phải có đúng một đơn vị là địa bàn của kế hoạch (không có parent và merged_into)",
    },
    "areas.rule_needs": {
        "en": "the rule {rule} names its indicators: mean_weighted_by: <weight>, ratio: [<numerator>, <denominator>], growth_of: <level>, count: <indicator>",
        "vi": "quy tắc {rule} phải nêu chỉ tiêu: mean_weighted_by: <trọng số>, ratio: [<tử số>, <mẫu số>], growth_of: <mức>, count: <chỉ tiêu>",
    },
    "areas.one_rule": {"en": "expected one rule of {options}", "vi": "cần đúng một quy tắc trong {options}"},
    "areas.scale": {"en": "a ratio's scale multiplies it: it cannot be 0", "vi": "hệ số scale nhân với tỷ số: không thể bằng 0"},
    "areas.count_bound": {"en": "count takes one of at_least and at_most", "vi": "count cần đúng một trong at_least và at_most"},
    "areas.no_periods": {
        "en": "values of months and quarters of an area are not used: only the territory's are",
        "vi": "số liệu tháng, quý của từng đơn vị không được dùng: chỉ dùng số liệu của cả địa bàn",
    },
    "areas.not_aggregable": {
        "en": "{area}: its parts have values of {indicator} but it is not aggregable: give it a value of its own or an aggregate: rule",
        "vi": "{area}: các đơn vị thành phần có số liệu chỉ tiêu {indicator} nhưng chỉ tiêu không tổng hợp được: hãy nhập số liệu của đơn vị hoặc khai báo quy tắc aggregate:",
    },
    "areas.parts_more": {
        "en": "parts: {parts}, but {listed} areas name it as their parent",
        "vi": "parts: {parts}, nhưng có {listed} đơn vị khai báo parent là đơn vị này",
    },
    "areas.parts_incomplete": {
        "en": "{area}: {indicator} of {years} is not made from its parts: {listed} of its {parts} areas are listed (parts:); give it a value of its own or list every part",
        "vi": "{area}: chỉ tiêu {indicator} năm {years} không được tổng hợp từ các đơn vị thành phần: mới khai báo {listed} trong {parts} đơn vị (parts:); hãy nhập số liệu của đơn vị hoặc khai báo đủ các đơn vị thành phần",
    },
    "areas.parts_undeclared": {
        "en": "{area}: {indicator} of {years} is not made from its {listed} listed parts: targets.yaml does not say they are all of them (parts: <how many> on the area); give it a value of its own or declare its number of parts",
        "vi": "{area}: chỉ tiêu {indicator} năm {years} không được tổng hợp từ {listed} đơn vị thành phần đã khai báo: targets.yaml không cho biết đó là tất cả (parts: <số đơn vị> của đơn vị); hãy nhập số liệu của đơn vị hoặc khai báo số đơn vị thành phần",
    },
    "areas.parts_missing": {
        "en": "{area}: {indicator} of {years} is not made from its parts: no value of {parts} (every part's is needed); give theirs, or the area's own",
        "vi": "{area}: chỉ tiêu {indicator} năm {years} không được tổng hợp từ các đơn vị thành phần: chưa có số liệu của {parts} (cần số liệu của mọi đơn vị thành phần); hãy nhập số liệu còn thiếu hoặc số liệu của chính đơn vị",
    },
    "areas.parts_not_made": {
        "en": "{area}: {indicator} of {years} is not made from its parts: {why}",
        "vi": "{area}: chỉ tiêu {indicator} năm {years} không được tổng hợp từ các đơn vị thành phần: {why}",
    },
    "areas.missing_of": {"en": "no {year} value of: {parts}", "vi": "thiếu số liệu năm {year} của: {parts}"},
    "areas.cannot.weights": {"en": "their weights sum to 0", "vi": "tổng trọng số của các đơn vị bằng 0"},
    "areas.cannot.denominator": {"en": "their denominators sum to 0", "vi": "tổng mẫu số của các đơn vị bằng 0"},
    "areas.cannot.level": {"en": "their levels of the year before sum to 0", "vi": "tổng mức năm trước của các đơn vị bằng 0"},
    "areas.cannot.rule": {"en": "the rule makes no value of their values", "vi": "quy tắc tổng hợp không cho ra giá trị từ số liệu của các đơn vị"},
    "record.in_csv": {
        "en": "{path}:{line} already gives {when} of {indicator} for {area}: change it there (a value is given in one file only)",
        "vi": "{path}:{line} đã có số liệu {when} của {indicator} cho {area}: hãy sửa ở tệp đó (mỗi số liệu chỉ nhập ở một tệp)",
    },
    "record.territory": {"en": "the territory", "vi": "cả địa bàn"},
    "area.unknown": {"en": "no area has the id {area}", "vi": "không có đơn vị hành chính nào có mã {area}"},
    "area.no_plan": {
        "en": "the area has no plan of its own (a plan's area:) and no target in the territory's plans (a row's areas:)",
        "vi": "đơn vị không có kế hoạch riêng (area: của kế hoạch) và không có chỉ tiêu trong kế hoạch của địa bàn (areas: của dòng chỉ tiêu)",
    },
    "csv.header": {
        "en": "the first line must name the columns {expected} (note may be left out), found {found}",
        "vi": "dòng đầu phải là tên các cột {expected} (có thể bỏ cột note), gặp {found}",
    },
    "csv.width": {"en": "expected {expected} cells as in the header, found {found}", "vi": "cần {expected} ô như dòng tiêu đề, gặp {found}"},
    "csv.unreadable": {"en": "the file cannot be read as CSV here: {reason}", "vi": "không đọc được tệp dạng CSV ở đây: {reason}"},
    "import.areas_empty": {"en": "the table is empty", "vi": "bảng trống"},
    "import.areas_indicator": {"en": "no indicator has the id, name or number {text}", "vi": "không có chỉ tiêu nào có mã, tên hoặc số thứ tự {text}"},
    "import.areas_area": {"en": "no area has the id or name {text}", "vi": "không có đơn vị hành chính nào có mã hoặc tên {text}"},
    "import.areas_number": {"en": "not a number as kpi reads them: {text}{hint}", "vi": "không phải số theo cách kpi đọc: {text}{hint}"},
    "import.areas_control_hint": {
        "en": " (the cell holds a control character, {code}, that a spreadsheet does not show: remove it)",
        "vi": " (ô có ký tự điều khiển {code} mà bảng tính không hiện ra: hãy xoá nó)",
    },
    "import.areas_number_hint": {"en": " (a plain number with a decimal point: 5.76)", "vi": " (số viết với dấu chấm thập phân: 5.76)"},
    "import.areas_needs": {
        "en": "--areas needs --period (a year: 2026) and --status (actual, preliminary, estimate, plan)",
        "vi": "--areas cần --period (một năm: 2026) và --status (actual, preliminary, estimate, plan)",
    },
    "import.areas_period": {
        "en": "--areas --period {period}: values of months and quarters are the territory's only, an area's are not used; import the year's values (--period {year}), nothing was written",
        "vi": "--areas --period {period}: số liệu tháng, quý chỉ ghi cho cả địa bàn, của từng đơn vị không được dùng; hãy nhập số liệu của năm (--period {year}), chưa ghi gì",
    },
    "import.areas_refused": {"en": "{count} cell(s) above cannot be read: nothing was written", "vi": "{count} ô ở trên không đọc được: chưa ghi gì"},
    "import.areas_found": {"en": "{count} value(s) of {areas} area(s) for {period}", "vi": "{count} giá trị của {areas} đơn vị, kỳ {period}"},
    "import.areas_dry": {"en": "--dry-run: actuals.csv was not written", "vi": "--dry-run: chưa ghi actuals.csv"},
    "record.cannot": {"en": "{what}: {reason}", "vi": "{what}: {reason}"},
    "record.refused": {"en": "{indicator} {when}: {value} cannot be recorded: {reason}", "vi": "{indicator} {when}: không ghi được {value}: {reason}"},
    "record.area_period": {
        "en": "--area {area}: values of months and quarters are the territory's only; record the year's value",
        "vi": "--area {area}: số liệu tháng, quý chỉ ghi cho cả địa bàn; hãy ghi số liệu của năm",
    },
    "import.areas_in_csv": {
        "en": "{path}:{line} already gives this value: change it there",
        "vi": "{path}:{line} đã có giá trị này: hãy sửa ở tệp đó",
    },
    "import.areas_twice": {"en": "the table gives this value twice", "vi": "bảng có giá trị này hai lần"},
    "csv.twice": {"en": "the same value is given on line {line}", "vi": "giá trị này đã có ở dòng {line}"},
    "csv.in_yaml": {"en": "{year} is also given in {where}: give it in one file", "vi": "{year} cũng có trong {where}: chỉ nhập ở một tệp"},
    "word.area": {"en": "Area", "vi": "Đơn vị"},
    "word.rank": {"en": "Rank", "vi": "Hạng"},
    "word.latest": {"en": "Latest", "vi": "Số mới nhất"},
    "word.parts_title": {"en": "Its parts", "vi": "Các đơn vị thành phần"},
    "word.by_area_title": {"en": "{indicator} by area — {plan}, as of {year}", "vi": "{indicator} theo đơn vị — {plan}, tính đến năm {year}"},
    "word.scorecard_title": {"en": "Scorecard by area — {plan}, as of {year}", "vi": "Bảng đánh giá theo đơn vị — {plan}, tính đến năm {year}"},
    "word.areas_met": {"en": "{met}/{total} areas achieved their target", "vi": "{met}/{total} xã, phường đạt chỉ tiêu"},
    "word.by_area_none": {"en": "no area has a target for {indicator} in {plan}", "vi": "chưa đơn vị nào được giao chỉ tiêu {indicator} trong {plan}"},
    "word.areas_met_of": {"en": "{indicator}: {met}/{total} areas achieved", "vi": "{indicator}: {met}/{total} xã, phường đạt"},
    "word.areas_yearly_of": {
        "en": "{indicator}: the areas are rated on their yearly values, not within the year (--as-of {year})",
        "vi": "{indicator}: xã, phường được đánh giá theo số liệu năm, không đánh giá trong năm (--as-of {year})",
    },
    "area.within_year": {
        "en": "{option} rates the areas on their yearly values, not by month or quarter (values within the year are the territory's only); {plan} as of {period} is answered by its monthly report: give --as-of {year} for the areas' yearly table",
        "vi": "{option} đánh giá các đơn vị theo số liệu năm, không theo tháng, quý (số liệu trong năm chỉ có của toàn địa bàn); {plan} tính đến {period} được trả lời bằng báo cáo tháng: dùng --as-of {year} để xem bảng năm của các đơn vị",
    },
    "area.within_year_area": {
        "en": "{option}: an area is rated on its yearly values, not by month or quarter (values within the year are the territory's only); {plan} as of {period} is answered by its monthly report: give --as-of {year} for the area's yearly table",
        "vi": "{option}: đơn vị được đánh giá theo số liệu năm, không theo tháng, quý (số liệu trong năm chỉ có của toàn địa bàn); {plan} tính đến {period} được trả lời bằng báo cáo tháng: dùng --as-of {year} để xem bảng năm của đơn vị",
    },
    "area.none": {
        "en": "--area {area}: the data declares no areas (targets.yaml areas:)",
        "vi": "--area {area}: dữ liệu không khai báo đơn vị hành chính nào (areas: trong targets.yaml)",
    },
    # -- kpi init and kpi import --
    "init.wrote": {"en": "kpi: wrote {path}", "vi": "kpi: đã ghi {path}"},
    "init.next": {
        "en": "next: kpi validate --data-dir {folder}, then kpi status --data-dir {folder}",
        "vi": "tiếp theo: kpi validate --data-dir {folder}, rồi kpi status --data-dir {folder}",
    },
    "init.name_empty": {"en": "--name is empty: give the plan's name", "vi": "--name trống: hãy cho tên kế hoạch"},
    "init.name_control": {
        "en": "--name holds the control character {character} (character {position}), which a data file cannot hold",
        "vi": "--name chứa ký tự điều khiển {character} (ký tự thứ {position}), tệp dữ liệu không chứa được ký tự này",
    },
    "init.ask_name": {"en": "Name of the plan (resolution)", "vi": "Tên kế hoạch (nghị quyết)"},
    "init.ask_base": {"en": "Base year", "vi": "Năm gốc"},
    "init.ask_target": {"en": "Target year", "vi": "Năm mục tiêu"},
    "init.default_name": {
        "en": "Resolution of the provincial party congress, term {base}–{target}",
        "vi": "Nghị quyết Đại hội Đảng bộ tỉnh, nhiệm kỳ {base}–{target}",
    },
    "init.default_name_annual": {
        "en": "Socio-economic development plan {target}",
        "vi": "Kế hoạch phát triển kinh tế - xã hội năm {target}",
    },
    "init.years_order": {
        "en": "the target year {target} must come after the base year {base}",
        "vi": "năm mục tiêu {target} phải sau năm gốc {base}",
    },
    "import.unknown_type": {
        "en": "cannot import {path}: give an .xlsx workbook or a .docx document",
        "vi": "không nhập được {path}: hãy cho tệp Excel .xlsx hoặc tệp Word .docx",
    },
    "import.unreadable": {"en": "cannot read {path}: {reason}", "vi": "không đọc được {path}: {reason}"},
    "import.why.not_zip": {"en": "not an .xlsx or .docx file (those are zip packages)", "vi": "không phải tệp .xlsx hay .docx (các tệp này là gói zip)"},
    "import.why.not_package": {"en": "not an .xlsx or .docx package", "vi": "không phải gói .xlsx hay .docx"},
    "import.why.missing_part": {"en": "the package lacks its part {part}", "vi": "gói tệp thiếu phần {part}"},
    "import.why.damaged_xml": {"en": "a part of the package is damaged XML", "vi": "một phần của gói tệp là XML hỏng"},
    "import.why.is_docx": {
        "en": "it is a Word document (.docx), not an Excel workbook as its name says: give it the extension .docx",
        "vi": "đây là tài liệu Word (.docx), không phải bảng tính Excel như đuôi tên tệp: hãy đổi đuôi thành .docx",
    },
    "import.why.is_xlsx": {
        "en": "it is an Excel workbook (.xlsx), not a Word document as its name says: give it the extension .xlsx",
        "vi": "đây là bảng tính Excel (.xlsx), không phải tài liệu Word như đuôi tên tệp: hãy đổi đuôi thành .xlsx",
    },
    "import.why.damaged": {"en": "the package is damaged ({kind})", "vi": "gói tệp bị hỏng ({kind})"},
    "import.too_large": {
        "en": "cannot read {path}: unpacked it would be {size} bytes; the limit is {limit}",
        "vi": "không đọc được {path}: khi giải nén tệp sẽ có {size} byte; giới hạn là {limit}",
    },
    "import.span_too_wide": {
        "en": "cannot read {path}: a table cell spans {span} columns; the limit is {limit}",
        "vi": "không đọc được {path}: một ô của bảng trải trên {span} cột; giới hạn là {limit}",
    },
    "import.too_many_rows": {
        "en": "cannot read {path}: {where} reaches row {rows}; an appendix table has at most {limit}",
        "vi": "không đọc được {path}: {where} có tới dòng {rows}; bảng phụ lục có tối đa {limit} dòng",
    },
    "import.too_many_cells": {
        "en": "cannot read {path}: {where} reaches row {rows} and column {columns}; a sheet may have at most {limit} cells",
        "vi": "không đọc được {path}: {where} có tới dòng {rows} và cột {columns}; một trang có tối đa {limit} ô",
    },
    "import.too_many_columns": {
        "en": "cannot read {path}: {where} has cells past column {limit}",
        "vi": "không đọc được {path}: {where} có ô sau cột {limit}",
    },
    "import.document": {"en": "the document", "vi": "văn bản"},
    "import.no_table": {
        "en": "{path}: no table with the columns TT, Chỉ tiêu and Nghị quyết was found",
        "vi": "{path}: không tìm thấy bảng có các cột TT, Chỉ tiêu và Nghị quyết",
    },
    "import.no_years": {
        "en": "{path}: the table has no year columns (Năm 2020, 2021, Ước 2023, Lộ trình 2024, …)",
        "vi": "{path}: bảng không có cột năm nào (Năm 2020, 2021, Ước 2023, Lộ trình 2024, …)",
    },
    "import.found": {
        "en": "kpi: read {where}: {indicators}, years {first}–{last}",
        "vi": "kpi: đã đọc {where}: {indicators}, các năm {first}–{last}",
    },
    "import.indicators": {"en": "{count} indicator|{count} indicators", "vi": "{count} chỉ tiêu"},
    "import.skipped": {"en": "{where} row {row}, column {column}: {what}", "vi": "{where} dòng {row}, cột {column}: {what}"},
    "import.sheet": {"en": "sheet {name}", "vi": "trang {name}"},
    "import.table": {"en": "table {n}", "vi": "bảng {n}"},
    "import.not_a_number": {"en": "not a number: {text}", "vi": "không phải số: {text}"},
    "import.formula": {"en": "a formula, not read (save values only): {text}", "vi": "công thức, không đọc (hãy lưu dạng giá trị): {text}"},
    "import.no_target": {"en": "target not understood: {text}", "vi": "không hiểu mục tiêu: {text}"},
    "import.kind_of_parent": {
        "en": "{name} is read as a part of {parent} above it, and as a target of its kind ({kind}), but its unit"
        " {unit} is not that row's ({parent_unit}): if it measures something else, write its kind in targets.yaml"
        " (or give it a number of its own)",
        "vi": "{name} được đọc là một phần của {parent} ở trên, với cùng loại mục tiêu ({kind}), nhưng đơn vị {unit}"
        " không phải đơn vị của dòng đó ({parent_unit}): nếu nó đo một thứ khác, hãy ghi kind trong targets.yaml"
        " (hoặc đánh số riêng cho nó)",
    },
    "import.no_target_kind": {
        "en": "target not understood: {text}; its words name a target of kind {kind}: write it in targets.yaml"
        " (kind: {kind} and its value)",
        "vi": "không hiểu mục tiêu: {text}; lời của nó chỉ loại mục tiêu {kind}: hãy ghi trong targets.yaml"
        " (kind: {kind} và giá trị)",
    },
    "import.size_unread": {
        "en": "{text}: {word} is not read as a size (kpi reads sizes in thousands: nghìn, triệu, tỷ): not read; write the number whole",
        "vi": "{text}: {word} không được đọc là cỡ số (kpi chỉ đọc cỡ số theo nghìn: nghìn, triệu, tỷ): không đọc; hãy ghi số đầy đủ",
    },
    "import.scale_unit": {
        "en": "{text} — the unit is {unit}, whose size (or currency) the target's words cannot be read against: not read; write the target in the unit ('57.000' for Tỷ đồng)",
        "vi": "{text} — đơn vị là {unit}, không đối chiếu được với cỡ số (hoặc loại tiền) ghi trong mục tiêu: không đọc; hãy ghi mục tiêu theo đơn vị ('57.000' cho Tỷ đồng)",
    },
    "import.scale_no_unit": {
        "en": "{text} — the row has no unit to read the target's size words against: not read; add the unit ('Tỷ đồng') or write the target in it",
        "vi": "{text} — dòng không có đơn vị để đối chiếu cỡ số ghi trong mục tiêu: không đọc; hãy thêm đơn vị ('Tỷ đồng') hoặc ghi mục tiêu theo đơn vị",
    },
    "import.number_not_wording": {
        "en": "the target's number was changed to {number} but its printed wording {text} was not: the number is read with the wording's sense, the wording left out; check it",
        "vi": "số mục tiêu đã sửa thành {number} nhưng cách ghi {text} không sửa theo: đã đọc số mới theo nghĩa của cách ghi, bỏ cách ghi; cần kiểm tra",
    },
    "import.number_of_range": {
        "en": "the target's number was changed to {number} but its printed range {text} was not: one number does not say the range, the target is kept as exported; change the printed cell",
        "vi": "số mục tiêu đã sửa thành {number} nhưng khoảng ghi {text} không sửa theo: một số không cho biết khoảng, giữ mục tiêu như đã xuất; hãy sửa ô ghi mục tiêu",
    },
    "import.column": {"en": "column not understood: {text}", "vi": "không hiểu cột: {text}"},
    "import.no_numbers": {
        "en": "no column of row numbers (No., TT, STT): each row read as an indicator of its own, none as a part of the row"
        " above; head the number column \"No.\", or write a dash before the name of a part",
        "vi": "không có cột số thứ tự (TT, STT): mỗi dòng đọc là một chỉ tiêu riêng, không dòng nào là phần của dòng trên;"
        " ghi tiêu đề cột số thứ tự là \"TT\", hoặc gạch đầu dòng trước tên một phần",
    },
    "import.assessment": {"en": "assessment not understood: {text}", "vi": "không hiểu đánh giá: {text}"},
    "import.without_target": {
        "en": "{name} has values but no target: written without one",
        "vi": "{name} có số liệu nhưng không có mục tiêu: ghi không kèm mục tiêu",
    },
    "import.listed_without_target": {
        "en": "{name} has values but no target: listed in the plan without one (counted, not rated)",
        "vi": "{name} có số liệu nhưng không có mục tiêu: vẫn ghi vào kế hoạch, không kèm mục tiêu (được đếm, không đánh giá)",
    },
    "import.share_of_which": {
        "en": "{text} is a share of {of}, but the table has no single row of {of}'s value (found: {found}); the target was left out: add kind: share_of, of: ID",
        "vi": "{text} là tỷ lệ so với {of}, nhưng bảng không có đúng một dòng giá trị {of} (tìm thấy: {found}); đã bỏ mục tiêu: hãy ghi kind: share_of, of: ID",
    },
    "import.range_at_most": {
        "en": "{text} names no direction, nor does kpi's own table read alone (--table-only), but what the table prints of it (its verdict {verdict}, its % of the target {pct}) is a ceiling's (less is better), not a floor's: read as direction: at_most; if more is better, write direction: at_least in targets.yaml",
        "vi": "{text} không ghi chiều, bảng của kpi đọc riêng (--table-only) cũng không in chiều, nhưng những gì bảng ghi về nó (đánh giá {verdict}, tỷ lệ so với mục tiêu {pct}) là của mức trần (càng thấp càng tốt), không phải mức sàn: đọc là direction: at_most; nếu càng cao càng tốt, hãy ghi direction: at_least trong targets.yaml",
    },
    "import.range_direction_unknown": {
        "en": "{text} names no direction, nor does kpi's own table read alone (--table-only), and what the table prints of it (its verdict, its % of the target) does not tell whether more or less is better (nothing printed, or either direction gives it): the target was left out (the row listed without one); import without --table-only, or write the range with direction: at_least or at_most (or kind: band, if inside it is achieved and outside either side falls short) in targets.yaml",
        "vi": "{text} không ghi chiều, bảng của kpi đọc riêng (--table-only) cũng không in chiều, và những gì bảng ghi về nó (đánh giá, tỷ lệ so với mục tiêu) không cho biết càng cao hay càng thấp càng tốt (không ghi gì, hoặc chiều nào cũng cho như vậy): đã bỏ mục tiêu (dòng vẫn ghi, không kèm mục tiêu); hãy nhập không có --table-only, hoặc ghi khoảng kèm direction: at_least hay at_most (hoặc kind: band, nếu trong khoảng là đạt, ra ngoài bên nào cũng là chưa đạt) trong targets.yaml",
    },
    "import.level_pct": {
        "en": "{name}: the table prints {pct}% of the target, but the level {text} it is read as gives {computed}%: its kind is one kpi's table prints as a bare number, as it prints a level (a progress target, the share of the way from the base year's value to it; a growth or an average rate): read as kind: level; write its kind (progress, growth, average) in targets.yaml",
        "vi": "{name}: bảng ghi {pct}% so với mục tiêu, nhưng mức {text} đã đọc cho {computed}%: loại chỉ tiêu của dòng này là loại bảng của kpi in bằng số trần như một mức (mục tiêu tiến độ — phần chặng đường từ giá trị năm gốc đến mục tiêu; tốc độ tăng hay bình quân): đã đọc là kind: level; hãy ghi đúng loại (progress, growth, average) trong targets.yaml",
    },
    "import.derived_unit": {
        "en": "{name}: its unit {unit} is the one kpi prints for amounts whose target is a share of another row or their growth, and the target {text} says neither (nor of which row): its target was left out (the row listed without one); write kind: share_of, of: ID, or kind: growth, basis: level in targets.yaml",
        "vi": "{name}: đơn vị {unit} là cách kpi ghi cho dòng giá trị có mục tiêu là tỷ lệ so với dòng khác hoặc tốc độ tăng của giá trị, mà mục tiêu {text} không nói là loại nào (cũng không nói so với dòng nào): đã bỏ mục tiêu (dòng vẫn ghi, không kèm mục tiêu); hãy ghi kind: share_of, of: ID, hoặc kind: growth, basis: level trong targets.yaml",
    },
    "import.share_of_units": {
        "en": "{text} is a share of {of}, but its unit {unit} is not the size of that row's unit {of_unit}: kpi takes the share of the values as written, which would be off by the difference; the target was left out: write both rows in one unit, then kind: share_of, of: ID",
        "vi": "{text} là tỷ lệ so với {of}, nhưng đơn vị {unit} không cùng cỡ với đơn vị {of_unit} của {of}: kpi tính tỷ lệ từ số liệu như đã ghi nên sẽ lệch theo chênh lệch đơn vị; đã bỏ mục tiêu: hãy ghi hai dòng cùng một đơn vị, rồi ghi kind: share_of, of: ID",
    },
    "import.strict_unsaid": {
        "en": "{text} holds every year but does not say whether its bound must be passed: read as reached (strict: false); write strict: true if it is \"above\"",
        "vi": "{text} là ngưỡng mỗi năm nhưng không nói có phải vượt qua không: đọc là chỉ cần đạt (strict: false); nếu là \"trên\", hãy ghi strict: true",
    },
    "import.growth_basis": {
        "en": "{text}: the row has no unit, so its values were read as yearly growth rates; if they are levels (tỷ đồng), write basis: level",
        "vi": "{text}: dòng không có đơn vị tính nên các giá trị được đọc là tốc độ tăng từng năm; nếu là mức (tỷ đồng), hãy ghi basis: level",
    },
    "import.two_readings": {
        "en": "{name}: {text} reads two ways in a table that groups thousands ({example}, row {at}): {decimal} (a decimal comma) or {thousands} (a thousands comma); not read: write it as the table writes the number it is, or as a number cell",
        "vi": "{name}: {text} đọc được hai cách vì bảng có ghi dấu phân cách hàng nghìn ({example}, dòng {at}): {decimal} (dấu phẩy thập phân) hay {thousands} (dấu phẩy hàng nghìn); không đọc: hãy ghi lại theo cách bảng ghi số đó, hoặc nhập dạng số",
    },
    "import.two_readings_point": {
        "en": "{name}: {text} reads two ways in a table that writes numbers the English way and groups thousands with a comma ({example}, row {at}): {decimal} (a decimal point) or {thousands} (a thousands point); not read: write it as the table writes the number it is, or as a number cell",
        "vi": "{name}: {text} đọc được hai cách vì bảng ghi số theo cách tiếng Anh, dấu phẩy phân cách hàng nghìn ({example}, dòng {at}): {decimal} (dấu chấm thập phân) hay {thousands} (dấu chấm hàng nghìn); không đọc: hãy ghi lại theo cách bảng ghi số đó, hoặc nhập dạng số",
    },
    "import.three_decimals": {
        "en": "{name}: {text} reads two ways: {decimal} (three decimals, which no other number of the table has) or {thousands} (thousands grouped the other way); not read: write it as the table writes the number it is, or as a number cell",
        "vi": "{name}: {text} đọc được hai cách: {decimal} (ba chữ số thập phân, mà bảng không ghi số nào khác như vậy) hay {thousands} (phân cách hàng nghìn theo cách kia); không đọc: hãy ghi lại theo cách bảng ghi số đó, hoặc nhập dạng số",
    },
    "import.two_writings": {
        "en": "{name}: {text} reads two ways in a table that writes numbers both the Vietnamese way ({vi_example}, row {vi_at}) and the English way ({en_example}, row {en_at}): {vi_value} (the Vietnamese way) or {en_value} (the English way); not read: write the table's numbers one way, or as number cells",
        "vi": "{name}: {text} đọc được hai cách vì bảng ghi số cả theo cách Việt Nam ({vi_example}, dòng {vi_at}) lẫn cách tiếng Anh ({en_example}, dòng {en_at}): {vi_value} (cách Việt Nam) hay {en_value} (cách tiếng Anh); không đọc: hãy ghi các số của bảng theo một cách, hoặc nhập dạng số",
    },
    "import.stray_english": {
        "en": "{text} is the one number written the English way in a table that writes numbers the Vietnamese way ({example}, row {at}): read as {value}, its only reading; check it, and write it as the table does",
        "vi": "{text} là số duy nhất ghi theo cách tiếng Anh trong bảng ghi số theo cách Việt Nam ({example}, dòng {at}): đã đọc là {value}, cách đọc duy nhất của nó; hãy kiểm tra và ghi lại theo cách của bảng",
    },
    "import.stray_vietnamese": {
        "en": "{text} is the one number written the Vietnamese way in a table that writes numbers the English way ({example}, row {at}): read as {value}, its only reading; check it, and write it as the table does",
        "vi": "{text} là số duy nhất ghi theo cách Việt Nam trong bảng ghi số theo cách tiếng Anh ({example}, dòng {at}): đã đọc là {value}, cách đọc duy nhất của nó; hãy kiểm tra và ghi lại theo cách của bảng",
    },
    "import.counted_per_period": {
        "en": "{name} ({unit}): read as a count of events per period by its name (within_year: flow): its months add up to the year; if it is a rate or a count of places at a date, write within_year: level or rate in targets.yaml",
        "vi": "{name} ({unit}): theo tên chỉ tiêu, đọc là số sự việc phát sinh trong kỳ (within_year: flow): số các tháng cộng lại thành số cả năm; nếu là tỷ lệ hay số đơn vị tại một thời điểm, hãy ghi within_year: level hoặc rate trong targets.yaml",
    },
    "import.kind_hinted": {
        "en": "{name}: {text} read as a total over the whole term (kind: {kind}), by the indicator's name; if it is one year's level, write kind: level in targets.yaml",
        "vi": "{name}: {text} được đọc là tổng cộng dồn cả giai đoạn (kind: {kind}) theo tên chỉ tiêu; nếu là mức của một năm, hãy ghi kind: level trong targets.yaml",
    },
    "import.rise_yearly": {
        "en": "{text} says no period: read as a yearly growth over the year before; if it is the growth over the whole term, correct the target",
        "vi": "{text} không nói thời kỳ: đọc là tăng mỗi năm so với năm trước; nếu là mức tăng cả giai đoạn, hãy sửa mục tiêu",
    },
    "import.running_count": {
        "en": "{name}: the name says a total over the term (lũy kế), but the values are a running count ({first} → {last}, never falling, for a target of {target}): read as the level to reach (kind: level); if the values are each year's amounts to add up, write kind: cumulative in targets.yaml",
        "vi": "{name}: tên chỉ tiêu nói là tổng cộng dồn (lũy kế), nhưng số liệu là số luỹ kế đến từng năm ({first} → {last}, không giảm, so với mục tiêu {target}): đọc là mức cần đạt (kind: level); nếu mỗi năm là số phát sinh trong năm cần cộng lại, hãy ghi kind: cumulative trong targets.yaml",
    },
    "import.verdict_differs": {
        "en": "{name}: the table prints {printed}, but the plan as read gives {computed}{target}: {cause}",
        "vi": "{name}: bảng ghi đánh giá {printed}, nhưng kế hoạch như đã đọc cho {computed}{target}: {cause}",
    },
    "import.verdict_target": {"en": " (target {text})", "vi": " (mục tiêu {text})"},
    "import.verdict_range": {"en": "{low}–{high}", "vi": "{low}–{high}"},
    "import.verdict_excess": {"en": "{label} {pct}%", "vi": "{label} {pct}%"},
    "import.verdict_cause.level": {
        "en": "read as a level to reach by the target year (kind: level); if the bound must hold every year, give --threshold {no} (or write kind: threshold), if it is a growth, an average or a total, write its kind in targets.yaml",
        "vi": "đọc là mức cần đạt vào năm cuối (kind: level); nếu là ngưỡng phải giữ mỗi năm, hãy thêm --threshold {no} (hoặc ghi kind: threshold), nếu là tốc độ tăng, bình quân hay tổng, hãy ghi kind đúng trong targets.yaml",
    },
    "import.verdict_cause.at_most": {
        "en": "read as more is better, but as a ceiling (less is better: direction: at_most) the plan gives the table's verdict: write direction: at_most on row {no} in targets.yaml; if it is not one, {then}",
        "vi": "đọc là càng cao càng tốt, nhưng nếu là mức trần (càng thấp càng tốt: direction: at_most) thì kế hoạch cho đúng đánh giá của bảng: hãy ghi direction: at_most cho dòng {no} trong targets.yaml; nếu không phải vậy, {then}",
    },
    "import.verdict_cause.cumulative": {
        "en": "read as a total over the term (kind: cumulative): the yearly values are added up; if they are a running count (each year's value the count so far), write kind: level in targets.yaml",
        "vi": "đọc là tổng cộng dồn cả giai đoạn (kind: cumulative): số liệu các năm được cộng lại; nếu mỗi năm đã là số luỹ kế đến năm đó, hãy ghi kind: level trong targets.yaml",
    },
    "import.verdict_cause.threshold": {
        "en": "read as a bound that holds every year (kind: threshold); if it is a level to reach by the target year, write kind: level in targets.yaml",
        "vi": "đọc là ngưỡng phải giữ mỗi năm (kind: threshold); nếu là mức cần đạt vào năm cuối, hãy ghi kind: level trong targets.yaml",
    },
    "import.verdict_cause.period": {
        "en": "the plan's period {base}–{target} was guessed (above), and a verdict depends on it ({missed} only in the target year): give --base-year and --target-year; else, {then}",
        "vi": "thời kỳ {base}–{target} của kế hoạch là đoán (ở trên), mà đánh giá phụ thuộc vào nó ({missed} chỉ trong năm cuối): hãy cho --base-year và --target-year; nếu không phải vậy, {then}",
    },
    "import.verdict_cause.target_year": {
        "en": "the same shortfall, rated in the target year by one ({missed}) and before it by the other ({at_risk}): the plan's period as read, {base}–{target}, may not be the resolution's (a title's \"tính đến năm\" is the report's year): give --base-year and --target-year",
        "vi": "cùng là chưa đạt, một bên đánh giá trong năm cuối ({missed}), bên kia trước năm cuối ({at_risk}): thời kỳ đã đọc, {base}–{target}, có thể không phải của nghị quyết (\"tính đến năm\" ở tiêu đề là năm báo cáo): hãy cho --base-year và --target-year",
    },
    "import.verdict_cause.group": {
        "en": "rated by its sub-rows (kind: {kind}), whose verdicts the table does not print or prints alike; check the sub-rows' kinds in targets.yaml, or kpi audit",
        "vi": "được đánh giá theo các dòng con (kind: {kind}), mà bảng không ghi đánh giá hoặc ghi giống kpi; hãy kiểm tra kind của các dòng con trong targets.yaml, hoặc chạy kpi audit",
    },
    "import.verdict_cause.other": {
        "en": "read as kind: {kind}; if that is not the target's kind, write its kind in targets.yaml, else kpi audit shows how the table's verdict differs",
        "vi": "đọc là kind: {kind}; nếu không đúng loại mục tiêu, hãy ghi kind đúng trong targets.yaml, nếu đúng thì kpi audit cho thấy đánh giá của bảng khác ở đâu",
    },
    "import.hidden_row": {"en": "a hidden row, not read: {text}", "vi": "dòng bị ẩn, không đọc: {text}"},
    "import.note_without_target": {
        "en": "the note {text} was not kept: the row has no target in the exported data to hold it",
        "vi": "không giữ được ghi chú {text}: dòng không có mục tiêu trong dữ liệu đã xuất để ghi kèm",
    },
    "import.tally": {"en": "a tally row whose counts were not understood: {text}", "vi": "dòng tổng hợp không hiểu được số đếm: {text}"},
    "import.part_dropped": {
        "en": "kpi: {name} (a part of {parent}, with values and no target) was not kept: its parent row is no longer in the table",
        "vi": "kpi: {name} (một phần của {parent}, có số liệu nhưng không có mục tiêu) không được giữ: dòng cha của nó không còn trong bảng",
    },
    "import.refused": {"en": "{id}: {message}; its target was left out", "vi": "{id}: {message}; đã bỏ mục tiêu của chỉ tiêu này"},
    "import.no_sheet": {"en": "no sheet or table {sheet}; the file has: {names}", "vi": "không có trang hay bảng {sheet}; tệp có: {names}"},
    "import.table_row": {"en": "{row} of table {table}", "vi": "{row} của bảng {table}"},
    "import.table_continued": {"en": "table {n} (continued in table {parts})", "vi": "bảng {n} (tiếp theo ở bảng {parts})"},
    "import.part_of": {
        "en": "kpi: table {part} continues table {table} (its title says so): read as one table with it",
        "vi": "kpi: bảng {part} là phần tiếp theo của bảng {table} (tiêu đề ghi vậy): đã đọc cùng bảng {table} như một bảng",
    },
    "import.continued_apart": {
        "en": "table {part} says it continues table {table}, but its columns are neither that table's nor its TT, name and unit with other columns: not read with it (read it alone with --sheet {part})",
        "vi": "bảng {part} ghi là tiếp theo bảng {table}, nhưng các cột của nó không giống bảng đó, cũng không phải TT, tên chỉ tiêu và đơn vị lặp lại cùng các cột khác: không đọc cùng bảng đó (đọc riêng bằng --sheet {part})",
    },
    "import.continued_no_row": {
        "en": "{text}: no row of table {table} has this number and name, so this row's cells were not read",
        "vi": "{text}: không có dòng nào của bảng {table} có số thứ tự và tên này, nên các ô của dòng này không được đọc",
    },
    "import.other_tables": {
        "en": "kpi: read {chosen}; the file has other tables ({others}): choose one with --sheet",
        "vi": "kpi: đã đọc {chosen}; tệp còn bảng khác ({others}): chọn bằng --sheet",
    },
    "import.guess_target": {
        "en": "kpi: the title names no target year: {year}, the last year column, was taken (give --target-year)",
        "vi": "kpi: tiêu đề không ghi năm mục tiêu: đã lấy {year}, cột năm cuối cùng (hãy cho --target-year)",
    },
    "import.guess_base": {
        "en": "kpi: the title names no base year: {year} was taken (give --base-year)",
        "vi": "kpi: tiêu đề không ghi năm gốc: đã lấy {year} (hãy cho --base-year)",
    },
    "import.guess_name": {
        "en": "kpi: the title names no resolution: the plan is called {name} (give --name)",
        "vi": "kpi: tiêu đề không ghi tên nghị quyết: kế hoạch được đặt tên {name} (hãy cho --name)",
    },
    "import.years_order": {
        "en": "the target year {target} must come after the base year {base}: give --base-year and --target-year",
        "vi": "năm mục tiêu {target} phải sau năm gốc {base}: hãy cho --base-year và --target-year",
    },
    "import.footnote": {"en": "Under the table: {text}", "vi": "Ghi dưới bảng: {text}"},
    "import.dry_run": {"en": "kpi: --dry-run: nothing was written", "vi": "kpi: --dry-run: chưa ghi gì"},
    "import.bad_embedded": {
        "en": "the data kpi exported in {path} cannot be used: {reason}; nothing was written (to read the printed table alone, give --table-only)",
        "vi": "không dùng được dữ liệu kpi đã xuất kèm trong {path}: {reason}; chưa ghi gì (để chỉ đọc bảng in, hãy cho --table-only)",
    },
    "import.embedded_damaged": {
        "en": "its part {part} is not whole XML (cut or damaged)",
        "vi": "phần {part} chứa dữ liệu ấy không còn là XML nguyên vẹn (bị cắt hoặc hỏng)",
    },
    "import.embedded_unsure": {
        "en": "kpi: {path}: its part {part} is not whole XML (cut or damaged) and was not read: if it held the data kpi exported, that data was not used — the printed table was read instead; check what was read",
        "vi": "kpi: {path}: phần {part} không còn là XML nguyên vẹn (bị cắt hoặc hỏng) nên không được đọc: nếu đó là dữ liệu kpi đã xuất kèm thì dữ liệu ấy không được dùng — đã đọc bảng in thay cho nó; hãy kiểm tra kết quả",
    },
    "import.embedded_foreign": {
        "en": "kpi: {path}: {place} holds no data kpi exported (it does not begin with kpi's format name: {text}) and was not read — the printed table was read instead",
        "vi": "kpi: {path}: {place} không chứa dữ liệu kpi đã xuất (không bắt đầu bằng tên định dạng của kpi: {text}) nên không được đọc — đã đọc bảng in thay cho nó",
    },
    "import.embedded_place_xlsx": {"en": "the hidden sheet {sheet}", "vi": "trang ẩn {sheet}"},
    "import.embedded_place_docx": {"en": "kpi's custom XML part", "vi": "phần XML riêng của kpi"},
    "import.embedded_changed": {
        "en": "it was changed after kpi wrote it (its digest, the data's last key, no longer matches it: edited by hand or damaged), so it is not read as kpi's",
        "vi": "dữ liệu đã bị sửa sau khi kpi ghi (mã kiểm tra ở cuối dữ liệu không còn khớp: sửa tay hoặc hỏng), nên không được đọc như dữ liệu của kpi",
    },
    "import.embedded_not_json": {"en": "it is not JSON from character {at} on (cut or damaged)", "vi": "từ ký tự {at} không còn là JSON (bị cắt hoặc hỏng)"},
    "import.embedded_version": {
        "en": "its layout is version {found}, this kpi reads version {version}",
        "vi": "bố cục của dữ liệu là phiên bản {found}, kpi này đọc phiên bản {version}",
    },
    "import.embedded_lang": {"en": "its lang is {found}, not vi or en", "vi": "lang của dữ liệu là {found}, không phải vi hay en"},
    "import.embedded_shape": {"en": "{key} is missing or not {what}", "vi": "{key} không có hoặc không phải {what}"},
    "import.embedded_items": {"en": "{key} holds an item that is not {what}", "vi": "{key} có mục không phải {what}"},
    "import.embedded_dict": {"en": "an object (key: value)", "vi": "một đối tượng (khoá: giá trị)"},
    "import.embedded_list": {"en": "a list", "vi": "một danh sách"},
    "import.embedded_unwritable": {"en": "it is not as kpi writes it", "vi": "không như kpi ghi"},
    "import.embedded_problem": {"en": "as {file}, {subject}{message}", "vi": "đọc như {file}, {subject}{message}"},
    "import.from_export": {
        "en": "kpi: the file carries the data kpi exported: unchanged rows come back exactly",
        "vi": "kpi: tệp mang dữ liệu kpi đã xuất: các dòng không sửa được lấy lại nguyên vẹn",
    },
    # -- the command line's own usage errors (Click's, said again in the language) --
    "click.no_option": {"en": "no such option: {name}{hint}", "vi": "không có tuỳ chọn {name}{hint}"},
    "click.did_you_mean": {"en": " (did you mean {names}?)", "vi": " (có phải {names}?)"},
    "click.no_command": {"en": "no such command {name}{hint}; the commands: {names}", "vi": "không có lệnh {name}{hint}; các lệnh: {names}"},
    "click.missing_argument": {"en": "missing argument {name}", "vi": "thiếu tham số {name}"},
    # the commands' arguments as a usage error names them (spoken.param_words): every argument of
    # every command has one (tests/cli/test_click_messages.py)
    "click.arg.file": {"en": "file", "vi": "tệp"},
    "click.arg.folder": {"en": "folder", "vi": "thư mục"},
    "click.arg.indicator": {"en": "indicator", "vi": "chỉ tiêu"},
    "click.arg.year": {"en": "period", "vi": "kỳ"},  # kpi record's: a year, a month (2026-06) or a quarter (2026-Q2)
    "click.arg.value": {"en": "value", "vi": "giá trị"},
    "click.missing_option": {"en": "missing option {name}", "vi": "thiếu tuỳ chọn {name}"},
    "click.bad_parameter": {"en": "invalid value for {name}: {detail}", "vi": "giá trị không hợp lệ cho {name}: {detail}"},
    "click.not_one_of": {"en": "{value} is not one of {choices}", "vi": "{value} không phải một trong {choices}"},
    "click.not_in_range": {"en": "{value} is not in the range {range}", "vi": "{value} không nằm trong khoảng {range}"},
    "click.not_whole": {"en": "{value} is not a whole number", "vi": "{value} không phải số nguyên"},
    "click.not_number": {"en": "{value} is not a number", "vi": "{value} không phải số"},
    "click.no_path": {"en": "{value} does not exist", "vi": "{value} không tồn tại"},
    "click.is_folder": {"en": "{value} is a folder", "vi": "{value} là một thư mục"},
    "click.is_file": {"en": "{value} is a file", "vi": "{value} là một tệp"},
    "click.bad_value": {"en": "{value} is not accepted", "vi": "không nhận {value}"},
    "click.needs_value": {"en": "option {name} needs a value", "vi": "tuỳ chọn {name} cần một giá trị"},
    "click.takes_no_value": {"en": "option {name} takes no value", "vi": "tuỳ chọn {name} không nhận giá trị"},
    "click.bad_option": {"en": "option {name} used wrongly", "vi": "tuỳ chọn {name} dùng không đúng"},
    "click.extra": {"en": "unexpected extra arguments: {args}", "vi": "thừa tham số: {args}"},
    "click.usage": {"en": "{detail}", "vi": "cách dùng không đúng: {detail}"},
    "click.try": {"en": "try: {command}", "vi": "thử: {command}"},
    "click.aborted": {"en": "kpi: aborted", "vi": "kpi: đã dừng"},
    "import.comment_targets": {
        "en": "Imported by kpi import from {source}; check each target's kind and direction.",
        "vi": "Nhập bằng kpi import từ {source}; hãy kiểm tra loại và chiều của từng chỉ tiêu.",
    },
    "import.comment_actuals": {"en": "Imported by kpi import from {source}.", "vi": "Nhập bằng kpi import từ {source}."},
    "import.summary": {
        "en": "kpi: {count} thing to check above (the files were written; exit code 5)|kpi: {count} things to check above (the files were written; exit code 5)",
        "vi": "kpi: {count} điều cần kiểm tra ở trên (đã ghi các tệp; mã thoát 5)",
    },
    "import.summary_dry": {
        "en": "kpi: {count} thing to check above|kpi: {count} things to check above",
        "vi": "kpi: {count} điều cần kiểm tra ở trên",
    },

    # --- words of tables and screens (output/labels.py reads them by section) ---
    # the assessment of an indicator
    "status.exceeded": {"en": "Exceeded", "vi": "Vượt"},
    "status.achieved": {"en": "Achieved", "vi": "Đạt"},
    "status.at_risk": {"en": "At risk", "vi": "Khó đạt"},
    "status.missed": {"en": "Missed", "vi": "Không đạt"},
    "status.no_data": {"en": "No data", "vi": "Chưa có số liệu"},
    # a plan's own class between Đạt and Khó đạt (settings.classes) as kpi init's template names it
    # and offices print it: read back from a table, in either language, as short of the target, near
    # it (core/classify.parse_assessment)
    "class.nearly": {"en": "Nearly achieved", "vi": "Xấp xỉ đạt"},
    # labels, headers and phrases of tables and screens
    "word.no": {"en": "No", "vi": "TT"},
    # the monthly report of an annual plan (README "Within the year")
    "word.annual_previous": {"en": "Actual {year}", "vi": "TH năm {year}"},
    "word.annual_target": {"en": "Plan {year}", "vi": "KH năm {year}"},
    "word.annual_current": {"en": "Estimate {year}", "vi": "Ước TH năm {year}"},
    "word.annual_pct": {"en": "% of plan", "vi": "% KH"},
    "cli.territory_area": {
        "en": "{option} shows the whole territory, area by area; it cannot be combined with --area {area} (leave out --area, or use kpi status --area {id})",
        "vi": "{option} cho thấy toàn địa bàn theo từng đơn vị, không dùng cùng --area {area} (bỏ --area, hoặc dùng kpi status --area {id})",
    },
    "cli.territory_plan": {
        "en": "{option} compares the areas against the targets of a plan of the whole territory; plan {plan} is the own plan of area {area} (see it with kpi status --plan {id})",
        "vi": "{option} so sánh các đơn vị theo chỉ tiêu của kế hoạch toàn địa bàn; kế hoạch {plan} là kế hoạch riêng của đơn vị {area} (xem bằng kpi status --plan {id})",
    },
    "cli.month_before_year": {
        "en": "{plan} is the plan of {year}: {period} is before its year, which has no figures yet; give a month of {year} (--as-of {year}-06) or the year (--as-of {year}) for the yearly table",
        "vi": "{plan} là kế hoạch năm {year}: {period} chưa đến năm của kế hoạch, chưa có số liệu để báo cáo; dùng một tháng của năm {year} (--as-of {year}-06) hoặc năm (--as-of {year}) để xem bảng năm",
    },
    "cli.month_options": {
        "en": "--only, --only-pace, --fail-on and --compare apply to the yearly table; {plan} is answered by its monthly report as of {period}: give --as-of {year} for the yearly table",
        "vi": "--only, --only-pace, --fail-on và --compare dùng cho bảng năm; {plan} đang được trả lời bằng báo cáo tháng tính đến {period}: dùng --as-of {year} để xem bảng năm",
    },
    "import.month_no_year": {
        "en": "{path}: a monthly report whose title and plan column name no year (give --target-year)",
        "vi": "{path}: báo cáo tháng mà tiêu đề và cột kế hoạch không ghi năm (hãy cho --target-year)",
    },
    "import.month_no_month": {
        "en": "{path}: a monthly report whose title and columns name no month (Tháng 6, 6 tháng, Quý II)",
        "vi": "{path}: báo cáo tháng mà tiêu đề và các cột không ghi tháng nào (Tháng 6, 6 tháng, Quý II)",
    },
    "import.month_title_differs": {
        "en": "kpi: the title says month {title}, the column {header} month {month}: the report was read as of month {month}",
        "vi": "kpi: tiêu đề ghi tháng {title}, cột {header} ghi tháng {month}: đã đọc báo cáo tính đến tháng {month}",
    },
    "import.month_status_unsaid": {
        "en": "neither the column {text} nor the title says ước, sơ bộ or chính thức: its values were read as actual",
        "vi": "cả cột {text} lẫn tiêu đề không ghi ước, sơ bộ hay chính thức: số liệu cột này được đọc là số thực hiện",
    },
    "import.month_default_name": {"en": "Kế hoạch phát triển kinh tế - xã hội năm {year}", "vi": "Kế hoạch phát triển kinh tế - xã hội năm {year}"},
    "import.month_twice": {"en": "a second column for the period {text}: not read (the first is kept)", "vi": "cột thứ hai cho kỳ {text}: không đọc (giữ cột đầu)"},
    "import.month_pct_differs": {
        "en": "{header} prints {published}, computed from the values read {computed}: kept as published (kpi audit compares it)",
        "vi": "{header} ghi {published}, tính lại từ số liệu đã đọc được {computed}: giữ nguyên số đã công bố (kpi audit đối chiếu)",
    },
    "import.month_change_index": {
        "en": (
            "{header} prints the index against the same period of last year, not the change ({example}: {example} % of last year's, up {up} %):"
            " {index} of the {rows} rows the values read give fit it within the audit tolerance, none the change; the whole column read so,"
            " kept as the change it prints ({example} as {up})"
        ),
        "vi": (
            "{header} ghi chỉ số so với cùng kỳ năm trước, không phải mức tăng ({example} là bằng {example} % cùng kỳ, tăng {up} %):"
            " {index} trong {rows} dòng tính lại được từ số liệu đã đọc khớp cách ghi này trong sai số đối chiếu, không dòng nào khớp mức tăng;"
            " đã đọc cả cột theo cách này, ghi là mức tăng ({example} thành {up})"
        ),
    },
    "import.month_table_only_levels": {
        "en": (
            "kpi: kpi's own monthly report read as its printed table alone (--table-only): its plan column prints the year's plan,"
            " and a plan kpi computed from its target (a \"Tăng 15%\" of last year's value, printed 34,500) cannot be told from a level there;"
            " rows {rows} are read as levels of the plan printed, its words kept where the table prints them (\"≤ 300\", \"4,000–4,200\"):"
            " the same verdicts within this year, but not the target's kind nor the wording of a plan computed from it"
            " (those are in the data the file carries, which an import without --table-only keeps)"
        ),
        "vi": (
            "kpi: đọc báo cáo tháng của chính kpi chỉ theo bảng in (--table-only): cột kế hoạch ghi kế hoạch năm,"
            " và kế hoạch kpi tính từ mục tiêu (\"Tăng 15%\" so với năm trước, in là 34.500) không phân biệt được với một mức;"
            " các dòng {rows} được đọc là mức bằng kế hoạch đã in, giữ cách ghi nơi bảng có in (\"≤ 300\", \"4.000–4.200\"):"
            " đánh giá trong năm nay như nhau, nhưng không phải loại mục tiêu hay cách ghi của kế hoạch tính từ mục tiêu"
            " (những điều ấy nằm trong dữ liệu tệp mang theo, nhập không có --table-only thì giữ được)"
        ),
    },
    "import.month_change_index_figures": {
        "en": (
            "{header} prints the index against the same period of last year, not the change ({example}: {example} % of last year's, up {up} %):"
            " none of its {rows} rows can be recomputed from the values read, and every figure ({low} to {high}) lies between 50 and 200,"
            " a change of that size in every row being implausible; the whole column read so, kept as the change it prints ({example} as {up})"
        ),
        "vi": (
            "{header} ghi chỉ số so với cùng kỳ năm trước, không phải mức tăng ({example} là bằng {example} % cùng kỳ, tăng {up} %):"
            " không dòng nào trong {rows} dòng tính lại được từ số liệu đã đọc, và mọi số ({low} đến {high}) đều trong khoảng 50 đến 200,"
            " không thể dòng nào cũng tăng chừng ấy; đã đọc cả cột theo cách này, ghi là mức tăng ({example} thành {up})"
        ),
    },
    "import.month_change_untold_figures": {
        "en": (
            "{header}: none of its {rows} rows can be recomputed from the values read, and its figures ({low} to {high}) are neither all"
            " between −50 and 50 (a change) nor all between 50 and 200 (an index): which the column prints cannot be told; kept as published"
            " (kpi audit compares them as the change)"
        ),
        "vi": (
            "{header}: không dòng nào trong {rows} dòng tính lại được từ số liệu đã đọc, và các số ({low} đến {high}) không cùng trong khoảng"
            " −50 đến 50 (mức tăng) hay cùng trong khoảng 50 đến 200 (chỉ số): không biết cột ghi theo cách nào; giữ nguyên số đã công bố"
            " (kpi audit đối chiếu như mức tăng)"
        ),
    },
    "import.month_change_untold": {
        "en": (
            "{header}: of the {rows} rows the values read give, {change} fit the change against the same period of last year,"
            " {index} the index (100 + the change), {neither} neither: which the column prints cannot be told; kept as published, its rows not compared"
            " one by one here (kpi audit compares them as the change)"
        ),
        "vi": (
            "{header}: trong {rows} dòng tính lại được từ số liệu đã đọc, {change} dòng khớp mức tăng so với cùng kỳ,"
            " {index} dòng khớp chỉ số (100 + mức tăng), {neither} dòng không khớp cách nào: không biết cột ghi theo cách nào; giữ nguyên số đã công bố,"
            " không đối chiếu từng dòng ở đây (kpi audit đối chiếu như mức tăng)"
        ),
    },
    "import.month_pct_none": {
        "en": "{header} prints {published}, which the values read do not give ({why}): kept as published",
        "vi": "{header} ghi {published}, không tính lại được từ số liệu đã đọc ({why}): giữ nguyên số đã công bố",
    },
    "import.month_needs.plan_pct": {"en": "the year's plan is missing", "vi": "thiếu kế hoạch năm"},
    "import.month_needs.change_pct": {"en": "last year's figure for the same period is missing", "vi": "thiếu số cùng kỳ năm trước"},
    "import.month_needs.estimate": {"en": "last year's same period and whole year are missing", "vi": "thiếu số cùng kỳ và cả năm của năm trước"},
    "import.month_verdict_differs": {
        "en": "the table's assessment {printed}, kpi's from the values read {computed}",
        "vi": "bảng đánh giá {printed}, kpi tính từ số liệu đã đọc: {computed}",
    },
    "import.month_level_differs": {
        "en": "a level's lũy kế is its value at the month's end, but the month shows {month} and the lũy kế {to_date}: kpi reads the lũy kế",
        "vi": "lũy kế của một chỉ tiêu mức là giá trị cuối tháng, nhưng cột tháng ghi {month} còn cột lũy kế ghi {to_date}: kpi dùng số lũy kế",
    },
    "import.month_meaning": {
        "en": "{name}: its unit {unit} does not say whether its months add up, are levels or rates: add within_year: flow, level or rate to targets.yaml",
        "vi": "{name}: đơn vị {unit} không cho biết các tháng cộng dồn, là mức hay là tốc độ: thêm within_year: flow, level hoặc rate vào targets.yaml",
    },
    "import.edited_value": {
        "en": "the {year} value was changed in the table after the export: {read} read from the table (the data kpi exported has {data})",
        "vi": "số liệu năm {year} đã được sửa trong bảng sau khi xuất: đọc {read} từ bảng (dữ liệu kpi đã xuất ghi {data})",
    },
    "import.edited_target": {
        "en": "the target was changed in the table after the export: {read} read from the table (the data kpi exported has {data})",
        "vi": "mục tiêu đã được sửa trong bảng sau khi xuất: đọc {read} từ bảng (dữ liệu kpi đã xuất ghi {data})",
    },
    "import.edited_target_number": {
        "en": "the target's number was changed in the table after the export too, to {number} (the data kpi exported has {data}): the target is read from the printed cell beside it, which says the same",
        "vi": "số mục tiêu cũng đã được sửa trong bảng sau khi xuất, thành {number} (dữ liệu kpi đã xuất ghi {data}): mục tiêu được đọc từ ô ghi bên cạnh, ô này ghi cùng số",
    },
    "import.edited_target_number_unread": {
        "en": "the target's number was changed in the table after the export, to {number} (the data kpi exported has {data}), and the printed cell beside it to {read}, which says another: the target is read from the printed cell, {number} is not read; make the two cells say the same",
        "vi": "số mục tiêu đã được sửa trong bảng sau khi xuất, thành {number} (dữ liệu kpi đã xuất ghi {data}), còn ô ghi bên cạnh sửa thành {read}, khác số này: mục tiêu được đọc từ ô ghi, không đọc {number}; hãy sửa hai ô cho khớp nhau",
    },
    "import.edited_verdict": {
        "en": "the verdict was changed in the table after the export: {read} in the table (kpi printed {data} from the data it exported; a verdict is not read, kpi computes it)",
        "vi": "đánh giá đã được sửa trong bảng sau khi xuất: bảng ghi {read} (kpi đã in {data} từ dữ liệu đã xuất; đánh giá không được đọc, kpi tự tính)",
    },
    "import.edited_range": {"en": "{low}–{high}", "vi": "{low}–{high}"},
    "import.month_plan_edited": {
        "en": "{header} prints {printed}, but the plan in the data the file carries is {data}: the table was changed after the export, and a monthly report's table is not read — the data's plan was kept (edit targets.yaml to change it)",
        "vi": "{header} ghi {printed}, nhưng kế hoạch trong dữ liệu tệp mang theo là {data}: bảng đã bị sửa sau khi xuất, mà bảng của báo cáo tháng không được đọc — giữ kế hoạch của dữ liệu (sửa targets.yaml để thay đổi)",
    },
    "import.month_note_edited": {
        "en": "{header} prints {printed}, but the row's note in the data the file carries is {data}: the table was changed after the export, and a monthly report's table is not read — the data's note was kept (edit note: in targets.yaml to change it)",
        "vi": "{header} ghi {printed}, nhưng ghi chú của dòng trong dữ liệu tệp mang theo là {data}: bảng đã bị sửa sau khi xuất, mà bảng của báo cáo tháng không được đọc — giữ ghi chú của dữ liệu (sửa note: trong targets.yaml để thay đổi)",
    },
    "import.month_verdict_edited": {
        "en": "{header} prints {printed}, but kpi's verdict from the data the file carries is {data}: the table was changed after the export; a verdict is not read, kpi computes it",
        "vi": "{header} ghi {printed}, nhưng đánh giá kpi tính từ dữ liệu tệp mang theo là {data}: bảng đã bị sửa sau khi xuất; đánh giá không được đọc, kpi tự tính",
    },
    "import.month_cell_edited": {
        "en": "{header} prints {printed}, but the data the file carries gives {data}: the table was changed after the export, and a monthly report's table is not read — the data's {data} was kept (edit actuals.yaml or use kpi record to change it)",
        "vi": "{header} ghi {printed}, nhưng dữ liệu tệp mang theo cho {data}: bảng đã bị sửa sau khi xuất, mà bảng của báo cáo tháng không được đọc — giữ {data} của dữ liệu (sửa actuals.yaml hoặc dùng kpi record để thay đổi)",
    },
    "import.month_report": {
        "en": "kpi: a monthly report kpi exported: its data came back as exported; edits to its table are not read (edit targets.yaml for the plan, actuals.yaml or kpi record for the values)",
        "vi": "kpi: báo cáo tháng do kpi xuất: số liệu được lấy lại nguyên như khi xuất; các sửa đổi trong bảng không được đọc (sửa kế hoạch trong targets.yaml, số liệu trong actuals.yaml hoặc bằng kpi record)",
    },
    "word.period_ytd": {"en": "year to date to {period}", "vi": "lũy kế đến {period}"},
    "word.month_title": {"en": "{plan} — {period}", "vi": "{plan} — {period}"},
    "word.period_month": {"en": "{name} {year}", "vi": "{name}/{year}"},
    # a month by its number, as a period says it: "September 2026", "tháng 9/2026" (word.period_month)
    "month_name.1": {"en": "January", "vi": "tháng 1"},
    "month_name.2": {"en": "February", "vi": "tháng 2"},
    "month_name.3": {"en": "March", "vi": "tháng 3"},
    "month_name.4": {"en": "April", "vi": "tháng 4"},
    "month_name.5": {"en": "May", "vi": "tháng 5"},
    "month_name.6": {"en": "June", "vi": "tháng 6"},
    "month_name.7": {"en": "July", "vi": "tháng 7"},
    "month_name.8": {"en": "August", "vi": "tháng 8"},
    "month_name.9": {"en": "September", "vi": "tháng 9"},
    "month_name.10": {"en": "October", "vi": "tháng 10"},
    "month_name.11": {"en": "November", "vi": "tháng 11"},
    "month_name.12": {"en": "December", "vi": "tháng 12"},
    "word.period_quarter": {"en": "Q{quarter} {year}", "vi": "quý {quarter}/{year}"},
    "word.month_plan": {"en": "Plan {year}", "vi": "KH năm {year}"},
    # a month's column (the monthly report) or row (kpi show): its name as a heading begins, "September",
    # "Tháng 9", as a title names it ("September 2026", "tháng 9/2026")
    "word.month_alone": {"en": "{Name}", "vi": "{Name}"},
    "word.quarter_alone": {"en": "Q{quarter}", "vi": "Quý {quarter}"},
    "word.month_to_date": {"en": "{month} months to date", "vi": "Lũy kế {month} tháng"},
    "word.month_plan_pct": {"en": "% of plan", "vi": "% KH năm"},
    "word.month_change": {"en": "vs last year", "vi": "So cùng kỳ"},
    "word.month_marks": {"en": "* estimate, ° preliminary", "vi": "* ước tính, ° sơ bộ"},
    "word.month_estimate": {"en": "Year estimate", "vi": "Ước cả năm"},
    "word.month_footer": {"en": "{counts}; {elapsed} of the year gone — provisional", "vi": "{counts}; {elapsed} thời gian của năm đã qua — đánh giá tạm tính"},
    "word.month_footer_final": {"en": "{counts}; the whole year", "vi": "{counts}; cả năm"},
    "word.seasonal_note": {"en": "by last year's share to date, {share}", "vi": "theo tỷ trọng cùng kỳ năm trước {share}"},
    "word.entered_note": {"en": "entered estimate", "vi": "ước tính đã nhập"},
    "word.period_col": {"en": "Period", "vi": "Kỳ"},
    "word.month_fact": {"en": "As of {period}", "vi": "Tính đến {period}"},
    "word.year_not_over": {
        "en": "the year {year} is not over: as of {period}, {verdict} (provisional, above)",
        "vi": "chưa hết năm {year}: tính đến {period}, {verdict} (tạm tính, ở trên)",
    },
    "word.year_over": {
        "en": "the whole year {year}: {verdict} (the year's result, above)",
        "vi": "cả năm {year}: {verdict} (kết quả năm, ở trên)",
    },
    "word.month_fact_to_date": {"en": "year to date {value} = {pct} of the year's plan", "vi": "lũy kế {value} = {pct} KH năm"},
    "word.month_fact_way": {
        "en": "year to date {value} = {pct} of the way to the year's plan",
        "vi": "lũy kế {value} = {pct} chặng đường tới KH năm",
    },
    "word.month_fact_value": {"en": "year to date {value}", "vi": "lũy kế {value}"},
    "word.share_target": {"en": "{value}% of {of}", "vi": "{value}% {of}"},
    "word.share_kind_of": {"en": "share of another indicator, {of}", "vi": "tỷ lệ so với chỉ tiêu khác, {of}"},
    "word.month_fact_no_to_date": {"en": "no year-to-date value", "vi": "chưa có số lũy kế"},
    "word.month_fact_change": {"en": "{change} on the same period last year", "vi": "so cùng kỳ {change}"},
    "word.month_fact_estimate": {"en": "year estimate {value} ({how})", "vi": "ước cả năm {value} ({how})"},
    "word.provisional": {"en": "{verdict} (provisional: the year is not over)", "vi": "{verdict} (tạm tính, chưa hết năm)"},
    "word.same_period_last_year": {"en": "Same period {year}", "vi": "Cùng kỳ {year}"},
    "word.periods_title": {"en": "Periods of {year} beside {last}", "vi": "Các kỳ trong năm {year} và cùng kỳ {last}"},
    "word.term_requires": {"en": "The term needs in {year}", "vi": "Nhiệm kỳ cần năm {year}"},
    "word.term_need_rate": {
        "en": "{rate} a year in the {remaining} years left to reach {target} of {plan}",
        "vi": "{rate}/năm trong {remaining} năm còn lại để đạt {target} của {plan}",
    },
    "word.term_need_level": {
        "en": "{level} (growing {rate} a year to {end}) to reach {target} of {plan}",
        "vi": "{level} (tăng {rate}/năm đến {end}) để đạt {target} của {plan}",
    },
    "word.term_need_every_year": {"en": "{target}, as every year of {plan}", "vi": "{target}, như mọi năm của {plan}"},
    "month_verdict.on_course": {"en": "On course", "vi": "Đúng tiến độ"},
    "month_verdict.behind": {"en": "Behind", "vi": "Chậm tiến độ"},
    "month_verdict.achieved": {"en": "Year's plan met", "vi": "Đạt kế hoạch năm"},
    "month_verdict.missed": {"en": "Year's plan missed", "vi": "Không đạt kế hoạch năm"},
    "month_verdict.no_data": {"en": "No data", "vi": "Chưa có số liệu"},
    "word.month_unknown_meaning": {"en": "Not known how months add up", "vi": "Chưa rõ cách cộng tháng"},
    "month_reason.unknown_meaning": {"en": "within_year not known: flow, level or rate", "vi": "chưa rõ số liệu trong năm là dòng chảy, mức hay tốc độ (within_year)"},
    "month_reason.no_values": {"en": "no value for the period", "vi": "không có giá trị của kỳ"},
    "month_reason.no_target": {"en": "no target for the year", "vi": "chưa có kế hoạch năm"},
    "month_reason.not_rated": {
        "en": "no target for the year: its figures are shown", "vi": "chưa có kế hoạch năm: số liệu vẫn được ghi",
    },
    "word.month_no_last_december": {"en": "No data for December {last}", "vi": "Chưa có số liệu tháng 12/{last}"},
    "month_reason.no_last_december": {
        "en": "no value for December {last}: a level is judged against the straight path from last December to the year's plan",
        "vi": "thiếu số liệu tháng 12/{last}: chỉ tiêu mức được đánh giá theo đường thẳng từ tháng 12 năm trước đến KH năm",
    },
    "word.month_share_not_known": {"en": "Share not known for the period", "vi": "Chưa tính được tỷ lệ trong kỳ"},
    "month_reason.share_not_known": {
        "en": "both indicators need values for the same months, adding up alike (flow or level)",
        "vi": "cần số liệu cùng các tháng của cả hai chỉ tiêu, cộng tháng như nhau (dòng chảy hoặc mức)",
    },
    "word.month_by_parts": {"en": "Rated by its parts", "vi": "Đánh giá theo thành phần"},
    "month_reason.by_parts": {
        "en": "no value or year's plan of its own to judge by the month; its parts are judged on their own rows",
        "vi": "không có giá trị và kế hoạch năm riêng để đánh giá theo tháng; các thành phần được đánh giá ở dòng của mình",
    },
    "word.not_rated": {"en": "Not rated", "vi": "Không đánh giá"},
    "word.bounded": {"en": "held within what the indicator can be, computed {value}", "vi": "giữ trong giới hạn của chỉ tiêu, tính ra {value}"},
    "word.problem_file": {"en": "file", "vi": "tệp"},
    "word.problem_line": {"en": "line", "vi": "dòng"},
    "word.problem_column": {"en": "column", "vi": "cột"},
    "word.problem_indicator": {"en": "indicator", "vi": "chỉ tiêu"},
    "word.problem_field": {"en": "field", "vi": "trường"},
    "word.problem_message": {"en": "message", "vi": "thông báo"},
    "word.problem_severity": {"en": "severity", "vi": "mức"},
    "word.severity_warning": {"en": "warning", "vi": "cảnh báo"},
    "word.severity_error": {"en": "error", "vi": "lỗi"},
    "word.name": {"en": "Indicator", "vi": "Chỉ tiêu"},
    "word.unit": {"en": "Unit", "vi": "ĐVT"},
    "word.target": {"en": "Target", "vi": "Nghị quyết"},
    "word.target_annual": {"en": "Plan {year}", "vi": "Kế hoạch năm {year}"},
    "word.baseline": {"en": "{year}", "vi": "Năm {year}"},
    "word.latest": {"en": "Latest", "vi": "Mới nhất"},
    "word.avg_growth": {"en": "Avg growth", "vi": "Bình quân"},
    "word.attainment": {"en": "% of target", "vi": "% so NQ"},
    "word.attainment_annual": {"en": "% of plan", "vi": "% so KH"},
    "word.forecast": {"en": "Forecast", "vi": "Dự báo"},
    "word.forecast_pct": {"en": "Forecast %", "vi": "So sánh %"},
    "word.assessment": {"en": "Assessment", "vi": "Đánh giá"},
    "word.year": {"en": "Year", "vi": "Năm"},
    "word.value": {"en": "Value", "vi": "Giá trị"},
    "word.status": {"en": "Status", "vi": "Trạng thái"},
    "word.value_status": {"en": "{column} (status)", "vi": "{column} (trạng thái)"},
    "word.field": {"en": "Field", "vi": "Mục"},
    "word.source": {"en": "Source", "vi": "Nguồn"},
    "word.published": {"en": "Published", "vi": "Báo cáo ghi"},
    "word.computed": {"en": "Computed", "vi": "Tính lại"},
    "word.note": {"en": "Note", "vi": "Ghi chú"},
    "word.count": {"en": "Indicators", "vi": "Số chỉ tiêu"},
    "word.kind": {"en": "Kind of target", "vi": "Loại chỉ tiêu"},
    "word.cagr": {"en": "CAGR", "vi": "Tăng trưởng bình quân (CAGR)"},
    "word.required": {"en": "Required yearly growth", "vi": "Tăng trưởng cần đạt mỗi năm"},
    # a strict target ("trên", "dưới"): the growth that lands on the bound is not enough
    "word.required_above": {"en": "more than {pct}", "vi": "trên {pct}"},
    "word.required_below": {"en": "less than {pct}", "vi": "dưới {pct}"},
    "word.progress": {"en": "Progress from baseline", "vi": "Tiến độ so với năm gốc"},
    "word.trend": {"en": "Trend to {year}", "vi": "Theo xu hướng đến {year}"},
    "word.as_of": {"en": "as of {year}", "vi": "tính đến năm {year}"},
    "word.indicators_total": {"en": "{n} indicators", "vi": "{n} chỉ tiêu"},
    "word.indicator_one": {"en": "{n} indicator", "vi": "{n} chỉ tiêu"},
    "word.no_findings": {"en": "No discrepancies.", "vi": "Không có sai lệch."},
    "word.valid": {"en": "Data is valid: {indicators} ({rows} rows), {plans}.", "vi": "Dữ liệu hợp lệ: {indicators} ({rows} dòng), {plans} kế hoạch."},
    "word.plans_total": {"en": "{n} plans", "vi": "{n}"},
    "word.plan_one": {"en": "{n} plan", "vi": "{n}"},
    "word.derived_share": {"en": "Share (%)", "vi": "Tỷ lệ (%)"},
    "word.derived_growth": {"en": "On the year before (%)", "vi": "Tăng so năm trước (%)"},
    "word.at_risk_list": {"en": "Indicators at risk", "vi": "Chỉ tiêu khó đạt"},
    "word.missed_list": {"en": "Indicators missed", "vi": "Chỉ tiêu không đạt"},
    "word.class_list": {"en": "Indicators: {name}", "vi": "Chỉ tiêu {name}"},
    "word.audit_title": {"en": "Published figures that differ from the computed ones", "vi": "Sai lệch giữa số liệu công bố và số tính lại"},
    "word.appendix_average": {"en": "Average {start}–{end}", "vi": "Bình quân {start}–{end}"},
    "word.appendix_average_one": {"en": "Growth in {year}", "vi": "Tăng trưởng năm {year}"},
    "word.appendix_roadmap": {"en": "Roadmap {year}", "vi": "Lộ trình {year}"},
    "word.appendix_target": {"en": "Target", "vi": "Nghị quyết"},
    "word.appendix_done": {"en": "Actual", "vi": "Thực hiện"},
    "word.appendix_roadmaps": {"en": "Roadmap", "vi": "Lộ trình"},
    # the target in words beside its number: in English its English wording (printed_en, else made), never the resolution's print
    "word.target_printed": {"en": "Target (wording)", "vi": "Nghị quyết (ghi)"},
    "word.resolution_words": {"en": "Resolution's wording (Vietnamese)", "vi": "Lời văn của nghị quyết"},
    "word.estimate_note": {"en": "(*) Estimate.", "vi": "(*) Số liệu ước tính."},
    # a forecast held within what the indicator can be, marked "100†" (README "Forecast"): the status
    # table's legend says the mark, the appendix's note under it says each figure computed
    "word.held_legend": {"en": "forecast held within what the indicator can be", "vi": "dự báo giữ trong giới hạn của chỉ tiêu"},
    "word.held_note": {"en": "(†) Forecast held within what the indicator can be, computed: {values}.", "vi": "(†) Dự báo giữ trong giới hạn của chỉ tiêu, tính ra: {values}."},
    "word.held_value": {"en": "{value} (indicator {no})", "vi": "{value} (chỉ tiêu {no})"},
    "word.appendix_continued": {"en": "(continued)", "vi": "(tiếp theo)"},
    "word.page_title": {"en": "Appendix", "vi": "Phụ lục"},
    "word.attached_to": {"en": "(Attached to {what})", "vi": "(Kèm theo {what})"},
    "word.appendix_attainment": {"en": "% of target", "vi": "% so Nghị quyết"},
    "word.appendix_sheet": {"en": "Indicators", "vi": "Chỉ tiêu"},
    "word.audit_sheet": {"en": "Audit", "vi": "Kiểm tra"},
    "word.report_title": {"en": "Indicator results", "vi": "Kết quả thực hiện các chỉ tiêu"},
    "word.month_plan_printed": {"en": "Plan (wording)", "vi": "KH (ghi)"},
    "word.month_charts_title": {"en": "Year to date, month by month, against the {year} plan", "vi": "Lũy kế từng tháng so với kế hoạch năm {year}"},
    "word.month_chart_plan": {"en": "plan {year}", "vi": "KH năm {year}"},
    "word.month_chart_estimate": {"en": "whole-year estimate", "vi": "ước cả năm"},
    "word.month_chart_current": {"en": "{year} to date", "vi": "lũy kế năm {year}"},
    "word.month_chart_estimated": {"en": "estimate or preliminary", "vi": "ước tính, sơ bộ"},
    "word.month_chart_last_year": {"en": "same months of {year}", "vi": "cùng kỳ năm {year}"},
    "word.month_text_chart": {"en": "Month by month, year to date (▇ {year}, ▒ estimate, ┆ {last}, │ the year's plan)", "vi": "Lũy kế từng tháng (▇ năm {year}, ▒ ước tính, ┆ cùng kỳ {last}, │ KH năm)"},
    # its shorter forms, for a narrower terminal (output/text_chart.py HEADINGS): the legend on a line of its own, then its words shortened
    "word.month_text_chart_narrow": {"en": "Month by month, year to date\n(▇ {year}, ▒ estimate, ┆ {last}, │ the year's plan)", "vi": "Lũy kế từng tháng\n(▇ năm {year}, ▒ ước tính, ┆ cùng kỳ {last}, │ KH năm)"},
    "word.month_text_chart_short": {"en": "Year to date by month\n(▇ {year}, ▒ est., ┆ {last}, │ plan)", "vi": "Lũy kế từng tháng\n(▇ {year}, ▒ ước, ┆ {last}, │ KH)"},
    "word.chart_target": {"en": "target", "vi": "mục tiêu"},
    "word.chart_forecast": {"en": "forecast", "vi": "dự báo"},
    "word.generated": {"en": "Made by kpi {version}; every figure is recomputed from the inputs.", "vi": "Tạo bởi kpi {version} từ dữ liệu; mọi con số được tính lại từ số liệu đầu vào."},
    "word.none_shown": {"en": "no indicator to show", "vi": "không có chỉ tiêu nào để hiển thị"},
    "word.components": {"en": "Components", "vi": "Chỉ tiêu thành phần"},
    "word.pace": {"en": "Pace", "vi": "Tiến độ"},
    "word.pace_fact": {"en": "Pace (against the growth needed)", "vi": "Tiến độ (so với tốc độ cần đạt)"},
    "word.roadmap_gap": {"en": "Against the roadmap", "vi": "So với lộ trình"},
    "word.roadmap_gap_text": {"en": "{year}: {observed}, behind the roadmap's {planned} ({gap}); now {required} a year is needed", "vi": "năm {year}: {observed}, thấp hơn lộ trình {planned} ({gap}); nay cần tăng {required}/năm"},
    "word.baseline_fallback": {"en": "Baseline", "vi": "Năm gốc"},
    "word.baseline_fallback_text": {"en": "no value for {base}; {year} ({value}) stands in", "vi": "thiếu số liệu năm {base}; dùng năm {year} ({value})"},
    "word.baseline_fallback_growth": {
        "en": "{base} has no growth rate (no value for {before}); {year}'s ({value}) stands in",
        "vi": "năm {base} chưa có tốc độ tăng (thiếu số liệu năm {before}); dùng năm {year} ({value})",
    },
    "word.compare_title": {"en": "Assessment compared with {year}", "vi": "Đánh giá so với năm {year}"},
    "word.compare_before": {"en": "{year}", "vi": "Năm {year}"},
    "word.compare_after": {"en": "{year}", "vi": "Năm {year}"},
    "word.compare_change": {"en": "Change", "vi": "Thay đổi"},
    "word.compare_footer": {"en": "{count} changed assessment since {year}", "vi": "{count} thay đổi đánh giá so với năm {year}"},
    "word.month_audit_every": {"en": "every month", "vi": "từng tháng"},
    "word.month_audit_checks": {"en": "Within the year: {count} published record(s) of the monthly reports ({which}) — % of the year's plan, vs last year, whole-year estimate — compared with the figures as of each report's own month", "vi": "Trong năm: đối chiếu {count} bản ghi số liệu công bố của báo cáo tháng ({which}) — % KH năm, so cùng kỳ, ước cả năm — với số tính lại đến đúng tháng của báo cáo"},
    "word.month_audit_none": {"en": "Within the year: no published figures of the monthly reports ({which}) to compare (record them under published: PLAN: months: in actuals.yaml; kpi import reads them from an office's table); only the yearly figures are checked", "vi": "Trong năm: không có số liệu công bố của báo cáo tháng ({which}) để đối chiếu (ghi trong actuals.yaml ở published: KẾ_HOẠCH: months:; kpi import đọc chúng từ bảng của cơ quan); chỉ đối chiếu số liệu cả năm"},
    "word.month_audit_latest": {"en": "the monthly report now runs to {period} (kpi status)", "vi": "báo cáo tháng hiện tính đến {period} (kpi status)"},
    "word.month_behind_list": {"en": "Behind the year's plan", "vi": "Chỉ tiêu chậm tiến độ"},
    "word.audited_as_of": {"en": "compared with the figures as of {year} (the report's year)", "vi": "đối chiếu với số liệu tính đến năm {year} (năm báo cáo)"},
    "word.total_so_far": {"en": "Total so far", "vi": "Tổng (lũy kế) đến nay"},
    "word.group": {"en": "Group", "vi": "Nhóm"},
    "word.by_group": {"en": "By group of indicators", "vi": "Theo nhóm chỉ tiêu"},
    "word.met_column": {"en": "Achieved or exceeded", "vi": "Đạt và vượt"},
    "word.other_targets": {"en": "Other targets of this indicator", "vi": "Các mục tiêu khác của chỉ tiêu này"},
    "word.plan": {"en": "Plan", "vi": "Kế hoạch"},
    "word.value_note": {"en": "Source", "vi": "Nguồn"},
    "word.no_group": {"en": "(no group)", "vi": "(không nhóm)"},
    "word.chart": {"en": "Trajectory (▇ actual, ▒ estimate, ░ roadmap, │ target)", "vi": "Diễn biến (▇ thực hiện, ▒ ước tính, ░ lộ trình, │ mục tiêu)"},
    "word.chart_narrow": {"en": "Trajectory\n(▇ actual, ▒ estimate, ░ roadmap, │ target)", "vi": "Diễn biến\n(▇ thực hiện, ▒ ước tính, ░ lộ trình, │ mục tiêu)"},  # on a narrower terminal (text_chart.HEADINGS)
    # each kind of target (core/kinds.py has one entry per kind)
    "target_kind.level": {"en": "level", "vi": "mức cần đạt"},
    "target_kind.growth": {"en": "average growth (geometric)", "vi": "tăng trưởng bình quân (bình quân nhân)"},
    "target_kind.average": {"en": "yearly average", "vi": "bình quân hằng năm"},
    "target_kind.threshold": {"en": "yearly threshold", "vi": "ngưỡng hằng năm"},
    "target_kind.progress": {"en": "progress from baseline", "vi": "tiến độ từ năm gốc"},
    "target_kind.composition": {"en": "composition (sums to 100%)", "vi": "cơ cấu (tổng 100%)"},
    "target_kind.group": {"en": "group", "vi": "nhóm chỉ tiêu"},
    "target_kind.cumulative": {"en": "total over the term", "vi": "tổng (lũy kế) cả giai đoạn"},
    "target_kind.band": {"en": "band (two-sided)", "vi": "trong khoảng (hai phía)"},
    "target_kind.reduction": {"en": "reduction of a rate", "vi": "mức giảm của tỷ lệ"},
    # a reduction in percent of the year before (drop: percent): "Giảm 5%" of a count, not of a rate
    "target_kind.reduction_percent": {"en": "reduction in percent of the year before", "vi": "mức giảm tính bằng % so với năm trước"},
    "target_kind.share_of": {"en": "share of another indicator", "vi": "tỷ lệ so với chỉ tiêu khác"},
    "target_kind.rank": {"en": "rank: within the top group", "vi": "thứ hạng: trong nhóm dẫn đầu"},
    # where a forecast comes from
    "forecast.actual": {"en": "actual", "vi": "số thực hiện"},
    "forecast.estimate": {"en": "estimate", "vi": "số ước tính"},
    "forecast.preliminary": {"en": "preliminary", "vi": "số sơ bộ"},
    "forecast.plan": {"en": "roadmap", "vi": "lộ trình"},
    "forecast.published": {"en": "published", "vi": "báo cáo"},
    "forecast.rebased": {"en": "roadmap rebased on the latest value", "vi": "lộ trình tính lại từ số mới nhất"},
    "forecast.trend": {"en": "trend", "vi": "xu hướng"},
    "forecast.latest": {"en": "the latest value, held", "vi": "giữ số mới nhất"},
    # the published fields the audit compares
    "field.avg_growth": {"en": "Average", "vi": "Bình quân"},
    "field.midterm_pct": {"en": "% of target", "vi": "% so NQ"},
    "field.forecast": {"en": "Forecast", "vi": "Dự báo"},
    "field.forecast_pct": {"en": "Forecast %", "vi": "So sánh %"},
    "field.assessment": {"en": "Assessment", "vi": "Đánh giá"},
    "field.sum": {"en": "Sum", "vi": "Tổng"},
    "field.plan_pct": {"en": "% of year's plan", "vi": "% KH năm"},
    "field.change_pct": {"en": "vs last year", "vi": "So cùng kỳ"},
    "field.estimate": {"en": "Year estimate", "vi": "Ước cả năm"},
    "field.summary.total": {"en": "Indicators", "vi": "Tổng số chỉ tiêu"},
    "field.summary.exceeded": {"en": "Exceeded", "vi": "Số vượt"},
    "field.summary.achieved": {"en": "Achieved", "vi": "Số đạt"},
    "field.summary.not_achieved": {"en": "Not achieved", "vi": "Số chưa đạt"},
    "field.summary.achieved_or_exceeded": {"en": "Achieved or exceeded", "vi": "Số đạt và vượt"},
    # where a report printed a figure
    "source.table": {"en": "appendix", "vi": "bảng phụ lục"},
    "source.text": {"en": "text", "vi": "văn bản"},
    "source.summary": {"en": "summary", "vi": "tổng hợp"},
    "source.data": {"en": "data", "vi": "số liệu"},
    "source.month": {"en": "monthly report", "vi": "báo cáo tháng"},
    # why an indicator got its status
    "reason.forecast_above": {"en": "forecast {x} > 100%", "vi": "dự báo {x} > 100%"},
    "reason.forecast_meets": {"en": "forecast {x}", "vi": "dự báo {x}"},
    "reason.forecast_below": {"en": "forecast {x} < 100%", "vi": "dự báo {x} < 100%"},
    "reason.final_below": {"en": "final result {x} < 100%", "vi": "kết quả năm cuối {x} < 100%"},
    "reason.final_above": {"en": "final result {x} > 100%", "vi": "kết quả năm cuối {x} > 100%"},
    "reason.final_meets": {"en": "final result {x}", "vi": "kết quả năm cuối {x}"},
    "reason.final_about": {"en": "final result {x}, within the tolerance of \"about\"", "vi": "kết quả năm cuối {x}, trong sai số cho phép của \"khoảng\""},
    "reason.final_at_bound": {"en": "final result {x} only reaches a strict bound", "vi": "kết quả năm cuối {x} chỉ bằng mức, chưa vượt qua"},
    "reason.final_meets_floor": {"en": "final result {x} of the upper bound; the lower bound is reached", "vi": "kết quả năm cuối {x} so với mức cao; đã đạt mức thấp của khoảng"},
    "reason.final_meets_ceiling": {"en": "final result {x} of the lower bound; within the upper bound", "vi": "kết quả năm cuối {x} so với mức thấp; không vượt mức cao của khoảng"},
    "reason.final_band_inside": {"en": "final result inside the band", "vi": "kết quả năm cuối trong khoảng mục tiêu"},
    "reason.final_band_below": {"en": "final result below the band ({x})", "vi": "kết quả năm cuối dưới khoảng mục tiêu ({x})"},
    "reason.final_band_above": {"en": "final result above the band ({x})", "vi": "kết quả năm cuối trên khoảng mục tiêu ({x})"},
    # the same, of an estimate of the target year (ước tính): not its result yet
    "reason.estimate_below": {"en": "final-year estimate {x} < 100%", "vi": "số ước tính năm cuối {x} < 100%"},
    "reason.estimate_above": {"en": "final-year estimate {x} > 100%", "vi": "số ước tính năm cuối {x} > 100%"},
    "reason.estimate_meets": {"en": "final-year estimate {x}", "vi": "số ước tính năm cuối {x}"},
    "reason.estimate_about": {"en": "final-year estimate {x}, within the tolerance of \"about\"", "vi": "số ước tính năm cuối {x}, trong sai số cho phép của \"khoảng\""},
    "reason.estimate_at_bound": {"en": "final-year estimate {x} only reaches a strict bound", "vi": "số ước tính năm cuối {x} chỉ bằng mức, chưa vượt qua"},
    "reason.estimate_meets_floor": {"en": "final-year estimate {x} of the upper bound; the lower bound is reached", "vi": "số ước tính năm cuối {x} so với mức cao; đã đạt mức thấp của khoảng"},
    "reason.estimate_meets_ceiling": {"en": "final-year estimate {x} of the lower bound; within the upper bound", "vi": "số ước tính năm cuối {x} so với mức thấp; không vượt mức cao của khoảng"},
    "reason.estimate_band_inside": {"en": "final-year estimate inside the band", "vi": "số ước tính năm cuối trong khoảng mục tiêu"},
    "reason.estimate_band_below": {"en": "final-year estimate below the band ({x})", "vi": "số ước tính năm cuối dưới khoảng mục tiêu ({x})"},
    "reason.estimate_band_above": {"en": "final-year estimate above the band ({x})", "vi": "số ước tính năm cuối trên khoảng mục tiêu ({x})"},
    # the same, of a preliminary figure of the target year (sơ bộ): not its result yet either
    "reason.preliminary_below": {"en": "final-year preliminary figure {x} < 100%", "vi": "số sơ bộ năm cuối {x} < 100%"},
    "reason.preliminary_above": {"en": "final-year preliminary figure {x} > 100%", "vi": "số sơ bộ năm cuối {x} > 100%"},
    "reason.preliminary_meets": {"en": "final-year preliminary figure {x}", "vi": "số sơ bộ năm cuối {x}"},
    "reason.preliminary_about": {"en": "final-year preliminary figure {x}, within the tolerance of \"about\"", "vi": "số sơ bộ năm cuối {x}, trong sai số cho phép của \"khoảng\""},
    "reason.preliminary_at_bound": {"en": "final-year preliminary figure {x} only reaches a strict bound", "vi": "số sơ bộ năm cuối {x} chỉ bằng mức, chưa vượt qua"},
    "reason.preliminary_meets_floor": {"en": "final-year preliminary figure {x} of the upper bound; the lower bound is reached", "vi": "số sơ bộ năm cuối {x} so với mức cao; đã đạt mức thấp của khoảng"},
    "reason.preliminary_meets_ceiling": {"en": "final-year preliminary figure {x} of the lower bound; within the upper bound", "vi": "số sơ bộ năm cuối {x} so với mức thấp; không vượt mức cao của khoảng"},
    "reason.preliminary_band_inside": {"en": "final-year preliminary figure inside the band", "vi": "số sơ bộ năm cuối trong khoảng mục tiêu"},
    "reason.preliminary_band_below": {"en": "final-year preliminary figure below the band ({x})", "vi": "số sơ bộ năm cuối dưới khoảng mục tiêu ({x})"},
    "reason.preliminary_band_above": {"en": "final-year preliminary figure above the band ({x})", "vi": "số sơ bộ năm cuối trên khoảng mục tiêu ({x})"},
    "reason.threshold_met": {"en": "threshold met in {x}", "vi": "đạt ngưỡng các năm {x}"},
    "reason.threshold_pending": {"en": "awaiting {x}; every year in so far meets the threshold", "vi": "chờ kết quả năm {x}; các năm đã có đều đạt ngưỡng"},
    "reason.threshold_failed": {"en": "threshold missed in {x}", "vi": "không đạt ngưỡng năm {x}"},
    "reason.components_met": {"en": "every component meets its target", "vi": "các chỉ tiêu thành phần đều đạt"},
    "reason.components_short": {"en": "component {x} falls short", "vi": "chỉ tiêu thành phần {x} chưa đạt"},
    "reason.components_no_data": {"en": "no component has a value", "vi": "không chỉ tiêu thành phần nào có giá trị"},
    "reason.no_forecast": {"en": "no forecast (no roadmap for the target year, fewer than two years of values, latest {x})", "vi": "không có dự báo (không có lộ trình năm cuối, chưa đủ hai năm số liệu, mới nhất {x})"},
    "reason.final_pending": {"en": "awaiting the result of {x}, the final year; the forecast meets the target", "vi": "chờ kết quả năm cuối {x}; dự báo đạt mục tiêu"},
    "reason.final_pending_below": {"en": "awaiting the result of {x}, the final year; the forecast falls short", "vi": "chờ kết quả năm cuối {x}; dự báo chưa đạt"},
    "reason.forecast_held": {
        "en": "the trend passes the target and the indicator's bound, where the forecast is held (by how much it exceeds, the bound cannot say)",
        "vi": "theo xu hướng vượt mục tiêu và vượt cả giới hạn của chỉ tiêu, dự báo giữ ở giới hạn (vượt bao nhiêu thì giới hạn không nói được)",
    },
    "reason.best_possible": {"en": "zero or below (the best possible outcome)", "vi": "giá trị bằng 0 hoặc thấp hơn (kết quả tốt nhất)"},
    "reason.parts_missing": {"en": "{x}", "vi": "{x}"},  # areas.missing_of, from core.areas.MissingParts
    "reason.no_values": {"en": "no value to compute from", "vi": "không có giá trị nào để tính"},
    "reason.rank_in": {"en": "placed {x}, within the top group", "vi": "xếp thứ {x}, trong nhóm dẫn đầu"},
    "reason.rank_out": {"en": "placed {x}, outside the top group", "vi": "xếp thứ {x}, ngoài nhóm dẫn đầu"},
    "reason.place_not_recorded": {"en": "the place of {x} is not recorded yet (a place is not forecast)", "vi": "chưa có thứ hạng năm {x} (thứ hạng không được dự báo)"},
    "reason.not_a_place": {"en": "{x} is no place in a ranking (a whole number from 1)", "vi": "{x} không phải thứ hạng (số nguyên từ 1)"},
    "reason.no_target": {"en": "no target; not rated", "vi": "chưa có mục tiêu; không đánh giá"},
    "reason.no_term_values": {"en": "no value from {x} on", "vi": "không có giá trị nào từ năm {x}"},
    "reason.no_baseline": {"en": "no baseline value for {x}", "vi": "thiếu số liệu năm gốc {x}"},
    "reason.missing_year": {"en": "the year {x} has no value", "vi": "thiếu số liệu năm {x}"},
    "reason.one_point": {"en": "fewer than two years to compare", "vi": "chưa đủ hai năm để so sánh"},
    "reason.non_positive": {"en": "zero or negative value, no growth rate", "vi": "giá trị bằng 0 hoặc âm, không tính được tăng trưởng"},
    "reason.fall_to_zero": {"en": "a fall of {x}% cannot be averaged", "vi": "mức giảm {x}% không tính được bình quân"},
    "reason.term_over": {"en": "the term is over", "vi": "đã hết nhiệm kỳ"},
    "reason.zero_target": {"en": "the target is zero", "vi": "mục tiêu bằng 0"},
    "reason.overflow": {"en": "the numbers are too large to compute with", "vi": "số quá lớn, không tính được"},
    "reason.band_inside": {"en": "forecast inside the band", "vi": "dự báo trong khoảng mục tiêu"},
    "reason.band_below": {"en": "forecast below the band ({x})", "vi": "dự báo dưới khoảng mục tiêu ({x})"},
    "reason.band_above": {"en": "forecast above the band ({x})", "vi": "dự báo trên khoảng mục tiêu ({x})"},
    "reason.forecast_about": {"en": "forecast {x}, within the tolerance of \"about\"", "vi": "dự báo {x}, trong sai số cho phép của \"khoảng\""},
    "reason.forecast_at_bound": {"en": "forecast {x} only reaches a strict bound", "vi": "dự báo {x} chỉ bằng mức, chưa vượt qua"},
    "reason.forecast_meets_floor": {"en": "forecast {x} of the upper bound; the lower bound is reached", "vi": "dự báo {x} so với mức cao; đã đạt mức thấp của khoảng"},
    "reason.forecast_meets_ceiling": {"en": "forecast {x} of the lower bound; within the upper bound", "vi": "dự báo {x} so với mức thấp; không vượt mức cao của khoảng"},
    "reason.target_is_baseline": {"en": "the target equals the baseline", "vi": "mục tiêu bằng giá trị năm gốc"},
    # what explains an audit finding
    "note.": {"en": "", "vi": ""},
    "note.latest_year_alone": {"en": "the report rated {x} alone, not the period average", "vi": "báo cáo chỉ tính năm {x}, không phải bình quân cả giai đoạn"},
    "note.above_100": {"en": "forecast is above 100% (+{x}%) but the report says achieved", "vi": "dự báo vượt 100% ({x}%) nhưng báo cáo ghi Đạt"},
    "note.above_target": {"en": "exceeds the target but the report says achieved", "vi": "vượt mục tiêu nhưng báo cáo ghi Đạt"},
    "note.components_short": {"en": "falls short: {x}", "vi": "chưa đạt: {x}"},
    "note.class_differs": {"en": "the plan's classes, by the forecast of {x}", "vi": "theo các lớp của kế hoạch, với dự báo {x}"},
    "note.forecast_met_said_short": {"en": "the forecast reaches {x} of the target but the report says it falls short", "vi": "dự báo đạt {x} mục tiêu nhưng báo cáo đánh giá chưa đạt"},
    "note.trend_forecast": {"en": "no roadmap; the current trend falls short", "vi": "không có lộ trình; theo xu hướng hiện tại chưa đạt"},
    "note.not_computable": {"en": "cannot be computed from the inputs", "vi": "không tính được từ số liệu đầu vào"},
    "note.shares_sum": {"en": "the shares add up to {x}%, not 100%", "vi": "tổng các tỷ trọng là {x}%, không phải 100%"},
    "note.met_tally_met": {"en": "as a met/not-met tally, the computed verdict is achieved or exceeded", "vi": "theo cách đếm đạt/chưa đạt, tính lại là đạt và vượt"},
    "note.met_tally_short": {"en": "as a met/not-met tally, the computed verdict is not achieved", "vi": "theo cách đếm đạt/chưa đạt, tính lại là chưa đạt"},
    "note.missing_indicators": {"en": "the data lacks indicators the report counts", "vi": "dữ liệu thiếu chỉ tiêu so với báo cáo"},
    # the counts a report publishes
    "summary.total": {"en": "indicators", "vi": "tổng số chỉ tiêu"},
    "summary.exceeded": {"en": "exceeded", "vi": "số chỉ tiêu vượt"},
    "summary.achieved": {"en": "achieved", "vi": "số chỉ tiêu đạt"},
    "summary.not_achieved": {"en": "not achieved", "vi": "số chỉ tiêu chưa đạt"},
    "summary.achieved_or_exceeded": {"en": "achieved or exceeded", "vi": "số chỉ tiêu đạt và vượt"},
    # the counts line: '7 vượt, 10 đạt'
    "count.exceeded": {"en": "exceeded", "vi": "vượt"},
    "count.achieved": {"en": "achieved", "vi": "đạt"},
    "count.at_risk": {"en": "at risk", "vi": "khó đạt"},
    "count.missed": {"en": "missed", "vi": "không đạt"},
    "count.no_data": {"en": "no data", "vi": "chưa có số liệu"},
    # how a target is written before its number, by kind.direction.strictness
    "prefix.threshold.at_least.strict": {"en": "Above ", "vi": "Trên "},
    "prefix.threshold.at_most.strict": {"en": "Below ", "vi": "Dưới "},
    "prefix.threshold.at_least.plain": {"en": "≥ ", "vi": "≥ "},
    "prefix.threshold.at_most.plain": {"en": "≤ ", "vi": "≤ "},
    "prefix.level.at_least.strict": {"en": "Above ", "vi": "Trên "},
    "prefix.level.at_most.strict": {"en": "Below ", "vi": "Dưới "},
    "prefix.cumulative.at_least.plain": {"en": "Total ", "vi": "Tổng "},
    "prefix.reduction.at_least.plain": {"en": "Down ", "vi": "Giảm "},
    # pace bands (core/pace.py)
    "pace.on_track": {"en": "On track", "vi": "Đúng tiến độ"},
    "pace.accelerate": {"en": "Acceleration needed", "vi": "Cần tăng tốc"},
    "pace.too_slow": {"en": "Too slow", "vi": "Quá chậm"},
    "pace.backwards": {"en": "Going backwards", "vi": "Đi lùi"},
    # how a pace band came about
    "pace_basis.ratio": {"en": "", "vi": ""},
    "pace_basis.target_met": {"en": "target already met", "vi": "đã đạt mục tiêu"},
    "pace_basis.behind_from_start": {"en": "has left a target met at the base year", "vi": "đã rời khỏi mục tiêu đạt được từ năm gốc"},
    # a verdict then and now (status --compare)
    "change.better": {"en": "better", "vi": "tốt hơn"},
    "change.worse": {"en": "worse", "vi": "kém hơn"},
    "change.same": {"en": "", "vi": ""},
    "change.new": {"en": "new", "vi": "mới"},
    "change.data_in": {"en": "data now in", "vi": "mới có số liệu"},
    "change.data_out": {"en": "no data now", "vi": "chưa có số liệu"},
    # the groups a plan's report counts by
    "group.economy": {"en": "Economy", "vi": "Kinh tế"},
    "group.society": {"en": "Society", "vi": "Xã hội"},
    "group.environment": {"en": "Environment", "vi": "Môi trường"},
    "group.defence": {"en": "Defence and security", "vi": "Quốc phòng – an ninh"},
    "group.party": {"en": "Party building", "vi": "Xây dựng Đảng"},
    # the met/not-met tally's words
    "tally.met": {"en": "achieved or exceeded", "vi": "đạt và vượt"},
    "tally.not_met": {"en": "not achieved", "vi": "chưa đạt"},
    "prefix.at_most": {"en": "≤ ", "vi": "≤ "},
    "prefix.approximate": {"en": "About ", "vi": "Khoảng "},
    "form.rank": {"en": "Top {value}", "vi": "Nhóm {value} dẫn đầu"},
    # the growth of a level (kind: growth, basis: level): a rate, not an amount of the row's unit
    "growth_form.annual": {"en": "Up {value}%", "vi": "Tăng {value}%"},
    "growth_form.term": {"en": "Up {value}% a year", "vi": "Tăng {value}%/năm"},
    # a reduction in percent of the year before (kind: reduction, drop: percent): "Giảm 5%", never "Giảm 5" of the row's unit
    "reduction_form.percent": {"en": "Down {value}%", "vi": "Giảm {value}%"},
    # Typer's own words in the --help panels (spoken.py)
    "panel.ARGUMENTS_PANEL_TITLE": {"en": "Arguments", "vi": "Tham số"},
    "panel.OPTIONS_PANEL_TITLE": {"en": "Options", "vi": "Tuỳ chọn"},
    "panel.COMMANDS_PANEL_TITLE": {"en": "Commands", "vi": "Lệnh"},
    "panel.DEFAULT_STRING": {"en": "[default: {}]", "vi": "[mặc định: {}]"},
    "panel.ENVVAR_STRING": {"en": "[env var: {}]", "vi": "[biến môi trường: {}]"},
    "panel.REQUIRED_LONG_STRING": {"en": "[required]", "vi": "[bắt buộc]"},
    "panel.ERRORS_PANEL_TITLE": {"en": "Error", "vi": "Lỗi"},
    "panel.usage": {"en": "Usage: ", "vi": "Cách dùng: "},
    # the words of the usage line, Click's "[OPTIONS]" and "COMMAND [ARGS]..." (spoken.py)
    "usage_line.options": {"en": "[OPTIONS]", "vi": "[TUỲ CHỌN]"},
    "usage_line.command": {"en": "COMMAND [ARGS]...", "vi": "LỆNH [THAM SỐ]..."},
    # the comments of kpi init's template ($name, $base, … filled by string.Template)
    "template.targets_head": {"en": "Targets of the plan \"$name\" ($base–$target), written by kpi init.", "vi": "Chỉ tiêu của kế hoạch \"$name\" ($base–$target), tạo bởi kpi init."},
    "template.edit": {"en": "Replace the examples below with the resolution's indicators; check with: kpi validate", "vi": "Thay các ví dụ dưới đây bằng chỉ tiêu của nghị quyết; kiểm tra bằng: kpi validate"},
    "template.indicator": {"en": "each indicator: an id (lower case, dashes), a name, a unit", "vi": "mỗi chỉ tiêu: mã (chữ thường, gạch ngang), tên, đơn vị tính"},
    "template.quote": {"en": "write % in quotes", "vi": "viết % trong dấu nháy"},
    "template.parent": {"en": "a sub-indicator of grdp-structure", "vi": "chỉ tiêu con của grdp-structure"},
    "template.base": {"en": "the last year before the term", "vi": "năm gốc: năm cuối trước nhiệm kỳ"},
    "template.precision": {"en": "decimals at which percentages are compared", "vi": "số chữ số thập phân khi so sánh phần trăm"},
    "template.classes": {"en": "a class between Đạt and Khó đạt the reports use: short, but forecast at 95% or more (leave out if unused)", "vi": "mức đánh giá giữa Đạt và Khó đạt mà báo cáo dùng: chưa đạt nhưng dự báo từ 95% (bỏ đi nếu không dùng)"},
    "template.kinds": {"en": "one example of each kind of target; number is the printed number, in quotes", "vi": "mỗi loại chỉ tiêu một ví dụ; number là số thứ tự như bản in, trong dấu nháy"},
    "template.growth": {"en": "average yearly growth (%/year)", "vi": "tăng trưởng bình quân (%/năm)"},
    "template.level": {"en": "the level to reach by the target year", "vi": "mức cần đạt vào năm cuối"},
    "template.average": {"en": "yearly average, within 1–1.5", "vi": "bình quân hằng năm, trong khoảng 1–1,5"},
    "template.progress": {"en": "progress from the baseline to the target", "vi": "tiến độ từ năm gốc đến mục tiêu"},
    "template.composition": {"en": "composition: the parts sum to 100%", "vi": "cơ cấu: các chỉ tiêu con cộng lại 100%"},
    "template.at_most": {"en": "≤ 16: less is better", "vi": "≤ 16: càng thấp càng tốt"},
    "template.group": {"en": "group: rated by its sub-indicators", "vi": "nhóm: được đánh giá qua chỉ tiêu con"},
    "template.threshold": {"en": "a threshold every year: above 80 (strict: true; \"at least 80\" is strict: false — a threshold must say which)", "vi": "ngưỡng mỗi năm: trên 80 (strict: true; \"tối thiểu 80\" là strict: false — ngưỡng phải ghi rõ)"},
    "template.cumulative": {"en": "cumulative: the years of the term add up to 500", "vi": "lũy kế: tổng các năm của nhiệm kỳ đạt 500"},
    "template.band": {"en": "a band, 50–55%: inside it is achieved; rated where the latest value is, never by a trend", "vi": "trong khoảng 50–55%: trong khoảng là đạt; đánh giá theo số mới nhất, không theo xu hướng"},
    "template.reduction": {"en": "down 0.5 points a year on average, from the yearly rate", "vi": "giảm bình quân 0,5 điểm % mỗi năm, tính từ tỷ lệ từng năm"},
    "template.printed": {
        "en": "printed: the target as the resolution words it, printed instead of the generated form; printed_en: its English wording, for --lang en (without it, an English form is made from the target)",
        "vi": "printed: mục tiêu đúng như nghị quyết ghi, in thay cho cách viết tự tạo; printed_en: cách ghi tiếng Anh, cho --lang en (không có thì tự tạo từ mục tiêu)",
    },
    "template.share_of": {"en": "a share of GRDP: investment at 40% of GRDP", "vi": "tỷ lệ so với GRDP: vốn đầu tư bằng 40% GRDP mỗi năm"},
    "template.rank": {"en": "a rank: within the top 15 (places 1–15)", "vi": "thứ hạng: thuộc nhóm 15 dẫn đầu (hạng 1–15)"},
    "template.growth_level": {"en": "up 15% a year, from the yearly values (basis: level)", "vi": "tăng 15%/năm tính từ giá trị từng năm (basis: level)"},
    "template.no_target": {"en": "no target or values yet: still listed and counted", "vi": "chưa có mục tiêu, số liệu: vẫn được liệt kê và đếm"},
    "template.actuals_head": {"en": "Yearly values of the plan \"$name\": actual, estimate, plan (the roadmap).", "vi": "Số liệu từng năm của kế hoạch \"$name\": thực hiện (actual), ước tính (estimate), lộ trình (plan)."},
    "template.numbers": {"en": "Numbers with a decimal point and no thousands separator: 5.76, 417000", "vi": "Số viết với dấu chấm thập phân và không có dấu phân cách hàng nghìn: 5.76, 417000"},
    "template.actual": {"en": "actual values", "vi": "số thực hiện"},
    "template.estimate": {"en": "estimates", "vi": "số ước tính"},
    "template.actual_estimate": {"en": "estimates (the year has not ended yet)", "vi": "số ước tính (năm chưa kết thúc)"},
    "template.estimate_plan": {"en": "the roadmap (plan): the year has not begun yet", "vi": "lộ trình (plan): năm chưa bắt đầu"},
    "template.plan": {
        "en": "plan: the roadmap, each remaining year, when the resolution has one (plan: {2027: 9, 2028: 10}); the target year's target alone is no roadmap, kpi forecasts from the values",
        "vi": "plan: lộ trình từng năm còn lại, nếu nghị quyết có (plan: {2027: 9, 2028: 10}); chỉ ghi mục tiêu năm cuối thì không phải lộ trình, kpi dự báo từ số liệu",
    },
    # an annual plan's template (base 2025, target 2026): its own head comments and examples
    "template.annual_edit": {"en": "Replace the examples below with the annual plan's indicators; check with: kpi validate", "vi": "Thay các ví dụ dưới đây bằng chỉ tiêu của kế hoạch năm; kiểm tra bằng: kpi validate"},
    "template.annual_base": {"en": "the year before the plan's year", "vi": "năm gốc: năm trước năm kế hoạch"},
    "template.annual_kinds": {"en": "the targets of an annual plan for its year; number is the printed number, in quotes", "vi": "các chỉ tiêu của kế hoạch năm; number là số thứ tự như bản in, trong dấu nháy"},
    "template.annual_actuals_head": {
        "en": "Values of the plan \"$name\": the year before ($s_base), the plan's year ($s_next); months, quarters and lũy kế go under each status (2026-06, 2026-Q2, ytd:), and kpi status gives the monthly report.",
        "vi": "Số liệu của kế hoạch \"$name\": năm trước ($s_base), năm kế hoạch ($s_next); tháng, quý và lũy kế ghi dưới từng loại số liệu (2026-06, 2026-Q2, ytd:), và kpi status cho báo cáo tháng.",
    },
    "template.annual_actual": {"en": "the year before, actual", "vi": "số thực hiện năm trước"},
    "template.annual_actual_estimate": {"en": "the year before, estimated (it has not ended yet)", "vi": "số ước thực hiện năm trước (năm chưa kết thúc)"},
    "template.annual_estimate": {"en": "the plan's year, estimated", "vi": "số ước thực hiện năm kế hoạch"},
    "template.annual_estimate_plan": {"en": "the plan's year, expected (plan: it has not begun yet)", "vi": "số dự kiến năm kế hoạch (plan: năm chưa bắt đầu)"},
    "template.annual_growth": {"en": "growth of the year over the year before (%)", "vi": "tăng trưởng của năm so với năm trước (%)"},
    "template.annual_level": {"en": "the level to reach in the year", "vi": "mức cần đạt trong năm"},
    "template.annual_growth_level": {"en": "up 10% on the year before, from the yearly values (basis: level)", "vi": "tăng 10% so với năm trước, tính từ giá trị từng năm (basis: level)"},
    "template.annual_share": {"en": "a rate to reach by the year's end", "vi": "tỷ lệ cần đạt vào cuối năm"},
    "template.annual_reduction": {"en": "down 0.5 points on the year before", "vi": "giảm 0,5 điểm % so với năm trước"},
    "template.annual_flow": {"en": "a count added month by month (flow); a unit that says nothing needs it", "vi": "số đếm cộng dồn theo tháng (flow); đơn vị không nói rõ thì phải ghi"},
    "template.annual_at_most": {"en": "at most 120 in the year: fewer is better", "vi": "tối đa 120 vụ trong năm: càng ít càng tốt"},
    # -- libyaml's syntax problems, said in both languages ("yamlp." + libyaml's own English): one
    #    table, libyaml's English -> (the Vietnamese words, the hint the English adds to its own,
    #    as the Vietnamese words give it; each hint starts with its own space) --
    **{
        "yamlp." + en: {"en": (en + hint).replace("{", "{{").replace("}", "}}"), "vi": vi.replace("{", "{{").replace("}", "}}")}
        for en, (vi, hint) in {
            "did not find expected key": (
                "không tìm thấy khoá ở chỗ cần có (thụt lề sai, hay thiếu dấu ':'?)",
                " (wrong indentation, or a ':' missing?)",
            ),
            "could not find expected ':'": ("không tìm thấy dấu ':' ở chỗ cần có", ""),
            "mapping values are not allowed in this context": (
                "không được có giá trị 'khoá: giá trị' ở đây (thiếu dấu cách sau ':' ở dòng trên, hay thụt lề sai?)",
                " (no space after a ':' on the line above, or wrong indentation?)",
            ),
            "mapping keys are not allowed in this context": ("không được có khoá ở đây", ""),
            "block sequence entries are not allowed in this context": ("không được có mục danh sách '- ' ở đây", ""),
            "found character that cannot start any token": (
                "gặp ký tự không thể mở đầu một giá trị (như '@' hay '`': hãy đặt giá trị trong dấu nháy)",
                " (such as '@' or '`': put the value in quotes)",
            ),
            "did not find expected node content": ("không tìm thấy giá trị ở chỗ cần có", ""),
            "found unexpected end of stream": (
                "tệp kết thúc giữa chừng (thiếu dấu nháy hay ngoặc đóng?)",
                " (a closing quote or bracket missing?)",
            ),
            "did not find expected ',' or ']'": ("không tìm thấy dấu ',' hay ']' ở chỗ cần có", ""),
            "did not find expected ',' or '}'": ("không tìm thấy dấu ',' hay '}' ở chỗ cần có", ""),
            "did not find expected '-' indicator": ("không tìm thấy dấu '-' của mục danh sách ở chỗ cần có", ""),
            "found a tab character that violates indentation": ("gặp ký tự tab làm sai thụt lề", ""),
            "found a tab character where an indentation space is expected": ("gặp ký tự tab ở chỗ cần dấu cách thụt lề", ""),
            "found unknown escape character": ("gặp chuỗi thoát (\\) không hợp lệ trong dấu nháy kép", ""),
            "found undefined alias": ("gặp bí danh chưa có neo", ""),
            "found duplicate anchor; first occurrence": ("trùng tên neo", ""),
            "found unexpected ':'": ("gặp dấu ':' không đúng chỗ", ""),
            "found unexpected document indicator": (
                "gặp dấu mở đầu tài liệu ('---' hay '...') không đúng chỗ",
                " ('---' or '...')",
            ),
            "did not find expected comment or line break": ("cần chú thích hoặc xuống dòng ở đây", ""),
            "did not find expected whitespace or line break": ("cần dấu cách hoặc xuống dòng ở đây", ""),
            "did not find expected whitespace": ("cần dấu cách ở đây", ""),
            "did not find expected alphabetic or numeric character": (
                "cần chữ hoặc số ở đây (tên neo hay bí danh)",
                " (an anchor's or alias's name)",
            ),
            "expected a single document in the stream": ("chỉ được có một tài liệu YAML", ""),
            "did not find expected <document start>": (
                "không tìm thấy đầu tài liệu ('---') ở chỗ cần có",
                " ('---')",
            ),
            "found undefined tag handle": ("gặp thẻ chưa khai báo", ""),
            "did not find expected tag URI": ("thẻ không hợp lệ", ""),
            "did not find URI escaped octet": ("thẻ không hợp lệ", ""),
            "did not find expected '!'": ("thẻ không hợp lệ", ""),
            "did not find the expected '>'": ("thẻ không hợp lệ (thiếu '>')", ""),
            "found unknown directive name": ("gặp chỉ thị '%' lạ", ""),
            "could not find expected directive name": ("chỉ thị '%' không có tên", ""),
            "found unexpected non-alphabetical character": ("chỉ thị '%' có ký tự không hợp lệ", ""),
            "did not find expected version number": ("chỉ thị %YAML thiếu số phiên bản", ""),
            "did not find expected digit or '.' character": ("chỉ thị %YAML có số phiên bản sai", ""),
            "found extremely long version number": ("chỉ thị %YAML có số phiên bản quá dài", ""),
            "found incompatible YAML document": ("tài liệu YAML phiên bản không tương thích", ""),
            "found duplicate %YAML directive": ("trùng chỉ thị %YAML", ""),
            "found duplicate %TAG directive": ("trùng chỉ thị %TAG", ""),
            "did not find expected hexdecimal number": ("chuỗi thoát \\x, \\u hay \\U thiếu chữ số thập lục phân", ""),
            "found invalid Unicode character escape code": ("chuỗi thoát Unicode không hợp lệ", ""),
            "found an indentation indicator equal to 0": ("chỉ số thụt lề của khối văn bản không được bằng 0", ""),
            "found an incorrect leading UTF-8 octet": ("byte UTF-8 không hợp lệ", ""),
            "found an incorrect trailing UTF-8 octet": ("byte UTF-8 không hợp lệ", ""),
            "control characters are not allowed": ("không được có ký tự điều khiển", ""),
            "exceeded maximum nesting depth": ("lồng quá sâu (không phải tệp dữ liệu)", ""),
        }.items()
    },
    # -- where a value comes from, and what it replaced (README "History of a value") --
    "what.by_year": {"en": "year: …", "vi": "năm: …"},
    "what.versions": {"en": "a list of earlier values", "vi": "một danh sách các giá trị trước"},
    "what.version": {"en": "an earlier value (value, status, recorded, source, note)", "vi": "một giá trị trước (value, status, recorded, source, note)"},
    "history.day": {"en": "expected a date written 2024-03-15, found {found}", "vi": "cần một ngày viết dạng 2024-03-15, gặp {found}"},
    "history.day_future": {
        "en": "recorded {day}, after today ({today}): a value cannot be known before it is recorded",
        "vi": "ngày ghi {day} sau ngày hôm nay ({today}): một giá trị không thể được biết trước khi ghi",
    },
    "history.no_value": {"en": "{when} has no value", "vi": "{when} không có giá trị"},
    "history.after_current": {
        "en": "a replaced value is dated after the value itself ({day}): --as-known-on would take it over the value",
        "vi": "một giá trị đã thay có ngày ghi sau giá trị hiện hành ({day}): --as-known-on sẽ lấy nó thay cho giá trị hiện hành",
    },
    "history.no_text": {"en": "{option} is empty or holds a control character", "vi": "{option} trống hoặc có ký tự điều khiển"},
    "history.has_history": {
        "en": "{path} keeps {count} earlier value(s) that the new file does not: writing over it would lose them; move it elsewhere first",
        "vi": "{path} đang giữ {count} giá trị cũ (lịch sử) mà tệp mới không có: ghi đè sẽ làm mất chúng; hãy chuyển tệp sang chỗ khác trước",
    },
    "history.code_number": {
        "en": "a code is text: write it in quotes ({found} would be read as a number)",
        "vi": "mã số là chuỗi ký tự: hãy viết trong ngoặc kép ({found} sẽ bị đọc thành số)",
    },
    "history.code_twice": {"en": "indicator {other} has the same code", "vi": "chỉ tiêu {other} có cùng mã số"},
    "record.date_before": {
        "en": "--date {day} is before the day the value it replaces ({old}) was recorded, {recorded}: a history runs forward",
        "vi": "--date {day} sớm hơn ngày ghi giá trị bị thay ({old}), {recorded}: lịch sử phải theo thứ tự thời gian",
    },
    "record.status_needed": {
        "en": "{indicator} {when} has {old} ({old_status}): say the status of the new value with --status (--status {status} keeps it; actual, preliminary, estimate or plan), and --force to replace it",
        "vi": "{indicator} {when} đã có {old} ({old_status}): hãy chỉ rõ trạng thái của giá trị mới bằng --status (--status {status} để giữ nguyên; actual, preliminary, estimate hoặc plan), và --force để thay",
    },
    "record.date_future": {"en": "--date {day} is after today ({today})", "vi": "--date {day} sau ngày hôm nay ({today})"},
    "cli.day": {"en": "expected a date written 2024-03-15, found {found}", "vi": "cần một ngày viết dạng 2024-03-15, gặp {found}"},
    "word.version_current": {"en": "current", "vi": "hiện hành"},
    "word.record_source": {"en": "source: {source}", "vi": "nguồn: {source}"},
    "word.ytd_key": {"en": "{month} ytd", "vi": "{month} lũy kế"},
    "word.version_earlier": {"en": "replaced", "vi": "đã thay"},
    "word.recorded": {"en": "Recorded", "vi": "Ngày ghi"},
    "word.period_col_history": {"en": "Year / period", "vi": "Năm / kỳ"},
    "word.version": {"en": "Version", "vi": "Phiên bản"},
    "word.history_title": {"en": "Every version of its values", "vi": "Các lần ghi số liệu"},
    "word.known_on": {"en": "as recorded by {day}", "vi": "số liệu đã ghi đến ngày {day}"},
    "word.meta_code": {"en": "Code", "vi": "Mã số"},
    "word.meta_definition": {"en": "Definition", "vi": "Khái niệm"},
    "word.meta_agency": {"en": "Responsible agency", "vi": "Cơ quan chịu trách nhiệm"},
    "word.meta_reporting": {"en": "Reported", "vi": "Kỳ báo cáo"},
    "word.meta_breakdown": {"en": "Breakdown", "vi": "Phân tổ"},
    "reporting.month": {"en": "monthly", "vi": "tháng"},
    "reporting.quarter": {"en": "quarterly", "vi": "quý"},
    "reporting.half_year": {"en": "half-yearly", "vi": "6 tháng"},
    "reporting.year": {"en": "yearly", "vi": "năm"},
    # -- the --help texts of the command line (cli.py puts them on the commands and options before
    # Click prints --help); "help.<command>.<param>" wins over "help.opt.<param>" --
    "help.app": {
        "en": "Target calculator for the indicators of Vietnamese provincial resolutions: status, audit, export; kpi init starts a new plan, kpi import reads an existing appendix.",
        "vi": "Tính toán các chỉ tiêu của nghị quyết tỉnh: tình hình thực hiện, kiểm tra số liệu báo cáo, xuất bảng; kpi init tạo kế hoạch mới, kpi import đọc bảng phụ lục có sẵn.",
    },
    "help.cmd.status": {
        "en": "Where every indicator of a plan stands: the report's table, recomputed.",
        "vi": "Tình hình thực hiện mọi chỉ tiêu của kế hoạch: bảng của báo cáo, được tính lại.",
    },
    "help.cmd.show": {
        "en": "One indicator in detail: every year, growth, required growth, forecast, audit and a chart.",
        "vi": "Chi tiết một chỉ tiêu: từng năm, tăng trưởng, mức cần đạt, dự báo, kiểm tra và biểu đồ.",
    },
    "help.cmd.summary": {
        "en": "Counts per class (\"23 indicators: 7 exceeded, …\") and the indicators at risk.",
        "vi": "Số chỉ tiêu theo từng mức (\"23 chỉ tiêu: 7 vượt, …\") và các chỉ tiêu khó đạt.",
    },
    "help.cmd.audit": {
        "en": "Where the report's published figures or assessments differ from the computed ones.",
        "vi": "Những số liệu, đánh giá báo cáo đã công bố khác với số tính lại.",
    },
    "help.cmd.validate": {
        "en": "Check the data files; exit 0 when they are sound (warnings are printed, do not fail).",
        "vi": "Kiểm tra các tệp dữ liệu; mã thoát 0 khi hợp lệ (cảnh báo được in ra nhưng không tính là lỗi).",
    },
    "help.cmd.export": {
        "en": "Write the report's appendix table as a Word document (docx), xlsx, csv, md or a self-contained html page.",
        "vi": "Xuất bảng phụ lục của báo cáo ra tệp Word (docx), xlsx, csv, md hoặc trang html độc lập.",
    },
    "help.cmd.record": {
        "en": "Write one value (of a year, a month, a quarter or a lũy kế) into actuals.yaml, keeping its comments and layout.",
        "vi": "Ghi một số liệu (năm, tháng, quý hoặc lũy kế) vào actuals.yaml, giữ nguyên chú thích và bố cục.",
    },
    "help.cmd.init": {
        "en": "Start a new plan: write a commented targets.yaml and actuals.yaml with one example of each kind of target.",
        "vi": "Tạo kế hoạch mới: ghi targets.yaml và actuals.yaml có chú thích, mỗi loại chỉ tiêu một ví dụ.",
    },
    "help.cmd.import": {
        "en": "Read the office's own table (an .xlsx sheet or a .docx appendix) into targets.yaml and actuals.yaml.",
        "vi": "Đọc bảng có sẵn của cơ quan (trang Excel .xlsx hoặc phụ lục Word .docx) thành targets.yaml và actuals.yaml.",
    },
    "help.opt.install_completion": {
        "en": "Install completion of kpi's commands and options for the current shell.",
        "vi": "Cài tự động hoàn thành lệnh và tuỳ chọn của kpi cho shell đang dùng.",
    },
    "help.opt.show_completion": {
        "en": "Show the completion script for the current shell, to copy or adapt.",
        "vi": "In đoạn mã tự động hoàn thành cho shell đang dùng, để sao chép hoặc sửa.",
    },
    "help.opt.debug": {"en": "Show a traceback on errors.", "vi": "Hiện chi tiết lỗi (traceback)."},
    "help.opt.version": {"en": "Print the version and exit.", "vi": "In số phiên bản rồi thoát."},
    "help.opt.help": {"en": "Show this message and exit.", "vi": "Hiện hướng dẫn này rồi thoát."},
    "help.opt.plan": {"en": "Plan id (default: the first plan in targets.yaml).", "vi": "Mã kế hoạch (mặc định: kế hoạch đầu tiên trong targets.yaml)."},
    "help.opt.area": {
        "en": "Area id (targets.yaml areas:): evaluate that area on its own values and targets (default: the plan's area, else the whole territory).",
        "vi": "Mã đơn vị hành chính (areas: trong targets.yaml): đánh giá đơn vị đó theo số liệu và chỉ tiêu của nó (mặc định: đơn vị của kế hoạch, nếu không thì cả địa bàn).",
    },
    "help.opt.scorecard": {
        "en": "The scorecard: the territory and each area (rows) × the indicators with areas' targets, each cell the area's verdict.",
        "vi": "Bảng đánh giá: địa bàn và từng đơn vị (dòng) × các chỉ tiêu có chỉ tiêu riêng của đơn vị, mỗi ô là đánh giá của đơn vị.",
    },
    "help.opt.by_area": {
        "en": "One indicator across the areas that have a target for it, ranked, with each area's verdict.",
        "vi": "Một chỉ tiêu của các đơn vị có chỉ tiêu riêng, xếp hạng, kèm đánh giá của từng đơn vị.",
    },
    "help.opt.as_of": {
        "en": "Recompute as if it were this year: later actuals and estimates are hidden everywhere (default: the latest year with data within the plan's period).",
        "vi": "Tính lại như thể đang ở năm này: số liệu các năm sau được ẩn ở mọi nơi (mặc định: năm mới nhất có số liệu trong kỳ kế hoạch).",
    },
    "help.opt.lang": {
        "en": "Language of messages, labels and numbers: vi (5,76) or en (5.76).",
        "vi": "Ngôn ngữ của thông báo, nhãn và số: vi (5,76) hoặc en (5.76).",
    },
    "help.opt.data_dir": {
        "en": "Folder with targets.yaml and actuals.yaml (default: current folder if it has them, else the bundled data).",
        "vi": "Thư mục chứa targets.yaml và actuals.yaml (mặc định: thư mục hiện tại nếu có, nếu không thì dữ liệu đi kèm).",
    },
    "help.opt.as_json": {"en": "Print JSON (same as --format json).", "vi": "In JSON (như --format json)."},
    "help.opt.fmt": {"en": "Output format.", "vi": "Định dạng kết quả."},
    "help.opt.only": {"en": "Show only these classes (repeatable).", "vi": "Chỉ hiện các mức này (có thể lặp lại)."},
    "help.opt.fail_on": {
        "en": "Exit 3 if any indicator is in this class or worse (at-risk includes missed).",
        "vi": "Thoát với mã 3 nếu có chỉ tiêu ở mức này hoặc kém hơn (at-risk gồm cả missed).",
    },
    "help.opt.force": {"en": "Replace the file if it exists.", "vi": "Ghi đè nếu tệp đã có."},
    "help.show.indicator": {
        "en": "Id (\"grdp-growth\"), number (\"7.1\") or part of the name (\"thuy san\").",
        "vi": "Mã (\"grdp-growth\"), số thứ tự (\"7.1\") hoặc một phần tên (\"thuy san\").",
    },
    "help.export.output": {
        "en": "The file to write; - for standard output (with --format).",
        "vi": "Tệp cần ghi; - để in ra đầu ra chuẩn (kèm --format).",
    },
    "help.export.export_format": {
        "en": "docx, xlsx, csv, md or html (default: from the file name).",
        "vi": "docx, xlsx, csv, md hoặc html (mặc định: theo đuôi tên tệp).",
    },
    "help.record.indicator": {
        "en": "Id (\"grdp-growth\") or printed number (\"1\") of the indicator.",
        "vi": "Mã (\"grdp-growth\") hoặc số thứ tự (\"1\") của chỉ tiêu.",
    },
    "help.record.year": {
        "en": "The year of the value, or its month (2026-06) or quarter (2026-Q2).",
        "vi": "Năm của số liệu, hoặc tháng (2026-06), quý (2026-Q2) của nó.",
    },
    "help.record.ytd": {
        "en": "The value is a lũy kế: January to the month given (2026-06).",
        "vi": "Giá trị là lũy kế: từ tháng 1 đến tháng đã cho (2026-06).",
    },
    "help.record.value": {
        "en": "The value: 7.25, or written the Vietnamese way, 7,25 or 1.234.567,5 (negative values work: -2.98).",
        "vi": "Giá trị: 7,25 (hoặc 7.25), 1.234.567,5 (số âm cũng được: -2,98).",
    },
    "help.record.point_status": {
        "en": "actual (chính thức), preliminary (sơ bộ), estimate (ước tính) or plan (lộ trình); default actual. Replacing an estimate or a preliminary value needs it.",
        "vi": "actual (chính thức), preliminary (sơ bộ), estimate (ước tính) hoặc plan (lộ trình); mặc định actual. Bắt buộc khi thay số ước tính hoặc sơ bộ.",
    },
    "help.record.source": {
        "en": 'Who gave the value, on which document: "Sở Tài chính, CV 123/STC" (kept with it, shown in the Nguồn column).',
        "vi": 'Nơi cung cấp số liệu, theo văn bản nào: "Sở Tài chính, CV 123/STC" (lưu cùng giá trị, hiện ở cột Nguồn).',
    },
    "help.record.note": {"en": "A note on the value (replaces the period's note).", "vi": "Ghi chú cho giá trị (thay ghi chú của kỳ)."},
    "help.record.day": {
        "en": "The day the value was recorded (default: today), 2024-03-15: what --as-known-on reads.",
        "vi": "Ngày ghi số liệu (mặc định: hôm nay), dạng 2024-03-15: --as-known-on dựa vào ngày này.",
    },
    "help.opt.known_on": {
        "en": "Compute with the values as recorded by that date (2023-11-30): each value's latest version recorded on or before it.",
        "vi": "Tính với số liệu đã ghi đến ngày đó (2023-11-30): mỗi giá trị lấy lần ghi mới nhất trước hoặc đúng ngày đó.",
    },
    "help.show.history": {"en": "List every version of the indicator's values: value, status, day recorded, source.", "vi": "Liệt kê mọi lần ghi số liệu của chỉ tiêu: giá trị, trạng thái, ngày ghi, nguồn."},
    "help.record.force": {"en": "Replace a value the year already has.", "vi": "Thay giá trị năm đó đã có."},
    "help.init.folder": {"en": "The folder to write into (default: the current folder).", "vi": "Thư mục sẽ ghi (mặc định: thư mục hiện tại)."},
    "help.init.name": {"en": "Name of the plan, as the resolution is titled.", "vi": "Tên kế hoạch, như tên nghị quyết."},
    "help.init.base_year": {"en": "Base year (the last year before the term).", "vi": "Năm gốc (năm cuối trước nhiệm kỳ)."},
    "help.init.target_year": {"en": "Target year (the end of the term).", "vi": "Năm mục tiêu (năm cuối nhiệm kỳ)."},
    "help.init.from_bundled": {
        "en": "Copy the bundled Sóc Trăng data as a starting point instead of the template.",
        "vi": "Sao chép dữ liệu Sóc Trăng đi kèm làm điểm xuất phát thay cho mẫu.",
    },
    "help.init.force": {"en": "Replace targets.yaml and actuals.yaml if they exist.", "vi": "Ghi đè targets.yaml và actuals.yaml nếu đã có."},
    "help.import.file": {
        "en": "The table: an .xlsx workbook or a .docx document laid out like a review appendix.",
        "vi": "Bảng số liệu: tệp Excel .xlsx hoặc tệp Word .docx trình bày như phụ lục báo cáo.",
    },
    "help.import.out": {"en": "The folder to write targets.yaml and actuals.yaml into.", "vi": "Thư mục sẽ ghi targets.yaml và actuals.yaml."},
    "help.import.areas": {
        "en": "Read an area-by-indicator table (rows: areas, columns: indicators; every value of one year, --period) into the folder's actuals.csv (README \"Territory\").",
        "vi": "Đọc bảng đơn vị × chỉ tiêu (dòng: đơn vị, cột: chỉ tiêu; mọi giá trị của một năm, --period) vào actuals.csv của thư mục (README \"Territory\").",
    },
    "help.import.period": {
        "en": "With --areas: the year of every value (2026); an area's months and quarters are not used.",
        "vi": "Với --areas: năm của mọi giá trị (2026); số liệu tháng, quý của từng đơn vị không được dùng.",
    },
    "help.import.point_status": {
        "en": "With --areas: the status of every value (actual, preliminary, estimate, plan); required.",
        "vi": "Với --areas: trạng thái của mọi giá trị (actual, preliminary, estimate, plan); bắt buộc.",
    },
    "help.import.name": {"en": "Name of the plan (default: from the file).", "vi": "Tên kế hoạch (mặc định: lấy từ tệp)."},
    "help.import.force": {"en": "Replace targets.yaml and actuals.yaml if they exist.", "vi": "Ghi đè targets.yaml và actuals.yaml nếu đã có."},
    "help.import.sheet": {
        "en": "The sheet (its name or number) or the Word table (its number) to read (default: the first with an appendix).",
        "vi": "Trang (tên hoặc số thứ tự) hay bảng Word (số thứ tự) cần đọc (mặc định: bảng phụ lục đầu tiên).",
    },
    "help.import.base_year": {"en": "Base year, when the title does not say it.", "vi": "Năm gốc, khi tiêu đề không ghi."},
    "help.import.target_year": {"en": "Target year, when the title does not say it.", "vi": "Năm mục tiêu, khi tiêu đề không ghi."},
    "help.import.plan_id": {"en": "Id of the plan (default: term-BASE-TARGET, or annual-YEAR).", "vi": "Mã kế hoạch (mặc định: term-NĂMGỐC-NĂMMỤCTIÊU, hoặc annual-NĂM)."},
    "help.import.threshold": {
        "en": "The row with this printed number is a bound that must hold every year (repeatable).",
        "vi": "Dòng có số thứ tự này là ngưỡng phải giữ mọi năm (có thể lặp lại).",
    },
    "help.import.table_only": {
        "en": "Read the printed table alone, not the data kpi's own export carries.",
        "vi": "Chỉ đọc bảng in, không dùng dữ liệu kèm trong tệp kpi đã xuất.",
    },
    "help.import.dry_run": {
        "en": "Show the plan as kpi status would, and what to check; write nothing.",
        "vi": "Hiện kế hoạch như kpi status, và những điều cần kiểm tra; không ghi gì.",
    },
    "help.opt.group": {"en": "Only the indicators of this group (economy, society, … or the plan's own label).", "vi": 'Chỉ các chỉ tiêu của nhóm này (economy, society, … hoặc nhãn riêng của kế hoạch).'},
    "help.status.only_pace": {"en": 'Show only indicators with this pace (repeatable).', "vi": 'Chỉ hiện các chỉ tiêu có tiến độ này (có thể lặp lại).'},
    "help.status.compare_with": {"en": "Also show each verdict as of this year beside today's, and which changed.", "vi": 'Hiện thêm đánh giá tính đến năm này bên cạnh đánh giá hiện nay, và những chỉ tiêu thay đổi.'},
    "help.export.with_audit": {"en": 'Add the audit findings (default: yes, except in docx).', "vi": 'Kèm các sai lệch phát hiện khi kiểm tra (mặc định: có, trừ docx).'},
    "help.export.appendix": {
        "en": 'The appendix\'s own line, "Phụ lục I" (default: the plan\'s settings.appendix, else "Phụ lục").',
        "vi": 'Dòng phụ lục, "Phụ lục I" (mặc định: settings.appendix của kế hoạch, nếu không có thì "Phụ lục").',
    },
    "help.export.attached_to": {
        "en": 'The document the appendix goes with: "Báo cáo số 405-BC/TU ngày 14/9/2023 của Tỉnh ủy" prints "(Kèm theo Báo cáo số …)" (default: the plan\'s settings.attached_to).',
        "vi": 'Văn bản mà phụ lục kèm theo: "Báo cáo số 405-BC/TU ngày 14/9/2023 của Tỉnh ủy" in thành "(Kèm theo Báo cáo số …)" (mặc định: settings.attached_to của kế hoạch).',
    },
    "help.record.any_year": {"en": "Accept a year outside every plan's period (it is intended, not a typo).", "vi": 'Chấp nhận năm nằm ngoài mọi kế hoạch (cố ý, không phải gõ nhầm).'},
}

_SECTIONS: dict[str, dict[str, Mapping[str, str]]] = {}


def section(prefix: str) -> dict[str, Mapping[str, str]]:
    """The entries of ``CATALOG`` whose key starts with ``prefix.``, by the rest of their key
    (``section("status")["exceeded"]``): the tables of words other modules read. Sorted into
    sections once, on first use."""
    if not _SECTIONS:
        for key, texts in CATALOG.items():
            head, _, rest = key.partition(".")
            _SECTIONS.setdefault(head, {})[rest] = texts
    return _SECTIONS.get(prefix, {})


# -- a verdict as kpi prints it: output/labels says it, and kpi import (files/import_edits,
#    files/import_month) compares an exported table's verdict cell with it; files/ does not
#    import output/, so the one home of these words is here --

#: a within-year row whose reason names what is missing says it in its verdict cell, never a bare
#: "Chưa có số liệu" beside its figures (the words' key, ``word.*``, filled with last year)
MONTH_REASON_CELLS = {
    "unknown_meaning": "month_unknown_meaning", "no_last_december": "month_no_last_december", "share_not_known": "month_share_not_known",
    "by_parts": "month_by_parts", "not_rated": "not_rated",
}


def status_words(status: str, excess: float | None, lang: str, precision: int = 2) -> str:
    """ "Vượt 25,00%", "Đạt", "Khó đạt" (a ``core.classify.Status`` value); a group that exceeds
    (no excess) is plain "Vượt"."""
    label = CATALOG["status." + status][lang]
    if status == "exceeded" and excess is not None:
        label += " " + number(excess, lang, precision) + "%"
    return label


def class_words(klass: VerdictClass, lang: str) -> str:
    """A plan's own class as it names it ("Xấp xỉ đạt"), in English when it gives one."""
    return klass.name_en if lang == "en" and klass.name_en else klass.name


def verdict_words(result: Result, lang: str, precision: int = 2) -> str:
    """A result's assessment as printed: its status's label, the plan's own class ("Xấp xỉ đạt"),
    or "Không đánh giá" for a row with values and no target (a structure's part)."""
    if result.unrated:
        return CATALOG["word.not_rated"][lang]
    return assessment_words(result.status.value, result.excess, result.klass, lang, precision)


def assessment_words(status: str, excess: float | None, klass: VerdictClass | None, lang: str, precision: int = 2) -> str:
    """A verdict said by its parts: the plan's own class ("Xấp xỉ đạt") when it has one, else its
    status's label ("Vượt 25,00%", "Đạt"): a result's (``verdict_words``), a count's, an audit's
    computed verdict (output/labels.verdict_label)."""
    return class_words(klass, lang) if klass is not None else status_words(status, excess, lang, precision)


def month_verdict_words(f: MonthFigures, lang: str) -> str:
    """A within-year row's verdict as its cell says it: "Đúng tiến độ", "Chưa rõ cách cộng tháng",
    "Chưa có số liệu tháng 12/2025"."""
    key = MONTH_REASON_CELLS.get(f.reason)
    if key is None:
        return CATALOG["month_verdict." + f.verdict.value][lang]
    return CATALOG["word." + key][lang].format(last=f.period.year - 1)


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

    def __reduce__(self) -> tuple[Callable[[str, dict[str, object]], Text], tuple[str, dict[str, object]]]:
        # copy and pickle rebuild it from its key, not from the English text
        return _rebuild, (self.key, dict(self.params))

    def __repr__(self) -> str:
        return f"Text({self.key!r}, {dict(self.params)!r})"

    def render(self, lang: str) -> str:
        if lang == "en":
            return str.__str__(self)
        return _fill(CATALOG[self.key][lang], self.params, lang)


class Num(float):
    """A number inside a message, written the language's way: 1.234,5 in Vietnamese, 1,234.5 in
    English; ``decimals`` None writes a whole number without decimals and others as typed."""

    decimals: int | None

    def __new__(cls, value: float, decimals: int | None = None) -> Num:
        self = super().__new__(cls, value)
        self.decimals = decimals
        return self

    def render(self, lang: str) -> str:
        value = float(self)
        return number(value, lang, written_decimals(value) if self.decimals is None else self.decimals)

    def __str__(self) -> str:
        return self.render("en")


class Worded(str):
    """Data written one way in Vietnamese and another in English — a listed indicator's line with
    its ``name`` or its ``name_en`` — not words of the catalogue; as a ``str`` it is the English."""

    vi: str

    def __new__(cls, vi: str, en: str) -> Worded:
        self = super().__new__(cls, en)
        self.vi = vi
        return self

    def __reduce__(self) -> tuple[type[Worded], tuple[str, str]]:
        return Worded, (self.vi, str.__str__(self))

    def render(self, lang: str) -> str:
        return self.vi if lang == "vi" else str.__str__(self)


def render(message: object, lang: str) -> str:
    """Any message in ``lang``: a Text, a Num or a Worded is said in it; a plain string as it is."""
    return message.render(lang) if isinstance(message, (Text, Num, Worded)) else str(message)


def help_text(key: str, lang: str) -> str | None:
    """A help text of the catalogue (``help.*``) in ``lang``, None if there is none."""
    entry = CATALOG.get(key) if key.startswith("help.") else None
    return entry[lang] if entry else None


def _fill(template: str, params: Mapping[str, object], lang: str) -> str:
    if "|" in template:  # "{count} problem|{count} problems": the singular when count is 1
        one, _, many = template.partition("|")
        template = one if params.get("count") == 1 else many
    return template.format_map({name: render(value, lang) for name, value in params.items()})


def _rebuild(key: str, params: dict[str, object]) -> Text:
    return Text(key, **params)
