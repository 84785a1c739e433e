"""The vocabulary of the load-test catalogue: role families with their skills, companies, places and description
sentences. Every fragment is prepared here with its search tokens (`app.jobs.text.search_tokens`), so the
database can assemble a million postings whose `search_text` and `fingerprint` equal what `derived_fields` gives."""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

from app.jobs.text import search_tokens

# Role family -> the skills its postings ask for (most common first).
FAMILIES: dict[str, list[str]] = {
    "Backend Engineer": ["Python", "PostgreSQL", "Django", "FastAPI", "Redis", "Docker", "Go", "Kafka", "gRPC", "AWS"],
    "Frontend Developer": ["JavaScript", "TypeScript", "React", "CSS", "HTML", "Vue.js", "Next.js", "GraphQL", "Jest"],
    "Full-Stack Developer": ["TypeScript", "React", "Node.js", "Python", "PostgreSQL", "Docker", "GraphQL", "AWS"],
    "Data Engineer": ["Python", "SQL", "Spark", "Airflow", "dbt", "Snowflake", "Kafka", "BigQuery", "Scala"],
    "Data Scientist": ["Python", "SQL", "Pandas", "scikit-learn", "Statistics", "PyTorch", "R", "Tableau"],
    "Machine Learning Engineer": ["Python", "PyTorch", "TensorFlow", "MLOps", "Kubernetes", "Docker", "AWS", "SQL"],
    "DevOps Engineer": ["Kubernetes", "Terraform", "Docker", "AWS", "Linux", "Ansible", "CI/CD", "Prometheus", "GCP"],
    "Site Reliability Engineer": ["Linux", "Kubernetes", "Prometheus", "Go", "Python", "Terraform", "Grafana"],
    "Mobile Developer": ["Swift", "Kotlin", "iOS", "Android", "React Native", "Flutter", "Firebase"],
    "Embedded Software Engineer": ["C", "C++", "Rust", "Linux", "RTOS", "Python", "Yocto"],
    "Game Developer": ["C++", "C#", "Unity", "Unreal Engine", "OpenGL", "Python"],
    ".NET Developer": ["C#", ".NET", "ASP.NET", "Azure", "SQL Server", "Entity Framework", "TypeScript"],
    "Java Developer": ["Java", "Spring Boot", "Kotlin", "Microservices", "Kafka", "PostgreSQL", "Maven"],
    "Security Engineer": ["Security", "Python", "AWS", "Linux", "Penetration Testing", "SIEM", "Go"],
    "QA Automation Engineer": ["Test Automation", "Selenium", "Cypress", "Playwright", "Python", "Java", "Jenkins"],
    "Platform Engineer": ["Kubernetes", "Go", "Terraform", "AWS", "Docker", "Helm", "Python"],
    "PHP Developer": ["PHP", "Laravel", "MySQL", "JavaScript", "Symfony", "Docker"],
    "Ruby on Rails Developer": ["Ruby", "Ruby on Rails", "PostgreSQL", "Redis", "JavaScript", "Sidekiq"],
    "Product Manager": ["Product Management", "Agile", "SQL", "Jira", "Analytics", "Figma"],
    "Engineering Manager": ["Leadership", "Agile", "Hiring", "Python", "Java", "AWS"],
}
# Demand that moves over the 18 months: older postings ask more for DECLINING, newer ones for RISING.
RISING = ["Rust", "LLM", "Kubernetes", "TypeScript", "Go", "dbt", "Terraform"]
DECLINING = ["jQuery", "AngularJS", "Perl", "CoffeeScript", "Hadoop", "PHP", "Backbone.js"]
SENIORITY = [("Junior", "junior"), ("", "mid"), ("Senior", "senior"), ("Staff", "staff"), ("Lead", "lead")]
SYLLABLES_A = ["Nor", "Zen", "Ac", "Blu", "Cor", "Del", "Ever", "Flux", "Gal", "Hel", "Iri", "Jun", "Kes", "Lum",
               "Mer", "Nim", "Orb", "Pix", "Quan", "Ros"]  # fmt: skip
SYLLABLES_B = ["tex", "ora", "ium", "ify", "ly", "io", "bit", "wave", "forge", "stack"]
SUFFIXES = ["Labs", "Systems", "Technologies", "Health", "Bank", "Analytics", "Software", "Robotics", "Energy",
            "Logistics", "Media", "Games", "Cloud", "Security", "AI", "Group", "GmbH", "Ltd", "Inc",
            "Studio"]  # fmt: skip
