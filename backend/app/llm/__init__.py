"""AI: one client for every OpenAI-compatible provider (Groq, NVIDIA NIM, OpenAI, Ollama, any compatible server),
with structured output, streaming, retries, a cache, usage accounting and per-user budgets (docs/design.md §5).

Import from the submodules (`app.llm.client`, `app.llm.exceptions`); this package stays import-light because
`app.core.config` validates LLM_PROVIDER against `app.llm.providers`."""
