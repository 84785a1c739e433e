"""The structure parser on the layouts real resumes use, each written here as a realistic fixture."""

# ruff: noqa: RUF001  -- resume text is made of dashes, curly quotes and bullets

from __future__ import annotations

import io
import time

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.resumes.jsonresume import JsonResume
from app.resumes.parsing import parse_resume
from app.resumes.sections import split_sections
from app.resumes.structure import parse_structure
from app.resumes.structure_dates import find_range, to_iso
from tests.resumes import factories


def structure_of(text: str) -> JsonResume:
    parsed = parse_resume(text.encode())
    return parse_structure(parsed.text, parsed.sections)


def roles(resume: JsonResume) -> list[tuple[str, str, str | None, str | None]]:
    return [(w.name, w.position, w.startDate, w.endDate) for w in resume.work]


INDEED = """Priya Raman
Data Engineer - Northwind Analytics

Hyderabad, Telangana - Email me on Indeed: priya.raman@example.org

Willing to relocate to: Bengaluru, Karnataka

WORK EXPERIENCE

Data Engineer

Northwind Analytics -  Hyderabad, Telangana -

February 2019 to Present

• Built the nightly ingestion of sales data from forty stores into the warehouse, replacing
manual uploads.
• Cut the monthly reporting run from six hours to forty minutes.

Associate Software Engineer

Contoso Systems Pvt. Ltd -
Chennai, Tamil Nadu -

June 2016 to January 2019

• Maintained the billing service used by three regional banks.

EDUCATION

B.Tech in Computer Science

Anna University - Chennai, Tamil Nadu

2012 to 2016

SKILLS

Python (5 years), SQL (5 years), Apache Spark (3 years)

https://www.indeed.com/r/priya-raman
"""

CLASSIC_US = """JORDAN LEE
Senior Backend Engineer
Portland, OR | (503) 555-0142 | jordan.lee@example.com | linkedin.com/in/jordanlee | github.com/jlee

SUMMARY
Backend engineer with eight years of building payment systems.

EXPERIENCE
Senior Software Engineer, Lumen Payments Inc. (2019 - 2024)
- Designed the ledger service that settles two million card payments a day.
- Led the move from a monolith to six services without downtime.
Software Engineer, Cascade Robotics (2015 - 2019)
- Wrote the firmware update service for a fleet of 4,000 warehouse robots.

EDUCATION
Bachelor of Science in Computer Science, Oregon State University, 2015
GPA: 3.7/4.0

SKILLS
Languages: Python, Go, SQL
Infrastructure: Kubernetes, Terraform, AWS

LANGUAGES
English (native), Spanish (professional working)

CERTIFICATIONS
AWS Certified Solutions Architect - Associate, 2021
"""

DASHED_WITH_BULLETS = """Ananya Iyer
ananya.iyer@example.in | +91 98450 12345

PROFESSIONAL EXPERIENCE
Brightline Logistics - Pune - March 2020 to Present
Operations Analyst
➢ Automated the weekly route-planning report, which saved the operations team
twelve hours every week.
➢ Reduced late deliveries by 18% by reworking the dispatch schedule
with the regional managers.
Meridian Foods Ltd - Mumbai - July 2017 to February 2020
Supply Chain Executive
o Negotiated contracts with fourteen suppliers across three states.
o Built the stock dashboard the plant managers use each morning.
o Trained six new joiners on the ordering system.
"""

AT_PIPE = """Sam Carter
sam.carter@example.com

Experience
Product Designer at Fieldnote Labs | Jan 2020 – Mar 2022
* Redesigned the onboarding flow; sign-up completion rose from 41% to 63%.
* Ran twenty usability sessions with field researchers.
UX Intern at Harbor Health | Jun 2019 – Aug 2019
* Audited the patient portal against WCAG 2.1.
"""

NO_HEADINGS = """Maria Gonzalez
maria.gonzalez@example.com
(312) 555-0199

Store Manager, Lakeside Grocers (2018 - 2023)
• Managed a team of 25 across two shifts and opened the store's online ordering.
Assistant Manager, Lakeside Grocers (2014 - 2018)
• Scheduled staff and handled the weekly stock count.
"""


