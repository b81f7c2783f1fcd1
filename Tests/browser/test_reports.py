"""The mid-term report's HTML in a real Chromium: its inline style is allowed by the page's policy (by hash) and
applied, and the browser reports no policy violation."""
from browser_support import BASE


def test_midterm_report_html_is_styled_under_its_policy(browser):
    page = browser.new_page(locale="en-GB")
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    response = page.goto(BASE + "/reports/midterm.html?state=Mongolia&cycle=1")
    assert response.status == 200
    assert "'sha256-" in response.headers["content-security-policy"]
    # The report's style sets Arial on the body and borders on the table cells; unstyled, neither would be there.
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Arial" in font
    border = page.evaluate("getComputedStyle(document.querySelector('td')).borderTopStyle")
    assert border == "solid"
    assert violations == []
