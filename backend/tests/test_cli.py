"""The `copilot` command as an operator runs it: a real process, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import STRONG_PASSWORD

COPILOT = [sys.executable, "-m", "app.cli"]


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COPILOT, *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    return {
        "COPILOT_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/cli.db",
        "SECRET_KEY": "",
    }


def test_migrate_then_reset_password_link_works(cli_env: dict[str, str], tmp_path: Path) -> None:
    assert run(["migrate"], cli_env).returncode == 0
    assert (tmp_path / "cli.db").exists()

    import asyncio

    from app.core.config import Settings
    from app.main import create_app

    settings = Settings(_env_file=None, copilot_data_dir=tmp_path, database_url=cli_env["DATABASE_URL"])  # type: ignore[call-arg]

    async def register_and_reset() -> None:
        app = create_app(settings)
        # The secret key was generated on first start and kept, private to its owner; the CLI signs with it too.
        key_file = tmp_path / "secret_key"
        assert key_file.exists() and oct(key_file.stat().st_mode)[-3:] == "600"
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            r = await c.post("/api/v1/auth/register", json={"email": "ops@example.com", "password": STRONG_PASSWORD})
            assert r.status_code == 201
            second = await c.post(
                "/api/v1/auth/register", json={"email": "two@example.com", "password": STRONG_PASSWORD}
            )
            assert second.status_code == 201
            out = run(["users", "reset-password", "OPS@example.com"], cli_env)
            assert out.returncode == 0, out.stderr
            token = out.stdout.strip().split("token=", 1)[1]
            r = await c.post("/api/v1/auth/password/reset", json={"token": token, "new_password": "Operator-Reset-123"})
            assert r.status_code == 204
            promote = run(["users", "promote", "two@example.com"], cli_env)
            assert promote.returncode == 0
            login = await c.post("/api/v1/auth/login", json={"email": "two@example.com", "password": STRONG_PASSWORD})
            me = await c.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {login.json()['access_token']}"})
            assert me.json()["is_admin"] is True
        await app.state.engine.dispose()

    asyncio.run(register_and_reset())


def test_unknown_user_is_exit_2_with_one_line(cli_env: dict[str, str]) -> None:
    run(["migrate"], cli_env)
    out = run(["users", "promote", "ghost@example.com"], cli_env)
    assert out.returncode == 2
    assert out.stderr.strip() == "error: no account with email ghost@example.com"


def test_bad_database_url_is_exit_2(cli_env: dict[str, str]) -> None:
    out = run(["migrate"], {**cli_env, "DATABASE_URL": "mysql://x/y"})
    assert out.returncode == 2
    assert "DATABASE_URL" in out.stderr and "not supported" in out.stderr


def test_unknown_llm_provider_is_exit_2_with_the_choices(cli_env: dict[str, str]) -> None:
    out = run(["migrate"], {**cli_env, "LLM_PROVIDER": "anthropic"})
    assert out.returncode == 2
    assert out.stderr.strip().startswith("error: bad configuration: LLM_PROVIDER 'anthropic' is not one of offline")


def test_openapi_prints_the_schema(cli_env: dict[str, str]) -> None:
    out = run(["openapi"], cli_env)
    assert out.returncode == 0
    schema = json.loads(out.stdout)
    assert "/api/v1/auth/login" in schema["paths"]
    assert schema["paths"]["/api/v1/auth/login"]["post"]["operationId"] == "auth-login"


def test_backup_and_restore_round_trip(cli_env: dict[str, str], tmp_path: Path) -> None:
    assert run(["migrate"], cli_env).returncode == 0
    made = run(["backup", str(tmp_path / "b.zip")], cli_env)
    assert made.returncode == 0, made.stderr
    assert "backup written to" in made.stdout and (tmp_path / "b.zip").is_file()
    restored = run(["restore", str(tmp_path / "b.zip")], cli_env)
    assert restored.returncode == 0, restored.stderr
    assert "previous data is kept in" in restored.stdout
    assert list((tmp_path / "backups").glob("pre-restore-*.zip"))


def test_restore_of_a_bad_file_is_exit_2_with_one_line(cli_env: dict[str, str], tmp_path: Path) -> None:
    run(["migrate"], cli_env)
    (tmp_path / "junk.zip").write_bytes(b"junk")
    out = run(["restore", str(tmp_path / "junk.zip")], cli_env)
    assert out.returncode == 2
    assert out.stderr.strip().startswith("error: restore refused: junk.zip is not a backup ZIP")
    assert "\n" not in out.stderr.strip()
