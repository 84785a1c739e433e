"""The offline question bank: questions per skill for the common taxonomy skills, templates per skill category for
the rest, questions per role, templates built from a job's responsibilities, and behavioural (STAR) prompts.

`{skill}` in a template is replaced by the skill's canonical name."""

from __future__ import annotations

SKILL_QUESTIONS: dict[str, list[str]] = {
    "Python": [
        "How do you structure a Python service so that it stays testable as it grows?",
        "When would you reach for asyncio in Python, and when would threads or processes be the better choice?",
        "Explain how Python's generators work and describe a place where one saved you memory or complexity.",
    ],
    "Java": [
        "How does garbage collection in the JVM affect latency, and how have you tuned or worked around it?",
        "Compare checked and unchecked exceptions in Java: how do you decide which one to throw?",
    ],
    "JavaScript": [
        "Explain the JavaScript event loop and how promises and async/await fit into it.",
        "How do closures work in JavaScript, and where have they caused or solved a bug for you?",
    ],
    "TypeScript": [
        "How do you use TypeScript's type system to make invalid states unrepresentable?",
        "When do you use generics or discriminated unions in TypeScript, and how do you keep types readable?",
    ],
    "Go": [
        "How do goroutines and channels differ from threads and locks, and when would you still use a mutex in Go?",
        "How do you handle errors and cancellation (context) across a Go service?",
    ],
    "SQL": [
        "Walk me through how you would find and fix a slow SQL query.",
        "Explain the difference between an inner join, a left join and a correlated subquery, with a use for each.",
    ],
    "PostgreSQL": [
        "How do you choose and verify an index in PostgreSQL, and what does EXPLAIN ANALYZE tell you?",
        "How do transactions and isolation levels in PostgreSQL protect data under concurrent writes?",
    ],
    "MySQL": ["How would you diagnose replication lag or lock contention in MySQL?"],
    "MongoDB": ["How do you model one-to-many relationships in MongoDB, and when would you embed versus reference?"],
    "Redis": ["What would you use Redis for in a web application, and how do you handle cache invalidation?"],
    "React": [
        "How do you decide where state lives in a React application?",
        "How do you find and fix unnecessary re-renders in React?",
    ],
    "Angular": ["How do change detection and RxJS observables work together in Angular?"],
    "Vue.js": ["How does Vue's reactivity system work, and where can it surprise you?"],
    "Node.js": ["How do you keep a Node.js service responsive when some requests do CPU-heavy work?"],
    "Django": ["How do you avoid N+1 queries in Django, and how do you find them in the first place?"],
    "FastAPI": ["How do FastAPI's dependencies help with authorisation and database sessions?"],
    "Flask": ["How would you structure a growing Flask application so it stays maintainable?"],
    "Spring Boot": ["How does dependency injection work in Spring Boot, and how do you test a service in isolation?"],
    "Docker": [
        "How do you keep Docker images small and secure?",
        "What happens when a container runs out of memory, and how would you notice and prevent it?",
    ],
    "Kubernetes": [
        "How would you roll out a change to a Kubernetes deployment with no downtime, and roll it back?",
        "A pod keeps restarting in Kubernetes. How do you find out why?",
    ],
    "Terraform": ["How do you manage Terraform state safely in a team, and how do you review a risky plan?"],
    "AWS": [
        "How would you design a highly available web application on AWS, and what would it cost to run?",
        "How do you manage IAM permissions on AWS so that services get only what they need?",
    ],
    "Microsoft Azure": ["Which Azure services would you use to host and monitor a web API, and why?"],
    "Google Cloud": ["How would you run a data pipeline on Google Cloud, and which services would you pick?"],
    "CI/CD": ["Describe a CI/CD pipeline you built or improved: what did it check, and how fast was it?"],
    "Git": ["How do you keep a shared Git history clean, and how do you recover from a bad merge?"],
    "Linux": ["A Linux server is slow. Which tools do you use, in what order, to find the cause?"],
    "GraphQL": ["What problems does GraphQL solve compared with REST, and which new ones does it bring?"],
    "Apache Kafka": ["How do partitions and consumer groups work in Apache Kafka, and how do you handle reprocessing?"],
    "Apache Spark": ["How do you find and fix a skewed join in Apache Spark?"],
    "pandas": ["How do you handle a dataset in pandas that does not fit in memory?"],
    "Machine Learning": [
        "How do you know a machine learning model is ready for production, and how do you monitor it?"
    ],
    "pytest": ["How do you use pytest fixtures to keep tests fast and independent?"],
    "Swift": ["How do you manage memory and avoid retain cycles in Swift?"],
    "Kotlin": ["How do Kotlin coroutines help with concurrency on Android or on the server?"],
    "C#": ["How do async and await work in C#, and what causes deadlocks with them?"],
    "C++": ["How do RAII and smart pointers in C++ help you avoid leaks?"],
    "Rust": ["How does Rust's ownership model prevent data races, and where did the borrow checker push back?"],
    "Agile": ["How do you keep an Agile team's estimates honest and useful?"],
    "Scrum": ["Which Scrum ceremonies bring your team the most value, and which would you change?"],
}

