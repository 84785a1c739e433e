"""SmartRecruiters against a local board speaking its protocol: offset paging against totalFound, then one detail
call per posting (at most five at a time) whose failure keeps the posting without a description."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from app.jobs.sources.base import SourceError, SourceQuery, SourceRateLimited
from app.jobs.sources.http import SourceHttp, new_client
from app.jobs.sources.smartrecruiters import SmartRecruiters
from app.models.job import RemoteType
from tests.sources.boards import Board, http_for, running_board

LIST = "/v1/companies/BlueHarbor/postings"


def posting(ident: str, name: str = "Field Engineer", **extra: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "name": name,
        "uuid": f"uuid-{ident}",
        "refNumber": f"REF{ident[-4:]}",
        "company": {"identifier": "BlueHarbor", "name": "Blue Harbor Logistics"},
        "releasedDate": "2026-09-01T08:30:00.000Z",
        "location": {"city": "Rotterdam", "country": "nl", "remote": False, "fullLocation": "Rotterdam, Netherlands"},
        "typeOfEmployment": {"id": "permanent", "label": "Full-time"},
        "ref": f"https://api.smartrecruiters.com/v1/companies/BlueHarbor/postings/{ident}",
        **extra,
    }


def page(items: list[dict[str, Any]], offset: int, total: int) -> dict[str, Any]:
    return {"offset": offset, "limit": 100, "totalFound": total, "content": items}


def first_page() -> dict[str, Any]:
    return page(
        [
            posting(
                "744000200000001",
                "Senior Data Scientist",
                releasedDate="2026-09-10T14:05:33.120Z",
                location={
                    "city": "Austin",
                    "region": "TX",
                    "country": "us",
                    "remote": False,
                    "hybrid": True,
                    "hybridDescription": "Three days a week in the Austin office.",
                    "fullLocation": "Austin, TX, United States",
                },
            ),
            posting(
                "744000200000002",
                "Customer Success Manager",
                location={"city": "Lisbon", "country": "pt", "remote": True, "hybrid": False},
                typeOfEmployment={"id": "part_time", "label": "Part-time"},
            ),
        ],
        0,
        2,
    )


def detail(ident: str, slug: str) -> dict[str, Any]:
    return {
        "id": ident,
        "name": "Senior Data Scientist",
        "postingUrl": f"https://jobs.smartrecruiters.com/BlueHarbor/{ident}-{slug}",
        "applyUrl": f"https://jobs.smartrecruiters.com/BlueHarbor/{ident}-{slug}?oga=true",
        "jobAd": {
            "sections": {
                "companyDescription": {"title": "About Blue Harbor", "text": "<p>We ship across 40 ports.</p>"},
                "jobDescription": {
                    "title": "Job Description",
                    "text": "<p>Forecast container demand.</p><script>steal()</script>",
                },
                "qualifications": {"title": "", "text": "<ul><li>Python</li><li>Time series</li></ul>"},
                "additionalInformation": {"title": "Additional Information", "text": ""},
            }
        },
    }


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_fetch_lists_then_adds_details(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", LIST, first_page())
    local.route("GET", f"{LIST}/744000200000001", detail("744000200000001", "senior-data-scientist"))
    local.route("GET", f"{LIST}/744000200000002", detail("744000200000002", "customer-success-manager"))
    async with new_client() as client:
        jobs = await SmartRecruiters().fetch(
            http_for(client, "smartrecruiters", url), SourceQuery(company="BlueHarbor")
        )
    assert local.requests[0].url.path == LIST and local.queries()[0] == {"limit": "100", "offset": "0"}
    assert sorted(r.url.path for r in local.requests[1:]) == [f"{LIST}/744000200000001", f"{LIST}/744000200000002"]
    scientist, manager = jobs
    assert (scientist.source_id, scientist.title, scientist.company) == (
        "744000200000001",
        "Senior Data Scientist",
        "Blue Harbor Logistics",
    )
    assert scientist.url == "https://jobs.smartrecruiters.com/BlueHarbor/744000200000001-senior-data-scientist"
    assert (scientist.location, scientist.remote_type) == ("Austin, TX, United States", RemoteType.hybrid)
    assert scientist.employment_type == "full_time"
    assert scientist.posted_at is not None and scientist.posted_at.isoformat() == "2026-09-10T14:05:33.120000+00:00"
    assert "<script>" not in scientist.description_html
    text = scientist.description_text
    # the sections in order, each under its heading (a missing title gets a default one, an empty text is left out)
    assert text.index("About Blue Harbor") < text.index("We ship across 40 ports.") < text.index("Job Description")
    assert text.index("Forecast container demand.") < text.index("Qualifications") < text.index("- Time series")
    assert "Additional Information" not in text
    assert (manager.location, manager.remote_type, manager.employment_type) == (
        "Lisbon, PT",
        RemoteType.remote,
        "part_time",
    )
    assert scientist.salary_min is None and manager.salary_min is None  # the board publishes no pay


async def test_a_failed_detail_keeps_the_posting(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", LIST, first_page())
    local.route("GET", f"{LIST}/744000200000001", detail("744000200000001", "senior-data-scientist"))
    local.script("GET", f"{LIST}/744000200000002", [500])
    async with new_client() as client:
        jobs = await SmartRecruiters().fetch(
            http_for(client, "smartrecruiters", url), SourceQuery(company="BlueHarbor")
        )
    assert [j.source_id for j in jobs] == ["744000200000001", "744000200000002"]
    assert "Forecast container demand." in jobs[0].description_text
    failed = jobs[1]
    assert failed.description_html == "" and failed.description_text == ""
    assert failed.url == "https://jobs.smartrecruiters.com/BlueHarbor/744000200000002"  # built from the list
    assert [r.url.path for r in local.requests].count(f"{LIST}/744000200000002") == 3  # retried, then given up


async def test_pages_with_offset_until_total_found(board: tuple[Board, str]) -> None:
    local, url = board
    ids = [f"7440003{i:08d}" for i in range(230)]
    local.script(
        "GET", LIST, [page([posting(i) for i in ids[s : s + 100]], s, 230) for s in (0, 100, 200)]
    )  # no detail routes: every detail call is a 404, which is tolerated
    async with new_client() as client:
        jobs = await SmartRecruiters().fetch(
            http_for(client, "smartrecruiters", url), SourceQuery(company="BlueHarbor", limit=500)
        )
    lists = [dict(r.query_params) for r in local.requests if r.url.path == LIST]
    assert lists == [{"limit": "100", "offset": str(s)} for s in (0, 100, 200)]
    assert [j.source_id for j in jobs] == ids
    assert len(local.requests) == 3 + 230


async def test_a_full_last_page_stops_at_total_found_and_limit_bounds_details(board: tuple[Board, str]) -> None:
    local, url = board
    ids = [f"7440004{i:08d}" for i in range(200)]
    local.script("GET", LIST, [page([posting(i) for i in ids[s : s + 100]], s, 200) for s in (0, 100)])
    async with new_client() as client:
        everything = await SmartRecruiters().fetch(
            http_for(client, "smartrecruiters", url), SourceQuery(company="BlueHarbor", limit=1000)
        )
        assert [r.url.path for r in local.requests].count(LIST) == 2 and len(everything) == 200
        local.requests.clear()
        local.script("GET", LIST, [page([posting(i) for i in ids[:100]], 0, 200)])
        few = await SmartRecruiters().fetch(
            http_for(client, "smartrecruiters", url), SourceQuery(company="BlueHarbor", limit=7)
        )
    assert len(few) == 7 and len(local.requests) == 1 + 7  # one list page, details only for what is kept


class CountingHttp(SourceHttp):
    """Records how many detail calls are in flight at once (each one lingers a little)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.in_flight = self.most = 0

    async def get_json(self, path: str, **kwargs: Any) -> Any:
        if path.endswith("/postings"):
            return await super().get_json(path, **kwargs)
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        try:
            await asyncio.sleep(0.02)
            return await super().get_json(path, **kwargs)
        finally:
            self.in_flight -= 1


