"""copydesk: an editorial quality linter for news articles."""

# The one place the version is written (the package metadata reads it from
# here), so that a run need not read package metadata to learn it.
__version__ = "0.1.0"


def version() -> str:
    """The version of copydesk."""
    return __version__
