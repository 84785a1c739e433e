"""Password guessing is limited per address and per account, and a stranger cannot lock an owner out.

Addresses come from X-Forwarded-For, which the app trusts from 127.0.0.1 (the test client's address).
"""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import STRONG_PASSWORD, register

WRONG = "wrong-wrong-wrong"


async def login(client: httpx.AsyncClient, address: str, password: str, email: str = "ada@example.com") -> int:
    r = await client.post(
        "/api/v1/auth/login", json={"email": email, "password": password}, headers={"X-Forwarded-For": address}
    )
    if r.status_code == 429:
        assert r.json()["code"] == "rate_limited" and int(r.headers["retry-after"]) >= 1
    return r.status_code


class TestSpraying:
    async def test_one_address_trying_many_accounts_is_stopped_after_ten_failures(
        self, client: httpx.AsyncClient
    ) -> None:
        await register(client)
        tried = [await login(client, "203.0.113.7", WRONG, f"user{i}@example.com") for i in range(15)]
        assert tried == [401] * 10 + [429] * 5
        # The right password from that address waits too; the owner elsewhere does not.
        assert await login(client, "203.0.113.7", STRONG_PASSWORD) == 429
        assert await login(client, "198.51.100.2", STRONG_PASSWORD) == 200


class TestGuessingOneAccount:
    async def test_the_guessers_address_is_stopped_and_the_owner_elsewhere_signs_in(
        self, client: httpx.AsyncClient
    ) -> None:
        await register(client)
        assert [await login(client, "203.0.113.7", WRONG) for _ in range(6)] == [401] * 5 + [429]
        assert await login(client, "203.0.113.7", STRONG_PASSWORD) == 429
        assert await login(client, "198.51.100.2", STRONG_PASSWORD) == 200

    async def test_only_failures_count_and_the_right_password_forgives_the_typos(
        self, client: httpx.AsyncClient
    ) -> None:
        await register(client)
        assert [await login(client, "198.51.100.2", STRONG_PASSWORD) for _ in range(12)] == [200] * 12
        # Eight typos in a row would be refused after five, were it not for the sign-in between them.
        for _ in range(2):
            assert [await login(client, "198.51.100.2", WRONG) for _ in range(4)] == [401] * 4
            assert await login(client, "198.51.100.2", STRONG_PASSWORD) == 200

    async def test_guessing_the_current_password_on_change_counts_too(self, client: httpx.AsyncClient) -> None:
        headers = {**await register(client), "X-Forwarded-For": "203.0.113.7"}
        body = {"current_password": WRONG, "new_password": "Another-Long-Phrase-42"}
        codes = [(await client.post("/api/v1/auth/password/change", headers=headers, json=body)).status_code]
        codes += [(await client.post("/api/v1/auth/password/change", headers=headers, json=body)).status_code]
        codes += [await login(client, "203.0.113.7", WRONG) for _ in range(4)]
        assert codes == [400, 400, 401, 401, 401, 429]


class TestAccountCeiling:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"login_failures_per_account": "8/hour"}

    async def test_past_the_ceiling_only_known_addresses_may_try(self, client: httpx.AsyncClient) -> None:
        await register(client)
        assert await login(client, "198.51.100.2", STRONG_PASSWORD) == 200  # the owner's home
        # Guessing from many addresses, each under its own limit, until the account's ceiling.
        guesses = [await login(client, f"203.0.113.{n}", WRONG) for n in (1, 2, 3, 4) for _ in range(2)]
        assert guesses == [401] * 8
        # A new address is refused, even with the right password (soft lock-out, for an hour at most)...
        r = await client.post(
            "/api/v1/auth/login",
            json={"email": "ada@example.com", "password": STRONG_PASSWORD},
            headers={"X-Forwarded-For": "203.0.113.99"},
        )
        assert r.status_code == 429 and "reset your password" in r.json()["detail"]
        # ...but the owner at home is not locked out, while guesses from home are still limited per address.
        assert await login(client, "198.51.100.2", STRONG_PASSWORD) == 200
        assert [await login(client, "198.51.100.2", WRONG) for _ in range(6)] == [401] * 5 + [429]

    async def test_unknown_emails_are_limited_alike(self, client: httpx.AsyncClient) -> None:
        guesses = [await login(client, f"203.0.113.{n}", WRONG, "nobody@example.com") for n in range(9)]
        assert guesses == [401] * 8 + [429]
