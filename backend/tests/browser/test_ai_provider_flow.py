"""The AI provider chosen in the browser, and every AI feature on it: on a fresh app (SQLite, the embedded worker, no
LLM_* in the environment) the first user, the administrator, signs up, opens Settings → AI provider, picks
"OpenAI-compatible server", enters the address of a local one and a key, tests the connection (the models it lists),
picks the model and saves. Then, in the browser, each AI feature works and names the provider on its result: a
resume's skills, a job's skills, a cover letter (streamed), a tailored resume, interview questions and streamed
feedback with its score; and the "… is sent to …" line sits beside the actions that send data.

The local server answers as `FeatureModel` (tests/llm/features.py) does: each request by what it asks for."""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from app.jobs.sources.registry import ADAPTERS
from tests.auth.providers import free_port
from tests.browser.conftest import field, register_in_browser, require_frontend, serving
from tests.content.conftest import JOB, RESUME
from tests.llm.features import FeatureModel
from tests.llm.server import LLMServer, Reply, ok, running_llm_server

pytestmark = pytest.mark.browser

MODEL = "test-model"
# How the UI names the provider: in the picker and where the data goes (the server's label), and on results.
PICKER = "OpenAI-compatible server"
BY = "by an OpenAI-compatible server · test-model"
SENT_TO = re.compile(rf"sent to {PICKER} \({MODEL}\)\.")
WAIT = 30_000
SHOTS = Path("/tmp")  # screenshots to look at, outside the repository


class Held:
    """`FeatureModel`'s answers, with one streamed answer of a kind held half-way until the test lets it go, and
    the connection test's `{"ok": true}` answered as a model would."""

    def __init__(self, model: FeatureModel) -> None:
        self.model = model
        self.holds: dict[str, tuple[threading.Event, threading.Event]] = {}
        self.gates: list[threading.Event] = []

    def hold(self, kind: str) -> tuple[threading.Event, threading.Event]:
        """The next `kind` ("letter", "feedback") stops half-way: (gate to open, set once it is there)."""
        held = self.holds[kind] = (threading.Event(), threading.Event())
        self.gates.append(held[0])
        return held

    def __call__(self, body: dict[str, Any]) -> Reply:
        if 'Reply with the JSON object {\\"ok\\": true}' in json.dumps(body.get("messages", [])):
            return ok({"ok": True})
        reply = self.model(body)
        held = self.holds.pop(self.model.seen[-1], None) if self.model.seen else None
        if held is not None:
            reply.gate, reply.reached = held
        return reply

    def release(self) -> None:
        """Let every held answer go (a failed test leaves none hanging)."""
        for gate in self.gates:
            gate.set()


@pytest.fixture(scope="module")
def llm() -> Iterator[LLMServer]:
    with running_llm_server(MODEL) as server:
        yield server


@pytest.fixture
def model(llm: LLMServer) -> Iterator[Held]:
    held = Held(FeatureModel())
    llm.reset()
    llm.responder = held
    yield held
    held.release()
    llm.reset()


