"""Vale's ``Packages``: styles and configuration shipped as a zip file.

``vale sync`` downloads each package named in ``.vale.ini`` and copies it
into StylesPath. copydesk fetches nothing: a package given as a local zip
file (``Packages = house.zip``, relative to the configuration) is read in
place, unpacked once into copydesk's cache folder (or a temporary folder
when the cache is off); a package named by name or URL must be synced by
Vale first, and is reported otherwise.

A package is a zip of one folder. If that folder holds a ``.vale.ini`` (a
"complete" package), that configuration holds under the user's, and its
``StylesPath`` is where its styles are; else the folder is a style.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from linter.support import cache
from linter.support.errors import ConfigError


@dataclass
class Package:
    root: Path  # the package's one folder, unpacked
    config: Path | None  # its .vale.ini, for a complete package
    styles: Path  # the folder its styles are in


def unpack(path: Path) -> Package:
    """The package in the zip file ``path``, unpacked (once per content)."""
    try:
        data = path.read_bytes()
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise ConfigError(f"cannot read the Vale package: {error}", path) from None
    with archive:
        names = [n for n in archive.namelist() if not n.startswith("__MACOSX/") and not n.endswith(".DS_Store")]
        tops = {PurePosixPath(n).parts[0] for n in names if PurePosixPath(n).parts}
        unsafe = [n for n in names if n.startswith("/") or ".." in PurePosixPath(n).parts]
        if len(tops) != 1 or unsafe:
            raise ConfigError("a Vale package is a zip of one folder, its paths inside it", path)
        target = _folder() / hashlib.sha256(data).hexdigest()[:16]
        if not (target / ".complete").exists():
            for name in names:
                archive.extract(name, target)
            (target / ".complete").touch()
    root = target / tops.pop()
    config = next((root / n for n in (".vale.ini", "_vale.ini", ".vale", "_vale") if (root / n).is_file()), None)
    return Package(root, config, root / "styles" if config else root.parent)


_temporary: list[Path] = []


def _folder() -> Path:
    """Where packages are unpacked: the cache's folder, or a temporary
    one removed when the process ends."""
    where = cache.folder()
    if where is not None:
        try:
            (where / "vale-packages").mkdir(parents=True, exist_ok=True)
            return where / "vale-packages"
        except OSError:
            pass
    if not _temporary:
        _temporary.append(Path(tempfile.mkdtemp(prefix="copydesk-vale-packages-")))
        atexit.register(shutil.rmtree, _temporary[0], True)
    return _temporary[0]
