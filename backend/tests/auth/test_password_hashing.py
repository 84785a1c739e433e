"""The production password hash (the suite itself runs with argon2id's cheapest parameters, see conftest)."""

from __future__ import annotations

import re

from tests.conftest import PRODUCTION_PASSWORD_HASH


def test_production_hashes_are_argon2id_at_least_at_the_owasp_minimum() -> None:
    hashed = PRODUCTION_PASSWORD_HASH.hash("Correct-Horse-Battery-9")
    found = re.match(r"^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$", hashed)
    assert found, hashed
    memory_kib, iterations, _ = (int(g) for g in found.groups())
    assert memory_kib >= 19_456 and iterations >= 2  # OWASP: m=19 MiB, t=2 at least
    assert PRODUCTION_PASSWORD_HASH.verify("Correct-Horse-Battery-9", hashed)
    assert not PRODUCTION_PASSWORD_HASH.verify("correct-horse-battery-9", hashed)


def test_a_weaker_stored_hash_is_upgraded_when_its_owner_signs_in() -> None:
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    weak = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),)).hash("Correct-Horse-Battery-9")
    valid, upgraded = PRODUCTION_PASSWORD_HASH.verify_and_update("Correct-Horse-Battery-9", weak)
    assert valid and upgraded is not None and upgraded.startswith("$argon2id$v=19$m=65536")
