"""Tasks of content (filled in by the feature)."""
