"""Import a posting from a URL: Greenhouse/Lever/Ashby links through their APIs, any other career page through
its schema.org `JobPosting` JSON-LD. Guarded against SSRF: http(s) only, every address the host resolves to must
be public (no private, loopback, link-local, multicast or reserved ranges, and no IPv6 form that carries or
translates to an IPv4 address; `URL_IMPORT_ALLOW_HOSTS` lets tests use 127.0.0.1), the connection goes to the
address that was checked (no second lookup a rebinding DNS server could answer differently), redirects
re-checked, bounded size and time."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import re
import socket
from typing import Any
from urllib.parse import urljoin, urlparse

import httpx

from app.core.config import Settings
from app.core.exceptions import AppError
from app.jobs.sources import normalize as n
from app.jobs.sources.base import NormalizedJob, SourceError
from app.jobs.sources.http import USER_AGENT
from app.jobs.sources.registry import all_sources

MAX_BYTES = 2 * 1024 * 1024
TIMEOUT = 10.0
MAX_REDIRECTS = 3
# IPv6 ranges that reach an IPv4 address: NAT64 (well-known and local-use prefixes), 6to4, Teredo, IPv4-mapped,
# IPv4-compatible and IPv4-translated. Refused outright rather than by the IPv4 address inside: a public site has a
# native address, Teredo hides its IPv4 address and a NAT64 gateway's own prefix cannot be recognised anyway, so
# decoding each form would add code for no page anyone needs.
_CARRIES_IPV4 = [
    ipaddress.IPv6Network(net)
    for net in ("64:ff9b::/96", "64:ff9b:1::/48", "2002::/16", "2001::/32", "::ffff:0:0/96", "::/96", "::ffff:0:0:0/96")
]
_LD_JSON = re.compile(r'<script[^>]+type=["\']application/ld\+json["\'][^>]*>(.*?)</script>', re.S | re.I)


class UrlImportError(AppError):
    status_code = 400
    code = "url_import_failed"


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and any(address in net for net in _CARRIES_IPV4):
        return False
    return address.is_global and not address.is_multicast


async def _resolve(host: str, port: int) -> list[str]:
    """The host's addresses (tests replace this: no real DNS in tests)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


