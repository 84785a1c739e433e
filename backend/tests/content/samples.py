"""Ten different people and jobs, written as a user and a job board would write them, for the composer tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.content.inputs import Inputs, build_inputs
from app.resumes.sections import split_sections


@dataclass
class Sample:
    name: str
    skills: list[str]
    resume: str
    title: str
    company: str
    description: str
    extra: dict[str, str] = field(default_factory=dict)


class _Resume:
    """Just what `build_inputs` reads from a resume row."""

    def __init__(self, text: str, skills: list[str]) -> None:
        self.id = 1
        self.text = text
        self.sections = split_sections(text)
        self.skills = skills
        self.structure = None  # parsed from the text by `build_inputs`


def inputs_of(sample: Sample) -> Inputs:
    from app.skills import extract

    resume = _Resume(sample.resume, extract(sample.resume, "resume").skills)
    return build_inputs(
        name=sample.name,
        job_title=sample.title,
        company=sample.company,
        profile_skills=sample.skills,
        job_skills=[],
        responsibilities=[],
        description=sample.description,
        resume=resume,  # type: ignore[arg-type]
    )


def _resume(name: str, summary: str, role: str, employer: str, bullets: list[str], degree: str, skills: str) -> str:
    lines = [name, f"{name.split()[0].lower()}@example.com", "", "SUMMARY", summary, "", "EXPERIENCE",
             f"{role}, {employer} (2019 - 2024)"]  # fmt: skip
    lines += [f"- {b}" for b in bullets]
    lines += ["", "EDUCATION", degree, "", "SKILLS", skills]
    return "\n".join(lines) + "\n"


def _job(intro: str, duties: list[str], requirements: list[str]) -> str:
    return "\n".join([intro, "", "Responsibilities", *[f"- {d}" for d in duties], "", "Requirements",
                      *[f"- {r}" for r in requirements]])  # fmt: skip


SAMPLES: list[Sample] = [
    Sample(
        "Grace Hopper", ["Python", "FastAPI", "PostgreSQL", "Docker", "Kubernetes"],
        _resume("Grace Hopper", "Backend engineer who builds data pipelines and APIs.", "Senior Engineer",
                "Initech Corp",
                ["Built REST APIs in Python with FastAPI and PostgreSQL, serving two million calls a day.",
                 "Moved twelve services to Kubernetes with Docker images and zero downtime.",
                 "Cut nightly batch time by 40% by rewriting PostgreSQL queries."],
                "B.Sc. Computer Science, State University", "Python, FastAPI, PostgreSQL, Docker, Kubernetes"),
        "Backend Engineer", "Acme",
        _job("Acme builds invoicing software for small shops.",
             ["Design and build REST APIs in Python", "Tune PostgreSQL queries for our reporting",
              "Run services on Kubernetes"], ["Python, PostgreSQL, Kubernetes, Kafka"]),
    ),
    Sample(
        "Linus Berg", ["TypeScript", "React", "GraphQL", "Jest", "Figma"],
        _resume("Linus Berg", "Frontend developer focused on accessible, fast interfaces.", "Frontend Developer",
                "Blue Harbor Studio", ["Rebuilt the checkout in React and TypeScript, lifting conversion by 8%.",
                                       "Introduced Jest tests for every shared component.",
                                       "Designed GraphQL queries that halved page load time."],
                "BA in Media Design, City College", "TypeScript, React, GraphQL, Jest, Figma"),
        "Frontend Engineer", "Northwind Travel",
        _job("Northwind Travel helps families plan trips.",
             ["Build new booking screens in React", "Write Jest tests for our design system",
              "Shape our GraphQL schema with the API team"], ["TypeScript, React, GraphQL, Storybook"]),
    ),
    Sample(
        "Amara Okafor", ["Go", "gRPC", "Terraform", "Prometheus", "Grafana"],
        _resume("Amara Okafor", "Site reliability engineer who keeps busy platforms calm.", "SRE",
                "Cloudline Networks", ["Wrote Go services that speak gRPC to forty internal clients.",
                                       "Codified all infrastructure in Terraform across three regions.",
                                       "Set up Prometheus alerts and Grafana boards that cut pages by half."],
                "MSc Distributed Systems, Lagos University", "Go, gRPC, Terraform, Prometheus, Grafana"),
        "Site Reliability Engineer", "Umbrella Health",
        _job("Umbrella Health runs clinics online.",
             ["Own our Terraform modules and cloud accounts", "Improve Prometheus alerting and on-call health",
              "Write Go tooling for deployments"], ["Go, Terraform, Prometheus, GCP"]),
    ),
    Sample(
        "Chen Wei", ["Java", "Spring Boot", "Kafka", "Oracle", "Jenkins"],
        _resume("Chen Wei", "Java engineer with a decade of payments experience.", "Lead Developer", "Paystream Ltd",
                ["Led the move of the ledger to Spring Boot microservices.",
                 "Streamed settlement events through Kafka at ten thousand messages a second.",
                 "Automated releases with Jenkins pipelines used by six teams."],
                "B.Eng. Software Engineering, Tongji University", "Java, Spring Boot, Kafka, Oracle, Jenkins"),
        "Senior Java Developer", "Fintrail",
        _job("Fintrail moves money across borders.",
             ["Develop Spring Boot services for payments", "Process events with Kafka",
              "Maintain Jenkins build pipelines"], ["Java, Spring Boot, Kafka, Kubernetes"]),
    ),
    Sample(
        "Sofia Rossi", ["SQL", "Tableau", "Excel", "Python", "Power BI"],
        _resume("Sofia Rossi", "Data analyst who turns messy sales data into clear decisions.", "Data Analyst",
                "Verde Retail Group", ["Built Tableau dashboards read by forty store managers each morning.",
                                       "Wrote SQL models that replaced a week of manual Excel work.",
                                       "Automated weekly reports with Python and Power BI."],
                "Laurea in Statistics, University of Bologna", "SQL, Tableau, Excel, Python, Power BI"),
        "Business Intelligence Analyst", "Lumen Foods",
        _job("Lumen Foods supplies grocers across Europe.",
             ["Build Tableau dashboards for category managers", "Write SQL for our sales warehouse",
              "Automate reporting with Python"], ["SQL, Tableau, Python, Looker"]),
    ),
    Sample(
        "Noah Fischer", ["C#", ".NET", "Azure", "SQL Server", "Azure DevOps"],
        _resume("Noah Fischer", "Software developer building line-of-business systems on Microsoft tools.",
                ".NET Developer", "Kessler Logistik GmbH",
                ["Migrated a warehouse system from .NET Framework to .NET 8 on Azure.",
                 "Tuned SQL Server indexes, bringing order search under 200 ms.",
                 "Set up Azure DevOps pipelines with automated tests for every merge."],
                "B.Sc. Wirtschaftsinformatik, TU Dortmund", "C#, .NET, Azure, SQL Server, Azure DevOps"),
        "Software Engineer", "Brightpath Logistics",
        _job("Brightpath Logistics plans freight for retailers.",
             ["Build C# services on Azure", "Optimise SQL Server queries for planners",
              "Own Azure DevOps release pipelines"], ["C#, .NET, Azure, SQL Server, Docker"]),
    ),
    Sample(
        "Priya Nair", ["Python", "PyTorch", "Pandas", "SQL", "AWS"],
        _resume("Priya Nair", "Machine learning engineer shipping models that people rely on.", "ML Engineer",
                "Quantia Labs", ["Trained PyTorch ranking models that raised click-through by 12%.",
                                 "Cleaned training data with Pandas pipelines run nightly on AWS.",
                                 "Served models behind Python APIs with p99 under 80 ms."],
                "M.Tech. Computer Science, IIT Madras", "Python, PyTorch, Pandas, SQL, AWS"),
        "Machine Learning Engineer", "Helio Search",
        _job("Helio Search builds search for online shops.",
             ["Train ranking models in PyTorch", "Build feature pipelines with Pandas and SQL",
              "Deploy models on AWS"], ["Python, PyTorch, AWS, Spark"]),
    ),
    Sample(
        "Mateo Garcia", ["Ruby on Rails", "Ruby", "PostgreSQL", "Redis", "Sidekiq"],
        _resume("Mateo Garcia", "Full-stack developer who loves calm, boring production systems.",
                "Software Developer", "Tienda Viva",
                ["Shipped Ruby on Rails features for a marketplace of 5,000 sellers.",
                 "Moved slow jobs to Sidekiq and Redis, cutting request time by half.",
                 "Designed PostgreSQL schemas for orders and refunds."],
                "Ingeniería Informática, Universidad de Sevilla", "Ruby, Ruby on Rails, PostgreSQL, Redis, Sidekiq"),
        "Rails Developer", "Craftmarket",
        _job("Craftmarket sells handmade goods.",
             ["Build marketplace features in Ruby on Rails", "Run background jobs with Sidekiq and Redis",
              "Model data in PostgreSQL"], ["Ruby, Rails, PostgreSQL, React"]),
    ),
    Sample(
        "Hana Sato", ["Swift", "SwiftUI", "Xcode", "Firebase", "Git"],
        _resume("Hana Sato", "iOS developer crafting apps with thoughtful details.", "iOS Developer", "Pocketwise",
                ["Rewrote the budgeting app in SwiftUI, raising the App Store rating to 4.8.",
                 "Wired Firebase analytics and crash reports into every release.",
                 "Kept a clean Git history with small reviewed changes."],
                "B.A. Interaction Design, Keio University", "Swift, SwiftUI, Xcode, Firebase, Git"),
        "iOS Engineer", "Tandem Fitness",
        _job("Tandem Fitness makes workout apps.",
             ["Build SwiftUI screens for our workout app", "Integrate Firebase for analytics",
              "Review Swift code from teammates"], ["Swift, SwiftUI, Firebase, Combine"]),
    ),
    Sample(
        "Olivia Brown", ["Ansible", "Linux", "Bash", "AWS", "Jenkins"],
        _resume("Olivia Brown", "Systems engineer automating fleets of Linux servers.", "Systems Engineer",
                "Harbor Hosting", ["Automated patching of 900 Linux hosts with Ansible playbooks.",
                                   "Wrote Bash tooling that rebuilt servers in minutes.",
                                   "Ran Jenkins jobs that deployed to AWS every hour."],
                "Diploma in Network Engineering, Leeds College", "Ansible, Linux, Bash, AWS, Jenkins"),
        "DevOps Engineer", "Silverline Media",
        _job("Silverline Media streams local news.",
             ["Automate Linux servers with Ansible", "Maintain Jenkins deployment jobs",
              "Operate our AWS accounts"], ["Ansible, Linux, AWS, Terraform"]),
    ),
]  # fmt: skip
