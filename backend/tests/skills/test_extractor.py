"""The offline skill extractor: aliases, versions, ambiguous names and symbols."""

from __future__ import annotations

import pytest

from app.skills.extractor import extract_skills


class TestAliasesAndVersions:
    def test_aliases_become_canonical_names(self) -> None:
        text = "Stack: k8s, reactjs, postgres, golang and node.js; some vanilla javascript."
        assert extract_skills(text) == ["Kubernetes", "React", "PostgreSQL", "Go", "Node.js", "JavaScript"]

    def test_versions_map_to_the_base_skill(self) -> None:
        text = "We run Python 3.11, Java 8 and Angular 14 on Oracle 10g and Postgres 15."
        assert extract_skills(text) == ["Python", "Java", "Angular", "Oracle Database", "PostgreSQL"]

    def test_glued_versions(self) -> None:
        assert extract_skills("Skills: java8, html5, css3, python3") == ["Java", "HTML", "CSS", "Python"]

    def test_order_of_first_appearance_without_duplicates(self) -> None:
        text = "Docker and Kubernetes. More Docker, then Terraform, then k8s again."
        assert extract_skills(text) == ["Docker", "Kubernetes", "Terraform"]

    def test_longest_phrase_wins(self) -> None:
        assert extract_skills("Experience with Spring Boot and React Native.") == ["Spring Boot", "React Native"]

    def test_urls_and_emails_are_not_read(self) -> None:
        text = "Contact jane@python.org or see https://github.com/jane/kubernetes-notes and github.com/jane/docker"
        assert extract_skills(text) == []


class TestSymbols:
    def test_cpp_csharp_dotnet_fsharp_nodejs_are_distinct(self) -> None:
        text = "Languages: C++, C#, F#, .NET and Node.js"
        assert extract_skills(text) == ["C++", "C#", "F#", ".NET", "Node.js"]

    def test_c_slash_cpp(self) -> None:
        assert extract_skills("Senior C/C++ developer") == ["C", "C++"]

    def test_asp_net_is_not_dotnet_plus_net(self) -> None:
        assert extract_skills("Built apps with ASP.NET MVC") == ["ASP.NET"]

    def test_the_word_net_is_not_dotnet(self) -> None:
        assert extract_skills("Our net revenue grew and we cast a wide net.") == []


class TestAmbiguousNames:
    @pytest.mark.parametrize(
        "text",
        [
            "I go to the office every day.",
            "Go to the next page and go ahead.",
            "Applications for Spring 2023 are open.",
            "The Spring semester starts in March.",
            "Please express interest by Friday.",
            "All fittings are rust-proof.",
            "You will have access to data from all regions.",
            "Access to the building is restricted.",
            "You excel at communication.",
            "In a word, we are hiring.",
            "Swift response times matter to us.",
            "Our R&D team and C-level executives meet weekly.",
            "The less you worry, the better.",
            "She leads with swift decisions and a rust coloured jacket.",
            "English level C1, German B2.",
            "Contact: Seidman R. Physician-targeted incentives.",
            "We will scratch the surface and start from scratch.",
        ],
    )
    def test_plain_english_produces_nothing(self, text: str) -> None:
        assert extract_skills(text) == []

    def test_skills_list_with_ambiguous_names(self) -> None:
        assert extract_skills("Skills: Go, Rust and C") == ["Go", "Rust", "C"]

    def test_ambiguous_names_next_to_a_known_skill(self) -> None:
        assert extract_skills("We use Python, Go and R.") == ["Python", "Go", "R"]

    def test_office_tools_with_context(self) -> None:
        assert extract_skills("Experience with Microsoft Excel and Access") == ["Microsoft Excel", "Microsoft Access"]

    def test_office_tools_in_lower_case_lists(self) -> None:
        assert extract_skills("ms office (word, excel, powerpoint)") == [
            "Microsoft Office",
            "Microsoft Word",
            "Microsoft Excel",
            "Microsoft PowerPoint",
        ]

    def test_lead_in_phrases(self) -> None:
        assert extract_skills("Strong experience in Go is required.") == ["Go"]
        assert extract_skills("You will be programming in Rust.") == ["Rust"]
        assert extract_skills("Proficient in R for statistics.")[:1] == ["R"]
        assert extract_skills("Advanced Excel skills required.") == ["Microsoft Excel"]

    def test_cue_after_the_name(self) -> None:
        assert extract_skills("We are hiring a Go developer.") == ["Go"]
        assert extract_skills("Knowledge of the R language helps.") == ["R"]
        assert extract_skills("Spring framework and Express.js services") == ["Spring", "Express"]

    def test_spring_in_a_java_stack(self) -> None:
        assert extract_skills("Java, Spring, Hibernate") == ["Java", "Spring", "Hibernate"]

    def test_case_sensitive_names(self) -> None:
        assert extract_skills("The oracle said so.") == []
        assert extract_skills("Data lives in Oracle.") == ["Oracle Database"]

    def test_three_ambiguous_names_in_a_row_are_a_list(self) -> None:
        assert extract_skills("Technologies: Swift, Go, Rust") == ["Swift", "Go", "Rust"]


class TestKinds:
    def test_fields_of_study_are_not_resume_skills(self) -> None:
        text = "Education: BSc Computer Science, 2019.\nSkills: Python, SQL"
        assert extract_skills(text, "resume") == ["Python", "SQL"]
        assert "Computer Science" in extract_skills("Degree in Computer Science or similar.", "jd")

    def test_resume_methods_count_when_listed_not_when_mentioned(self) -> None:
        listed = "Skills: Python, unit testing, Scrum"
        assert extract_skills(listed, "resume") == ["Python", "Unit Testing", "Scrum"]
        narrative = "At Acme I sat in on the sprint reviews of the Scrum team down the hall while building reports."
        assert extract_skills(narrative, "resume") == []

    def test_empty_text(self) -> None:
        assert extract_skills("") == []
        assert extract_skills("   \n\n ") == []
