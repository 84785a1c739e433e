"""Streaks and achievements."""
