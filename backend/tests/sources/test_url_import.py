"""Import from a link: a career page's schema.org JobPosting served locally, a Greenhouse link through its API,
and refused private addresses (SSRF)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import HTMLResponse, RedirectResponse

from tests.auth.providers import serve
from tests.conftest import register

POSTING = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Site Reliability Engineer",
    "description": "<p>Keep <b>Kubernetes</b> clusters healthy.</p><script>steal()</script>",
    "datePosted": "2026-11-20",
    "employmentType": "FULL_TIME",
    "hiringOrganization": {"@type": "Organization", "name": "Initech"},
    "jobLocation": {"@type": "Place",
                    "address": {"addressLocality": "Austin", "addressRegion": "TX", "addressCountry": "US"}},
    "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
                   "value": {"@type": "QuantitativeValue", "minValue": 120000, "maxValue": 150000, "unitText": "YEAR"}},
}  # fmt: skip


def career_site() -> FastAPI:
    app = FastAPI()

    @app.get("/careers/sre", response_class=HTMLResponse)
    async def page() -> str:
        # as pages embed it: "</" escaped so the HTML in the description cannot close the script element
        ld = json.dumps({"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, POSTING]}).replace(
            "</", "<\\/"
        )
        return f'<html><head><script type="application/ld+json">{ld}</script></head><body>SRE</body></html>'

    @app.get("/careers/plain", response_class=HTMLResponse)
    async def plain() -> str:
        return "<html><body>No structured data here.</body></html>"

    @app.get("/go")
    async def go() -> RedirectResponse:
        return RedirectResponse("http://10.0.0.5/admin")

    return app


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve(career_site()) as url:
        yield url


@pytest.fixture
def settings_overrides() -> dict[str, object]:
    return {"url_import_allow_hosts": ["127.0.0.1"]}


async def test_json_ld_page_becomes_my_job(client: httpx.AsyncClient, site: str) -> None:
    h = await register(client)
    r = await client.post("/api/v1/jobs/import-url", headers=h, json={"url": f"{site}/careers/sre"})
    assert r.status_code == 201, r.text
    job: dict[str, Any] = r.json()
    assert (job["title"], job["company"], job["is_own"]) == ("Site Reliability Engineer", "Initech", True)
    assert job["location"] == "Austin, TX, US" and job["employment_type"] == "full_time"
    assert (job["salary_min"], job["salary_max"], job["salary_currency"], job["salary_period"]) == (
        120000, 150000, "USD", "year",
    )  # fmt: skip
    assert "<script>" not in job["description_html"] and "Kubernetes" in job["description_text"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://10.0.0.5/jobs/1", "private or local address"),
        ("http://169.254.169.254/latest/meta-data", "private or local address"),
        ("http://[::1]:8000/x", "private or local address"),
        ("ftp://example.com/job", "should be 'http' or 'https'"),
    ],
)
async def test_private_addresses_are_refused(client: httpx.AsyncClient, url: str, message: str) -> None:
    h = await register(client)
    r = await client.post("/api/v1/jobs/import-url", headers=h, json={"url": url})
    assert r.status_code in (400, 422) and message in r.text


async def test_a_redirect_to_a_private_address_is_refused(client: httpx.AsyncClient, site: str) -> None:
    h = await register(client)
    r = await client.post("/api/v1/jobs/import-url", headers=h, json={"url": f"{site}/go"})
    assert r.status_code == 400 and "private or local address" in r.json()["detail"]


async def test_a_page_without_posting_data_says_so(client: httpx.AsyncClient, site: str) -> None:
    h = await register(client)
    r = await client.post("/api/v1/jobs/import-url", headers=h, json={"url": f"{site}/careers/plain"})
    assert r.status_code == 400 and "no job posting data" in r.json()["detail"]


async def test_a_greenhouse_link_goes_through_the_board_api(
    client: httpx.AsyncClient, app: Any, settings_overrides: dict[str, object]
) -> None:
    from tests.sources.boards import running_board
    from tests.sources.test_greenhouse import board_payload

    with running_board() as (board, url):
        board.route("GET", "/v1/boards/acme/jobs", board_payload())
        app.state.settings.source_base_urls["greenhouse"] = url
        try:
            h = await register(client)
            link = "https://boards.greenhouse.io/acme/jobs/4012346"
            r = await client.post("/api/v1/jobs/import-url", headers=h, json={"url": link})
            gone = await client.post(
                "/api/v1/jobs/import-url", headers=h, json={"url": "https://boards.greenhouse.io/acme/jobs/999"}
            )
        finally:
            app.state.settings.source_base_urls.pop("greenhouse", None)
    assert r.status_code == 201, r.text
    assert (r.json()["title"], r.json()["company"], r.json()["location"]) == (
        "Data Engineer",
        "Acme Robotics",
        "Berlin, Germany",
    )
    assert gone.status_code == 400 and "no longer on Greenhouse" in gone.json()["detail"]
