"""The real client against stand-ins for Groq, NVIDIA NIM, OpenAI and Ollama (tests/llm/quirks.py, which cites the
documentation each reproduces): for every provider a structured call in the mode its registry entry uses, a streamed
call with its usage recorded, a 429 (or Ollama's 503) with that provider's headers retried, an error body in that
provider's shape turned into a message a person understands, and malformed JSON repaired; then the quirks one
provider has."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from pydantic import BaseModel, SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.llm import quirks
from app.llm.client import LLMClient
from app.llm.exceptions import LLMBadOutput, LLMError
from app.llm.providers import get_provider
from app.llm.retry import duration_seconds, rate_limit_reset_seconds
from app.models.llm import LLMCall
from tests.llm.conftest import make_client
from tests.llm.quirks import GroqServer, NimServer, OllamaServer, OpenAIServer, ProviderServer, Scripted, running
from tests.llm.server import Reply, ok, streamed


class Role(BaseModel):
    title: str
    years: int
    tags: list[str] = []


MESSAGES = [{"role": "user", "content": "Senior Python engineer, 5 years, tags: backend"}]
GOOD = {"title": "Python engineer", "years": 5, "tags": ["backend"]}
MALFORMED = '{"title": "Python engineer", "years": '
TEXT = "Dear hiring team, I build reliable Python services and would love to join you."


@dataclass(frozen=True)
class Case:
    provider: str
    model: str
    mode: str  # the registry's structured-output mode for `model`
    api_key: str | None = "test-key"
    repair_model: str | None = None  # a model of this provider that can answer malformed JSON
    settings: dict[str, Any] = field(default_factory=dict)


CASES = {
    "groq": Case("groq", "openai/gpt-oss-20b", "json_schema_strict", repair_model="llama-3.3-70b-versatile"),
    "nim": Case("nim", "meta/llama-3.3-70b-instruct", "json_schema"),
    "openai": Case("openai", "gpt-4o-mini", "json_schema_strict"),
    "ollama": Case("ollama", "llama3.2", "json_schema", api_key=None),
}
SERVERS: dict[str, type[ProviderServer]] = {
    "groq": GroqServer,
    "nim": NimServer,
    "openai": OpenAIServer,
    "ollama": OllamaServer,
}


@pytest.fixture(scope="module")
def stand_ins() -> Iterator[dict[str, ProviderServer]]:
    started: dict[str, ProviderServer] = {}
    contexts = []
    try:
        for name, server_class in SERVERS.items():
            context = running(server_class(CASES[name].model))
            started[name] = context.__enter__()
            contexts.append(context)
        yield started
    finally:
        for context in reversed(contexts):
            context.__exit__(None, None, None)


@pytest.fixture(params=list(CASES))
def case(request: pytest.FixtureRequest) -> Case:
    return CASES[str(request.param)]


@pytest.fixture
def server(stand_ins: dict[str, ProviderServer], case: Case) -> Iterator[ProviderServer]:
    stand_in = stand_ins[case.provider]
    stand_in.reset()
    yield stand_in
    stand_in.reset()


def client_for(settings: Settings, app: Any, case: Case, server: ProviderServer, **changes: Any) -> LLMClient:
    """The app's client with LLM_PROVIDER=case.provider and LLM_BASE_URL at the stand-in."""
    fields = {
        "llm_provider": case.provider,
        "llm_base_url": server.url,
        "llm_model": case.model,
        "llm_api_key": SecretStr(case.api_key) if case.api_key else None,  # model_copy does not validate
    }
    return make_client(settings, app.state.session_factory, **{**fields, **changes})


async def ask(llm: LLMClient) -> Role:
    return (await llm.complete_json(Role, MESSAGES, purpose="test.role", prompt_version="v1", user_id=None)).value


async def rows(session: AsyncSession) -> list[LLMCall]:
    found = list((await session.execute(select(LLMCall).order_by(LLMCall.id))).scalars())
    await session.commit()  # end the read: the client writes its rows in transactions of its own
    return found


