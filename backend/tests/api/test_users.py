"""The profile: basics and skills, scoped to the signed-in user."""

from __future__ import annotations

import httpx

from tests.conftest import register


class TestReadProfile:
    async def test_new_profile_has_defaults_and_no_skills(self, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        r = await client.get("/api/v1/users/me", headers=headers)
        assert r.status_code == 200
        body = r.json()
        assert body["full_name"] == "Ada Lovelace"
        assert body["timezone"] == "UTC"
        assert body["daily_application_goal"] == 5
        assert body["skills"] == []
        assert "hashed_password" not in body

    async def test_requires_sign_in(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/api/v1/users/me")).status_code == 401


class TestUpdateProfile:
    async def test_update_persists(self, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        r = await client.patch(
            "/api/v1/users/me",
            headers=headers,
            json={"full_name": "Ada King", "timezone": "America/New_York", "daily_application_goal": 12},
        )
        assert r.status_code == 200
        again = (await client.get("/api/v1/users/me", headers=headers)).json()
        assert (again["full_name"], again["timezone"], again["daily_application_goal"]) == (
            "Ada King",
            "America/New_York",
            12,
        )

    async def test_partial_update_keeps_other_fields(self, client: httpx.AsyncClient) -> None:
        headers = await register(client, timezone="Asia/Tokyo")
        r = await client.patch("/api/v1/users/me", headers=headers, json={"daily_application_goal": 3})
        assert r.json()["timezone"] == "Asia/Tokyo"
        assert r.json()["full_name"] == "Ada Lovelace"

    async def test_bad_values_are_refused_and_nothing_changes(self, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        r = await client.patch(
            "/api/v1/users/me", headers=headers, json={"full_name": "New", "timezone": "Europe/Atlantis"}
        )
        assert r.status_code == 422
        assert "Europe/Atlantis" in r.json()["detail"]
        r = await client.patch("/api/v1/users/me", headers=headers, json={"daily_application_goal": 500})
        assert r.status_code == 422
        assert r.json()["detail"].startswith("Daily_application_goal:")
        assert (await client.get("/api/v1/users/me", headers=headers)).json()["full_name"] == "Ada Lovelace"


class TestReplaceSkills:
    async def test_replace_dedupes_case_insensitively_and_sorts(self, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        r = await client.put(
            "/api/v1/users/me/skills",
            headers=headers,
            json={
                "skills": [
                    {"name": "Python", "level": 5},
                    {"name": "python"},
                    {"name": "  Docker  "},
                    {"name": "C++"},
                ]
            },
        )
        assert r.status_code == 200
        skills = r.json()["skills"]
        assert [s["name"] for s in skills] == ["C++", "Docker", "Python"]
        assert {s["source"] for s in skills} == {"manual"}
        assert next(s for s in skills if s["name"] == "Python")["level"] == 5

    async def test_replace_removes_missing_and_updates_level(self, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        await client.put(
            "/api/v1/users/me/skills",
            headers=headers,
            json={"skills": [{"name": "Go"}, {"name": "Rust", "level": 2}]},
        )
        r = await client.put(
            "/api/v1/users/me/skills", headers=headers, json={"skills": [{"name": "rust", "level": 4}]}
        )
        assert r.json()["skills"] == [{"name": "rust", "source": "manual", "level": 4}]
        assert (await client.get("/api/v1/users/me", headers=headers)).json()["skills"] == r.json()["skills"]

    async def test_too_many_or_bad_skills_are_refused(self, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        many = {"skills": [{"name": f"s{i}"} for i in range(201)]}
        assert (await client.put("/api/v1/users/me/skills", headers=headers, json=many)).status_code == 422
        bad_level = {"skills": [{"name": "Go", "level": 9}]}
        r = await client.put("/api/v1/users/me/skills", headers=headers, json=bad_level)
        assert r.status_code == 422
        assert r.json()["code"] == "validation_error"

    async def test_users_never_see_each_others_skills(self, client: httpx.AsyncClient) -> None:
        ada = await register(client, "ada@example.com")
        bob = await register(client, "bob@example.com")
        await client.put("/api/v1/users/me/skills", headers=ada, json={"skills": [{"name": "COBOL"}]})
        assert (await client.get("/api/v1/users/me", headers=bob)).json()["skills"] == []