CATEGORY_TEMPLATES: dict[str, list[str]] = {
    "language": [
        "What do you like least about {skill}, and how do you work around it?",
        "How do you write {skill} code that others can read and change safely?",
        "Tell me about the hardest bug you fixed in {skill}.",
    ],
    "framework": [
        "How do you structure a project built with {skill} so it stays maintainable?",
        "What are the limits of {skill}, and when would you choose something else?",
    ],
    "library": [
        "How have you used {skill}, and what did you have to learn the hard way?",
        "When is {skill} the wrong tool for the job?",
    ],
    "database": [
        "How do you design a schema in {skill} for a feature whose requirements keep changing?",
        "How do you find and fix a slow query in {skill}?",
    ],
    "cloud": [
        "How would you keep costs under control on {skill} as usage grows?",
        "How do you secure a service you run on {skill}?",
    ],
    "devops": [
        "How have you used {skill} to make releases safer or faster?",
        "What goes wrong with {skill} in production, and how do you notice it?",
    ],
    "testing": [
        "How do you use {skill} to keep a test suite fast and trustworthy?",
        "What is worth testing with {skill}, and what is not?",
    ],
    "data": [
        "How do you make a pipeline built on {skill} reliable and easy to rerun?",
        "How do you check the quality of data flowing through {skill}?",
    ],
    "ai": [
        "How do you evaluate a system that uses {skill} before and after it ships?",
        "Where would you not use {skill}, and why?",
    ],
    "security": ["How have you applied {skill} in a real system, and what threat did it address?"],
    "mobile": ["How do you keep an app built with {skill} fast on older devices?"],
    "methodology": ["How have you applied {skill} in a team, and what did you adapt to make it work?"],
}
DEFAULT_TEMPLATES = [
    "How have you used {skill} in your work, and what result did it help you reach?",
    "What would you teach a new teammate about {skill} in their first week?",
]

ROLE_QUESTIONS: dict[str, list[str]] = {
    "backend": [
        "How would you design an API that other teams can rely on for years?",
        "How do you make a backend service observable: which logs, metrics and traces do you add first?",
        "How do you handle a database migration on a table that is written to all the time?",
        "Design a rate limiter for a public API. What trade-offs do you make?",
    ],
    "frontend": [
        "How do you make a web page fast on a slow phone and network?",
        "How do you make sure a web interface is accessible to keyboard and screen-reader users?",
        "How do you organise components and styles in a large frontend codebase?",
    ],
    "data": [
        "How do you make sure a dashboard's numbers can be trusted?",
        "How would you design a pipeline that ingests events every day and lets you reprocess a bad day?",
        "How do you explain a surprising analysis result to people who do not work with data?",
    ],
    "devops": [
        "Walk me through how you would handle a production incident from the first alert to the post-mortem.",
        "How do you decide what to alert on, so that pages are rare and always real?",
        "How would you move a team from manual deployments to continuous delivery?",
    ],
    "mobile": [
        "How do you ship a mobile release safely when you cannot roll it back?",
        "How do you design a mobile app that keeps working offline?",
    ],
    "manager": [
        "How do you help a struggling team member improve?",
        "How do you balance delivery pressure with technical debt?",
        "How do you hire, and what do you look for?",
        "How do you set goals for a team and know whether they are met?",
    ],
    "generic": [
        "Why are you interested in this role, and what would you want to learn in it?",
        "How do you prioritise when everything seems urgent?",
        "How do you get up to speed in an unfamiliar codebase or domain?",
    ],
}

ROLE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "manager": ("manager", "head of", "director", "lead", "principal", "vp", "chief"),
    "devops": ("devops", "sre", "site reliability", "platform", "infrastructure", "cloud engineer"),
    "data": ("data", "analyst", "analytics", "machine learning", "ml ", "scientist", "bi "),
    "mobile": ("mobile", "ios", "android", "flutter", "react native"),
    "frontend": ("frontend", "front-end", "front end", "ui ", "web developer", "javascript"),
    "backend": ("backend", "back-end", "back end", "api", "server", "software engineer", "developer", "full stack"),
}

RESPONSIBILITY_TEMPLATES = [
    "This role involves {duty}. Tell me about a time you did something similar: what was your part, and how did "
    "it turn out?",
    "Part of this job is to {duty_lower}. How would you approach that in your first three months?",
    "This role involves {duty}. What was the hardest part of doing that before, and what did you learn?",
]

BEHAVIOURAL_QUESTIONS = [
    "Tell me about a time you disagreed with a teammate about a technical decision. What happened?",
    "Describe a project that failed or slipped. What was your part, and what did you change afterwards?",
    "Tell me about a time you had to deliver under a tight deadline. How did you decide what to cut?",
    "Describe a time you received difficult feedback. What did you do with it?",
    "Tell me about a time you improved a process nobody asked you to improve.",
    "Describe a situation where you had to learn something new quickly to get the job done.",
    "Tell me about a time you made a mistake that affected others. How did you handle it?",
    "Describe a time you helped a colleague succeed.",
    "Tell me about a decision you made with incomplete information. How did it work out?",
    "Describe a time you had to persuade people who did not report to you.",
]

STAR_HINT = "Answer with the STAR structure: the Situation, your Task, the Actions you took, and the Result."