class TestEveryProvider:
    async def test_a_structured_call_uses_the_mode_the_provider_supports(
        self, settings: Settings, app: Any, session: AsyncSession, case: Case, server: ProviderServer
    ) -> None:
        assert get_provider(case.provider).model(case.model).structured_output == case.mode
        server.queue(ok(GOOD))
        async with client_for(settings, app, case, server) as llm:
            assert await ask(llm) == Role(**GOOD)
        [sent] = server.requests
        fmt = sent["response_format"]
        assert fmt["type"] == "json_schema" and fmt["json_schema"]["name"] == "Role"
        assert fmt["json_schema"]["strict"] is (case.mode == "json_schema_strict")
        assert sent["messages"] == MESSAGES  # the schema travels in response_format, not in the prompt
        if case.provider == "groq":
            assert sent["reasoning_effort"] == "low"  # gpt-oss on Groq: the registry's extra field
        else:
            assert "reasoning_effort" not in sent
        auth = server.headers[0].get("authorization")
        assert auth == ("Bearer test-key" if case.api_key else "Bearer not-needed")  # Ollama ignores the key
        [row] = await rows(session)
        assert (row.provider, row.model, row.status, row.prompt_tokens, row.completion_tokens) == (
            case.provider,
            case.model,
            "ok",
            12,
            5,
        )

    async def test_a_streamed_call_returns_the_text_and_records_the_usage(
        self, settings: Settings, app: Any, session: AsyncSession, case: Case, server: ProviderServer
    ) -> None:
        server.queue(streamed(TEXT, 0.2, prompt_tokens=30, completion_tokens=16))
        pieces: list[str] = []

        async def on_delta(delta: str) -> None:
            pieces.append(delta)

        async with client_for(settings, app, case, server) as llm:
            result = await llm.stream_text(MESSAGES, purpose="t", prompt_version="v1", user_id=None, on_delta=on_delta)
        assert result.value == TEXT and "".join(pieces) == TEXT
        assert server.requests[0]["stream_options"] == {"include_usage": True}
        # Reported by every one of them when asked (Groq twice: x_groq.usage and the usage chunk, counted once).
        assert (result.prompt_tokens, result.completion_tokens) == (30, 16)
        [row] = await rows(session)
        assert (row.status, row.prompt_tokens, row.completion_tokens) == ("ok", 30, 16)

    async def test_a_rate_limit_with_the_providers_headers_is_retried(
        self, settings: Settings, app: Any, session: AsyncSession, case: Case, server: ProviderServer
    ) -> None:
        server.queue(server.rate_limited(), ok(GOOD))
        started = time.monotonic()
        async with client_for(settings, app, case, server) as llm:
            assert await ask(llm) == Role(**GOOD)
        waited = time.monotonic() - started
        assert server.chat_requests == 2
        sent = server.responses[0]
        if case.provider == "groq":
            # retry-after wins over x-ratelimit-reset-requests (2m59.56s, the per-day limit)
            assert sent["retry-after"] == "1" and sent["x-ratelimit-reset-requests"] == "2m59.56s"
            assert waited >= 1.0
        elif case.provider == "openai":
            # no Retry-After: the exhausted limit's x-ratelimit-reset-requests says when
            assert "retry-after" not in sent and sent["x-ratelimit-remaining-requests"] == "0"
            assert sent["x-ratelimit-reset-requests"] == "250ms" and waited >= 0.25
        else:  # NIM's 429 and Ollama's 503 "server busy" carry no headers: exponential backoff
            assert not any(name.startswith(("retry-after", "x-ratelimit")) for name in sent)
        [row] = await rows(session)
        assert row.status == "ok"

    async def test_an_error_body_in_the_providers_shape_becomes_a_readable_message(
        self, settings: Settings, app: Any, session: AsyncSession, case: Case, server: ProviderServer
    ) -> None:
        reply, words = _provider_error(case, server)
        server.queue(reply)
        async with client_for(settings, app, case, server) as llm:
            with pytest.raises(LLMError) as caught:
                await ask(llm)
        message = caught.value.message
        assert message.startswith(server.label) and words in message
        assert "test-key" not in message and "6789" not in message  # never the key, not even OpenAI's masked one
        assert server.chat_requests == 1  # a client error is not retried
        [row] = await rows(session)
        assert row.status == "error" and words in (row.error or "")

    async def test_malformed_json_is_repaired(
        self, settings: Settings, app: Any, session: AsyncSession, case: Case, server: ProviderServer
    ) -> None:
        first: Reply = ok(MALFORMED)  # Groq (llama, JSON mode) answers it as a 400 json_validate_failed
        if case.provider in ("openai", "ollama"):
            # Schema-constrained decoding cannot produce broken JSON, but max_tokens can cut it short.
            first = Scripted(content=MALFORMED, finish_reason="length")
        server.queue(first, ok(GOOD))
        changes = {"llm_model": case.repair_model} if case.repair_model else {}
        async with client_for(settings, app, case, server, **changes) as llm:
            assert await ask(llm) == Role(**GOOD)
        assert server.chat_requests == 2
        repair = server.requests[1]["messages"]
        assert repair[-2] == {"role": "assistant", "content": MALFORMED}
        assert repair[-1]["role"] == "user" and "not valid" in repair[-1]["content"]
        [row] = await rows(session)
        assert row.status == "ok" and row.completion_tokens >= 5


