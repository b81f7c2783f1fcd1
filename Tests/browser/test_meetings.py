"""Browser test of the coordination workflow (issue 6): a working group's member schedules a meeting with two agenda
items and records a decision with an action item for the ministry's focal point, who finds it in the inbox."""
import re

from playwright.sync_api import expect

from browser_support import BASE, sign_in


def test_working_group_meeting_decision_reaches_the_owners_inbox(browser):
    title = "Justice working group: follow-up of the anti-discrimination bill"
    task = "Send the revised anti-discrimination bill to the working group"
    cso = browser.new_context(locale="en-GB").new_page()
    sign_in(cso, "cso@demo.upr")
    cso.goto(BASE + "/meetings")
    cso.get_by_role("link", name="Schedule a meeting").click()
    cso.get_by_label("Kind of meeting").select_option(label="Working group")
    cso.get_by_label("Title").fill(title)
    cso.get_by_label("Working group").select_option(label="Justice and civil and political rights")
    cso.get_by_label("Starts").fill("2027-01-20T10:00")
    cso.get_by_label("Ends").fill("2027-01-20T12:00")
    cso.get_by_label("Place").fill("Open Society Forum, Ulaanbaatar")
    cso.get_by_role("button", name="Save").click()
    expect(cso).to_have_url(re.compile(r"/meetings/\d+$"))
    expect(cso.get_by_role("heading", name=title)).to_be_visible()
    expect(cso.get_by_text("20 January 2027, 10:00–12:00 (Asia/Ulaanbaatar)")).to_be_visible()
    meeting_url = cso.url

    for item in ["Comprehensive anti-discrimination law", "Revised Law against Domestic Violence"]:
        cso.get_by_role("link", name="Add an agenda item").click()
        cso.get_by_label("Agenda item").fill(item)
        cso.get_by_role("button", name="Save").click()
        expect(cso).to_have_url(meeting_url)
    expect(cso.locator("ol.agenda > li")).to_have_count(2)

    cso.get_by_role("link", name="Record a decision").click()
    cso.get_by_label("Agenda item").select_option(label="1. Comprehensive anti-discrimination law")
    cso.get_by_label("Decision").fill("The ministry shares the revised bill before it goes to parliament.")
    cso.get_by_label("What is to be done").fill(task)
    cso.get_by_label("Owner: a person").select_option(label="Focal point (Ministry of Justice and Home Affairs)")
    cso.get_by_label("Due").fill("2027-02-28")
    cso.get_by_role("button", name="Save").click()
    expect(cso).to_have_url(meeting_url)
    expect(cso.get_by_text("The ministry shares the revised bill before it goes to parliament.")).to_be_visible()
    expect(cso.get_by_role("row", name=re.compile(task))).to_be_visible()

    focal = browser.new_context(locale="en-GB").new_page()
    sign_in(focal, "focal@demo.upr")
    focal.get_by_role("link", name=re.compile(r"^Inbox \(\d+ unread\)$")).click()
    notice = focal.get_by_role("link", name=re.compile("Action item for you: " + task))
    expect(notice).to_be_visible()
    notice.click()
    row = focal.get_by_role("row", name=re.compile(task))
    expect(row).to_be_visible()
    row.get_by_label(re.compile("^Status")).select_option(label="In progress")
    row.get_by_role("button", name="Update").click()
    expect(focal.get_by_role("row", name=re.compile(task)).get_by_label(re.compile("^Status"))).to_have_value(
        "in-progress"
    )
