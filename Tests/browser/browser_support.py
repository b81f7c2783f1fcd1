"""What every browser test shares: the server under test, the demo password, Debian's Chromium and signing in."""
import os
import shutil

import pytest
from playwright.sync_api import expect

BASE = os.environ.get("UPR_BASE_URL", "http://127.0.0.1:18080")
# The demo accounts' password (`upr serve --demo`).
PASSWORD = "upr-demo-2015"


def chromium_path():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("Debian's chromium is not installed (apt-get install chromium)")


def sign_in(page, email):
    page.goto(BASE + "/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
