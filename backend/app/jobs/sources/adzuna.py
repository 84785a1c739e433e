"""Adzuna search API: `GET /v1/api/jobs/{country}/search/{page}?app_id&app_key&what&where&results_per_page=50`
answers `{"count": <total>, "mean", "results": [...]}`. Pages count from 1 and are followed until `query.limit`
postings, `count`, a short page or MAX_PAGES. Needs ADZUNA_APP_ID and ADZUNA_APP_KEY; ADZUNA_COUNTRY picks the
national site (gb, us, de, …).

Quirks: `title` (and sometimes the snippet) carries `<strong>` highlight tags. `salary_min`/`salary_max` are
floats, annual, in the country's currency, and there is **no currency field**: it comes from the country.
`salary_is_predicted: "1"` means Adzuna *estimated* the pay from similar ads; an estimate is not what the employer
offers, so such postings are kept without a salary rather than showing a guessed number as real. `description` is a
plain-text snippet of ~500 characters ending in "…" (the full ad is only behind `redirect_url`, a tracking link).
`contract_time` is full_time/part_time and `contract_type` permanent/contract (a contract wins). There is no
remote flag: it is inferred from the location and title. `created` is ISO with `Z`.

Terms (developer.adzuna.com): by default 25 requests a minute, 250 a day, 1,000 a week, 2,500 a month; every
displayed ad must carry the "Jobs by Adzuna" attribution."""

from __future__ import annotations

import re
from typing import Any

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery
from app.jobs.sources.registry import register
from app.models.job import SalaryPeriod

PER_PAGE = 50
MAX_PAGES = 4  # 200 postings a fetch: four requests of the daily 250
CURRENCIES = {
    "gb": "GBP", "us": "USD", "ca": "CAD", "au": "AUD", "nz": "NZD", "in": "INR", "sg": "SGD", "za": "ZAR",
    "br": "BRL", "mx": "MXN", "pl": "PLN", "ch": "CHF", "ru": "RUB",
    "de": "EUR", "fr": "EUR", "nl": "EUR", "at": "EUR", "it": "EUR", "es": "EUR", "be": "EUR",
}  # fmt: skip


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@register
class Adzuna(JobSource):
    name = "adzuna"
    label = "Adzuna"
    base_url = "https://api.adzuna.com"
    kind = "search"
    keys = "ADZUNA_APP_ID, ADZUNA_APP_KEY"
    needs_key = True
    attribution = "Jobs by Adzuna"
    min_interval_seconds = 2.4  # 25 requests a minute

    @property
    def country(self) -> str:
        return ((self.settings.adzuna_country if self.settings else "") or "gb").strip().lower()

    def configured(self) -> bool:
        return bool(self.settings and self.settings.adzuna_app_id and self.settings.adzuna_app_key)

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        if not self.configured() or self.settings is None:
            raise SourceError("adzuna: needs ADZUNA_APP_ID and ADZUNA_APP_KEY")
        if not re.fullmatch(r"[a-z]{2}", self.country):
            raise SourceError(f"adzuna: ADZUNA_COUNTRY must be a two-letter country code, not {self.country!r}")
        params: dict[str, str | int] = {
            "app_id": self.settings.adzuna_app_id or "",
            "app_key": self.settings.adzuna_app_key or "",
            "results_per_page": PER_PAGE,
        }
        if query.keywords.strip():
            params["what"] = query.keywords.strip()
        if query.location.strip():
            params["where"] = query.location.strip()
        jobs: list[NormalizedJob] = []
        seen: set[str] = set()
        for page in range(1, MAX_PAGES + 1):
            payload = await http.get_json(f"/v1/api/jobs/{self.country}/search/{page}", params=params)
            for job in self.parse(payload, query):
                if job.source_id not in seen:
                    seen.add(job.source_id)
                    jobs.append(job)
            total = payload.get("count")
            if (
                len(jobs) >= query.limit
                or len(payload["results"]) < PER_PAGE
                or (isinstance(total, int) and page * PER_PAGE >= total)
            ):
                break
        return jobs[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, dict) or not isinstance(payload.get("results"), list):
            raise SourceError("adzuna: expected an object with a results list")
        currency = CURRENCIES.get(self.country)
        jobs = []
        for item in payload["results"]:
            if not isinstance(item, dict) or not item.get("id") or not item.get("title"):
                continue
            title = n.plain(item["title"])
            location = n.plain(_object(item.get("location")).get("display_name"))
            html, text = n.description(item.get("description"))
            predicted = str(item.get("salary_is_predicted") or "0").strip() == "1"
            low = None if predicted else n.parse_amount(item.get("salary_min"))
            high = None if predicted else n.parse_amount(item.get("salary_max"))
            if low is not None and high is not None and low > high:
                low, high = high, low
            has_salary = low is not None or high is not None
            contract_type = item.get("contract_type")
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(item["id"]),
                    title=title,
                    company=n.plain(_object(item.get("company")).get("display_name")),
                    url=item.get("redirect_url") or None,
                    location=location,
                    remote_type=n.remote_type(location, title),
                    employment_type=n.employment_type(
                        contract_type if contract_type == "contract" else None, item.get("contract_time"), contract_type
                    ),
                    salary_min=low,
                    salary_max=high,
                    salary_currency=currency if has_salary else None,
                    salary_period=SalaryPeriod.year if has_salary else None,
                    description_html=html,
                    description_text=text,
                    posted_at=n.parse_date(item.get("created")),
                    raw=item,
                )
            )
        return jobs
