"""The providers we know: where they live, which model to use by default, and what each model can do.

Every provider speaks the OpenAI Chat Completions protocol, so one client serves them all; this registry only
records the differences. Prices and context windows are copied from each provider's published pages (cited per
entry, see docs/decisions/009-llm-provider.md) and are **unmeasured** here: cost figures in `llm_call` are
estimates from these numbers, not invoices. A model not listed gets its provider's defaults and no price."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# How a model can be asked for JSON: a schema enforced by constrained decoding (`strict`), a schema it follows on a
# best-effort basis, or only "some JSON object" (the schema then goes into the system prompt).
StructuredOutput = Literal["json_schema_strict", "json_schema", "json_object"]


@dataclass(frozen=True)
class ModelSpec:
    name: str
    context_window: int | None
    structured_output: StructuredOutput
    input_usd_per_million: float | None = None
    output_usd_per_million: float | None = None
    source: str = ""  # where the figures come from (all unmeasured)
    extra_body: dict[str, Any] = field(default_factory=dict)  # provider-specific request fields


@dataclass(frozen=True)
class ProviderSpec:
    name: str
    label: str
    base_url: str | None  # None: LLM_BASE_URL is required
    default_model: str | None  # None: LLM_MODEL is required
    needs_key: bool
    structured_output: StructuredOutput  # for models not listed below
    models: dict[str, ModelSpec] = field(default_factory=dict)
    docs: str = ""

    def model(self, name: str) -> ModelSpec:
        """The spec of a model; unknown models get the provider's structured-output mode and no price."""
        return self.models.get(name) or ModelSpec(
            name=name, context_window=None, structured_output=self.structured_output
        )


def _models(*specs: ModelSpec) -> dict[str, ModelSpec]:
    return {spec.name: spec for spec in specs}


GROQ_MODELS = "console.groq.com/docs/models (price, context) and /docs/structured-outputs (strict support)"
# gpt-oss models reason before answering; "low" keeps extraction fast and cheap (reasoning tokens bill as output).
_LOW_REASONING = {"reasoning_effort": "low"}

PROVIDERS: dict[str, ProviderSpec] = {
    "offline": ProviderSpec(
        name="offline",
        label="Offline (no AI service)",
        base_url=None,
        default_model="offline",
        needs_key=False,
        structured_output="json_object",
        docs="Built-in extractors, templates and rubrics; no network.",
    ),
    "groq": ProviderSpec(
        name="groq",
        label="Groq",
        base_url="https://api.groq.com/openai/v1",
        default_model="openai/gpt-oss-20b",
        needs_key=True,
        structured_output="json_object",
        docs="https://console.groq.com/docs/openai",
        models=_models(
            ModelSpec("openai/gpt-oss-20b", 131_072, "json_schema_strict", 0.075, 0.30, GROQ_MODELS, _LOW_REASONING),
            ModelSpec("openai/gpt-oss-120b", 131_072, "json_schema_strict", 0.15, 0.60, GROQ_MODELS, _LOW_REASONING),
            ModelSpec("llama-3.3-70b-versatile", 131_072, "json_object", 0.59, 0.79, GROQ_MODELS),
            ModelSpec("llama-3.1-8b-instant", 131_072, "json_object", 0.05, 0.08, GROQ_MODELS),
        ),
    ),
    "nim": ProviderSpec(
        name="nim",
        label="NVIDIA NIM",
        base_url="https://integrate.api.nvidia.com/v1",
        default_model="meta/llama-3.3-70b-instruct",
        needs_key=True,
        structured_output="json_schema",
        docs="https://docs.nvidia.com/nim/large-language-models/latest/structured-generation.html",
        models=_models(
            # The hosted API catalog runs on trial credits and publishes no per-token price; a self-hosted NIM
            # costs its GPUs. Context from the model card on build.nvidia.com.
            ModelSpec("meta/llama-3.3-70b-instruct", 128_000, "json_schema", None, None, "build.nvidia.com model card"),
            ModelSpec("openai/gpt-oss-20b", 131_072, "json_schema", None, None, "build.nvidia.com model card"),
        ),
    ),
    "openai": ProviderSpec(
        name="openai",
        label="OpenAI",
        base_url="https://api.openai.com/v1",
        default_model="gpt-4o-mini",
        needs_key=True,
        structured_output="json_schema_strict",
        docs="https://platform.openai.com/docs/guides/structured-outputs",
        models=_models(
            ModelSpec("gpt-4o-mini", 128_000, "json_schema_strict", 0.15, 0.60, "platform.openai.com/docs/pricing"),
            ModelSpec("gpt-4.1-mini", 1_047_576, "json_schema_strict", 0.40, 1.60, "platform.openai.com/docs/pricing"),
        ),
    ),
    "ollama": ProviderSpec(
        name="ollama",
        label="Ollama (local)",
        base_url="http://127.0.0.1:11434/v1",
        default_model="llama3.2",
        needs_key=False,
        # Ollama >= 0.5 enforces response_format json_schema with llama.cpp grammars
        # (ollama.com/blog/structured-outputs).
        structured_output="json_schema",
        docs="https://github.com/ollama/ollama/blob/main/docs/openai.md",
        models=_models(
            # Runs on your machine: no per-token price. Ollama's default context is smaller than the model's 128K
            # unless OLLAMA_CONTEXT_LENGTH raises it.
            ModelSpec("llama3.2", 128_000, "json_schema", 0.0, 0.0, "ollama.com/library/llama3.2"),
        ),
    ),
    "custom": ProviderSpec(
        name="custom",
        label="OpenAI-compatible server",
        base_url=None,
        default_model=None,
        needs_key=False,
        # vLLM, LM Studio, llama.cpp and others differ; JSON mode plus the schema in the prompt works on all of them.
        structured_output="json_object",
        docs="Any server speaking POST /v1/chat/completions at LLM_BASE_URL (vLLM, LM Studio, llama.cpp, LiteLLM).",
    ),
}

# Names docs/design.md §1 and other tools use for the same providers.
ALIASES = {"nvidia": "nim", "openai_compatible": "custom", "openai-compatible": "custom", "vllm": "custom"}


def canonical_provider_name(name: str) -> str:
    """`LLM_PROVIDER` as the registry names it; raises ValueError with the choices for an unknown name."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in PROVIDERS:
        raise ValueError(f"LLM_PROVIDER {name!r} is not one of {', '.join(PROVIDERS)}")
    return key


def check_provider_setting(name: str) -> str:
    """`LLM_PROVIDER` checked where the app and the CLI start, so a typo stops them with the choices at once rather
    than failing the first letter; raises ValueError (the core's settings don't know the providers)."""
    return canonical_provider_name(name)


def get_provider(name: str) -> ProviderSpec:
    return PROVIDERS[canonical_provider_name(name)]
