"""The compiled taxonomy file is committed and must match what its build script produces."""

from __future__ import annotations

import pytest

from app.skills import build
from app.skills.taxonomy import DATA_FILE, load_taxonomy


class TestCompiledFile:
    def test_committed_file_matches_a_fresh_build(self) -> None:
        fresh = build.render(build.build())
        assert DATA_FILE.read_bytes() == fresh, "taxonomy.json drifted: run `python -m app.skills.build`"

    def test_check_mode_passes_on_the_committed_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert build.main(["--check"]) == 0
        assert "up to date" in capsys.readouterr().out

    def test_check_mode_fails_on_drift(self, monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
        from pathlib import Path

        stale = Path(str(tmp_path)) / "taxonomy.json"
        stale.write_text('{"format": 1}\n')
        monkeypatch.setattr(build, "DATA_FILE", stale)
        assert build.main(["--check"]) == 1


class TestBuildRules:
    def test_onet_forms_are_cleaned(self) -> None:
        names, generic = build.onet_names("Structured query language SQL")
        assert "SQL" in names and not generic
        names, generic = build.onet_names("Accounting software")
        assert generic
        names, _ = build.onet_names("Scientific Software Group AQUA3D")
        assert names[0] == "Scientific Software Group AQUA3D"  # not an acronym of the words before it

    def test_every_phrase_points_at_a_skill(self) -> None:
        data = build.build()
        taxonomy = load_taxonomy(build.render(data))
        assert all(0 <= p.skill < len(taxonomy) for p in taxonomy.phrases.values())
        assert len(set(taxonomy.names)) == len(taxonomy.names)
