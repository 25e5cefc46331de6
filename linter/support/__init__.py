"""The lowest layer: what every other layer leans on and that knows nothing
of articles or rules (compiled patterns, the cache, hashing, errors, YAML
loading, the time budget, text normalisation and similarity)."""
