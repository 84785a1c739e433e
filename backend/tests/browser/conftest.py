"""A live `copilot serve` on a temporary database, and Debian chromium driven by Playwright.

Every page a browser test opens watches for content security policy violations, and the test fails on any
(docs/security.md)."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.conftest import CI

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parents[3]
ARTIFACTS = REPO / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def google_issuer() -> Iterator[str]:
    """A real OpenID Connect provider on 127.0.0.1 standing in for Google."""
    from oidc_provider_mock import run_server_in_thread

    with run_server_in_thread(require_nonce=True) as server:
        yield f"http://127.0.0.1:{server.server_port}"


LIVE_ENV: dict[str, str] = {}


def copilot_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a `copilot` command against the live server's database (as its operator would)."""
    assert LIVE_ENV, "live_server is not running"
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], env=LIVE_ENV, capture_output=True, text=True, cwd=REPO / "backend"
    )


@pytest.fixture(scope="session")
def job_board() -> Iterator[str]:
    """Local stand-ins for the keyless search boards, so nothing in a browser test reaches the internet."""
    from tests.sources.boards import running_board
    from tests.sources.test_ingest import remoteok_payload, remotive_payload

    with running_board() as (board, url):
        board.route("GET", "/api/remote-jobs", remotive_payload())
        board.route("GET", "/api", remoteok_payload())
        yield url


def require_frontend() -> None:
    """The built SPA: a failure under CI (`make test` builds it first), a skip on a developer's machine."""
    if not (REPO / "frontend" / "dist" / "index.html").exists():
        if CI:
            pytest.fail("frontend/dist is missing: `make test` builds it before the browser tests")
        pytest.skip("frontend not built (run `make install`)")


@contextmanager
def serving(env: dict[str, str], data: Path, port: int) -> Iterator[str]:
    """`copilot migrate`, then `copilot serve` on `port` with `env` (log in data/server.log) until /readyz answers;
    yields its base URL and stops it afterwards."""
    copilot = [sys.executable, "-m", "app.cli"]
    subprocess.run([*copilot, "migrate"], env=env, check=True, capture_output=True, cwd=REPO / "backend")
    log_path = data / "server.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [*copilot, "serve", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=REPO / "backend",
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.terminate()
            pytest.fail(f"server did not start: {log_path.read_text()[-2000:]}")
        time.sleep(0.2)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory, google_issuer: str, job_board: str) -> Iterator[str]:
    require_frontend()
    data = tmp_path_factory.mktemp("live")
    port = _free_port()
    env = {
        **os.environ,
        "COPILOT_DATA_DIR": str(data),
        "DATABASE_URL": f"sqlite:///{data}/live.db",
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "REDIS_URL": "",
        "SMTP_HOST": "",
        "REGISTER_RATE_LIMIT": "1000/hour",  # every browser test signs up its own accounts from 127.0.0.1
        "SOURCE_BASE_URLS": json.dumps({"remotive": job_board, "remoteok": job_board}),
        # Only the two local boards: the others (and every company board) would go to the internet.
        "SOURCES_DISABLED": "arbeitnow,themuse,himalayas,jobicy,hn_whoishiring,adzuna,usajobs,jooble,"
        "greenhouse,lever,ashby,smartrecruiters,workable",
        "OAUTH_GOOGLE_CLIENT_ID": "copilot-browser-test",
        "OAUTH_GOOGLE_CLIENT_SECRET": "browser-test-secret",
        "OAUTH_GOOGLE_ISSUER": google_issuer,
    }
    LIVE_ENV.update(env)
    with serving(env, data, port) as base:
        yield base


# Runs in every document before the app: each violation goes to window.__cspViolations (to look at in the page)
# and at once to Python through a binding, because the next navigation starts a new, empty list and tests close
# their pages themselves, before any fixture could read it.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const violation = {
    directive: e.effectiveDirective, blocked: e.blockedURI, document: e.documentURI,
    source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`, sample: e.sample,
  };
  window.__cspViolations.push(violation);
  if (window.__reportCspViolation) window.__reportCspViolation(violation);
});
"""
CSP_VIOLATIONS: list[dict[str, object]] = []


def watch_csp(context: BrowserContext) -> None:
    context.add_init_script(CSP_WATCH)
    context.expose_binding("__reportCspViolation", lambda _source, violation: CSP_VIOLATIONS.append(violation))


class CspWatchedBrowser:
    """The browser, but every context and page it opens watches for CSP violations (Playwright has no hook
    that runs before a new context's first page loads, so the two constructors are wrapped)."""

    def __init__(self, browser: Browser) -> None:
        self._browser = browser

    def __getattr__(self, name: str) -> object:
        return getattr(self._browser, name)

    def new_context(self, **options: object) -> BrowserContext:
        context = self._browser.new_context(**options)  # type: ignore[arg-type]
        watch_csp(context)
        return context

    def new_page(self, **options: object) -> Page:
        page = self._browser.new_page(**options)  # type: ignore[arg-type]
        watch_csp(page.context)  # before the test's first goto: the page is still about:blank
        return page


# Module scope: Playwright's sync API keeps an event loop running in this thread while it is open, which
# would break every async test collected after the browser tests.
@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if CI:
            pytest.fail(f"CI=true but {CHROMIUM} is missing (.ci/run installs Debian's chromium)")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield CspWatchedBrowser(b)
        b.close()


@pytest.fixture(autouse=True)
def no_csp_violations(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail the test if any page it opened reported a content security policy violation."""
    CSP_VIOLATIONS.clear()
    yield
    if "browser" in request.fixturenames:
        # Pages the test left open: read their own list too, in case a report was still on its way.
        for context in request.getfixturevalue("browser").contexts:
            for page in context.pages:
                if not page.is_closed():
                    for violation in page.evaluate("window.__cspViolations || []"):
                        if violation not in CSP_VIOLATIONS:
                            CSP_VIOLATIONS.append(violation)
    found, CSP_VIOLATIONS[:] = list(CSP_VIOLATIONS), []
    if found:
        lines = "\n".join(json.dumps(v) for v in found[:10])
        pytest.fail(f"{len(found)} content security policy violation(s):\n{lines}", pytrace=False)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def field(page: Page, label: str) -> Locator:
    """The input labelled exactly `label` (Mantine appends " *" to required fields' labels)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def register_in_browser(page: Page, base: str, name: str, email: str, password: str) -> None:
    page.goto(base + "/register")
    field(page, "Full name").fill(name)
    field(page, "Email").fill(email)
    field(page, "Password").fill(password)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


AXE = REPO / "frontend" / "node_modules" / "axe-core" / "axe.min.js"


def serious_accessibility_violations(page: Page) -> list[str]:
    """Run axe-core in the page; return the serious and critical violations, one line each."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `npm ci` in frontend/ installs axe-core")
    # Evaluated, not added as a <script> element: the app's policy rightly refuses an inline script.
    page.evaluate(AXE.read_text())
    # Let finite transitions end first (a toast fading in has, for a moment, the contrast of half its opacity);
    # endless ones (skeleton pulses, spinners) are left running.
    page.evaluate(
        """() => Promise.race([
            Promise.all(document.getAnimations()
                .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
                .map((a) => a.finished.catch(() => null))),
            new Promise((resolve) => setTimeout(resolve, 5000)),
        ])"""
    )
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def pytest_sessionstart(session: pytest.Session) -> None:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)


def sign_in(page: Page, base: str, email: str, password: str) -> None:
    """Sign in through the login page and wait until the app shows the signed-in shell."""
    page.goto(base + "/login")
    field(page, "Email").fill(email)
    field(page, "Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
