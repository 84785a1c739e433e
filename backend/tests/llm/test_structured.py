"""How a Pydantic schema is sent: strict JSON schema where possible, JSON mode with the schema in the prompt else;
and the provider registry and its settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from app.core.config import Settings
from app.llm.providers import PROVIDERS, canonical_provider_name, check_provider_setting
from app.llm.structured import response_format_for, to_strict
from app.main import create_app


class Skill(BaseModel):
    name: str
    level: int | None = None


class Profile(BaseModel):
    skills: list[Skill]
    summary: str = ""


class Loose(BaseModel):
    scores: dict[str, float]


MESSAGES = [{"role": "user", "content": "hi"}]


class TestStrictSchema:
    def test_nested_objects_are_closed_and_every_property_required(self) -> None:
        strict = to_strict(Profile.model_json_schema())
        assert strict is not None
        assert strict["additionalProperties"] is False and strict["required"] == ["skills", "summary"]
        skill = strict["$defs"]["Skill"]
        assert skill["additionalProperties"] is False and skill["required"] == ["name", "level"]
        assert "default" not in skill["properties"]["level"] and "default" not in strict["properties"]["summary"]

    def test_a_free_form_dict_cannot_be_strict(self) -> None:
        assert to_strict(Loose.model_json_schema()) is None
        _, fmt = response_format_for(Loose, MESSAGES, "json_schema_strict")
        assert fmt["json_schema"]["strict"] is False  # sent best-effort instead

    def test_the_original_schema_is_not_changed(self) -> None:
        schema = Profile.model_json_schema()
        to_strict(schema)
        assert schema == Profile.model_json_schema()


class TestResponseFormat:
    def test_json_schema_modes(self) -> None:
        messages, strict = response_format_for(Profile, MESSAGES, "json_schema_strict")
        assert messages == MESSAGES and strict["json_schema"]["strict"] is True
        assert strict["json_schema"]["name"] == "Profile"
        _, loose = response_format_for(Profile, MESSAGES, "json_schema")
        assert loose["json_schema"]["strict"] is False and loose["json_schema"]["schema"] == Profile.model_json_schema()

    def test_json_object_mode_prepends_the_schema(self) -> None:
        messages, fmt = response_format_for(Profile, MESSAGES, "json_object")
        assert fmt == {"type": "json_object"} and messages[1:] == MESSAGES
        assert messages[0]["role"] == "system" and "JSON Schema" in messages[0]["content"]
        assert '"skills"' in messages[0]["content"]


class TestRegistry:
    def test_every_provider_but_offline_and_custom_has_a_url_and_default_model(self) -> None:
        for name, spec in PROVIDERS.items():
            if name in ("offline", "custom"):
                continue
            assert spec.base_url and spec.base_url.startswith(("https://", "http://127.0.0.1"))
            assert spec.default_model in spec.models, name
            for model in spec.models.values():
                assert model.source, f"{name}/{model.name} has no cited source"

    def test_groq_and_nim_are_first_class(self) -> None:
        assert PROVIDERS["groq"].model("openai/gpt-oss-20b").structured_output == "json_schema_strict"
        assert PROVIDERS["groq"].model("llama-3.3-70b-versatile").structured_output == "json_object"
        assert PROVIDERS["nim"].base_url == "https://integrate.api.nvidia.com/v1"
        unknown = PROVIDERS["nim"].model("some/new-model")
        assert unknown.structured_output == "json_schema" and unknown.input_usd_per_million is None

    @pytest.mark.parametrize(
        ("given", "expected"),
        [("Groq", "groq"), ("nvidia", "nim"), ("openai_compatible", "custom"), (" ollama ", "ollama")],
    )
    def test_aliases(self, given: str, expected: str) -> None:
        assert canonical_provider_name(given) == expected

    def test_the_app_checks_the_provider_at_start(self, tmp_path: Path) -> None:
        assert Settings(_env_file=None).llm_provider == "offline"
        assert check_provider_setting("NVIDIA") == "nim"
        # Settings hold the name as given (the core knows no providers); the app refuses to start on a typo.
        bad = Settings(_env_file=None, llm_provider="anthropic", copilot_data_dir=tmp_path)  # type: ignore[call-arg]
        with pytest.raises(ValueError, match="LLM_PROVIDER 'anthropic' is not one of"):
            create_app(bad)
        blank = Settings(_env_file=None, llm_model="", llm_base_url=" ")
        assert blank.llm_model is None and blank.llm_base_url is None
