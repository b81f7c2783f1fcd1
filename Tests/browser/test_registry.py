"""Browser test of the registry: a person finds a recommendation from the home page, in a real Chromium."""
import re

from playwright.sync_api import expect

from browser_support import BASE


def test_home_search_filter_recommendation(browser):
    page = browser.new_page(locale="en-GB")
    page.goto(BASE + "/")
    expect(page.locator("h1")).to_have_text("Human rights recommendations")
    # The demo holds 131 recommendations; the import test (which may run first on the same server) adds Tonga's.
    expect(page.locator(".total")).to_contain_text(" recommendations")
    assert int(re.search(r"([\d,]+) recommendations", page.locator(".total").inner_text()).group(1).replace(",", "")) >= 131

    # Search from the home page with the keyboard only.
    page.get_by_label("Search recommendations").fill("torture")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("torture")
    summary = page.locator(".summary").inner_text()
    total = int(re.search(r"of (\d+)", summary).group(1))
    assert total > 0

    # Narrow with a filter: only noted recommendations.
    page.get_by_label("Response").select_option("supported")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"response=supported"))
    narrowed = int(re.search(r"of (\d+)", page.locator(".summary").inner_text()).group(1))
    assert 0 < narrowed <= total

    # Open the first result: its page shows the text, the response history and the provenance.
    first = page.locator(".rec-text a").first
    text = first.inner_text()
    first.click()
    expect(page.locator(".rec-quote")).to_contain_text(text[:40])
    expect(page.get_by_role("heading", name="History of the response")).to_be_visible()
    expect(page.get_by_role("heading", name="Where this record comes from")).to_be_visible()
    expect(page.locator("table").first).to_contain_text("Supported")


def test_language_switch_to_mongolian(browser):
    page = browser.new_page(locale="en-GB")
    page.goto(BASE + "/recommendations?state=Mongolia")
    page.get_by_role("link", name="Монгол хэл").click()
    expect(page.locator("html")).to_have_attribute("lang", "mn")
    expect(page.locator("h1")).to_have_text("Зөвлөмжүүд")
    expect(page).to_have_url(re.compile(r"state=Mongolia"))
    # The choice sticks on the next page.
    page.goto(BASE + "/")
    expect(page.locator("html")).to_have_attribute("lang", "mn")


def test_pages_are_light(browser):
    page = browser.new_page()
    sizes = []
    page.on("response", lambda r: sizes.append(len(r.body())) if r.request.resource_type in ("document", "stylesheet") else None)
    page.goto(BASE + "/recommendations")
    assert sum(sizes) < 100_000, sizes