class TestIndeedExport:
    def test_roles_titles_employers_and_dates(self) -> None:
        resume = structure_of(INDEED)
        assert roles(resume) == [
            ("Northwind Analytics", "Data Engineer", "2019-02", None),
            ("Contoso Systems Pvt. Ltd", "Associate Software Engineer", "2016-06", "2019-01"),
        ]
        assert resume.work[0].location == "Hyderabad, Telangana"

    def test_wrapped_bullets_are_joined(self) -> None:
        first = structure_of(INDEED).work[0]
        assert first.highlights == [
            "Built the nightly ingestion of sales data from forty stores into the warehouse, replacing manual uploads.",
            "Cut the monthly reporting run from six hours to forty minutes.",
        ]

    def test_a_role_without_dates_keeps_its_own_title_and_employer(self) -> None:
        text = (
            "WORK EXPERIENCE\n\nTechnical Architect\n\nAccenture Services -\nPune, Maharashtra\n\n"
            "Software Engineer 2\n\nMicrosoft -\nRedmond -\n\nJune 2016 to February 2017\n\n"
            "• Designed the store's monitoring.\n"
        )
        assert roles(structure_of(text)) == [
            ("Accenture Services", "Technical Architect", None, None),
            ("Microsoft", "Software Engineer 2", "2016-06", "2017-02"),
        ]

    def test_basics_and_education(self) -> None:
        resume = structure_of(INDEED)
        assert resume.basics.name == "Priya Raman"
        assert resume.basics.label == "Data Engineer - Northwind Analytics"
        assert resume.basics.email == "priya.raman@example.org"
        assert (resume.basics.location.city, resume.basics.location.region) == ("Hyderabad", "Telangana")
        [edu] = resume.education
        assert (edu.institution, edu.studyType, edu.area) == ("Anna University", "B.Tech", "Computer Science")
        assert (edu.startDate, edu.endDate) == ("2012", "2016")


class TestClassicUsResume:
    def test_title_comma_company_with_years(self) -> None:
        resume = structure_of(CLASSIC_US)
        assert roles(resume) == [
            ("Lumen Payments Inc.", "Senior Software Engineer", "2019", "2024"),
            ("Cascade Robotics", "Software Engineer", "2015", "2019"),
        ]
        assert [len(w.highlights) for w in resume.work] == [2, 1]
        assert (
            resume.work[0].highlights[0] == "Designed the ledger service that settles two million card payments a day."
        )

    def test_basics(self) -> None:
        basics = structure_of(CLASSIC_US).basics
        assert basics.name == "JORDAN LEE"
        assert basics.label == "Senior Backend Engineer"
        assert basics.phone == "(503) 555-0142"
        assert (basics.location.city, basics.location.region) == ("Portland", "OR")
        assert {(p.network, p.username) for p in basics.profiles} == {("LinkedIn", "jordanlee"), ("GitHub", "jlee")}
        assert basics.summary == "Backend engineer with eight years of building payment systems."

    def test_education_skills_languages_certificates(self) -> None:
        resume = structure_of(CLASSIC_US)
        [edu] = resume.education
        assert edu.institution == "Oregon State University"
        assert (edu.studyType, edu.area) == ("Bachelor of Science", "Computer Science")
        assert edu.endDate == "2015"
        assert edu.score == "3.7/4.0"
        assert [(s.name, s.keywords) for s in resume.skills] == [
            ("Languages", ["Python", "Go", "SQL"]),
            ("Infrastructure", ["Kubernetes", "Terraform", "AWS"]),
        ]
        assert [(lang.language, lang.fluency) for lang in resume.languages] == [
            ("English", "native"),
            ("Spanish", "professional working"),
        ]
        assert [(c.name, c.date) for c in resume.certificates] == [
            ("AWS Certified Solutions Architect - Associate", "2021")
        ]

    @pytest.mark.parametrize(
        ("line", "study", "area", "school"),
        [
            ("BSc Mathematics, West Virginia State College (2008 - 2012)", "BSc", "Mathematics",
             "West Virginia State College"),
            ("MSc Data Science and Statistics (2019), University of Leeds", "MSc", "Data Science and Statistics",
             "University of Leeds"),
            ("MBA, Harvard Business School (2015)", "MBA", "", "Harvard Business School"),
        ],
    )  # fmt: skip
    def test_the_subject_written_right_after_the_degree(self, line: str, study: str, area: str, school: str) -> None:
        [edu] = structure_of(f"Jane Doe\njane@example.com\n\nEDUCATION\n{line}\n").education
        assert (edu.studyType, edu.area, edu.institution) == (study, area, school)


class TestCompanyCityDateLines:
    def test_company_city_dates_then_title(self) -> None:
        resume = structure_of(DASHED_WITH_BULLETS)
        assert roles(resume) == [
            ("Brightline Logistics", "Operations Analyst", "2020-03", None),
            ("Meridian Foods Ltd", "Supply Chain Executive", "2017-07", "2020-02"),
        ]

    def test_arrow_and_o_bullets_with_wrapped_lines(self) -> None:
        first, second = structure_of(DASHED_WITH_BULLETS).work
        assert first.highlights == [
            "Automated the weekly route-planning report, which saved the operations team twelve hours every week.",
            "Reduced late deliveries by 18% by reworking the dispatch schedule with the regional managers.",
        ]
        assert len(second.highlights) == 3
        assert all(not h.startswith(("o ", "➢")) for h in first.highlights + second.highlights)