async def test_detail_calls_are_bounded_to_five_at_a_time(board: tuple[Board, str]) -> None:
    local, url = board
    ids = [f"7440005{i:08d}" for i in range(12)]
    local.route("GET", LIST, page([posting(i) for i in ids], 0, 12))
    for ident in ids:
        local.route("GET", f"{LIST}/{ident}", detail(ident, "field-engineer"))
    async with new_client() as client:
        http = CountingHttp(client, "smartrecruiters", url, retries=0, backoff=0.01, timeout=1.0)
        jobs = await SmartRecruiters().fetch(http, SourceQuery(company="BlueHarbor"))
    assert len(jobs) == 12 and all("Forecast container demand." in j.description_text for j in jobs)
    assert http.most == 5


async def test_a_long_rate_limit_on_details_stops_them_but_keeps_the_list(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", LIST, page([posting("744000600000001")], 0, 1))
    local.script("GET", f"{LIST}/744000600000001", [("429", {"Retry-After": "3600"})])
    async with new_client() as client:
        jobs = await SmartRecruiters().fetch(
            http_for(client, "smartrecruiters", url), SourceQuery(company="BlueHarbor")
        )
    assert [j.source_id for j in jobs] == ["744000600000001"] and jobs[0].description_text == ""


def test_parse_builds_urls_and_reads_the_remote_flags() -> None:
    payload = page(
        [
            posting("1", location={"city": "Oslo", "country": "no", "remote": False, "hybrid": False}),
            posting("2", company={}, location={"fullLocation": "Anywhere", "remote": False}),
            posting("3", location={"city": "Gdansk", "region": "Pomorskie", "country": "pl"}),
        ],
        0,
        3,
    )
    one, two, three = SmartRecruiters().parse(payload, SourceQuery(company="blue-harbor"))
    assert one.url == "https://jobs.smartrecruiters.com/BlueHarbor/1"  # company.identifier first
    assert two.url == "https://jobs.smartrecruiters.com/blue-harbor/2" and two.company == "Blue Harbor"  # the query
    assert (one.location, one.remote_type) == ("Oslo, NO", RemoteType.onsite)  # both flags present and false
    assert two.remote_type == RemoteType.remote  # from the location text
    assert (three.location, three.remote_type) == ("Gdansk, Pomorskie, PL", RemoteType.unknown)
    assert one.description_html == ""  # the list has no description: parse makes no detail calls


@pytest.mark.parametrize("payload", [[posting("1")], {"totalFound": 0}, {"content": {"id": "1"}}])
def test_parse_refuses_a_foreign_shape(payload: Any) -> None:
    with pytest.raises(SourceError, match="content list"):
        SmartRecruiters().parse(payload)


async def test_a_long_rate_limit_on_the_list_fails_the_source(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", LIST, [("429", {"Retry-After": "3600"})])
    async with new_client() as client:
        with pytest.raises(SourceRateLimited):
            await SmartRecruiters().fetch(http_for(client, "smartrecruiters", url), SourceQuery(company="BlueHarbor"))
        assert await SmartRecruiters().fetch(http_for(client, "smartrecruiters", url), SourceQuery()) == []
    assert len(local.requests) == 1
