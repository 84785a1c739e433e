"""DOCX reading: the ZIP is measured before anything is unpacked."""

from __future__ import annotations

import io
import zipfile

import pytest

from app.resumes import docx_text
from app.resumes.errors import ResumeParseError
from app.resumes.parsing import parse_resume
from tests.resumes import factories as f


def _refused(data: bytes) -> ResumeParseError:
    with pytest.raises(ResumeParseError) as caught:
        parse_resume(data)
    return caught.value


class TestZipChecks:
    def test_one_member_with_a_huge_compression_ratio(self) -> None:
        bomb = f.rezip(f.docx_resume(), extra={"word/media/image1.png": b"\x00" * (3 * 1024 * 1024)})
        assert len(bomb) < 100_000
        refusal = _refused(bomb)
        assert refusal.code == "docx_too_large" and refusal.message.startswith("This DOCX is too large when unpacked")

    def test_total_unpacked_size(self) -> None:
        # each member under the ratio check's size floor, together over the total
        members = {f"word/media/part{i}.bin": b"\x00" * (1024 * 1024 - 1) for i in range(51)}
        refusal = _refused(f.rezip(f.docx_resume(), extra=members))
        assert refusal.code == "docx_too_large"

    def test_too_many_members(self) -> None:
        extra = {f"word/extra/part{i}.xml": b"<x/>" for i in range(docx_text.MAX_MEMBERS)}
        assert _refused(f.rezip(f.docx_resume(), extra=extra)).code == "docx_too_large"

    def test_nothing_is_unpacked_before_the_check(self, monkeypatch: pytest.MonkeyPatch) -> None:
        bomb = f.rezip(f.docx_resume(), extra={"word/media/big.bin": b"\x00" * (3 * 1024 * 1024)})
        opened: list[str] = []
        real_open = zipfile.ZipFile.open

        def spy(self: zipfile.ZipFile, name: str | zipfile.ZipInfo, *args: object, **kwargs: object) -> object:
            opened.append(name if isinstance(name, str) else name.filename)
            return real_open(self, name, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(zipfile.ZipFile, "open", spy)
        _refused(bomb)
        assert opened == []

    def test_a_normal_docx_with_an_image_passes(self) -> None:
        docx = f.rezip(f.docx_resume(), extra={"word/media/photo.png": f.tiny_png(64, 64) * 20})
        assert f.EDUCATION in parse_resume(docx).text


class TestPages:
    def test_page_count_as_word_last_saved_it(self) -> None:
        good = f.docx_resume()
        with zipfile.ZipFile(io.BytesIO(good)) as z:
            props = z.read("docProps/app.xml").replace(b"<Pages>1</Pages>", b"<Pages>3</Pages>")
        assert parse_resume(f.rezip(good, replace={"docProps/app.xml": props})).pages == 3
        unknown = props.replace(b"<Pages>3</Pages>", b"")
        assert parse_resume(f.rezip(good, replace={"docProps/app.xml": unknown})).pages == 1
