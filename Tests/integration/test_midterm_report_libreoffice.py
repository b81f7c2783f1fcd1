"""LibreOffice Writer opens the mid-term report (DOCX) that the product generates.

scripts/browser-test generates the report with `upr report midterm --format docx` and runs this test with
UPR_MIDTERM_DOCX (the file's path) and UPR_MIDTERM_TEXTS (a file with one recommendation text per line that the
report must contain). The test converts the DOCX to PDF with headless LibreOffice (Debian:
libreoffice-writer-nogui), extracts the PDF's text with pdftotext (poppler-utils) and looks for every
recommendation. A missing variable or tool fails the test; it never skips.
"""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

TIMEOUT = 300


def required(name, meaning):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: it must give {meaning} (scripts/browser-test sets it).")
    return value


def tool(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    pytest.fail(f"{names[0]} is not installed (see .ci/run)")


def squeeze(text):
    """Words only: a PDF breaks lines and hyphenates where it likes."""
    return re.sub(r"\s+", " ", text).strip()


def test_the_report_opens_in_writer_and_holds_every_recommendation(tmp_path):
    source = Path(required("UPR_MIDTERM_DOCX", "the path of the generated DOCX"))
    data = source.read_bytes()
    assert data.startswith(b"PK\x03\x04"), f"{source} is not a DOCX (zip) file"
    document = tmp_path / "report.docx"
    document.write_bytes(data)
    texts = [
        line.strip()
        for line in Path(required("UPR_MIDTERM_TEXTS", "a file of recommendation texts")).read_text("utf-8").splitlines()
        if line.strip()
    ]
    assert len(texts) > 100, "the demo report should cover Mongolia's first-cycle recommendations"
    out = tmp_path / "out"
    command = [
        tool("soffice", "libreoffice"),
        f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        str(document),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    pdf = out / "report.pdf"
    assert result.returncode == 0 and pdf.is_file(), f"LibreOffice could not convert the report:\n{result.stdout}\n{result.stderr}"
    text = subprocess.run(
        [tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = squeeze(text)
    assert "Mid-term report on the implementation of the UPR recommendations: Mongolia" in flat
    missing = [t for t in texts if squeeze(t) not in flat]
    assert not missing, f"{len(missing)} of {len(texts)} recommendations are not in the PDF, e.g. {missing[:3]}"