# (location, remote type, salary currency)
LOCATIONS: list[tuple[str, str, str]] = [
    *((c, "onsite", "EUR") for c in ["Berlin", "Munich", "Hamburg", "Paris", "Lyon", "Amsterdam", "Rotterdam",
                                      "Madrid", "Barcelona", "Lisbon", "Vienna", "Dublin", "Milan", "Brussels"]),
    *((c, "hybrid", "EUR") for c in ["Berlin", "Paris", "Amsterdam", "Frankfurt", "Cologne", "Helsinki"]),
    *((c, "onsite", "GBP") for c in ["London", "Manchester", "Edinburgh", "Bristol", "Cambridge"]),
    *((c, "hybrid", "USD") for c in ["New York", "San Francisco", "Seattle", "Austin", "Boston", "Chicago",
                                      "Denver", "Los Angeles", "Atlanta", "Toronto"]),
    *((c, "onsite", "USD") for c in ["New York", "San Francisco", "Austin", "Miami", "Portland"]),
    *((c, "onsite", "SEK") for c in ["Stockholm", "Gothenburg"]),
    *((c, "hybrid", "CHF") for c in ["Zurich", "Geneva"]),
    *((c, "hybrid", "PLN") for c in ["Warsaw", "Krakow"]),
    *((c, "onsite", "EUR") for c in ["Prague", "Tallinn", "Athens", "Porto"]),
    *((c, "remote", "EUR") for c in ["Remote", "Remote (EU)", "Remote (Germany)", "Remote (Europe)"]),
    *((c, "remote", "USD") for c in ["Remote (US)", "Remote (Americas)", "Remote (Worldwide)", "Anywhere"]),
]  # fmt: skip
SENTENCES = [
    "We build tools that thousands of teams rely on every day",
    "Our product helps hospitals schedule staff and patients",
    "We are a small team with a big mission in climate technology",
    "Our platform processes millions of payments each month",
    "You join a remote-first team spread over six time zones",
    "We care about code review, testing and calm deadlines",
    "Our customers are logistics companies across Europe",
    "We ship to production many times a day",
    "You will pair with experienced engineers and grow quickly",
    "We offer a learning budget, flexible hours and a modern laptop",
    "The team owns its services end to end, from design to on-call",
    "We value clear writing and thoughtful documentation",
    "Our stack is boring on purpose and that is a feature",
    "We are profitable, independent and growing steadily",
    "Diversity of background and thought makes our work better",
    "Our open source libraries are used by thousands of developers",
    "You report to the head of engineering",
    "We hire people who enjoy solving problems with users",
]
RESPONSIBILITIES = [
    "Design and build reliable services",
    "Improve performance and observability",
    "Review code and mentor other engineers",
    "Work with product managers on the roadmap",
    "Own features from idea to production",
    "Automate testing and deployment",
    "Keep our data accurate and our pipelines healthy",
    "Talk to customers and turn feedback into improvements",
    "Write clear technical documentation",
    "Take part in a fair on-call rotation",
]
BUNDLES_PER_FAMILY = 32
BODIES = 2000


def tok(text: str) -> str:
    return " ".join(search_tokens(text))


@dataclass(frozen=True)
class Vocabulary:
    companies: list[tuple[int, str, str]]  # (i, name, tokens)
    titles: list[tuple[int, str, str, int, str]]  # (i, title, tokens, family, seniority)
    locations: list[tuple[int, str, str, str, str]]  # (i, location, tokens, remote type, currency)
    bundles: list[tuple[int, str, str, str, str]]  # (i, skills JSON, skills tokens, phrase, phrase tokens)
    bodies: list[tuple[int, str, str, str]]  # (i, text, tokens, responsibilities JSON)

    @property
    def combinations(self) -> int:
        return len(self.companies) * len(self.titles) * len(self.locations)


def build() -> Vocabulary:
    import json

    rng = random.Random(11)  # noqa: S311 - a repeatable dataset
    companies = [f"{a}{b} {s}" for a in SYLLABLES_A for b in SYLLABLES_B for s in SUFFIXES]
    family_names = list(FAMILIES)
    titles = [
        (f"{label} {family}".strip(), f, level) for f, family in enumerate(family_names) for label, level in SENIORITY
    ]
    bundles = []
    for era in (0, 1):
        for f, family in enumerate(family_names):
            pool = FAMILIES[family]
            for k in range(BUNDLES_PER_FAMILY):
                weights = [1 / (1 + j * 0.35) for j in range(len(pool))]  # the first skills are the most asked for
                picked: list[str] = []
                while len(picked) < rng.randint(4, 6):
                    skill = rng.choices(pool, weights)[0]
                    if skill not in picked:
                        picked.append(skill)
                drift = RISING if era == 1 else DECLINING
                if rng.random() < 0.35:
                    extra = drift[(k + f) % len(drift)]
                    if extra not in picked:
                        picked.append(extra)
                phrase = ", ".join(picked[:-1]) + " and " + picked[-1]
                i = (era * len(family_names) + f) * BUNDLES_PER_FAMILY + k
                bundles.append((i, json.dumps(picked), tok(" ".join(picked)), phrase, tok(phrase)))
    bodies = []
    for i in range(BODIES):
        chosen = rng.sample(SENTENCES, 3)
        duties = rng.sample(RESPONSIBILITIES, 3)
        text = ". ".join(chosen) + ". In this role you will: " + "; ".join(d.lower() for d in duties) + "."
        bodies.append((i, text, tok(text), json.dumps(duties)))
    vocab = Vocabulary(
        companies=[(i, c, tok(c)) for i, c in enumerate(companies)],
        titles=[(i, t, tok(t), f, level) for i, (t, f, level) in enumerate(titles)],
        locations=[(i, loc, tok(loc), remote, cur) for i, (loc, remote, cur) in enumerate(LOCATIONS)],
        bundles=sorted(bundles),
        bodies=bodies,
    )
    # The database writes fragments into HTML verbatim, so none may need escaping.
    for text in [c for _, c, _ in vocab.companies] + [t[1] for t in vocab.titles] + [b[1] for b in bodies]:
        assert html.escape(text) == text, text
    for loc in vocab.locations:
        assert html.escape(loc[1]) == loc[1], loc
    for b in vocab.bundles:
        assert html.escape(b[3]) == b[3], b
    return vocab
