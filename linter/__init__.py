"""copydesk: an editorial quality linter for news articles."""


def version() -> str:
    """The installed version of copydesk, or "unknown" in a source tree
    that was never installed. Looked up only when asked: reading package
    metadata costs time on every run."""
    from importlib.metadata import PackageNotFoundError, version as installed

    try:
        return installed("copydesk")
    except PackageNotFoundError:
        return "unknown"
