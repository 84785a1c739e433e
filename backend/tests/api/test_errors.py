"""Bad input gets a clear 4xx in the {"detail", "code"} shape; nothing is half-saved."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from app.core.schemas import ErrorRead
from app.models import User
from tests.conftest import STRONG_PASSWORD, register


class TestErrorShapes:
    async def test_malformed_json_is_400(self, client: httpx.AsyncClient) -> None:
        r = await client.post(
            "/api/v1/auth/login",
            content=b'{"email": "a@example.com", ',
            headers={"content-type": "application/json"},
        )
        assert r.status_code == 400
        assert r.json() == {"detail": "The request body is not valid JSON.", "code": "malformed_json"}

    async def test_missing_fields_name_the_field(self, client: httpx.AsyncClient) -> None:
        r = await client.post("/api/v1/auth/login", json={"email": "a@example.com"})
        assert r.status_code == 422
        assert r.json()["detail"] == "Password is required."
        assert r.json()["errors"][0]["type"] == "missing"

    async def test_a_message_starting_with_an_acronym_keeps_it(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        r = await client.post("/api/v1/jobs/import-url", headers=h, json={"url": "ftp://example.com/job"})
        assert r.status_code == 422
        assert r.json()["detail"] == "Url: URL scheme should be 'http' or 'https'."

    async def test_unknown_api_path_is_json_404(self, client: httpx.AsyncClient) -> None:
        r = await client.get("/api/v1/nothing-here")
        assert r.status_code == 404
        assert r.json()["code"] == "not_found"

    async def test_wrong_method_is_405(self, client: httpx.AsyncClient) -> None:
        r = await client.delete("/api/v1/auth/login")
        assert r.status_code == 405
        assert r.json()["code"] == "method_not_allowed"

    async def test_responses_carry_a_request_id(self, client: httpx.AsyncClient) -> None:
        r = await client.get("/healthz", headers={"X-Request-ID": "abc123"})
        assert r.headers["x-request-id"] == "abc123"
        assert len((await client.get("/healthz")).headers["x-request-id"]) == 32


class TestBodyLimit:
    async def test_body_over_1_mb_is_413_and_nothing_saved(self, client: httpx.AsyncClient, app: object) -> None:
        big_name = "x" * (1024 * 1024 + 10)
        r = await client.post(
            "/api/v1/auth/register",
            json={"email": "a@example.com", "password": STRONG_PASSWORD, "full_name": big_name},
        )
        assert r.status_code == 413
        assert r.json()["code"] == "payload_too_large"
        assert "1 MB" in r.json()["detail"]
        async with app.state.session_factory() as s:  # type: ignore[attr-defined]
            assert await s.scalar(select(func.count()).select_from(User)) == 0

    async def test_chunked_body_without_length_is_cut_off(self, client: httpx.AsyncClient) -> None:
        async def chunks():  # type: ignore[no-untyped-def]
            for _ in range(20):
                yield b"x" * (100 * 1024)

        r = await client.post("/api/v1/auth/login", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413

    async def test_body_under_limit_passes(self, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        r = await client.patch("/api/v1/users/me", headers=headers, json={"full_name": "y" * 200})
        assert r.status_code == 200


class TestHealth:
    async def test_healthz_and_readyz(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        r = await client.get("/readyz")
        assert r.status_code == 200
        assert r.json()["database"] == "ok"

    async def test_readyz_is_503_when_the_database_is_gone(self, tmp_path: object) -> None:
        from app.main import create_app
        from tests.conftest import make_settings

        settings = make_settings("postgresql://postgres@127.0.0.1:1/none", tmp_path)  # type: ignore[arg-type]
        app = create_app(settings)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            r = await c.get("/readyz")
        assert r.status_code == 503
        assert r.json()["database"] == "unreachable"


class TestFrontendServing:
    @pytest.fixture
    def settings_overrides(self, tmp_path: object) -> dict[str, object]:
        from pathlib import Path

        dist = Path(str(tmp_path)) / "dist"
        (dist / "assets").mkdir(parents=True)
        (dist / "index.html").write_text("<!doctype html><div id=root></div>")
        (dist / "assets" / "app.js").write_text("console.log('hi')")
        (dist / "favicon.svg").write_text("<svg/>")
        return {"frontend_dist": dist}

    async def test_spa_routes_fall_back_to_index(self, client: httpx.AsyncClient) -> None:
        for path in ("/", "/profile", "/reset-password?token=abc"):
            r = await client.get(path)
            assert r.status_code == 200
            assert "<div id=root>" in r.text
        assert (await client.get("/assets/app.js")).text == "console.log('hi')"
        assert (await client.get("/favicon.svg")).text == "<svg/>"

    async def test_api_paths_never_get_the_spa(self, client: httpx.AsyncClient) -> None:
        r = await client.get("/api/v1/missing")
        assert r.status_code == 404 and r.json()["code"] == "not_found"

    async def test_path_traversal_gets_index_not_files(self, client: httpx.AsyncClient) -> None:
        r = await client.get("/..%2f..%2fetc/passwd")
        assert "root:" not in r.text


class TestPublishedErrorModel:
    """Clients generated from openapi.json see the error bodies the app really sends (issue #19, item 2)."""

    async def test_every_operation_documents_error_read(self, client: httpx.AsyncClient) -> None:
        doc = (await client.get("/openapi.json")).json()
        schemas = doc["components"]["schemas"]
        assert "HTTPValidationError" not in schemas and "ValidationError" not in schemas
        assert set(schemas["ErrorRead"]["required"]) == {"detail", "code"}
        operations = [op for path in doc["paths"].values() for op in path.values()]
        assert len(operations) > 90
        for op in operations:
            responses = op["responses"]
            assert responses["4XX"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorRead"
            }
            if "422" in responses:
                assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorRead")
        assert "HTTPValidationError" not in str(doc)

    async def test_real_bodies_match_the_published_model(self, client: httpx.AsyncClient) -> None:
        strict = {**ErrorRead.model_config, "extra": "forbid"}
        Strict = type("Strict", (ErrorRead,), {"model_config": strict})
        bodies = [
            await client.post("/api/v1/auth/login", json={"email": "a@example.com"}),  # 422
            await client.post("/api/v1/auth/login", content=b"{", headers={"content-type": "application/json"}),
            await client.get("/api/v1/nothing-here"),  # 404
            await client.get("/api/v1/auth/me"),  # 401
            await client.delete("/api/v1/auth/login"),  # 405
        ]
        assert [r.status_code for r in bodies] == [422, 400, 404, 401, 405]
        for r in bodies:
            Strict.model_validate(r.json())