class TestTitleAtCompany:
    def test_title_at_company_pipe_dates(self) -> None:
        resume = structure_of(AT_PIPE)
        assert roles(resume) == [
            ("Fieldnote Labs", "Product Designer", "2020-01", "2022-03"),
            ("Harbor Health", "UX Intern", "2019-06", "2019-08"),
        ]
        assert [len(w.highlights) for w in resume.work] == [2, 1]


class TestName:
    @pytest.mark.parametrize(
        ("first_lines", "name"),
        [
            ("Resume Template Burl Schmitt 89, New Church Rd., Trenton", "Burl Schmitt"),
            ("Corina Conroy OCrona@example.com", "Corina Conroy"),
            ("Edmund Israel Stehr Decker St., Detroit, Michigan", "Edmund Israel Stehr"),
            ("Allen Neal King ESB Integration Developer - Cisco Systems", "Allen Neal King"),
            ("CURRICULUM VITAE\nNAME: Louie Koelpin ADDRESS: 1 High Street", "Louie Koelpin"),
            (
                "Copy Writer CV Resume Template\nOmar Blossom Jacobson. Heath\nEast Vill., New York City",
                "Omar Blossom Jacobson",
            ),
            ("CIVIL ENGINEERING RESUME\n419 Rose Street\nSan Francisco AC\n94102\nMarty Ondricka", "Marty Ondricka"),
        ],
    )
    def test_name_from_the_first_lines(self, first_lines: str, name: str) -> None:
        assert structure_of(first_lines + "\nname@example.com\n").basics.name == name


class TestWithoutHeadings:
    def test_roles_found_without_an_experience_heading(self) -> None:
        resume = structure_of(NO_HEADINGS)
        assert resume.basics.name == "Maria Gonzalez"
        assert resume.basics.phone == "(312) 555-0199"
        assert roles(resume) == [
            ("Lakeside Grocers", "Store Manager", "2018", "2023"),
            ("Lakeside Grocers", "Assistant Manager", "2014", "2018"),
        ]


FLATTENED = (
    "Dana Whitfield 42 Harbor Road, Portland, OR (503) 555-0177 dana.whitfield@example.com Professional Summary "
    "Operations lead with ten years in retail logistics and a record of cutting costs. Work Experience "
    "Northwind Traders, Portland, OR 2016 - Present Operations Manager Responsible for three distribution "
    "centres and a team of forty. Cut freight spend by 12% in two years. Contoso Retail, Salem, OR 2011 - 2016 "
    "Logistics Coordinator Planned weekly deliveries to sixty stores. Education Bachelor of Science in Business "
    "Administration, Oregon State University, 2011 Skills Excel, SQL, Tableau"
)


class TestFlattenedText:
    """A text export whose line breaks were lost arrives as one line; its roles are still read."""

    def test_roles_from_one_line(self) -> None:
        resume = structure_of(FLATTENED)
        assert roles(resume) == [
            ("Northwind Traders", "Operations Manager", "2016", None),
            ("Contoso Retail", "Logistics Coordinator", "2011", "2016"),
        ]
        assert resume.basics.name == "Dana Whitfield"
        assert resume.basics.email == "dana.whitfield@example.com"
        assert [e.institution for e in resume.education] == ["Oregon State University"]


class TestFromFiles:
    def test_two_column_pdf_keeps_roles_apart_from_the_side_column(self) -> None:
        parsed = parse_resume(factories.two_column_pdf())
        resume = parse_structure(parsed.text, parsed.sections)
        assert roles(resume) == [(f"Company {i}", "Staff Engineer", "2019", "2024") for i in range(3)]
        assert [len(w.highlights) for w in resume.work] == [2, 2, 2]
        assert resume.work[0].highlights[0] == factories.EXPERIENCE[0]
        assert resume.basics.name == factories.NAME

    def test_docx_table_of_roles(self) -> None:
        doc = Document()
        doc.add_paragraph("Lena Fischer")
        doc.add_paragraph("lena.fischer@example.de")
        doc.add_heading("Work Experience", level=1)
        table = doc.add_table(rows=2, cols=3)
        rows = [
            ("Globex Corporation", "Platform Engineer", "Apr 2021 – Present"),
            ("Initech GmbH", "Junior Developer", "Sep 2018 – Mar 2021"),
        ]
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                table.cell(r, c).text = value
        doc.add_heading("Education", level=1)
        doc.add_paragraph("M.Sc. Informatics, Technical University of Munich, 2018")
        out = io.BytesIO()
        doc.save(out)
        parsed = parse_resume(out.getvalue())
        resume = parse_structure(parsed.text, parsed.sections)
        assert roles(resume) == [
            ("Globex Corporation", "Platform Engineer", "2021-04", None),
            ("Initech GmbH", "Junior Developer", "2018-09", "2021-03"),
        ]
        [edu] = resume.education
        assert (edu.institution, edu.studyType, edu.endDate) == ("Technical University of Munich", "M.Sc.", "2018")


