"""USAJOBS Search API (US federal jobs): `GET /api/Search?Keyword&LocationName&ResultsPerPage=500&Page=N` with the
headers `Authorization-Key: <USAJOBS_API_KEY>` and `User-Agent: <USAJOBS_EMAIL>` (the email the key was registered
to; it replaces our own User-Agent on these requests; `Host` is sent by the HTTP client). The answer is
`{"SearchResult": {"SearchResultCount", "SearchResultCountAll", "SearchResultItems": [...],
"UserArea": {"NumberOfPages": "1084"}}}`; pages count from 1 and are followed up to `NumberOfPages` (a string),
`query.limit` or MAX_PAGES. `remote_only` sends `RemoteIndicator=True`.

Quirks: each item's posting is in `MatchedObjectDescriptor`. Pay is `PositionRemuneration[0]` with
`MinimumRange`/`MaximumRange` as **strings** ("97738.0"), always USD, and `RateIntervalCode` "Per Year" (2022) or
"PA"/"PH"/"PD"/… (later captures). The description is plain text spread over `UserArea.Details`: `JobSummary`,
`MajorDuties[]` and `QualificationSummary`, joined here. `PublicationStartDate` has no timezone and 4 fractional
digits ("2022-03-25T11:18:12.4200", taken as UTC). `UserArea.Details.RemoteIndicator` means remote and
`TeleworkEligible` hybrid (telework some days); with both false the job is on site. `MatchedObjectId` is the id
in `PositionURI`; `PositionID` is the announcement number.

Terms (developer.usajobs.gov): a free key on request; no request-rate limit is published."""

from __future__ import annotations

from typing import Any

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery
from app.jobs.sources.registry import register
from app.models.job import RemoteType

PER_PAGE = 500  # the API's maximum
MAX_PAGES = 4


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _names(values: Any) -> list[str]:
    """`[{"Name": "Full-time", "Code": "1"}, …]` → ["Full-time", …]."""
    return [str(v["Name"]) for v in _list(values) if isinstance(v, dict) and v.get("Name")]


def _pages(payload: dict[str, Any]) -> int | None:
    value = _object(_object(payload.get("SearchResult")).get("UserArea")).get("NumberOfPages")
    try:
        return int(str(value))
    except ValueError:
        return None


def _text(descriptor: dict[str, Any], details: dict[str, Any]) -> str:
    """JobSummary, then the duties as a list, then QualificationSummary: plain text in paragraphs."""
    sections = []
    summary = str(details.get("JobSummary") or "").strip()
    if summary:
        sections.append(summary)
    duties = details.get("MajorDuties")
    items = [str(d).strip() for d in (duties if isinstance(duties, list) else [duties]) if d and str(d).strip()]
    if items:
        sections.append("Major duties\n" + "\n".join(f"- {d}" for d in items))
    qualifications = str(descriptor.get("QualificationSummary") or "").strip()
    if qualifications:
        sections.append("Qualifications\n" + qualifications)
    return "\n\n".join(sections)


def _remote(details: dict[str, Any], location: str) -> RemoteType:
    if details.get("RemoteIndicator") is True:
        return RemoteType.remote
    if details.get("TeleworkEligible") is True:
        return RemoteType.hybrid
    inferred = n.remote_type(location)
    if inferred != RemoteType.unknown:
        return inferred
    if details.get("RemoteIndicator") is False and details.get("TeleworkEligible") is False:
        return RemoteType.onsite
    return RemoteType.unknown


@register
class UsaJobs(JobSource):
    name = "usajobs"
    label = "USAJOBS"
    base_url = "https://data.usajobs.gov"
    kind = "search"
    keys = "USAJOBS_API_KEY, USAJOBS_EMAIL"
    needs_key = True
    attribution = ""  # no attribution term; each job links to its usajobs.gov announcement
    min_interval_seconds = 0.0  # no published request-rate limit

    def configured(self) -> bool:
        return bool(self.settings and self.settings.usajobs_api_key and self.settings.usajobs_email)

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        if not self.configured() or self.settings is None:
            raise SourceError("usajobs: needs USAJOBS_API_KEY and USAJOBS_EMAIL")
        headers = {
            "Authorization-Key": self.settings.usajobs_api_key or "",
            "User-Agent": self.settings.usajobs_email or "",
        }
        params: dict[str, str | int] = {"ResultsPerPage": PER_PAGE}
        if query.keywords.strip():
            params["Keyword"] = query.keywords.strip()
        if query.location.strip():
            params["LocationName"] = query.location.strip()
        if query.remote_only:
            params["RemoteIndicator"] = "True"
        jobs: list[NormalizedJob] = []
        seen: set[str] = set()
        for page in range(1, MAX_PAGES + 1):
            payload = await http.get_json("/api/Search", params={**params, "Page": page}, headers=headers)
            batch = self.parse(payload, query)
            for job in batch:
                if job.source_id not in seen:
                    seen.add(job.source_id)
                    jobs.append(job)
            pages = _pages(payload)
            if len(jobs) >= query.limit or not batch or pages is None or page >= pages:
                break
        return jobs[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        result = payload.get("SearchResult") if isinstance(payload, dict) else None
        if not isinstance(result, dict) or not isinstance(result.get("SearchResultItems"), list):
            raise SourceError("usajobs: expected an object with SearchResult.SearchResultItems")
        jobs = []
        for item in result["SearchResultItems"]:
            if not isinstance(item, dict):
                continue
            descriptor = _object(item.get("MatchedObjectDescriptor"))
            source_id = item.get("MatchedObjectId") or descriptor.get("PositionID")
            if not source_id or not descriptor.get("PositionTitle"):
                continue
            details = _object(_object(descriptor.get("UserArea")).get("Details"))
            location = n.plain(descriptor.get("PositionLocationDisplay"))
            pay = next((p for p in _list(descriptor.get("PositionRemuneration")) if isinstance(p, dict)), {})
            low, high = n.parse_amount(pay.get("MinimumRange")), n.parse_amount(pay.get("MaximumRange"))
            if low is not None and high is not None and low > high:
                low, high = high, low
            has_salary = low is not None or high is not None
            html, text = n.description(_text(descriptor, details))
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(source_id),
                    title=n.plain(descriptor["PositionTitle"]),
                    company=n.plain(descriptor.get("OrganizationName") or descriptor.get("DepartmentName")),
                    url=descriptor.get("PositionURI") or None,
                    location=location,
                    remote_type=_remote(details, location),
                    employment_type=n.employment_type(
                        _names(descriptor.get("PositionSchedule")), _names(descriptor.get("PositionOfferingType"))
                    ),
                    salary_min=low,
                    salary_max=high,
                    salary_currency="USD" if has_salary else None,
                    salary_period=n.parse_period(pay.get("RateIntervalCode")) if has_salary else None,
                    description_html=html,
                    description_text=text,
                    posted_at=n.parse_date(descriptor.get("PublicationStartDate")),
                    raw=item,
                )
            )
        return jobs
