"""The compiled taxonomy: canonical names, aliases, versions and categories."""

from __future__ import annotations

import pytest

from app.skills.taxonomy import Taxonomy, get_taxonomy, normalize


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return get_taxonomy()


class TestNormalize:
    def test_separators_are_one(self) -> None:
        assert normalize("React.js") == normalize("react-js") == normalize("React JS") == "react js"

    def test_symbols_keep_their_languages_apart(self) -> None:
        assert normalize("C++") == "c++"
        assert normalize("C#") == "c#"
        assert normalize(".NET") == ".net"
        assert normalize("ASP.NET") == "asp net"
        assert normalize("F#") != normalize("F")

    def test_glued_versions_split(self) -> None:
        assert normalize("Java8") == "java 8"


class TestCanonical:
    @pytest.mark.parametrize(
        ("alias", "canonical"),
        [
            ("k8s", "Kubernetes"),
            ("K8S", "Kubernetes"),
            ("reactjs", "React"),
            ("React.js", "React"),
            ("react-js", "React"),
            ("postgres", "PostgreSQL"),
            ("Postgres 15", "PostgreSQL"),
            ("psql", "PostgreSQL"),
            ("golang", "Go"),
            ("node.js", "Node.js"),
            ("NodeJS", "Node.js"),
            ("javascript", "JavaScript"),
            ("JS", "JavaScript"),
            ("Python 3.11", "Python"),
            ("python3", "Python"),
            ("Java 8", "Java"),
            ("Angular 14", "Angular"),
            ("Oracle 10g", "Oracle Database"),
            ("Oracle Java", "Java"),
            ("Structured query language SQL", "SQL"),
            ("Amazon Web Services AWS software", "AWS"),
            ("The MathWorks MATLAB", "MATLAB"),
            ("MS Excel", "Microsoft Excel"),
            ("excel", "Microsoft Excel"),
            ("Python programming", "Python"),
            ("Python (computer programming)", "Python"),
            ("Spring Boot", "Spring Boot"),
            ("springboot", "Spring Boot"),
            ("sklearn", "scikit-learn"),
            ("dotnet", ".NET"),
            ("csharp", "C#"),
            ("cpp", "C++"),
        ],
    )
    def test_aliases_map_to_the_canonical_name(self, taxonomy: Taxonomy, alias: str, canonical: str) -> None:
        assert taxonomy.canonical(alias) == canonical

    def test_node_and_javascript_stay_distinct(self, taxonomy: Taxonomy) -> None:
        assert taxonomy.canonical("Node.js") != taxonomy.canonical("JavaScript")

    def test_cpp_csharp_dotnet_c_are_four_skills(self, taxonomy: Taxonomy) -> None:
        names = {taxonomy.canonical(n) for n in ("C", "C++", "C#", ".NET")}
        assert names == {"C", "C++", "C#", ".NET"}

    def test_unknown_names_are_none(self, taxonomy: Taxonomy) -> None:
        assert taxonomy.canonical("underwater basket weaving") is None
        assert taxonomy.canonical("") is None
        assert taxonomy.canonical("   ") is None

    def test_harmful_source_aliases_are_dropped(self, taxonomy: Taxonomy) -> None:
        # ESCO files "git" under a generic concept and "design" under "think creatively"; linguist maps node to JS.
        assert taxonomy.canonical("git") == "Git"
        assert taxonomy.canonical("design") is None
        assert taxonomy.canonical("node") == "Node.js"

    def test_source_skills_are_included(self, taxonomy: Taxonomy) -> None:
        assert taxonomy.canonical("Haskell") == "Haskell"  # linguist, explore and ESCO
        assert taxonomy.canonical("Autodesk Revit") == "Revit"  # O*NET with its vendor


class TestCategory:
    @pytest.mark.parametrize(
        ("name", "category"),
        [
            ("Python", "language"),
            ("React", "framework"),
            ("PostgreSQL", "database"),
            ("AWS", "cloud"),
            ("Kubernetes", "devops"),
            ("Apache Spark", "data"),
            ("Git", "tool"),
            ("Scrum", "methodology"),
            ("Microsoft Excel", "office"),
        ],
    )
    def test_categories(self, taxonomy: Taxonomy, name: str, category: str) -> None:
        assert taxonomy.category(name) == category

    def test_unknown_category_is_none(self, taxonomy: Taxonomy) -> None:
        assert taxonomy.category("not a skill at all") is None


class TestContainsAndVersion:
    def test_contains_canonical_names_only(self, taxonomy: Taxonomy) -> None:
        assert "Kubernetes" in taxonomy
        assert "k8s" not in taxonomy
        assert 42 not in taxonomy

    def test_version_is_a_short_stable_hash(self, taxonomy: Taxonomy) -> None:
        assert len(taxonomy.version) == 12
        assert get_taxonomy() is taxonomy
