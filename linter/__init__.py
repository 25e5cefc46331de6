"""copydesk: an editorial quality linter for news articles."""

# The one place the version is written (the package metadata reads it from
# here), so that a run need not read package metadata to learn it.
__version__ = "0.1.0"


def version() -> str:
    """The version of copydesk."""
    return __version__


def _install_moved_paths() -> None:
    # The flat layout's module paths (linter.engine, linter.checks.base, …)
    # still import, with a DeprecationWarning, for one release.
    from linter import _moved

    _moved.install()


_install_moved_paths()