def _provider_error(case: Case, server: ProviderServer) -> tuple[Scripted, str]:
    """Each provider's typical failure, in its own body shape, and the words of it a person must see."""
    if isinstance(server, GroqServer):
        reason = f"The model `{case.model}` does not exist or you do not have access to it."
        return server.failure(404, reason), "does not exist or you do not have access to it"
    if isinstance(server, NimServer):  # {status, title, detail}: no "message" for the SDK to read
        return server.not_found(), "Not found for account"
    if isinstance(server, OpenAIServer):
        return server.bad_key(), "Incorrect API key provided"
    assert isinstance(server, OllamaServer)
    return server.not_pulled(), 'model "llama3.2" not found, try pulling it first'


@pytest.fixture
def groq(stand_ins: dict[str, ProviderServer]) -> Iterator[GroqServer]:
    yield from _one(stand_ins, "groq", GroqServer)


@pytest.fixture
def nim(stand_ins: dict[str, ProviderServer]) -> Iterator[NimServer]:
    yield from _one(stand_ins, "nim", NimServer)


@pytest.fixture
def openai_server(stand_ins: dict[str, ProviderServer]) -> Iterator[OpenAIServer]:
    yield from _one(stand_ins, "openai", OpenAIServer)


@pytest.fixture
def ollama(stand_ins: dict[str, ProviderServer]) -> Iterator[OllamaServer]:
    yield from _one(stand_ins, "ollama", OllamaServer)


def _one(stand_ins: dict[str, ProviderServer], name: str, kind: type[ProviderServer]) -> Iterator[Any]:
    server = stand_ins[name]
    assert isinstance(server, kind)
    server.reset()
    yield server
    server.reset()


class TestGroq:
    async def test_usage_only_in_x_groq_is_recorded(
        self, settings: Settings, app: Any, session: AsyncSession, groq: GroqServer
    ) -> None:
        groq.options["legacy"] = True  # stream_options ignored: the usage is only in x_groq.usage
        groq.queue(streamed(TEXT, 0.1, prompt_tokens=30, completion_tokens=16))
        async with client_for(settings, app, CASES["groq"], groq) as llm:
            result = await llm.stream_text(MESSAGES, purpose="t", prompt_version="v1", user_id=None)
        assert result.value == TEXT and (result.prompt_tokens, result.completion_tokens) == (30, 16)
        [row] = await rows(session)
        assert (row.prompt_tokens, row.completion_tokens) == (30, 16)  # reported, not estimated

    async def test_a_stream_stopped_early_is_an_error_not_a_short_answer(
        self, settings: Settings, app: Any, session: AsyncSession, groq: GroqServer
    ) -> None:
        groq.options["stop_early"] = "service unavailable: model overloaded"
        groq.queue(ok(TEXT))
        async with client_for(settings, app, CASES["groq"], groq) as llm:
            with pytest.raises(LLMError) as caught:
                await llm.stream_text(MESSAGES, purpose="t", prompt_version="v1", user_id=None)
        assert caught.value.message == "Groq stopped the answer early: service unavailable: model overloaded"
        [row] = await rows(session)
        assert row.status == "error" and row.completion_tokens > 0  # estimated from the text that did arrive

    async def test_unsupported_fields_are_never_sent(
        self, settings: Settings, app: Any, session: AsyncSession, groq: GroqServer
    ) -> None:
        groq.queue(ok(GOOD), ok(TEXT))
        async with client_for(settings, app, CASES["groq"], groq) as llm:
            await ask(llm)
            await llm.stream_text(MESSAGES, purpose="t", prompt_version="v1", user_id=None)
        for sent in groq.requests:  # each of these answers 400 on Groq
            assert not {"logprobs", "logit_bias", "top_logprobs"} & set(sent)
            assert sent.get("n", 1) == 1 and not any("name" in m for m in sent["messages"])

    async def test_json_validate_failed_twice_is_a_clear_bad_output(
        self, settings: Settings, app: Any, session: AsyncSession, groq: GroqServer
    ) -> None:
        groq.queue(ok("I think the title is engineer"), ok("still not JSON"))
        async with client_for(settings, app, CASES["groq"], groq, llm_model="llama-3.3-70b-versatile") as llm:
            with pytest.raises(LLMBadOutput) as caught:
                await ask(llm)
        assert groq.requests[0]["response_format"] == {"type": "json_object"}  # llama: JSON mode
        assert "Groq" in caught.value.message and "Role" in caught.value.message
        assert groq.chat_requests == 2


