"""Jobs added by hand: create, sanitise, read, edit, delete, filters, sorting, and exact full-text search."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import register
from tests.factories import add_job, catalogue_job, track


class TestCreate:
    async def test_create_with_html_sanitises_and_keeps_text(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(
            client,
            h,
            title="Data Engineer",
            company="Initech",
            url="https://jobs.initech.example/42",
            salary_min=60000,
            salary_max=80000,
            salary_currency="eur",
            salary_period="year",
            remote_type="hybrid",
            description='<h2>About</h2><p onclick="steal()">Build pipelines</p><script>alert(1)</script>'
            '<ul><li>Airflow</li><li>dbt</li></ul><a href="javascript:evil()">x</a>',
        )
        assert job["is_own"] is True
        assert job["salary_currency"] == "EUR"
        assert "<script" not in job["description_html"] and "onclick" not in job["description_html"]
        assert "javascript:" not in job["description_html"]
        assert "<li>Airflow</li>" in job["description_html"]
        assert "Build pipelines" in job["description_text"] and "- Airflow" in job["description_text"]
        assert "alert" not in job["description_text"]
        assert job["tracking"] is None

    async def test_plain_text_becomes_paragraphs(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(client, h, description="First line\nsecond line\n\n<not a tag> & more")
        assert job["description_html"] == "<p>First line<br>second line</p><p>&lt;not a tag&gt; &amp; more</p>"

    @pytest.mark.parametrize(
        ("body", "fragment"),
        [
            ({"company": "Acme"}, "Title is required"),
            ({"title": "", "company": "Acme"}, "Title"),
            ({"title": "X", "company": "Acme", "url": "ftp://x"}, "Url"),
            ({"title": "X", "company": "Acme", "salary_min": 9, "salary_max": 1}, "salary_min must not be greater"),
            ({"title": "X", "company": "Acme", "remote_type": "moon"}, "Remote_type"),
        ],
    )
    async def test_bad_input_is_422_and_nothing_saved(
        self, client: httpx.AsyncClient, body: dict[str, object], fragment: str
    ) -> None:
        h = await register(client)
        r = await client.post("/api/v1/jobs", headers=h, json=body)
        assert r.status_code == 422
        assert fragment in r.json()["detail"]
        assert (await client.get("/api/v1/jobs", headers=h)).json()["total"] == 0


class TestReadUpdateDelete:
    async def test_update_own_job(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(client, h)
        r = await client.patch(
            f"/api/v1/jobs/{job['id']}", headers=h, json={"title": "Staff Engineer", "description": "<b>Rust</b>"}
        )
        assert r.status_code == 200
        assert r.json()["title"] == "Staff Engineer"
        assert r.json()["description_text"] == "Rust"
        found = (await client.get("/api/v1/jobs", headers=h, params={"q": "rust"})).json()
        assert [j["id"] for j in found["items"]] == [job["id"]]
        assert (await client.get("/api/v1/jobs", headers=h, params={"q": "python"})).json()["total"] == 0

    async def test_null_clears_what_may_be_empty_and_keeps_what_may_not(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(client, h, remote_type="remote", tech_stack=["Go"])
        nulls = dict.fromkeys(("title", "company", "posted_at", "location", "remote_type", "tech_stack"))
        r = await client.patch(f"/api/v1/jobs/{job['id']}", headers=h, json=nulls)
        assert r.status_code == 200, r.text
        after = r.json()
        assert (after["title"], after["company"], after["posted_at"]) == (
            job["title"],
            job["company"],
            job["posted_at"],
        )
        assert (after["location"], after["remote_type"], after["tech_stack"]) == ("", "unknown", [])

    async def test_update_refuses_inverted_salary(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(client, h, salary_min=50000)
        r = await client.patch(f"/api/v1/jobs/{job['id']}", headers=h, json={"salary_max": 100})
        assert r.status_code == 422
        assert (await client.get(f"/api/v1/jobs/{job['id']}", headers=h)).json()["salary_max"] is None

    async def test_catalogue_jobs_are_visible_but_read_only(self, client: httpx.AsyncClient, app: object) -> None:
        h = await register(client)
        job_id = await catalogue_job(app)
        r = await client.get(f"/api/v1/jobs/{job_id}", headers=h)
        assert r.status_code == 200 and r.json()["is_own"] is False
        r = await client.patch(f"/api/v1/jobs/{job_id}", headers=h, json={"title": "Mine now"})
        assert r.status_code == 403 and r.json()["code"] == "shared_job_read_only"
        assert (await client.delete(f"/api/v1/jobs/{job_id}", headers=h)).status_code == 403

    async def test_delete_removes_job_and_its_application(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(client, h)
        application = await track(client, h, job["id"])
        assert (await client.delete(f"/api/v1/jobs/{job['id']}", headers=h)).status_code == 204
        assert (await client.get(f"/api/v1/jobs/{job['id']}", headers=h)).status_code == 404
        assert (await client.get(f"/api/v1/applications/{application['id']}", headers=h)).status_code == 404

    async def test_missing_job_is_404(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        r = await client.get("/api/v1/jobs/999999", headers=h)
        assert r.status_code == 404 and r.json()["code"] == "job_not_found"


class TestListAndFilters:
    async def test_pagination_shape(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        for i in range(5):
            await add_job(client, h, title=f"Job {i}", posted_at=f"2026-0{i + 1}-01T00:00:00Z")
        r = await client.get("/api/v1/jobs", headers=h, params={"page": 2, "size": 2})
        body = r.json()
        assert (body["total"], body["page"], body["size"]) == (5, 2, 2)
        assert [j["title"] for j in body["items"]] == ["Job 2", "Job 1"]  # newest first
        assert (await client.get("/api/v1/jobs", headers=h, params={"size": 101})).status_code == 422

    async def test_filters(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        a = await add_job(
            client,
            h,
            company="Acme Corp",
            location="Berlin",
            remote_type="remote",
            salary_max=90000,
            posted_at="2026-10-01T00:00:00Z",
        )
        b = await add_job(
            client,
            h,
            company="Initech",
            location="Paris",
            remote_type="onsite",
            salary_min=40000,
            salary_max=50000,
            posted_at="2026-06-01T00:00:00Z",
        )
        await track(client, h, b["id"])

        async def ids(**params: object) -> list[int]:
            r = await client.get("/api/v1/jobs", headers=h, params=params)
            assert r.status_code == 200, r.text
            return [j["id"] for j in r.json()["items"]]

        assert await ids(company="acme") == [a["id"]]
        assert await ids(location="PAR") == [b["id"]]
        assert await ids(remote=["remote", "hybrid"]) == [a["id"]]
        assert await ids(salary_min=60000) == [a["id"]]
        assert await ids(posted_since="2026-09-01") == [a["id"]]
        assert await ids(tracked="true") == [b["id"]]
        assert await ids(tracked="false") == [a["id"]]
        assert await ids(sort="salary") == [b["id"], a["id"]]
        assert await ids(sort="company") == [a["id"], b["id"]]
        assert await ids(company="100%_") == []  # LIKE wildcards are matched literally
        listed = (await client.get("/api/v1/jobs", headers=h, params={"tracked": "true"})).json()["items"][0]
        assert listed["tracking"]["status"] == "interested"


class TestSearch:
    async def test_cpp_csharp_dotnet_are_found_exactly(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        c = await add_job(client, h, title="Embedded C Developer", description="Firmware in C for microcontrollers.")
        cpp = await add_job(client, h, title="C++ Engineer", description="Modern C++20, templates.")
        cs = await add_job(client, h, title="Backend Developer", description="We use C# and .NET 8 on Azure.")
        net = await add_job(client, h, title="Network Engineer", description="Cisco networks, BGP.")

        async def ids(q: str) -> set[int]:
            r = await client.get("/api/v1/jobs", headers=h, params={"q": q})
            assert r.status_code == 200, r.text
            return {j["id"] for j in r.json()["items"]}

        assert await ids("C++") == {cpp["id"]}
        assert await ids("c#") == {cs["id"]}
        assert await ids(".NET") == {cs["id"]}
        assert await ids("C") == {c["id"]}  # "C" is not "C++" or "C#"
        assert await ids("net") == set()  # ".NET" is not the word "net"
        assert await ids("networks") == {net["id"]}
        assert await ids("firmware microcontrollers") == {c["id"]}  # every word must match
        assert await ids("Zürich") == set()

    async def test_search_ranks_and_handles_odd_input(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        strong = await add_job(client, h, title="Python Developer", description="Python, Python, Django and Python.")
        weak = await add_job(client, h, title="Data Analyst", description="Some Python scripting.")
        r = await client.get("/api/v1/jobs", headers=h, params={"q": "python"})
        assert [j["id"] for j in r.json()["items"]] == [strong["id"], weak["id"]]
        for odd in ['"', "AND OR NOT", "*", "a:b", "(", "'; DROP TABLE job_posting; --", "ü", "-python"]:
            r = await client.get("/api/v1/jobs", headers=h, params={"q": odd})
            assert r.status_code == 200, (odd, r.text)

    async def test_accents_fold(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(client, h, title="Développeur", location="Zürich")
        r = await client.get("/api/v1/jobs", headers=h, params={"q": "developpeur zurich"})
        assert [j["id"] for j in r.json()["items"]] == [job["id"]]
