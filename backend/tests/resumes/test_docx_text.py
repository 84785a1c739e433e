"""DOCX reading: the ZIP is measured before anything is unpacked."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from collections.abc import Callable

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


def _peak_bytes(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
    except ResumeParseError:
        pass
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


class TestLyingHeaders:
    """Headers that declare small sizes over streams that inflate to hundreds of megabytes: refused, and the
    refusal costs a few megabytes, not the inflated size."""

    def _resume_with(self, name: str, zeros: int) -> bytes:
        with zipfile.ZipFile(io.BytesIO(f.docx_resume())) as z:
            bodies = {i.filename: z.read(i) for i in z.infolist()}
        return f.lying_zip([(n, f.deflate_stream(b, zeros if n == name else 0), b) for n, b in bodies.items()])

    def test_a_member_that_inflates_past_its_declared_size(self) -> None:
        # [Content_Types].xml is read first by every DOCX reader; its header is true for the first bytes (even the
        # CRC), but the stream goes on for 200 MB of zeros
        bomb = self._resume_with("[Content_Types].xml", 200 * 1024 * 1024)
        assert len(bomb) < 1024 * 1024
        refusal = _refused(bomb)
        assert refusal.code == "docx_too_large" and refusal.message.startswith("This DOCX is too large when unpacked")
        assert _peak_bytes(lambda: parse_resume(bomb)) < 20 * 1024 * 1024

    def test_many_small_members_that_each_inflate_to_megabytes(self) -> None:
        good = f.docx_resume()
        with zipfile.ZipFile(io.BytesIO(good)) as z:
            members = [(i.filename, f.deflate_stream(z.read(i), 0), z.read(i)) for i in z.infolist()]
        kernel = f.deflate_stream(b"<x/>", 4 * 1024 * 1024)
        members += [(f"word/media/part{i}.bin", kernel, b"<x/>") for i in range(500)]
        bomb = f.lying_zip(members)
        assert len(bomb) < 5 * 1024 * 1024  # 2 GB claimed as 2 kB
        assert _refused(bomb).code == "docx_too_large"
        assert _peak_bytes(lambda: parse_resume(bomb)) < 20 * 1024 * 1024

    def test_a_hand_built_zip_with_true_headers_still_reads(self) -> None:
        with zipfile.ZipFile(io.BytesIO(f.docx_resume())) as z:
            honest = f.lying_zip([(i.filename, f.deflate_stream(z.read(i), 0), z.read(i)) for i in z.infolist()])
        assert f.EDUCATION in parse_resume(honest).text

    def test_bzip2_members_are_refused(self) -> None:
        # zipfile inflates bzip2 and LZMA members without an output limit
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(f.docx_resume())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_BZIP2) as dst:
            for info in src.infolist():
                dst.writestr(info.filename, src.read(info))
        assert _refused(out.getvalue()).code == "docx_damaged"
