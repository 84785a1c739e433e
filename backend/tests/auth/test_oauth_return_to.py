"""Where a sign-in returns to: only a path inside this app, never another host (an open redirect)."""

from __future__ import annotations

import pytest

from app.auth.oauth_service import safe_return_to


class TestSafeReturnTo:
    @pytest.mark.parametrize("path", ["/", "/jobs", "/jobs/12?tab=notes#top", "/search?q=data engineer"])
    def test_keeps_a_path_of_this_app(self, path: str) -> None:
        assert safe_return_to(path) == path

    @pytest.mark.parametrize(
        "value",
        [
            None,
            "",
            "jobs",
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/jobs\\..\\..\\evil",
            # Browsers drop tabs and newlines inside a URL: each of these would arrive as //evil.example.
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "/\x00/evil.example",
            "/jobs\x1b[31m",
            "/jobs\x7f",
            "/jobs\x85",
        ],
    )
    def test_anything_else_returns_home(self, value: str | None) -> None:
        assert safe_return_to(value) == "/"

    def test_a_long_path_is_cut(self) -> None:
        assert safe_return_to("/" + "a" * 1000) == "/" + "a" * 499