class TestHeaderVariants:
    """Header shapes seen in real exports, one role each."""

    @pytest.mark.parametrize(
        ("lines", "expected"),
        [
            (
                "Januar 2012\npresent\nChief Project Manager ICT\nNofas AS\nEvaluated R&D projects.",
                ("Nofas AS", "Chief Project Manager ICT", "2012-01", None),
            ),
            (
                "2000\nPresent: Automotive Body Repair Technician, Bosh Service Center\nInspect damage.",
                ("Bosh Service Center", "Automotive Body Repair Technician", "2000", None),
            ),
            (
                "CME Group-Chicago, IL- Jan 2010-Sept 2013\nProduction Specialist\nRecorded and edited videos.",
                ("CME Group", "Production Specialist", "2010-01", "2013-09"),
            ),
            (
                "Manager of Services, Frankfort Habilitation Inc., Frankfort, KY, 1984-86\nRan the day programme.",
                ("Frankfort Habilitation Inc.", "Manager of Services", "1984", "1986"),
            ),
            (
                "Third Street Elementary School, Baltimore, MD\nMarch 20XX\nMay 20XX\nStudent Teacher\n"
                "Created lesson plans for a diverse class.",
                ("Third Street Elementary School", "Student Teacher", None, None),
            ),
            (
                "Designation: IT Recruiter (14th Oct 2005 to 06th Feb 2008)\nSourced candidates for delivery teams.",
                ("", "IT Recruiter", "2005-10", "2008-02"),
            ),
            (
                "Aug 2011 - Aug 2012. Assistant Program Manager. Developed radio playlists and ran the weekly show.",
                ("", "Assistant Program Manager", "2011-08", "2012-08"),
            ),
            (
                "Software Developer\nMicrosoft\n• Built the telemetry pipeline for the store.",
                ("Microsoft", "Software Developer", None, None),
            ),
        ],
    )
    def test_one_role(self, lines: str, expected: tuple[str, str, str | None, str | None]) -> None:
        resume = structure_of("Alex Morgan\nalex@example.com\n\nExperience\n" + lines)
        assert roles(resume) == [expected]

    def test_symbol_font_bullets_and_inline_bullets_are_split(self) -> None:
        text = (
            "Experience\nTeacher, Milton Middle School (2001 - 2006)\n\uf0b7 Taught English 7 and 8.\n"
            "\uf0b7 Sponsored the creative writing club. ♦ Ran the fine arts night.\n"
        )
        [role] = structure_of(text).work
        assert role.highlights == [
            "Taught English 7 and 8.",
            "Sponsored the creative writing club.",
            "Ran the fine arts night.",
        ]

    def test_a_degree_in_the_experience_section_is_not_a_role(self) -> None:
        text = "Experience\nAugust 2007\nJuly 2011\nPh.D. in Computer Security\nUniversity of Oslo\n"
        assert structure_of(text).work == []

    def test_awards_with_years_are_not_roles(self) -> None:
        text = (
            "Sam Lee\nsam@example.com\n\nExperience\nAnalyst, Acme Corp (2019 - 2024)\n- Built reports.\n\n"
            "Awards\n2021 Best Newcomer Award, Acme Corp\nEmployee of the Month, 2020\n"
        )
        assert roles(structure_of(text)) == [("Acme Corp", "Analyst", "2019", "2024")]


