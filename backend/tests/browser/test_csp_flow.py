"""The content security policy in a real browser: the app runs under it, and what it forbids is refused and
reported (which is how every other browser test notices a violation)."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from tests.browser.conftest import CSP_VIOLATIONS, register_in_browser


def test_an_injected_inline_script_is_refused_and_reported(live_server: str, browser: Browser) -> None:
    page = browser.new_page()
    register_in_browser(page, live_server, "Mallory Example", "mallory@example.com", "Injected-Script-42")
    assert page.evaluate("window.__cspViolations") == []
    # What a sanitiser gap in a job description would amount to: markup with an inline script and handler.
    page.evaluate(
        """() => {
        const div = document.createElement('div');
        div.innerHTML = '<img src="x.png" onerror="window.__pwned = true">';
        document.body.appendChild(div);
        const s = document.createElement('script');
        s.textContent = 'window.__pwned = true';
        document.body.appendChild(s);
    }"""
    )
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.wait_for_function("window.__cspViolations.length >= 2")
    assert page.evaluate("window.__pwned") is None
    directives = sorted(v["directive"] for v in page.evaluate("window.__cspViolations"))
    assert directives == ["script-src-attr", "script-src-elem"], directives
    page.wait_for_timeout(200)  # the binding's reports reach Python
    assert sorted(str(v["directive"]) for v in CSP_VIOLATIONS) == directives
    CSP_VIOLATIONS.clear()  # expected here; anywhere else they fail the test
    page.close()
