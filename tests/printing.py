"""Documents as they come out of the printer: every plan of the legibility checks exported as
docx, xlsx and html, the docx and xlsx printed to PDF by one LibreOffice run, the html pages by
headless Chromium (both at once: the machine has two cores), each PDF read once with poppler
(pdfinfo, pdftotext -raw and -bbox) and pypdf (the size each text is printed at).

Used by test_print.py and test_legibility.py through the session fixture ``printed`` of
conftest.py: each document is rendered once per test run, however many checks read it.
"""

from __future__ import annotations

import html
import math
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from .conftest import ROOT, kpi

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo") and shutil.which("pdftoppm")
IN_CI = bool(os.environ.get("CI"))
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update", "--virtual-time-budget=3000",
]
MM = 72 / 25.4  # PDF points per mm

#: the plans the checks print: name → (data folder or None for the bundled data, kpi's options)
EXAMPLES = ROOT / "docs" / "example-kinds"


class Word(NamedTuple):
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


class Printed(NamedTuple):
    """One printed document."""

    path: Path  # the PDF
    pages: int
    size: tuple[float, float]  # of the first page, in points
    text: str  # pdftotext -raw: the content stream's order, a wrapped cell reads as one piece
    flat: str  # the same, every run of white space one space
    words: tuple[Word, ...]  # pdftotext -bbox: each word where it is printed
    page_sizes: tuple[tuple[float, float], ...]
    font_sizes: Counter  # printed size (pt, one decimal) → characters printed at that size


def plans(tmp: Path) -> dict[str, tuple[str, ...]]:
    """The plans to print, as `kpi export` options: the bundled plan, the `kpi init` template,
    every plan of the example in docs/, and a 60-indicator plan with long names and notes."""
    from .long_plan import write

    tmp.mkdir(parents=True, exist_ok=True)
    init = tmp / "init"
    done = kpi("init", str(init), "--name", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2025–2030",
               "--base-year", "2025", "--target-year", "2030")
    assert done.exit_code == 0, done.output
    found: dict[str, tuple[str, ...]] = {"bundled": ("--data-dir", str(ROOT))}
    found["init"] = ("--data-dir", str(init))
    for plan in re.findall(r"^  - id: (\S+)", (EXAMPLES / "targets.yaml").read_text(encoding="utf-8"), re.M):
        found[f"docs-{plan}"] = ("--data-dir", str(EXAMPLES), "--plan", plan)
    found["long"] = ("--data-dir", str(write(tmp / "long")))
    return found


def render(tmp: Path, found: dict[str, tuple[str, ...]], formats: tuple[str, ...] = ("docx", "xlsx", "html")) -> dict[tuple[str, str], Printed]:
    """Every plan of ``found`` (see :func:`plans`) in every format, printed: {(plan, format): Printed}."""
    assert SOFFICE and CHROMIUM and POPPLER, "CI must install LibreOffice, chromium and poppler-utils: see .ci/run"
    out = tmp / "out"
    out.mkdir()
    files: dict[tuple[str, str], Path] = {}
    for name, options in found.items():
        for fmt in formats:
            path = out / f"{name}-{fmt}.{fmt}"  # distinct stems: one LibreOffice run prints them all
            done = kpi("export", "-o", str(path), *options)
            assert done.exit_code == 0, done.output
            files[name, fmt] = path
    office = [p for (_, fmt), p in files.items() if fmt in ("docx", "xlsx")]
    profile = tmp / "lo-profile"  # a profile of its own: concurrent runs do not clash
    soffice = subprocess.Popen(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, office)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    pdfs: dict[tuple[str, str], Path] = {}
    try:
        for key, page in files.items():
            if key[1] != "html":
                continue
            pdf = page.with_suffix(".pdf")
            done = subprocess.run(
                [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp / 'chromium'}", f"--print-to-pdf={pdf}",
                 "--no-pdf-header-footer", page.as_uri()],
                capture_output=True, text=True, timeout=120,
            )
            assert done.returncode == 0 and pdf.exists(), done.stderr[-2000:]
            pdfs[key] = pdf
        _, errors = soffice.communicate(timeout=300)
    finally:
        if soffice.poll() is None:
            soffice.kill()
    assert soffice.returncode == 0, errors[-2000:]
    for key, path in files.items():
        if key[1] != "html":
            pdfs[key] = path.with_suffix(".pdf")
    return {key: read(pdf) for key, pdf in pdfs.items()}


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def read(pdf: Path) -> Printed:
    from pypdf import PdfReader

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words: list[Word] = []
    sizes: list[tuple[float, float]] = []
    for n, chunk in enumerate(boxes.split("<page ")[1:], start=1):
        page = PAGE.match("<page " + chunk)
        assert page
        sizes.append((float(page.group(1)), float(page.group(2))))
        words += [Word(n, float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in WORD.findall(chunk)]
    fonts: Counter = Counter()
    for page in PdfReader(pdf).pages:
        def visit(shown, cm, tm, font, size):
            if shown.strip():
                scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
                fonts[round(size * scale, 1)] += len(shown.strip())
        page.extract_text(visitor_text=visit)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return Printed(pdf, pages, sizes[0], text, " ".join(text.split()), tuple(words), tuple(sizes), fonts)


def pixels(pdf: Path, page: int, dpi: int = 40) -> tuple[int, int, bytes]:
    """A page as RGB pixels (pdftoppm's PPM): width, height, the bytes row by row."""
    data = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)], capture_output=True, check=True
    ).stdout
    head = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
    assert head
    return int(head.group(1)), int(head.group(2)), data[head.end():]