class TestNim:
    async def test_a_self_hosted_nim_on_an_old_vllm_is_asked_again_without_stream_options(
        self, settings: Settings, app: Any, session: AsyncSession, nim: NimServer
    ) -> None:
        nim.options["old_vllm"] = True
        nim.queue(ok(TEXT))
        async with client_for(settings, app, CASES["nim"], nim) as llm:
            result = await llm.stream_text(MESSAGES, purpose="t", prompt_version="v1", user_id=None)
        assert result.value == TEXT and nim.chat_requests == 2
        assert "stream_options" in nim.requests[0] and "stream_options" not in nim.requests[1]
        assert result.completion_tokens == len(TEXT) // 4  # no usage without stream_options: estimated
        [row] = await rows(session)
        assert row.status == "ok" and row.prompt_tokens > 0

    async def test_vllms_error_body_is_read(
        self, settings: Settings, app: Any, session: AsyncSession, nim: NimServer
    ) -> None:
        nim.options["self_hosted"] = True
        reason = "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens."
        nim.queue(nim.failure(400, reason))
        async with client_for(settings, app, CASES["nim"], nim) as llm:
            with pytest.raises(LLMError) as caught:
                await ask(llm)
        assert caught.value.message.startswith("NVIDIA NIM (127.0.0.1:") and reason in caught.value.message

    async def test_rate_limited_throughout_says_so_in_nvidias_words(
        self, settings: Settings, app: Any, session: AsyncSession, nim: NimServer
    ) -> None:
        nim.queue(nim.rate_limited(), nim.rate_limited(), nim.rate_limited())
        async with client_for(settings, app, CASES["nim"], nim) as llm:
            with pytest.raises(LLMError) as caught:
                await ask(llm)
        assert nim.chat_requests == 3 and caught.value.code == "ai_rate_limited"
        assert "(429) after 3 attempts" in caught.value.message and "NVIDIA NIM says: Too Many Requests" in (
            caught.value.message
        )


class TestOpenAI:
    async def test_a_refusal_is_reported_without_a_repair_request(
        self, settings: Settings, app: Any, session: AsyncSession, openai_server: OpenAIServer
    ) -> None:
        openai_server.queue(Scripted(refusal="I'm sorry, I cannot assist with that request."), ok(GOOD))
        async with client_for(settings, app, CASES["openai"], openai_server) as llm:
            with pytest.raises(LLMBadOutput) as caught:
                await ask(llm)
        assert openai_server.chat_requests == 1
        assert "OpenAI" in caught.value.message
        assert "declined to answer: I'm sorry, I cannot assist with that request." in caught.value.message

    async def test_a_model_without_structured_outputs_gets_json_mode(
        self, settings: Settings, app: Any, session: AsyncSession, openai_server: OpenAIServer
    ) -> None:
        # Not in the registry: OpenAI's default (strict json_schema), which gpt-3.5-turbo refuses with a 400.
        openai_server.options["no_json_schema"] = ("gpt-3.5-turbo",)
        openai_server.queue(ok(GOOD))
        async with client_for(settings, app, CASES["openai"], openai_server, llm_model="gpt-3.5-turbo") as llm:
            assert await ask(llm) == Role(**GOOD)
        first, second = openai_server.requests
        assert first["response_format"]["type"] == "json_schema"
        assert second["response_format"] == {"type": "json_object"}
        assert second["messages"][0]["role"] == "system" and '"years"' in second["messages"][0]["content"]


