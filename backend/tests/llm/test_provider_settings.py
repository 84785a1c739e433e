"""Settings → AI provider: administrators save the provider in the app; the key is sealed at rest and never
returned; the environment wins field by field; a new server clears the saved key; every change is audited; the
connection test lists models and makes one structured call; a restore under another secret asks for the key."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.core.config import Settings
from app.llm.client import open_llm_client
from app.llm.exceptions import LLMError
from app.main import create_app
from app.models.llm import AIProviderSetting
from tests.conftest import STRONG_PASSWORD, make_settings, register
from tests.llm.server import LLMServer, ok, running_llm_server

KEY = "sk-test-Secret-0123456789"


@pytest.fixture
def settings_overrides() -> dict[str, object]:
    """Nothing about the provider in the environment: the form decides."""
    return {"llm_timeout_seconds": 2.0, "llm_max_retries": 0}


@pytest.fixture(scope="module")
def other_server() -> Iterator[LLMServer]:
    with running_llm_server("other-model") as server:
        yield server


def form(server: LLMServer, **changes: Any) -> dict[str, Any]:
    return {
        "provider": "custom",
        "model": "test-model",
        "base_url": server.url,
        "api_key": KEY,
        "daily_token_budget": 5000,
        **changes,
    }


async def admin_and_member(client: httpx.AsyncClient) -> tuple[dict[str, str], dict[str, str]]:
    admin = await register(client, "admin@example.com")  # the first account administers the server
    member = await register(client, "member@example.com")
    return admin, member


class TestSave:
    async def test_the_key_is_sealed_never_returned_and_the_provider_is_in_force(
        self, client: httpx.AsyncClient, app: Any, llm_server: LLMServer, capsys: pytest.CaptureFixture[str]
    ) -> None:
        admin, member = await admin_and_member(client)
        r = await client.put("/api/v1/ai/settings", json=form(llm_server), headers=admin)
        assert r.status_code == 200, r.text
        body = r.json()
        assert (body["provider"], body["model"], body["base_url"], body["key_status"]) == (
            "custom",
            "test-model",
            llm_server.url,
            "set",
        )
        assert body["daily_token_budget"] == 5000 and body["environment_overrides"] == []
        assert body["changes"][0]["actor"] == "admin@example.com"
        assert "provider Offline (no AI service) → OpenAI-compatible server" in body["changes"][0]["summary"]
        async with app.state.session_factory() as s:
            sealed = (await s.execute(select(AIProviderSetting.api_key_sealed))).scalar_one()
        assert sealed and KEY not in sealed

        status = (await client.get("/api/v1/ai/status", headers=member)).json()
        assert (status["provider"], status["source"], status["ready"], status["can_configure"]) == (
            "custom",
            "settings",
            True,
            False,
        )
        assert status["key_configured"] is True and status["daily_token_budget"] == 5000
        assert any("resume" in line for line in status["data_sent"])

        # Every process reads the saved row when it opens a client: no restart.
        llm_server.queue(ok("Hello"))
        async with open_llm_client(app.state.settings, app.state.session_factory) as llm:
            assert (llm.provider, llm.model) == ("custom", "test-model")
            result = await llm.stream_text(
                [{"role": "user", "content": f"hi {uuid.uuid4()}"}], purpose="t", prompt_version="v", user_id=None
            )
        assert result.value == "Hello" and llm_server.headers[-1]["authorization"] == f"Bearer {KEY}"

        for path in ("/api/v1/ai/settings", "/api/v1/ai/status"):
            assert KEY not in (await client.get(path, headers=admin)).text
        captured = capsys.readouterr()
        assert KEY not in captured.out and KEY not in captured.err

    async def test_a_new_server_removes_the_saved_key_unless_a_new_one_comes_with_it(
        self, client: httpx.AsyncClient, llm_server: LLMServer, other_server: LLMServer
    ) -> None:
        admin, _ = await admin_and_member(client)
        await client.put("/api/v1/ai/settings", json=form(llm_server), headers=admin)
        # The model alone changes: the key stays.
        kept = (
            await client.put("/api/v1/ai/settings", json=form(llm_server, api_key=None, model="m2"), headers=admin)
        ).json()
        assert kept["key_status"] == "set"
        # Another host without a key: a stolen session cannot send the saved key to a server of its choosing.
        moved = await client.put("/api/v1/ai/settings", json=form(other_server, api_key=None), headers=admin)
        assert moved.json()["key_status"] == "missing"
        assert moved.json()["changes"][0]["summary"].endswith("API key removed: the server changed")
        # With a new key it is kept; "" removes it on purpose.
        again = await client.put("/api/v1/ai/settings", json=form(other_server, api_key="sk-new-1"), headers=admin)
        assert again.json()["key_status"] == "set"
        gone = await client.put("/api/v1/ai/settings", json=form(other_server, api_key=""), headers=admin)
        assert gone.json()["key_status"] == "missing" and "API key removed" in gone.json()["changes"][0]["summary"]
        assert len(gone.json()["changes"]) == 5

    async def test_members_cannot_read_or_change_it(self, client: httpx.AsyncClient, llm_server: LLMServer) -> None:
        _, member = await admin_and_member(client)
        assert (await client.get("/api/v1/ai/settings", headers=member)).status_code == 403
        r = await client.put("/api/v1/ai/settings", json=form(llm_server), headers=member)
        assert r.status_code == 403 and r.json()["detail"] == "Only an administrator can do this."
        assert (await client.post("/api/v1/ai/settings/test", json=form(llm_server), headers=member)).status_code == 403

    @pytest.mark.parametrize(
        ("changes", "says"),
        [
            ({"base_url": "ftp://example.com/v1"}, "http:// or https://"),
            ({"base_url": "http://user:pw@127.0.0.1:1/v1"}, "not in the URL"),
            ({"base_url": "http://127.0.0.1:99999/v1"}, "not a valid URL"),
            ({"provider": "skynet"}, "is not one of"),
            ({"daily_token_budget": -1}, "greater than or equal to 0"),
            ({"api_key": "sk with space"}, "printable ASCII"),
        ],
    )
    async def test_bad_input_is_a_422_that_says_what_is_wrong(
        self, client: httpx.AsyncClient, llm_server: LLMServer, changes: dict[str, Any], says: str
    ) -> None:
        admin, _ = await admin_and_member(client)
        r = await client.put("/api/v1/ai/settings", json=form(llm_server, **changes), headers=admin)
        assert r.status_code == 422 and says in r.text, r.text
        assert (await client.get("/api/v1/ai/settings", headers=admin)).json()["changes"] == []


class TestConnectionTest:
    async def test_unsaved_values_list_the_models_and_make_one_structured_call(
        self, client: httpx.AsyncClient, llm_server: LLMServer
    ) -> None:
        admin, _ = await admin_and_member(client)
        llm_server.queue(ok({"ok": True}))
        r = await client.post("/api/v1/ai/settings/test", json=form(llm_server), headers=admin)
        assert r.status_code == 200, r.text
        probe = r.json()
        assert probe["ok"] is True and probe["models"] == ["test-model"] and probe["structured_output_ok"] is True
        assert probe["host"] == llm_server.url.split("//")[1].split("/")[0]
        sent = llm_server.requests[-1]
        assert sent["response_format"] == {"type": "json_object"}  # custom servers: JSON mode, schema in the prompt
        assert llm_server.headers[-1]["authorization"] == f"Bearer {KEY}"
        # Nothing was saved by testing.
        assert (await client.get("/api/v1/ai/settings", headers=admin)).json()["provider"] == "offline"

    async def test_the_saved_key_is_never_sent_to_another_server(
        self, client: httpx.AsyncClient, llm_server: LLMServer, other_server: LLMServer
    ) -> None:
        admin, _ = await admin_and_member(client)
        await client.put("/api/v1/ai/settings", json=form(llm_server), headers=admin)
        other_server.reset()
        r = await client.post("/api/v1/ai/settings/test", json=form(other_server, api_key=None), headers=admin)
        assert r.json()["ok"] is True
        assert all(h.get("authorization") != f"Bearer {KEY}" for h in other_server.headers)

    async def test_a_server_that_is_down_is_explained(self, client: httpx.AsyncClient) -> None:
        admin, _ = await admin_and_member(client)
        from tests.mailserver import free_port

        down = f"http://127.0.0.1:{free_port()}/v1"
        r = await client.post("/api/v1/ai/settings/test", json={**form_down(down)}, headers=admin)
        probe = r.json()
        assert r.status_code == 200 and probe["ok"] is False and "127.0.0.1" in probe["message"]


def form_down(url: str) -> dict[str, Any]:
    return {"provider": "custom", "model": "m", "base_url": url, "api_key": None, "daily_token_budget": 0}


class TestEnvironmentWins:
    @pytest.fixture
    def settings_overrides(self, llm_server_module: LLMServer) -> dict[str, object]:
        return {"llm_provider": "groq", "llm_base_url": llm_server_module.url, "llm_api_key": "env-key"}

    async def test_fields_set_in_the_environment_override_the_form(
        self, client: httpx.AsyncClient, llm_server: LLMServer
    ) -> None:
        admin, _ = await admin_and_member(client)
        body = (await client.get("/api/v1/ai/settings", headers=admin)).json()
        assert set(body["environment_overrides"]) == {"provider", "base_url", "api_key"}
        await client.put("/api/v1/ai/settings", json=form(llm_server, provider="openai"), headers=admin)
        status = (await client.get("/api/v1/ai/status", headers=admin)).json()
        assert (status["provider"], status["source"]) == ("groq", "environment")


class TestRestoreUnderAnotherSecret:
    async def test_the_key_must_be_entered_again_and_nothing_fails(
        self, client: httpx.AsyncClient, app: Any, settings: Settings, llm_server: LLMServer
    ) -> None:
        admin, _ = await admin_and_member(client)
        await client.put("/api/v1/ai/settings", json=form(llm_server, provider="groq"), headers=admin)
        assert settings.database_url is not None
        moved = create_app(
            make_settings(settings.database_url, settings.copilot_data_dir, secret_key="another-server-" + "y" * 32)
        )
        try:
            transport = httpx.ASGITransport(app=moved)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as other:
                r = await other.post(
                    "/api/v1/auth/login", json={"email": "admin@example.com", "password": STRONG_PASSWORD}
                )
                assert r.status_code == 200, r.text
                headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
                body = (await other.get("/api/v1/ai/settings", headers=headers)).json()
                status = (await other.get("/api/v1/ai/status", headers=headers)).json()
            async with open_llm_client(moved.state.settings, moved.state.session_factory) as llm:
                with pytest.raises(LLMError, match="enter it again"):
                    await llm.stream_text(
                        [{"role": "user", "content": "x"}], purpose="t", prompt_version="v", user_id=None
                    )
        finally:
            await moved.state.engine.dispose()
        assert body["key_status"] == "unreadable"
        assert status["ready"] is False and "enter it again" in status["problem"]


class TestConnectionTestWithoutAModel:
    async def test_the_models_are_listed_so_one_can_be_picked(
        self, client: httpx.AsyncClient, llm_server: LLMServer
    ) -> None:
        admin, _ = await admin_and_member(client)
        r = await client.post("/api/v1/ai/settings/test", json=form(llm_server, model=None), headers=admin)
        probe = r.json()
        assert r.status_code == 200 and probe["ok"] is False and probe["models"] == ["test-model"]
        assert "lists 1 model: choose one" in probe["message"] and llm_server.chat_requests == 0
