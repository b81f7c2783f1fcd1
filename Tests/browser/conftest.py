"""The browser fixture of every test module here: one Chromium per module, launched from Debian's package (never
`playwright install`, which needs the internet)."""
import pytest
from playwright.sync_api import sync_playwright

from browser_support import chromium_path


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        yield browser
        browser.close()
