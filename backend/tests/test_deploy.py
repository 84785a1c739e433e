"""deploy/docker-compose.yml cannot be run here (no container engine), so check what can drift: every command is
a real `copilot` subcommand with valid options, every app environment variable is a setting, and the topology
issue 4 asks for (postgres, redis, web x2, worker, beat) is there."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from app.cli import cli
from app.core.config import Settings

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
COMPOSE = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
APP_SERVICES = {name: s for name, s in SERVICES.items() if s.get("image") == "career-copilot:latest"}


def test_the_topology_is_complete() -> None:
    assert {"postgres", "redis", "web", "worker", "beat", "migrate"} <= set(SERVICES)
    assert SERVICES["web"]["deploy"]["replicas"] == 2
    assert set(APP_SERVICES) == {"migrate", "web", "worker", "beat"}
    assert (DEPLOY / "Dockerfile").is_file() and (DEPLOY / "nginx.conf").is_file()


@pytest.mark.parametrize("name", sorted(APP_SERVICES))
def test_every_command_is_a_copilot_subcommand(name: str) -> None:
    command = APP_SERVICES[name]["command"]
    assert isinstance(command, list) and command[0] == "copilot", command
    result = CliRunner().invoke(cli, [*command[1:], "--help"])
    assert result.exit_code == 0, f"`{' '.join(command)}` is not a valid copilot command: {result.output}"
    # Options given in the file must be ones the subcommand declares.
    for option in (arg for arg in command[2:] if arg.startswith("--")):
        assert option in result.output, f"{option} is not an option of `copilot {command[1]}`"


@pytest.mark.parametrize("name", sorted(APP_SERVICES))
def test_every_environment_variable_is_a_setting(name: str) -> None:
    fields = {field.upper() for field in Settings.model_fields}
    unknown = set(APP_SERVICES[name]["environment"]) - fields
    assert not unknown, f"{name}: not settings: {sorted(unknown)}"


def test_env_example_names_only_settings() -> None:
    names = set(re.findall(r"^# ?([A-Z][A-Z0-9_]+)=", (DEPLOY / "env.example").read_text(), re.M))
    compose_only = {"POSTGRES_PASSWORD"}
    assert names, "env.example lists no settings"
    assert not (names - compose_only) - {f.upper() for f in Settings.model_fields}
