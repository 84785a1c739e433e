"""Content generation: cover letters and tailored resumes (offline composer or LLM, always guarded), with
versions and DOCX/PDF exports."""
