"""A plan as a province's new term looks in its first year: 60 indicators with long names, groups
with sub-rows, values with notes on where they come from, a 2025–2030 term as of 2026 (so the
roadmap of 2027–2030 is still empty). Written by the legibility checks (test_legibility.py)."""

from pathlib import Path

NAMES = (
    "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP, theo giá so sánh 2010) bình quân giai đoạn 2026–2030",
    "Tỷ lệ lao động qua đào tạo có văn bằng, chứng chỉ trong tổng số lao động đang làm việc trong nền kinh tế",
    "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình trên Cổng dịch vụ công",
    "Giá trị sản phẩm thu hoạch trên 1 ha đất trồng trọt và nuôi trồng thuỷ sản",
    "Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ tiêu dùng xã hội",
)
NOTES = (
    "Cục Thống kê thành phố, số ước tính ngày 30/11/2026, sẽ cập nhật theo số chính thức quý I/2027",
    "Sở Kế hoạch và Đầu tư, Báo cáo số 1234/BC-SKHĐT ngày 15/12/2026 (số liệu sơ bộ)",
    "Sở Nội vụ, tổng hợp từ báo cáo của 103 xã, phường",
)


def write(folder: Path, count: int = 60) -> Path:
    """``count`` indicators: every fifth a group heading with two sub-rows."""
    folder.mkdir(parents=True, exist_ok=True)
    indicators, targets, series = [], [], []
    n = 0
    number = 0
    while n < count:
        number += 1
        ident = f"ind-{n}"
        name = NAMES[n % len(NAMES)] + f" (chỉ tiêu {number})"
        if number % 5 == 0 and n + 3 <= count:
            indicators.append(f'  - {{id: {ident}, name: "Nhóm chỉ tiêu {number}: {name}"}}')
            targets.append(f'      - {{indicator: {ident}, number: "{number}", kind: group}}')
            n += 1
            for k in (1, 2):
                child = f"ind-{n}"
                indicators.append(f'  - {{id: {child}, name: "{NAMES[(n + k) % len(NAMES)]}", unit: "%", parent: {ident}}}')
                targets.append(f'      - {{indicator: {child}, number: "{number}.{k}", kind: level, value: {60 + k * 10}}}')
                series.append(_series(child, n, 40.0 + k * 10, 1.5))
                n += 1
            continue
        unit = ("%", "Tỷ đồng", "Triệu đồng/người", "Tấn", "Xã, phường")[n % 5]
        indicators.append(f'  - {{id: {ident}, name: "{name}", unit: "{unit}"}}')
        if unit == "%":
            targets.append(f'      - {{indicator: {ident}, number: "{number}", kind: growth, value: 8.5}}')
            series.append(_series(ident, n, 106.1, 0.4, index=True))
        else:
            base = (1250.5, 98.75, 417000, 72)[n % 4]
            targets.append(f'      - {{indicator: {ident}, number: "{number}", kind: level, value: {round(base * 1.6, 2)}}}')
            series.append(_series(ident, n, base, base * 0.07))
        n += 1
    (folder / "targets.yaml").write_text(
        "schema_version: 1\nindicators:\n" + "\n".join(indicators) + "\nplans:\n"
        "  - id: term-2025-2030\n"
        "    name: Nghị quyết Đại hội Đảng bộ thành phố lần thứ I, nhiệm kỳ 2025–2030 (chỉ tiêu thử nghiệm dài)\n"
        "    base_year: 2025\n    target_year: 2030\n    targets:\n" + "\n".join(targets) + "\n",
        encoding="utf-8",
    )
    (folder / "actuals.yaml").write_text("schema_version: 1\nseries:\n" + "\n".join(series) + "\n", encoding="utf-8")
    return folder


def _series(ident: str, n: int, base: float, step: float, index: bool = False) -> str:
    note = NOTES[n % len(NOTES)]
    extra = "    as_index: true\n" if index else ""
    return (
        f"  {ident}:\n{extra}"
        f"    actual: {{2025: {round(base, 2)}}}\n"
        f"    estimate: {{2026: {round(base + step, 2)}}}\n"
        f"    plan: {{2027: {round(base + 2 * step, 2)}}}\n"
        + (f'    notes: {{2026: "{note}"}}\n' if n % 2 == 0 else "")
    )