class TestMoreLayouts:
    def test_small_capital_heading_and_title_opening_the_first_sentence(self) -> None:
        text = (
            "Erin Stehr\nerin@example.com\nP ROFESSIONAL E XPERIENCE\nAcme Mechanics, Inc., Los Angeles, CA\n"
            "2007 to 2010\nVice President of Operations - Promoted to review and approve plans for planned outputs.\n"
            "Worked closely with project managers on costs.\n"
        )
        assert roles(structure_of(text)) == [("Acme Mechanics, Inc.", "Vice President of Operations", "2007", "2010")]

    def test_title_with_a_slash_is_a_title(self) -> None:
        text = (
            "Erin Stehr\nerin@example.com\nEXPERIENCE\nProcess Mechanical Division Manager/VP Field Services\n"
            "Southern Mechanical Services, Inc., Boston, MA\n2001 to 2007\n- Managed the growth of the division.\n"
        )
        [work] = structure_of(text).work
        assert (work.position, work.name) == (
            "Process Mechanical Division Manager/VP Field Services",
            "Southern Mechanical Services, Inc.",
        )

    def test_headline_is_the_current_role_when_none_was_read(self) -> None:
        text = "Hyman Murray\nLegal assistant\nAREAS OF EXPERTISE\nLegal research\nDocument management\n"
        assert [(w.name, w.position) for w in structure_of(text).work] == [("", "Legal assistant")]

    def test_headline_title_and_employer_name_the_current_role(self) -> None:
        text = INDEED.replace("Data Engineer - Northwind Analytics", "Lead Data Engineer - Fabrikam Retail")
        work = structure_of(text).work
        assert (work[0].name, work[0].position) == ("Fabrikam Retail", "Lead Data Engineer")
        assert [w.name for w in work[1:]] == ["Northwind Analytics", "Contoso Systems Pvt. Ltd"]

    def test_headline_matching_a_role_adds_nothing(self) -> None:
        work = structure_of(INDEED).work
        assert [(w.name, w.position) for w in work][:1] == [("Northwind Analytics", "Data Engineer")]
        assert len(work) == 2

    def test_lone_title_lines_and_labelled_titles_are_roles(self) -> None:
        text = (
            "Jane Example\njane@example.com\nEXPERIENCE\nAcme Corp, Senior Engineer, 2019 - 2024\n"
            "- Built the billing service.\nTechnical Analyst\nDesignation: Software Intern\n"
            "Worked as Test Automation Engineer.\nEmployee Benefits\nPROFESSIONAL\n"
        )
        work = structure_of(text).work
        assert [(w.name, w.position) for w in work] == [
            ("Acme Corp", "Senior Engineer"),
            ("", "Technical Analyst"),
            ("", "Software Intern"),
            ("", "Test Automation Engineer"),
        ]

    def test_the_persons_own_name_and_a_phrase_are_not_employers(self) -> None:
        text = (
            "Suzie Cummerata\nsuzie@example.com\nEXPERIENCE\nSales Manager, DeLeon Tequila, 2015 - 2019\n"
            "- Opened forty accounts.\nSuzie Cummerata\nSales Manager\n2019 - 2020\n- Page two.\n"
            "Member, later vice-chairman of the multimedia group\n2010 - 2012\n"
            "Game Programmer\nJan 2014 - present K20 Center\n"
        )
        work = structure_of(text).work
        names = [w.name for w in work]
        assert "Suzie Cummerata" not in names and not any(n.startswith("later") for n in names)
        assert "K20 Center" in names

    def test_lone_employer_lines_are_roles_and_pair_with_their_title(self) -> None:
        text = (
            "Jane Example\njane@example.com\nEXPERIENCE\nAcme Corp, Senior Engineer, 2019 - 2024\n"
            "- Built the billing service.\nQualcomm, Inc., Cary, North Carolina\n"
            "Vice President of Field Construction - Took this small company to 85 employees.\n"
            "Standard Bank\nCredit Analyst\nSanta Cruz County Bar Association\nPolicies & Procedures\n"
        )
        work = structure_of(text).work
        assert [(w.name, w.position) for w in work] == [
            ("Acme Corp", "Senior Engineer"),
            ("Qualcomm, Inc.", "Vice President of Field Construction"),
            ("Standard Bank", "Credit Analyst"),
        ]

    def test_heading_run_into_the_first_role(self) -> None:
        text = (
            "Ira Buckridge\nira@example.com\nEducation\nCornell University\nPh.D. in Computer Science\n2005 - 2010\n"
            "Work Experience Carnegie Mellon University\nPostdoctoral Scientist\nPittsburgh, PA\n2010 - Present\n"
            "Developed new online learning techniques.\n"
        )
        resume = structure_of(text)
        assert roles(resume) == [("Carnegie Mellon University", "Postdoctoral Scientist", "2010", None)]
        assert [e.institution for e in resume.education] == ["Cornell University"]

    def test_roles_written_as_sentences(self) -> None:
        text = (
            "Jane Example\njane@example.com\nEXPERIENCE\nAcme Corp, Senior Engineer, 2019 - 2024\n"
            "- Built the billing service.\nWorked as Deputy Manager with Genius Consultants Ltd -Bangalore from 2007\n"
            "• 21 months of experience in ADFC as Phone Banker.\n"
            "Presently working with Acme Corp as Senior Engineer and mentor.\n"
        )
        work = structure_of(text).work
        assert [(w.name, w.position) for w in work] == [
            ("Acme Corp", "Senior Engineer"),
            ("Genius Consultants Ltd", "Deputy Manager"),
            ("ADFC", "Phone Banker"),
        ]

    def test_title_colon_employer_asides_and_short_year_ranges(self) -> None:
        text = (
            "Jane Example\njane@example.com\nEXPERIENCE\nAcme Corp, Senior Engineer, 2019 - 2024\n"
            "- Built the billing service.\nVolunteer: Jellop Primary School\nOffice Assistant (part time basis)\n"
            "Associate Director, Developmental Disabilities Job Project, Canton, Ohio, 1986-89.\n"
            "Tutor: Self Employed\n"
        )
        work = structure_of(text).work
        assert [(w.name, w.position) for w in work] == [
            ("Acme Corp", "Senior Engineer"),
            ("Developmental Disabilities Job Project", "Associate Director"),
            ("Jellop Primary School", "Volunteer"),
            ("", "Office Assistant"),
            ("", "Tutor"),
        ]

    def test_a_role_word_is_the_title_and_an_honour_is_not_an_employer(self) -> None:
        text = (
            "Jane Example\njane@example.com\nEXPERIENCE\nNewsreader\nNews 24/7\n2015 - 2019\n- Read the news.\n"
            "Cornell Teaching Assistant (TA Excellence Award)\nFall 2006 - Spring 2007\n- Taught networks.\n"
        )
        work = structure_of(text).work
        assert [(w.name, w.position) for w in work] == [("News 24/7", "Newsreader"), ("", "Cornell Teaching Assistant")]

    def test_document_title_is_the_headline(self) -> None:
        resume = structure_of("Copy Writer CV Resume Template\nJane Example\njane@example.com\nSKILLS\nWriting\n")
        assert resume.basics.label == "Copy Writer"
        sample = structure_of("SAMPLE TWO PAGE TEACHER RESUME\nJane Example\njane@example.com\nSKILLS\nWriting\n")
        assert sample.basics.label == ""

    def test_several_titles_on_one_line_and_an_employer_with_its_town(self) -> None:
        text = (
            "Jane Example\njane@example.com\nEXPERIENCE\nAcme Corp, Senior Engineer, 2019 - 2024\n"
            "- Built the billing service.\nWM Functional Consultant / Visual PLM Consultant / Lead Technical\n"
            "- Ran the warehouse module.\nD & T Printing Services, Clayton\nOffice Assistant (part time basis)\n"
        )
        work = structure_of(text).work
        assert [(w.name, w.position) for w in work][1:] == [
            ("", "WM Functional Consultant / Visual PLM Consultant / Lead Technical"),
            ("D & T Printing Services", "Office Assistant"),
        ]

    def test_a_quoted_motto_and_a_place_are_not_titles(self) -> None:
        text = (
            "Erin Stehr\nerin@example.com\nEXPERIENCE\nConstruction Quality Solutions, LLC, Los Angeles, CA\n"
            "2010 to Present\n“Provide solutions for Industrial, Commercial, and Agricultural Maintenance.”\n"
            "Owner/Operator - Oversee all aspects of multiple construction operations.\n"
            "Pipeline Alaska, Inc.\nB.C. Canada\n1990 to 1995\n- Laid pipe.\n"
            "- Served as departmental Linux Systems Administrator.\n"
        )
        work = structure_of(text).work
        assert [(w.name, w.position) for w in work] == [
            ("Construction Quality Solutions, LLC", "Owner/Operator"),
            ("Pipeline Alaska, Inc.", ""),
            ("", "Linux Systems Administrator"),
        ]

    def test_a_sentence_over_two_lines_and_an_employer_with_its_start(self) -> None:
        text = (
            "Jane Example\njane@example.com\nEXPERIENCE\nAcme Corp, Senior Engineer, 2019 - 2024\n"
            "- Built the billing service.\nWorked with Connect pro Management Consultant From Oct 2005\n"
            "Sep 2007 worked as\nSenior IT Recruiter.\n"
        )
        work = structure_of(text).work
        assert [(w.name, w.position) for w in work][1:] == [
            ("Connect pro Management Consultant", ""),
            ("", "Senior IT Recruiter"),
        ]

    @pytest.mark.parametrize(
        "header",
        [
            "Maths & Science Educator, Grade 8 and 9",
            "Paralegal, Since moving to Santa Cruz in 2007",
            "Nominated Best Chef, Connecticut from the James Beard Foundation",
            "Researcher, University",
        ],
    )
    def test_phrases_are_not_employers(self, header: str) -> None:
        text = f"Jane Example\njane@example.com\nEXPERIENCE\n{header}\n2010 - 2012\n- Did the work.\n"
        work = structure_of(text).work
        assert [w.name for w in work] == [""] and work[0].position == header.split(",")[0]

    def test_law_offices_alone_on_their_line_are_employers(self) -> None:
        text = (
            "Jane Example\njane@example.com\nEXPERIENCE\nLaw Clerk, Acme Legal LLP, 2001 - 2003\n- Filed.\n"
            "Law Offices of Gary Eisenberg\n- Drafted pleadings.\n"
        )
        assert [w.name for w in structure_of(text).work] == ["Acme Legal LLP", "Law Offices of Gary Eisenberg"]

    def test_employer_written_before_the_title_and_a_charity(self) -> None:
        text = (
            "Jane Example\njane@example.com\nCareer Experience/Job History:\n"
            "March 2009 - December 2012 Colesworthy store Sales Assistant\n- Served customers.\n"
            "ABC CHARITY, Sometown Chapter -- Sometown, OH\nWeb Developer\n2005 - 2008\n- Built the site.\n"
        )
        work = structure_of(text).work
        assert [(w.name, w.position) for w in work] == [
            ("Colesworthy store", "Sales Assistant"),
            ("ABC CHARITY", "Web Developer"),
        ]

    def test_roles_under_a_skills_heading_named_by_a_company_with_dates(self) -> None:
        text = (
            "Jane Example\njane@example.com\nEXPERIENCE\nArchitect, Contoso Systems, 2010 - 2020\n- Designed.\n"
            "Key Skills Acquired\nTools: QTP, Test Director\n\n"
            "Royal Bank of Scotland, New Delhi Aug 2004 to Jan 2005 (6 months)\n"
            "My role as a Quality Engineer involved in\n• Review of functional requirements\n"
            "Company name - Location\nJan 2001 - Dec 2002\n"
        )
        work = structure_of(text).work
        assert [(w.name, w.position, w.startDate) for w in work] == [
            ("Contoso Systems", "Architect", "2010"),
            ("Royal Bank of Scotland", "", "2004-08"),
            ("", "Quality Engineer", None),
        ]

    def test_form_labels_on_their_own_lines_and_lower_case_sentences(self) -> None:
        form = "CV Terrell O'Keefe\n1. Position:\nLegal Manager of Concessions\n2. Company:\nGRUPO ODINSA. S.A.\n"
        assert [(w.name, w.position) for w in structure_of(form).work] == [
            ("GRUPO ODINSA. S.A.", "Legal Manager of Concessions")
        ]
        titled = "Title\nSr. Java J2ee Developer\nPrimary Skills\nJava J2ee, spring, hibernate\n"
        assert [w.position for w in structure_of(titled).work] == ["Sr. Java J2ee Developer"]
        prose = (
            "Jane Example\njane@example.com\nEXPERIENCE\n"
            "Lighting Technician, Project Bluelight, 2010 - 2011\n- Set lights.\n"
            "Experience working as a camera operator, production crew member, and editor on several films.\n"
        )
        assert [w.position for w in structure_of(prose).work] == ["Lighting Technician", "camera operator"]

    def test_volunteer_and_leadership_roles_under_other_headings(self) -> None:
        text = (
            "Jane Example\njane@example.com\nEXPERIENCE\nTeacher, Acme School, 2010 - 2012\n- Taught.\n"
            "VOLUNTEER EXPERIENCE\nVolunteer, Habitat for Humanity, Muncie, Indiana, September 2010\n"
            "Chairman, Diversity Committee\nHead: Strategy, Marketing & Communications (Nedbank)\n"
            "REFERENCES\nDr Alpha Wisoky Lecturer, Department of Marketing, Monash University\n"
        )
        work = structure_of(text).work
        assert [(w.name, w.position) for w in work] == [
            ("Acme School", "Teacher"),
            ("Habitat for Humanity", "Volunteer"),
            ("", "Chairman"),
        ]

    def test_a_range_whose_end_wrapped_onto_the_next_line(self) -> None:
        text = (
            "Jane Example\njane@example.com\nTEACHING EXPERIENCE\n"
            "Substitute Teacher, Muncie Community Schools, Muncie, IN; May 2013\npresent\n"
            "Substitute teach kindergarten through sixth-grade classes as needed\n"
            "Student Teacher, Woodburn Elementary School, Woodburn, Indiana; January 2013\nMay 2013\n"
            "Assessed student learning through a pre- and post-test.\n"
        )
        work = structure_of(text).work
        assert roles(structure_of(text)) == [
            ("Muncie Community Schools", "Substitute Teacher", "2013-05", None),
            ("Woodburn Elementary School", "Student Teacher", "2013-01", "2013-05"),
        ]
        assert work[0].highlights == ["Substitute teach kindergarten through sixth-grade classes as needed"]

    def test_an_unknown_capitalised_heading_and_a_team_size_are_not_a_role(self) -> None:
        text = (
            "Jane Example\njane@example.com\nEXPERIENCE\nAnalyst, Acme Bank, 2010 - 2012\n- Analysed.\n\n"
            "WEB SITES\n2001 - 2003\n- Built three sites.\n"
        )
        assert [w.name for w in structure_of(text).work] == ["Acme Bank"]


