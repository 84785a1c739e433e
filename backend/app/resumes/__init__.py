"""Resumes: upload, read (PDF, DOCX, TXT), split into sections, find skills, review."""
