"""Browser test of indicators: the responsible ministry's focal point enters a measurement, the administrator
accepts it, and the indicator's chart and its data table show the new point."""
import re

from playwright.sync_api import expect

from browser_support import BASE, sign_in

INDICATOR = "Domestic violence cases registered by the police"


def test_measurement_entered_accepted_and_charted(browser, tmp_path):
    focal = browser.new_context(locale="en-GB").new_page()
    sign_in(focal, "focal@demo.upr")
    focal.goto(BASE + "/indicators")
    focal.get_by_role("link", name=INDICATOR).click()
    expect(focal).to_have_url(re.compile(r"/indicators/\d+$"))
    indicator_url = focal.url
    points_before = focal.locator("svg.chart circle").count()

    focal.get_by_role("link", name="Enter a measurement").click()
    focal.get_by_label("Value").fill("3810,5")
    focal.get_by_label("Date of the measurement").fill("2021-12-31")
    focal.get_by_label("Sex").fill("female = 3400; male = 410.5")
    evidence = tmp_path / "police-2021.csv"
    evidence.write_text("year,cases\n2021,3810.5\n")
    focal.get_by_label("Evidence", exact=True).set_input_files(str(evidence))
    focal.get_by_role("button", name="Send for review").click()
    expect(focal).to_have_url(re.compile(r"/indicators/\d+#measurements$"))
    row = focal.locator("#measurements tr", has_text="2021-12-31")
    expect(row).to_contain_text("Awaiting review")
    expect(row.get_by_role("link", name="police-2021.csv")).to_be_visible()

    # Not accepted yet: the public does not see it.
    public = browser.new_context(locale="en-GB").new_page()
    public.goto(indicator_url)
    expect(public.locator("body")).not_to_contain_text("3810.5 cases")

    admin = browser.new_context(locale="en-GB").new_page()
    sign_in(admin, "admin@demo.upr")
    admin.goto(indicator_url)
    row = admin.locator("#measurements tr", has_text="2021-12-31")
    row.get_by_label("Accepted").check()
    row.get_by_role("button", name="Save review").click()
    expect(admin.locator("#measurements tr", has_text="2021-12-31")).to_contain_text("Accepted")

    public.goto(indicator_url)
    expect(public.locator("table.chart-data")).to_contain_text("3810.5 cases")
    expect(public.locator('svg.chart circle[data-value="3810.5"]')).to_have_count(2)
    assert public.locator("svg.chart circle").count() == points_before + 1
    assert public.locator("svg.chart").get_attribute("role") == "img"
