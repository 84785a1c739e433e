"""Tasks of interviews (filled in by the feature)."""
