"""The load-test catalogue's vocabulary: enough distinct postings, and fragments the database may paste as is."""

from __future__ import annotations

import json

from app.jobs.text import derived_fields, search_tokens
from copilot_bench import scale_vocab


class TestBuild:
    def test_a_million_distinct_postings_fit(self) -> None:
        vocab = scale_vocab.build()
        assert vocab.combinations >= 1_000_000
        assert len({c[1] for c in vocab.companies}) == len(vocab.companies)

    def test_the_sql_search_document_is_the_applications(self) -> None:
        # The generating SQL concatenates each fragment's tokens; the result must equal derived_fields().
        vocab = scale_vocab.build()
        (_, company, ctok), (_, title, ttok, _, _) = vocab.companies[7], vocab.titles[57]
        _, location, ltok, _, _ = vocab.locations[3]
        _, skills_json, stok, phrase, ptok = vocab.bundles[40]
        _, body, btok, _ = vocab.bodies[9]
        description = f"{company} is hiring a {title} in {location}. {body} You will work with {phrase}."
        want = derived_fields(title, company, location, json.loads(skills_json), description)
        sql = f"{ttok} {ctok} {ltok} {stok} {ctok} is hiring a {ttok} in {ltok} {btok} you will work with {ptok}"
        assert sql == want["search_text"]
        assert "cplusplus" in " ".join(b[2] for b in vocab.bundles)  # "C++" is findable as itself
        assert search_tokens("C++") == ["cplusplus"]
