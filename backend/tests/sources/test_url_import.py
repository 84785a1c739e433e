"""Import from a link: a career page's schema.org JobPosting served locally, a Greenhouse link through its API,
and refused private addresses (SSRF)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from app.jobs import url_import
from tests.auth.providers import free_port, serve
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

    @app.get("/whoami", response_class=HTMLResponse)
    async def whoami(request: Request) -> str:
        ld = json.dumps({"@type": "JobPosting", "title": f"Engineer at {request.headers['host']}"})
        return f'<script type="application/ld+json">{ld}</script>'

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
        ("http://[64:ff9b::7f00:1]/", "private or local address"),  # NAT64 of 127.0.0.1
        ("http://[64:ff9b::808:808]/", "private or local address"),  # NAT64, even of a public address
        ("http://[2002:7f00:1::1]/", "private or local address"),  # 6to4 of 127.0.0.1
        ("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "private or local address"),  # Teredo
        ("http://[::ffff:7f00:1]/", "private or local address"),  # IPv4-mapped 127.0.0.1
        ("http://[::7f00:1]/", "private or local address"),  # IPv4-compatible 127.0.0.1
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


class TestResolution:
    """Host names go through a stub resolver (no real DNS): every address is checked, and the connection goes to
    the checked one."""

    def _stub(self, monkeypatch: pytest.MonkeyPatch, *answers: list[str]) -> list[str]:
        asked: list[str] = []

        async def resolve(host: str, port: int) -> list[str]:
            asked.append(host)
            return answers[min(len(asked), len(answers)) - 1]

        monkeypatch.setattr(url_import, "_resolve", resolve)
        return asked

    @pytest.mark.parametrize(
        "addresses",
        [["93.184.216.34", "10.0.0.5"], ["64:ff9b::a00:5"], ["2002:a00:5::1"], ["::ffff:169.254.169.254"]],
    )
    async def test_a_name_with_any_private_address_is_refused(
        self, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, addresses: list[str]
    ) -> None:
        self._stub(monkeypatch, addresses)
        h = await register(client)
        r = await client.post("/api/v1/jobs/import-url", headers=h, json={"url": "http://jobs.example/careers/1"})
        assert r.status_code == 400 and "jobs.example points to a private or local address" in r.json()["detail"]

    async def test_the_connection_goes_to_the_checked_address(
        self, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, site: str
    ) -> None:
        # a rebinding DNS server: the checked answer first, a private address to any later lookup
        asked = self._stub(monkeypatch, ["127.0.0.1"], ["10.0.0.5"])
        port = httpx.URL(site).port
        h = await register(client)
        r = await client.post("/api/v1/jobs/import-url", headers=h, json={"url": f"http://jobs.example:{port}/whoami"})
        assert r.status_code == 201, r.text
        assert r.json()["title"] == f"Engineer at jobs.example:{port}"  # the link's name, sent to the checked address
        assert asked == ["jobs.example"]


def _self_signed(tmp: Path, name: str) -> tuple[Path, Path]:
    """A certificate for `name` (its own CA) and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp / f"{name}.pem", tmp / f"{name}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


@contextmanager
def _serve_tls(cert_file: Path, key_file: Path) -> Iterator[int]:
    port = free_port()
    config = uvicorn.Config(
        career_site(), host="127.0.0.1", port=port, log_level="warning", lifespan="off",
        ssl_certfile=str(cert_file), ssl_keyfile=str(key_file),
    )  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=5)


class TestPinnedTls:
    """Over https the pinned connection still presents the link's name (SNI) and checks the certificate for it."""

    async def test_the_certificate_is_checked_for_the_links_name(
        self, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        cert_file, key_file = _self_signed(tmp_path, "jobs.example")
        monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))

        async def resolve(host: str, port: int) -> list[str]:
            return ["127.0.0.1"]

        monkeypatch.setattr(url_import, "_resolve", resolve)
        h = await register(client)
        with _serve_tls(cert_file, key_file) as port:
            good = await client.post(
                "/api/v1/jobs/import-url", headers=h, json={"url": f"https://jobs.example:{port}/whoami"}
            )
            other = await client.post(
                "/api/v1/jobs/import-url", headers=h, json={"url": f"https://other.example:{port}/whoami"}
            )
        assert good.status_code == 201, good.text
        assert good.json()["title"] == f"Engineer at jobs.example:{port}"
        assert other.status_code == 400 and "could not be fetched (ConnectError)" in other.json()["detail"]
