"""Browser test of the dialogue (issue 6): a CSO member posts a proposal on a recommendation, the responsible
ministry's focal point answers it formally from the reply page, the answer is marked as such, and the CSO member
finds the notice of the answer in the inbox and follows it to the thread."""
import re

from playwright.sync_api import expect

from browser_support import BASE, sign_in

# The demo's recommendation whose plan entry the Ministry of Justice and Home Affairs leads.
SEARCH = '/recommendations?q="Take effective measures to combat domestic violence"'


def test_cso_proposal_gets_a_formal_answer_and_the_cso_hears_of_it(browser):
    proposal = "Proposal: publish the number of protection orders issued each year, by aimag."
    answer = "The Ministry will publish protection orders by aimag in its annual statistics from 2018."
    cso = browser.new_context(locale="en-GB").new_page()
    sign_in(cso, "cso@demo.upr")
    cso.goto(BASE + SEARCH)
    cso.locator("a.rec-ref").first.click()
    recommendation_url = cso.url
    expect(cso.get_by_role("heading", name="Discussion")).to_be_visible()
    cso.get_by_label("Your message").fill(proposal + " @ministry-of-justice-and-home-affairs, can you?")
    cso.get_by_label("Everyone (public)").check()
    cso.get_by_role("button", name="Post comment").click()
    expect(cso).to_have_url(re.compile(re.escape(recommendation_url) + r"#comment-\d+$"))
    posted = cso.locator("li.comment", has_text=proposal)
    expect(posted).to_be_visible()
    expect(posted.get_by_role("link", name="@Ministry of Justice and Home Affairs")).to_be_visible()

    focal = browser.new_context(locale="en-GB").new_page()
    sign_in(focal, "focal@demo.upr")
    focal.goto(recommendation_url)
    focal.locator("li.comment", has_text=proposal).get_by_role("link", name=re.compile("^Reply")).click()
    expect(focal.get_by_role("heading", name=re.compile("^Reply in the discussion"))).to_be_visible()
    expect(focal.get_by_text(proposal)).to_be_visible()
    focal.get_by_label("Your message").fill(answer)
    focal.get_by_label("Formal answer of my organisation").check()
    focal.get_by_role("button", name="Post reply").click()
    expect(focal).to_have_url(re.compile(r"#comment-\d+$"))
    answer_id = focal.url.rsplit("#comment-", 1)[1]
    marked = focal.locator("#comment-" + answer_id)
    expect(marked).to_contain_text(answer)
    expect(marked).to_contain_text("Formal answer")
    expect(marked).to_contain_text("The formal answer of Ministry of Justice and Home Affairs.")

    # The public sees the answer marked too.
    public = browser.new_context(locale="en-GB").new_page()
    public.goto(recommendation_url)
    expect(public.locator("#comment-" + answer_id)).to_contain_text("Formal answer")

    cso.get_by_role("link", name=re.compile(r"^Inbox \(\d+ unread\)$")).click()
    notice = cso.locator('a[href="/comments/%s"]' % answer_id)
    expect(notice).to_have_text(
        re.compile("^Ministry of Justice and Home Affairs gave a formal answer to your proposal on ")
    )
    notice.click()
    expect(cso).to_have_url(re.compile(r"#comment-%s$" % answer_id))
    expect(cso.locator("#comment-" + answer_id)).to_contain_text(answer)
