"""Browser test of following: an embassy's observer follows a recommendation and the state from their pages, finds
them at /account/subscriptions, chooses a weekly digest and stops following one; the public sees a sign-in link."""
import os

from playwright.sync_api import expect

from browser_support import BASE, PASSWORD, sign_in

SHOTS = os.environ.get("UPR_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, name + ".png"), full_page=True)


def test_observer_follows_and_stops(browser):
    assert PASSWORD
    public = browser.new_page()
    public.goto(BASE + "/recommendations?q=torture&state=Mongolia")
    public.locator("ol.rec-list a, ul.rec-list a").first.click()
    expect(public.get_by_role("link", name="Sign in to follow this and get notices")).to_be_visible()
    recommendation = public.url
    public.close()

    page = browser.new_page()
    sign_in(page, "observer@demo.upr")
    page.goto(recommendation)
    page.get_by_role("button", name="Follow").click()
    expect(page.get_by_role("button", name="Stop following")).to_be_visible()
    shot(page, "recommendation-following")
    page.goto(BASE + "/states/Mongolia")
    page.get_by_role("button", name="Follow Mongolia").click()
    expect(page.get_by_role("button", name="Stop following Mongolia")).to_be_visible()

    page.goto(BASE + "/account/subscriptions")
    expect(page.get_by_role("heading", name="What I follow")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Mongolia", exact=True)).to_be_visible()
    page.get_by_label("Weekly").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_label("Weekly")).to_be_checked()
    shot(page, "subscriptions")
    page.get_by_role("button", name="Stop following – Mongolia", exact=True).click()
    expect(page.get_by_role("rowheader", name="Mongolia", exact=True)).to_have_count(0)
    page.close()