@pytest.fixture(scope="module")
def fresh_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`copilot serve` on a new SQLite database with its embedded worker, and no LLM_* setting anywhere."""
    require_frontend()
    data = tmp_path_factory.mktemp("fresh")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("LLM_")}
    env.update(
        {
            "COPILOT_DATA_DIR": str(data),
            "DATABASE_URL": f"sqlite:///{data}/fresh.db",
            "PUBLIC_URL": f"http://127.0.0.1:{port}",
            "REDIS_URL": "",
            "SMTP_HOST": "",
            "SOURCES_DISABLED": ",".join(ADAPTERS),  # nothing goes to the internet
        }
    )
    with serving(env, data, port) as base:
        yield base


def choose_provider(page: Page, llm: LLMServer) -> None:
    """Settings → AI provider: the OpenAI-compatible server at the local address, tested, its model picked, saved."""
    page.get_by_role("navigation").get_by_role("link", name="Settings").first.click()
    card = page.get_by_role("region", name="AI provider")
    expect(card).to_contain_text(re.compile(r"In force now: Offline.*\(the default\)"), timeout=WAIT)
    form = card.get_by_role("form", name="AI provider settings")
    form.get_by_label("Provider").select_option(label=PICKER)
    expect(form.get_by_text("Any server speaking POST /v1/chat/completions")).to_be_visible()
    form.get_by_label("Base URL").fill(llm.url)
    form.get_by_label(re.compile("^API key")).fill("sk-local-browser-1")
    # The test needs a model name: with none, it says "needs a model name" and lists nothing.
    model = form.get_by_label("Model", exact=True)
    model.fill("test")
    form.get_by_role("button", name="Test connection").click()
    result = form.get_by_role("status")
    expect(result).to_contain_text(re.compile(r"Connected in \d+ ms to 127\.0\.0\.1:\d+"), timeout=WAIT)
    expect(result).to_contain_text("Structured answers work")
    expect(result.get_by_label("Models the server lists")).to_have_text(MODEL)
    card.screenshot(path=SHOTS / "ai-provider-tested.png")

    model.click()
    page.get_by_role("option", name=MODEL).click()
    expect(model).to_have_value(MODEL)
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_text("AI provider saved")).to_be_visible(timeout=WAIT)
    expect(card).to_contain_text(f"In force now: {PICKER} · {MODEL} (from these settings)")
    expect(card.get_by_role("heading", name=f"What is sent to {PICKER}")).to_be_visible()
    expect(card.get_by_role("list", name="Recent changes to the AI provider")).to_contain_text(
        f"provider Offline (no AI service) → {PICKER}"
    )
    card.screenshot(path=SHOTS / "ai-provider-saved.png")


def provider_note(scope: Page | Locator, verb: str) -> Locator:
    return scope.get_by_text(f"{verb} {BY}", exact=True)


def test_admin_picks_a_local_provider_and_every_feature_names_it(
    fresh_app: str, llm: LLMServer, model: Held, browser: Browser, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.set_default_timeout(15_000)
    register_in_browser(page, fresh_app, "Grace Hopper", "grace@example.com", "Cobol-Compiler-1959")
    choose_provider(page, llm)

    # A resume (plain text): its skills found by the provider; the line beside the upload says where it goes.
    resume = tmp_path / "grace.txt"
    resume.write_text(RESUME)
    page.goto(fresh_app + "/profile")
    card = page.get_by_role("region", name="Resume", exact=True)
    expect(card.get_by_text(re.compile(r"^To find its skills, your resume.s text .* is sent to"))).to_have_text(SENT_TO)
    card.get_by_label("Resume file", exact=True).set_input_files(str(resume))
    expect(card.get_by_text("Skills found in grace.txt")).to_be_visible(timeout=WAIT)
    expect(provider_note(card, "Found")).to_be_visible()
    card.screenshot(path=SHOTS / "ai-provider-resume.png")
    expect(card.get_by_role("list", name="Skills to add")).to_contain_text("FastAPI")
    card.get_by_role("button", name=re.compile(r"^Add \d+ skills? to profile$")).click()
    expect(page.get_by_text(re.compile(r"Added \d+ skills? to your profile")).first).to_be_visible()

    # A job added by hand: its skills found by the provider.
    page.goto(fresh_app + "/jobs/new")
    field(page, "Title").fill(JOB["title"])
    field(page, "Company").fill(JOB["company"])
    field(page, "Description").fill(JOB["description"])
    page.get_by_role("button", name="Save job").click()
    expect(page.get_by_role("heading", name=JOB["title"], level=1)).to_be_visible()
    skills = page.get_by_role("region", name="Skills", exact=True)
    expect(skills.get_by_role("list", name="Skills this job asks for")).to_contain_text("Kubernetes", timeout=WAIT)
    expect(provider_note(skills, "Found")).to_be_visible()
    expect(skills.get_by_text(SENT_TO)).to_be_visible()
    page.screenshot(path=SHOTS / "ai-provider-job.png", full_page=True)
    job_url = page.url

    # A cover letter: the text streams in (held half-way), then the letter names who wrote it.
    gate, reached = model.hold("letter")
    page.get_by_role("button", name="Write cover letter").click()
    dialog = page.get_by_role("dialog", name="Write a cover letter")
    expect(
        dialog.get_by_text(
            re.compile(
                r"^Your resume, your profile.s skills and pitch, what you write here and this posting are sent to"
            )
        )
    ).to_have_text(SENT_TO)
    dialog.get_by_role("button", name="Write cover letter").click()
    expect(page).to_have_url(re.compile(r"/documents/\d+"))
    so_far = page.get_by_role("log", name="Text so far")
    expect(so_far).to_contain_text("Dear Acme team", timeout=WAIT)
    assert reached.wait(5)
    expect(page.get_by_role("heading", name="Writing…")).to_be_visible()
    expect(page.get_by_text("You stopped the writing")).to_have_count(0)  # writing, not stopped
    expect(so_far).not_to_contain_text("Kind regards")
    page.screenshot(path=SHOTS / "ai-provider-letter-streaming.png")
    gate.set()
    expect(provider_note(page, "Written")).to_be_visible(timeout=WAIT)
    letter = page.get_by_label("Markdown")
    expect(letter).to_have_value(re.compile(r"^Dear Acme team,[\s\S]*Kind regards,\nGrace Hopper"))
    page.screenshot(path=SHOTS / "ai-provider-letter.png", full_page=True)

    # A tailored resume.
    page.goto(job_url)
    page.get_by_role("button", name="Tailor resume").click()
    page.get_by_role("dialog", name="Tailor your resume").get_by_role("button", name="Tailor resume").click()
    expect(page).to_have_url(re.compile(r"/documents/\d+"))
    expect(provider_note(page, "Written")).to_be_visible(timeout=WAIT)
    expect(page.get_by_label("Markdown")).to_have_value(re.compile("Initech Corp"))

    # Interview practice: questions by the provider; one answer, its feedback streamed, then scored.
    page.goto(job_url)
    prepare = page.get_by_role("region", name="Prepare", exact=True)
    expect(prepare.get_by_text(re.compile(r"^For practice questions, this posting is sent to"))).to_have_text(SENT_TO)
    prepare.get_by_role("button", name="Practice interview").click()
    expect(page).to_have_url(re.compile(r"/interviews/\d+"))
    expect(provider_note(page, "Questions")).to_be_visible(timeout=WAIT)
    question = page.get_by_role("region", name="Question 1")
    # One of the model's questions (tests/llm/features.py), not the built-in bank's.
    expect(question).to_contain_text(
        re.compile(r"How have you used \w+ in production|Tell me about a time|first month at Acme")
    )
    expect(question.get_by_text(re.compile(r"^For feedback, the question, .* are sent to"))).to_have_text(SENT_TO)
    question.get_by_label("Your answer").fill(
        "At Initech our nightly batch ran late (situation). I had to cut its time (task). I rewrote the slowest "
        "PostgreSQL queries in Python and added indexes (action). The batch finished 40% faster (result)."
    )
    gate, reached = model.hold("feedback")
    question.get_by_role("button", name="Submit answer").click()
    feedback = page.get_by_role("region", name="Feedback on question 1")
    expect(feedback).to_contain_text("What worked", timeout=WAIT)
    assert reached.wait(5)
    expect(feedback.get_by_text(re.compile(r"^\d+ / 100$"))).to_have_count(0)
    gate.set()
    expect(feedback.get_by_text("74 / 100", exact=True)).to_be_visible(timeout=WAIT)
    expect(provider_note(feedback, "Feedback")).to_be_visible()
    expect(feedback).not_to_contain_text("RUBRIC")
    page.screenshot(path=SHOTS / "ai-provider-feedback.png", full_page=True)

    assert {"skills", "letter", "tailor", "questions", "feedback"} <= set(model.model.seen), model.model.seen
    assert all(h.get("authorization") == "Bearer sk-local-browser-1" for h in llm.headers), "the key saved in Settings"
    page.close()
