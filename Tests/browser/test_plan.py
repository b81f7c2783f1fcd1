"""Browser test of the seed's workflow: a CSO member drafts a plan entry, the responsible ministry's focal point
answers it, and the public sees the published plan with both."""
import re

from playwright.sync_api import expect

from browser_support import BASE, sign_in


def test_cso_drafts_focal_point_answers_public_sees(browser):
    goal = "Domestic violence law revised and in force"
    cso = browser.new_context(locale="en-GB").new_page()
    sign_in(cso, "cso@demo.upr")
    cso.goto(BASE + "/recommendations?q=%22Domestic+Violence%22&state=Mongolia")
    cso.locator(".rec-text a", has_text="revised Law against Domestic Violence").first.click()
    cso.get_by_role("link", name="Draft a plan entry").click()
    cso.get_by_label("Goal to be achieved").fill(goal)
    cso.get_by_label("Expected action from Government").fill("Adopt the revised law and fund shelters in every aimag")
    cso.get_by_label("Government body responsible").select_option(label="Ministry of Justice and Home Affairs")
    cso.get_by_role("button", name="Save").click()
    expect(cso).to_have_url(re.compile(r"/plan/entries/\d+$"))
    entry_url = cso.url

    # Not published yet: the public cannot see it.
    public = browser.new_context(locale="en-GB").new_page()
    assert public.goto(entry_url).status == 404

    focal = browser.new_context(locale="en-GB").new_page()
    sign_in(focal, "focal@demo.upr")
    focal.goto(entry_url)
    focal.get_by_label("Agree with changes").check()
    focal.get_by_label("Comment").fill("Shelters in 10 aimags first, all by 2019.")
    focal.get_by_role("button", name="Send the answer").click()
    expect(focal.locator("dd", has_text="Shelters in 10 aimags first, all by 2019.")).to_be_visible()

    cso.goto(entry_url)
    cso.get_by_role("button", name="Publish").click()
    expect(cso.locator(".tag-published")).to_be_visible()

    public.goto(BASE + "/plan?state=Mongolia")
    expect(public.get_by_text(goal)).to_be_visible()
    expect(public.get_by_text("Shelters in 10 aimags first, all by 2019.")).to_be_visible()
    expect(public.locator(".tag-amend").first).to_have_text("Agree with changes")


def test_cso_confirms_a_label_the_classifier_suggested(browser):
    # The seed's example rows come without labels, so the classifier suggested them; a CSO member confirms one.
    page = browser.new_context(locale="en-GB").new_page()
    sign_in(page, "cso@demo.upr")
    page.goto(BASE + "/recommendations?q=%22comprehensive+law+against+discrimination%22&state=Mongolia")
    page.locator(".rec-text a", has_text="comprehensive law against discrimination on all grounds").first.click()
    suggestion = page.locator("li.label-machine", has=page.get_by_role("button", name=re.compile("^Confirm"))).first
    expect(suggestion.locator(".origin")).to_contain_text("suggested by the classifier")
    name = suggestion.locator("a").first.inner_text()
    suggestion.get_by_role("button", name=re.compile("^Confirm")).click()
    confirmed = page.locator("li.label-confirmed", has_text=name)
    expect(confirmed.locator(".origin")).to_have_text("confirmed by a person")
    expect(page.get_by_role("heading", name="Similar recommendations")).to_be_visible()
