"""LibreOffice Calc opens the implementation-plan matrix (annex 8.1) that the product exports.

The CI script exports a matrix with `upr export --format matrix-xlsx`, then runs this test with
UPR_MATRIX_XLSX (the file's path) and UPR_MATRIX_ROWS (how many recommendations it holds). The test converts
the file with headless LibreOffice (Debian: libreoffice-calc-nogui) to CSV and to PDF and checks what Calc read:
the annex headings on two header rows and one row per recommendation. A missing variable or a missing
LibreOffice fails the test; it never skips.
"""
import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

# The header as Calc reads the XLSX: the mechanism heading spans two columns, whose sub-headings are on the
# second row; every other heading is merged down over both rows.
HEADER_ROW = [
    "Rec #",
    "RS",
    "Recommendation(s)",
    "Response",
    "Was the same recommendations made by other mechanisms?",
    "",
    "Goal to be achieved",
    "Expected action from Government",
    "Indicators/data to track progress of implementation",
    "Government body responsible for recommendation",
]
SUBHEADER_ROW = ["", "", "", "", "National", "International", "", "", "", ""]

# CSV export options: comma, double quote, UTF-8 (76), start at row 1.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1"
TIMEOUT = 300


def required_env(name, meaning):
    value = os.environ.get(name)
    if not value:
        pytest.fail(
            f"{name} is not set: it must give {meaning}. The CI script sets it after "
            "`upr export --format matrix-xlsx`; to run by hand: "
            "UPR_MATRIX_XLSX=plan.xlsx UPR_MATRIX_ROWS=164 python3 -m pytest Tests/integration"
        )
    return value


def soffice():
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui)")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("matrix")


def workbook(workdir):
    """A copy of the exported file, so that LibreOffice's output never lands beside the original."""
    path = Path(required_env("UPR_MATRIX_XLSX", "the path of the XLSX matrix the product exported"))
    if not path.is_file():
        pytest.fail(f"UPR_MATRIX_XLSX={path} is not a file")
    data = path.read_bytes()
    if not data.startswith(b"PK\x03\x04"):
        pytest.fail(f"{path} is not an XLSX (zip) file")
    copy = workdir / "matrix.xlsx"
    copy.write_bytes(data)
    return copy


def expected_rows():
    value = required_env("UPR_MATRIX_ROWS", "the number of data rows (recommendations) in the exported matrix")
    try:
        rows = int(value)
    except ValueError:
        pytest.fail(f"UPR_MATRIX_ROWS={value!r} is not a whole number")
    if rows < 0:
        pytest.fail(f"UPR_MATRIX_ROWS={rows} is negative")
    return rows


def convert(workbook, target, extension):
    """Runs soffice headless with a profile of its own (a shared one can lock or show first-start dialogs)."""
    out = workbook.parent / f"out-{extension}"
    out.mkdir(exist_ok=True)
    profile = workbook.parent / f"profile-{extension}"
    command = [
        soffice(),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(out),
        str(workbook),
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"LibreOffice did not finish converting {workbook.name} to {extension} in {TIMEOUT} s")
    output = out / f"{workbook.stem}.{extension}"
    if result.returncode != 0 or not output.is_file():
        pytest.fail(
            f"LibreOffice could not convert {workbook.name} to {extension} (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return output


_tables = {}


def table_of(workdir):
    """The cells Calc read, converted once per test session. Called from the tests (not a fixture), so that a
    missing variable or LibreOffice is reported as a failed test."""
    if workdir not in _tables:
        text = convert(workbook(workdir), CSV_FILTER, "csv").read_text(encoding="utf-8")
        _tables[workdir] = list(csv.reader(io.StringIO(text, newline="")))
    return _tables[workdir]


def cells(row):
    """The row's first ten cells, padded; LibreOffice writes as many cells as the used range is wide."""
    return (row + [""] * 10)[:10]


def header_index(table):
    for index, row in enumerate(table[:10]):
        if row and row[0].strip() == "Rec #":
            return index
    shown = "\n".join(map(str, table[:10]))
    pytest.fail(f"Calc found no header row starting with “Rec #” in the first ten rows:\n{shown}")


def test_the_annex_headings_on_two_rows(workdir):
    table = table_of(workdir)
    index = header_index(table)
    assert cells(table[index]) == HEADER_ROW
    assert index + 1 < len(table), "the second header row is missing"
    assert cells(table[index + 1]) == SUBHEADER_ROW
    assert all(cell == "" for cell in table[index][10:]), "cells right of the matrix"
    # Above the header there is at most the title.
    for row in table[:index]:
        assert sum(1 for cell in row if cell.strip()) <= 1, f"unexpected row above the header: {row}"


def test_one_row_per_recommendation(workdir):
    expected = expected_rows()
    table = table_of(workdir)
    index = header_index(table)
    data = [row for row in table[index + 2 :] if any(cell.strip() for cell in row)]
    assert len(data) == expected, f"Calc read {len(data)} data rows, expected {expected}"
    for number, row in enumerate(data, start=1):
        assert row[0].strip(), f"data row {number} has no Rec #: {row}"
        assert cells(row)[2].strip(), f"data row {number} ({row[0]}) has no recommendation text"


def test_prints_to_pdf(workdir):
    pdf = convert(workbook(workdir), "pdf", "pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-"), "LibreOffice's PDF export is not a PDF"
    assert len(data) > 1000
