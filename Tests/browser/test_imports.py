"""Imports in the browser (issue 13): the secretariat uploads a UPR Info export, reads the preview per state under
review, applies it and finds it in the import history, which links to its record."""
import os

from playwright.sync_api import expect

from browser_support import BASE, sign_in

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "UPRWebTests", "Fixtures", "tonga-cycle2-unlabelled.csv")


def test_upload_preview_apply_history(browser):
    page = browser.new_page()
    sign_in(page, "admin@demo.upr")
    page.goto(BASE + "/admin")
    page.get_by_role("link", name="Imports: upload a file, import history").click()
    expect(page.get_by_role("heading", name="Import a file", level=1)).to_be_visible()
    page.get_by_label("Recommendations file").set_input_files(FIXTURE)
    page.get_by_role("button", name="Upload and preview").click()

    expect(page.get_by_role("heading", name="Import of tonga-cycle2-unlabelled.csv")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Nothing has been written yet")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Tonga")).to_be_visible()
    page.get_by_role("button", name="Apply this import").click()

    expect(page.get_by_role("heading", name="Written to the registry")).to_be_visible()
    page.get_by_role("link", name="Import history").click()
    expect(page.get_by_role("heading", name="Import history", level=1)).to_be_visible()
    page.get_by_role("link", name="tonga-cycle2-unlabelled.csv").first.click()
    expect(page.get_by_role("heading", name="Import record: tonga-cycle2-unlabelled.csv")).to_be_visible()
    page.close()


UHRI_FIXTURE = os.path.join(
    os.path.dirname(__file__), "..", "UPRImportTests", "Fixtures", "uhri", "mongolia-uhri.json")


def test_uhri_export_is_previewed_then_cancelled(browser):
    """A UHRI JSON export is recognised from its content: the preview counts Mongolia's records and lists the
    themes it would add; cancelling writes nothing (so the other browser tests see the registry unchanged)."""
    page = browser.new_page()
    sign_in(page, "admin@demo.upr")
    page.goto(BASE + "/admin/import")
    page.get_by_label("Recommendations file").set_input_files(UHRI_FIXTURE)
    page.get_by_role("button", name="Upload and preview").click()

    expect(page.get_by_role("heading", name="Import of mongolia-uhri.json")).to_be_visible()
    expect(page.get_by_text("uhri-json", exact=True)).to_be_visible()
    expect(page.get_by_role("rowheader", name="Mongolia")).to_be_visible()
    expect(page.get_by_role("heading", name="New terms")).to_be_visible()
    page.get_by_role("button", name="Cancel and delete the file").click()
    expect(page.get_by_role("heading", name="Import a file", level=1)).to_be_visible()
    page.close()