class TestOtherSections:
    def test_flat_skill_list_is_one_group_and_languages_are_spoken(self) -> None:
        text = "Sam Lee\nsam@example.com\n\nSkills\nExcel, Tableau, SQL\nPublic speaking\nLanguages: English, Hindi\n"
        resume = structure_of(text)
        assert [(s.name, s.keywords) for s in resume.skills] == [
            ("Skills", ["Excel", "Tableau", "SQL", "Public speaking"])
        ]
        assert [lang.language for lang in resume.languages] == ["English", "Hindi"]

    def test_skill_table_rows_from_a_docx_are_groups(self) -> None:
        text = (
            "Jane Example\njane@example.com\n\nSkills & Tools\nLanguages | TypeScript, Rust\nCloud | AWS, Terraform\n"
            "Python | Go\n"
        )
        assert [(s.name, s.keywords) for s in structure_of(text).skills] == [
            ("Languages", ["TypeScript", "Rust"]),
            ("Cloud", ["AWS", "Terraform"]),
            ("Skills", ["Python", "Go"]),  # a bar between two skills is a list, not a group
        ]

    def test_projects_with_bullets(self) -> None:
        text = (
            "Sam Lee\nsam@example.com\n\nProjects\nRoute Planner (2022)\n• Planned delivery routes with OR-Tools.\n"
            "• Cut route length by 12%.\nBudget Bot\n• A chat bot that files expenses.\n"
        )
        projects = structure_of(text).projects
        assert [(p.name, len(p.highlights), p.startDate) for p in projects] == [
            ("Route Planner", 2, "2022"),
            ("Budget Bot", 1, None),
        ]