class TestOllama:
    async def test_an_ollama_that_ignores_stream_options_is_charged_an_estimate(
        self, settings: Settings, app: Any, session: AsyncSession, ollama: OllamaServer
    ) -> None:
        ollama.options["legacy"] = True
        ollama.queue(streamed(TEXT, 0.1))
        async with client_for(settings, app, CASES["ollama"], ollama) as llm:
            result = await llm.stream_text(MESSAGES, purpose="t", prompt_version="v1", user_id=None)
        assert result.value == TEXT
        assert result.prompt_tokens > 0 and result.completion_tokens == len(TEXT) // 4
        [row] = await rows(session)
        assert row.status == "ok" and row.total_tokens == result.prompt_tokens + result.completion_tokens

    async def test_a_busy_ollama_throughout_is_explained(
        self, settings: Settings, app: Any, session: AsyncSession, ollama: OllamaServer
    ) -> None:
        ollama.queue(ollama.busy(), ollama.busy(), ollama.busy())
        async with client_for(settings, app, CASES["ollama"], ollama) as llm:
            with pytest.raises(LLMError) as caught:
                await ask(llm)
        assert ollama.chat_requests == 3
        assert "internal error (503) after 3 attempts" in caught.value.message
        assert "server busy, please try again. maximum pending requests exceeded" in caught.value.message


class _Failed(Exception):
    def __init__(self, body: object) -> None:
        super().__init__("Error code: 400")
        self.body = body


class TestReadingServers:
    """The parsing on its own, for the shapes no stand-in above sends by default."""

    @pytest.mark.parametrize(
        ("body", "reason"),
        [
            ({"message": "Invalid model", "type": "invalid_request_error"}, "Invalid model"),  # the SDK's inner error
            ("model 'x' not found", "model 'x' not found"),  # Ollama's native {"error": "…"}, unwrapped by the SDK
            ({"object": "error", "message": "bad", "type": "BadRequestError", "code": 400}, "bad"),  # vLLM
            ({"status": 404, "title": "Not Found", "detail": "Function 'f': Not found"}, "Function 'f': Not found"),
            ({"status": 429, "title": "Too Many Requests"}, "Too Many Requests"),  # NVIDIA hosted, no detail
            ({"detail": "Not authenticated"}, "Not authenticated"),  # FastAPI
            (
                {"detail": [{"loc": ["body", "messages", 0, "content"], "msg": "Field required", "type": "missing"}]},
                "messages.0.content: Field required",
            ),
            ("<html><body>502 Bad Gateway</body></html>", None),  # a proxy's page says nothing useful
            (None, None),
        ],
    )
    def test_the_reason_is_found_in_every_body_shape(self, body: object, reason: str | None) -> None:
        assert quirks.server_reason(_Failed(body)) == reason

    def test_keys_are_hidden_from_reasons(self) -> None:
        body = {"message": "Incorrect API key provided: sk-proj-****6789. Also gsk_abcdef123 and nvapi-xyz_123."}
        reason = quirks.server_reason(_Failed(body)) or ""
        assert "6789" not in reason and "gsk_" not in reason and "nvapi-" not in reason
        assert reason.startswith("Incorrect API key provided: [key hidden]")

    @pytest.mark.parametrize(
        ("text", "seconds"),
        [("1s", 1.0), ("12ms", 0.012), ("6m0s", 360.0), ("2m59.56s", 179.56), ("7.66s", 7.66), ("2", 2.0)],
    )
    def test_rate_limit_durations(self, text: str, seconds: float) -> None:
        assert duration_seconds(text) == pytest.approx(seconds)

    @pytest.mark.parametrize("text", ["", "soon", "1x", "1s2"])
    def test_unreadable_durations(self, text: str) -> None:
        assert duration_seconds(text) is None

    def test_only_the_exhausted_limits_reset_counts(self) -> None:
        headers = {
            "x-ratelimit-remaining-requests": "14370",
            "x-ratelimit-reset-requests": "2m59.56s",
            "x-ratelimit-remaining-tokens": "0",
            "x-ratelimit-reset-tokens": "7.66s",
        }
        assert rate_limit_reset_seconds(headers) == pytest.approx(7.66)
        assert rate_limit_reset_seconds({**headers, "x-ratelimit-remaining-tokens": "10"}) is None
