"""Workable's widget against a local board speaking its protocol: one call with details, the same shortcode
repeated once per location (merged into one posting), date-only published_on, telecommuting as the remote flag."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.jobs.sources.base import SourceError, SourceQuery
from app.jobs.sources.http import new_client
from app.jobs.sources.workable import Workable
from app.models.job import RemoteType
from tests.sources.boards import Board, http_for, running_board

PATH = "/api/v1/widget/accounts/tidewater"


def job(shortcode: str, title: str, city: str, country: str, code: str, **extra: Any) -> dict[str, Any]:
    return {
        "title": title,
        "shortcode": shortcode,
        "code": "",
        "employment_type": "Full-time",
        "telecommuting": False,
        "department": "Engineering",
        "url": f"https://apply.workable.com/j/{shortcode}",
        "shortlink": f"https://apply.workable.com/j/{shortcode}",
        "application_url": f"https://apply.workable.com/j/{shortcode}/apply",
        "published_on": "2026-09-18",
        "created_at": "2026-09-02",
        "country": country,
        "city": city,
        "state": "",
        "education": "",
        "experience": "Mid-Senior level",
        "function": "",
        "industry": "Renewables & Environment",
        "locations": [{"country": country, "countryCode": code, "city": city, "region": None, "hidden": False}],
        "description": f"<p><strong>{title}</strong></p><p>Join the Tidewater team.</p>",
        **extra,
    }


def board_payload() -> dict[str, Any]:
    remote = {"telecommuting": True}
    return {
        "name": "Tidewater Energy",
        "description": "<p>We build tidal turbines.</p>",
        "jobs": [
            job("A1B2C3D4E5", "Remote Solutions Engineer", "Lisbon", "Portugal", "PT", **remote),
            job("A1B2C3D4E5", "Remote Solutions Engineer", "Madrid", "Spain", "ES", **remote),
            job("A1B2C3D4E5", "Remote Solutions Engineer", "Lisbon", "Portugal", "PT", **remote),
            job(
                "F6E5D4C3B2",
                "Turbine Technician &amp; Diver",
                "Aberdeen",
                "United Kingdom",
                "GB",
                employment_type="Part-time",
                published_on="2026-09-20",
                description="<p>Dive &amp; inspect.</p><iframe src='https://evil.example'></iframe>",
            ),
        ],
    }


@pytest.fixture
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


async def test_fetch_normalises_and_merges_the_per_location_copies(board: tuple[Board, str]) -> None:
    local, url = board
    local.route("GET", PATH, board_payload())
    async with new_client() as client:
        jobs = await Workable().fetch(http_for(client, "workable", url), SourceQuery(company="tidewater"))
    assert local.queries() == [{"details": "true"}]
    assert [j.source_id for j in jobs] == ["A1B2C3D4E5", "F6E5D4C3B2"]
    engineer, technician = jobs
    assert (engineer.title, engineer.company) == ("Remote Solutions Engineer", "Tidewater Energy")
    assert engineer.location == "Lisbon, Portugal; Madrid, Spain"  # one posting, every place once
    assert (engineer.remote_type, engineer.employment_type) == (RemoteType.remote, "full_time")
    assert engineer.url == "https://apply.workable.com/j/A1B2C3D4E5"
    assert engineer.posted_at is not None and engineer.posted_at.isoformat() == "2026-09-18T00:00:00+00:00"
    assert engineer.description_text == "Remote Solutions Engineer\n\nJoin the Tidewater team."
    assert technician.title == "Turbine Technician & Diver"
    assert (technician.location, technician.remote_type) == ("Aberdeen, United Kingdom", RemoteType.unknown)
    assert technician.employment_type == "part_time"
    assert "<iframe" not in technician.description_html and technician.description_text == "Dive & inspect."
    assert technician.salary_min is None  # the widget has no pay


def test_hidden_locations_are_left_out_and_bare_jobs_use_their_own_place() -> None:
    payload = {
        "name": "Tidewater Energy",
        "jobs": [
            job(
                "H1",
                "Analyst",
                "Bergen",
                "Norway",
                "NO",
                locations=[
                    {"country": "Norway", "countryCode": "NO", "city": "Bergen", "region": None, "hidden": False},
                    {"country": "Norway", "countryCode": "NO", "city": "Oslo", "region": None, "hidden": True},
                ],
            ),
            job("H2", "Planner", "Hamburg", "Germany", "DE", locations=[], description=None, published_on=None),
        ],
    }
    analyst, planner = Workable().parse(payload)
    assert analyst.location == "Bergen, Norway"
    assert planner.location == "Hamburg, Germany"
    assert planner.description_html == "" and planner.posted_at is not None  # details=false: no description
    assert planner.posted_at.date().isoformat() == "2026-09-02"  # created_at when published_on is missing


def test_company_falls_back_to_the_subdomain() -> None:
    jobs = Workable().parse({"jobs": [job("Z9", "Welder", "Cork", "Ireland", "IE")]}, SourceQuery(company="tide-water"))
    assert jobs[0].company == "Tide Water"


@pytest.mark.parametrize("payload", [[job("Z9", "Welder", "Cork", "Ireland", "IE")], {"name": "x"}, None])
def test_parse_refuses_a_foreign_shape(payload: Any) -> None:
    with pytest.raises(SourceError, match="jobs list"):
        Workable().parse(payload)


async def test_malformed_json_is_a_source_error(board: tuple[Board, str]) -> None:
    local, url = board
    local.script("GET", PATH, ["malformed"])
    async with new_client() as client:
        with pytest.raises(SourceError, match="not valid JSON"):
            await Workable().fetch(http_for(client, "workable", url), SourceQuery(company="tidewater"))
        assert await Workable().fetch(http_for(client, "workable", url), SourceQuery()) == []
    assert len(local.requests) == 1