class TestDates:
    @pytest.mark.parametrize(
        ("written", "iso"),
        [("Jan 2020", "2020-01"), ("Sept. 2018", "2018-09"), ("09/14", "2014-09"), ("12/1/2009", "2009-12"),
         ("2019", "2019"), ("2021-03", "2021-03"), ("1890", None), ("13/2020", None), ("Summer 2015", "2015")],
    )  # fmt: skip
    def test_one_date(self, written: str, iso: str | None) -> None:
        assert to_iso(written) == iso

    @pytest.mark.parametrize(
        ("line", "start", "end"),
        [("February 2005 to Present", "2005-02", None), ("2019 - 2024", "2019", "2024"),
         ("Jan 2020 – Mar 2022", "2020-01", "2022-03"), ("2000 till date", "2000", None),
         ("May 2014 onwards", "2014-05", None), ("11/2005 to Present", "2005-11", None)],
    )  # fmt: skip
    def test_ranges(self, line: str, start: str, end: str | None) -> None:
        found = find_range(line)
        assert found is not None
        assert (found.start, found.end) == (start, end)

    def test_a_phone_number_is_not_a_range(self) -> None:
        assert find_range("Phone: 123-345-7890") is None


class TestBounds:
    def test_typical_resume_is_fast(self) -> None:
        parsed = parse_resume(CLASSIC_US.encode())
        started = time.perf_counter()
        for _ in range(10):
            parse_structure(parsed.text, parsed.sections)
        assert (time.perf_counter() - started) / 10 < 0.05

    @pytest.mark.parametrize(
        "text",
        [
            "1" * 50_000,
            "- " * 20_000,
            "2019 - " * 5000,
            "Jan 2020 to " * 3000,
            "a@" * 20_000,
            ("x, " * 400 + "\n") * 50,
            "Word " * 20_000,
            "x@y." * 12_000,
            "Engineer Manager " * 5000,
            "Acme, CA " * 6000,
            "• a " * 12_000,
            "Sales Manager, Acme Inc. (2019 - 2024) " * 1500,
        ],
    )
    def test_pathological_text_is_bounded(self, text: str) -> None:
        sections = split_sections(text)
        started = time.perf_counter()
        resume = parse_structure(text, sections)
        assert time.perf_counter() - started < 2.0
        JsonResume.model_validate(resume.model_dump())

    def test_many_roles_are_capped(self) -> None:
        text = "EXPERIENCE\n" + "".join(f"Engineer, Acme {i} Inc ({1960 + i} - {1961 + i})\n" for i in range(60))
        resume = parse_structure(text, split_sections(text))
        assert len(resume.work) == 40