async def _vetted_address(url: str, settings: Settings) -> str:
    """The address to connect to for `url`, after every address its host resolves to has been checked."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise UrlImportError("Only http and https links can be imported.")
    host = parsed.hostname
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = await _resolve(host, parsed.port or (443 if parsed.scheme == "https" else 80))
        except (socket.gaierror, UnicodeError) as exc:
            raise UrlImportError(f"{host} could not be found.") from exc
    if not addresses:
        raise UrlImportError(f"{host} could not be found.")
    allowed = settings.url_import_allow_hosts
    for text in addresses:
        address = ipaddress.ip_address(text)
        if host not in allowed and str(address) not in allowed and not is_public(address):
            raise UrlImportError(f"{host} points to a private or local address; only public pages can be imported.")
    return addresses[0]


async def fetch_page(url: str, settings: Settings) -> tuple[str, str]:
    """(final URL, text) after checking every hop."""
    async with httpx.AsyncClient(headers={"User-Agent": USER_AGENT}, follow_redirects=False, timeout=TIMEOUT) as c:
        for _ in range(MAX_REDIRECTS + 1):
            address = await _vetted_address(url, settings)
            target = httpx.URL(url)
            # Connect to the checked address; the Host header and TLS (SNI and certificate) keep the link's name.
            pinned = target.copy_with(host=address)
            headers = {"Host": target.netloc.decode("ascii")}
            try:
                async with c.stream(
                    "GET", pinned, headers=headers, extensions={"sni_hostname": target.host}
                ) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise UrlImportError(f"The page answered HTTP {response.status_code}.")
                    body = b""
                    async for chunk in response.aiter_bytes():
                        body += chunk
                        if len(body) > MAX_BYTES:
                            raise UrlImportError("The page is larger than 2 MB.")
                    return url, body.decode(response.encoding or "utf-8", errors="replace")
            except httpx.TimeoutException as exc:
                raise UrlImportError(f"The page did not answer within {TIMEOUT:g} s.") from exc
            except httpx.HTTPError as exc:
                raise UrlImportError(f"The page could not be fetched ({type(exc).__name__}).") from exc
    raise UrlImportError("Too many redirects.")


def _job_postings(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [p for item in node for p in _job_postings(item)]
    if not isinstance(node, dict):
        return []
    kind = node.get("@type")
    if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
        return [node]
    return _job_postings(node.get("@graph", []))


def from_json_ld(page: str, url: str) -> NormalizedJob:
    for block in _LD_JSON.findall(page):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        for posting in _job_postings(data):
            return _normalise_ld(posting, url)
    raise UrlImportError("This page has no job posting data (schema.org JobPosting) to import.")


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return n.plain(value.get("name") or value.get("value") or "")
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    return n.plain(value)


def _normalise_ld(p: dict[str, Any], url: str) -> NormalizedJob:
    title = _text(p.get("title"))
    if not title:
        raise UrlImportError("The job posting data on this page has no title.")
    org = p.get("hiringOrganization")
    locations = p.get("jobLocation")
    places = []
    for loc in locations if isinstance(locations, list) else [locations]:
        address = (loc or {}).get("address") if isinstance(loc, dict) else None
        if isinstance(address, dict):
            parts = [address.get(k) for k in ("addressLocality", "addressRegion", "addressCountry")]
            places.append(", ".join(_text(x) for x in parts if x))
    html, text = n.description(p.get("description"))
    salary = p.get("baseSalary") or {}
    value = salary.get("value") if isinstance(salary, dict) else None
    low = high = None
    period = None
    if isinstance(value, dict):
        low = n.parse_amount(value.get("minValue") or value.get("value"))
        high = n.parse_amount(value.get("maxValue") or value.get("value"))
        period = n.parse_period(value.get("unitText"))
    elif value is not None:
        low = high = n.parse_amount(value)
    identifier = p.get("identifier")
    source_id = _text(identifier) if identifier else url
    return NormalizedJob(
        source="url",
        source_id=source_id[:200] or url[:200],
        title=title,
        company=_text(org) or urlparse(url).hostname or "",
        url=_text(p.get("url")) or url,
        location="; ".join(x for x in places if x),
        remote_type=n.remote_type(p.get("jobLocationType"), "; ".join(places)),
        employment_type=n.employment_type(p.get("employmentType")),
        salary_min=low,
        salary_max=high,
        salary_currency=(salary.get("currency") if isinstance(salary, dict) else None) or None,
        salary_period=period,
        description_html=html,
        description_text=text,
        posted_at=n.parse_date(p.get("datePosted")),
        raw=p,
    )


async def import_url(url: str, settings: Settings, client: httpx.AsyncClient | None = None) -> NormalizedJob:
    """The posting at `url`, normalised. Board links use the board's API (its whole board, then this job)."""
    for source in all_sources(settings).values():
        match = source.job_link.match(url) if source.job_link is not None else None
        if not match:
            continue
        from app.jobs.scraper_service import JobScraperService
        from app.jobs.sources.base import SourceQuery

        scraper = JobScraperService(settings, client)
        own = client or httpx.AsyncClient(headers={"User-Agent": USER_AGENT})
        try:
            jobs = await source.fetch(
                scraper.http_for(own, source), SourceQuery(company=match["company"], limit=10_000)
            )
        except SourceError as exc:
            raise UrlImportError(f"{source.label} did not answer: {exc}") from exc
        finally:
            if client is None:
                await own.aclose()
        for job in jobs:
            if job.source_id == match["id"]:
                return job
        raise UrlImportError(f"This job is no longer on {source.label}.")
    final, page = await fetch_page(url, settings)
    return from_json_ld(page, final)