_ALPHABET = st.sampled_from(
    [
        *"abcXYZ019 .,:;-|()/@•o➢*◦▪✓\n\t",
        "Present",
        "2019",
        "Jan ",
        "Engineer",
        "Inc.",
        "University",
        " at ",
        "Experience\n",
        "Education\n",
        "Skills: ",
        "B.Tech ",
        "Languages: English",
        "linkedin.com/in/x",
        "Manager, ",
    ]
)


def _collapse(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=400).map("".join))
def test_any_text_gives_a_valid_structure_made_of_its_own_words(text: str) -> None:
    sections = split_sections(text)
    resume = parse_structure(text, sections)
    JsonResume.model_validate(resume.model_dump())
    # a role's lines are read from its section, which leaves out lines of other sections between them
    source = _collapse(text) + " | " + _collapse(" ".join(sections.values()))
    basics = resume.basics
    # the summary is its lines joined with bullets dropped, so it is not checked as one piece
    found = [basics.name, basics.label, basics.email, basics.phone, basics.url,
             basics.location.city, basics.location.region, *(p.url for p in basics.profiles)]  # fmt: skip
    for work in resume.work:
        found += [work.name, work.position, work.location, *work.highlights]
    for edu in resume.education:
        found += [edu.institution, edu.studyType, edu.area, edu.score]
    for skill in resume.skills:
        found += [*skill.keywords, skill.name if skill.name != "Skills" else ""]
    found += [p.name for p in resume.projects] + [h for p in resume.projects for h in p.highlights]
    found += [c.name for c in resume.certificates] + [lang.language for lang in resume.languages]
    for value in found:
        assert _collapse(value) in source, value
