"""Reading article files as text, and writing them back without losing a
byte: the same encoding and byte-order mark, replaced atomically, and only
if nobody changed the file in between."""

from __future__ import annotations

import os
from pathlib import Path
import stat
from typing import NamedTuple

from linter.hashing import blake2b

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


class UnreadableFile(Exception):
    """A file that is not an article copydesk can read; the message says why."""


class ChangedOnDisk(Exception):
    """The file changed after it was read; a fix is not written over it."""


class SourceFile(NamedTuple):
    path: Path
    text: str
    encoding: str
    bom: bytes
    digest: str  # of the bytes as read

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceFile:
    """Read and decode an article, or raise UnreadableFile saying why not.

    Only a regular file is read: a FIFO, a device or a socket (or a link to
    one) is refused before a byte is read, since reading it could block or
    never end. Reading stops past ``max_bytes`` whatever the file's size
    said, so a file that grows (or a special file that reports size 0)
    cannot push past the limit."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise UnreadableFile(_open_failure(path, error)) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(f"not a regular file ({_kind(info.st_mode)}); not read")
        if info.st_size > max_bytes:
            raise UnreadableFile(_too_large(f"file is {_size(info.st_size)}", max_bytes))
        data = _read_at_most(handle, max_bytes + 1)
    except OSError as error:
        raise UnreadableFile(f"cannot read the file: {error.strerror or error}") from None
    finally:
        os.close(handle)
    if len(data) > max_bytes:
        raise UnreadableFile(_too_large("file grew while it was read", max_bytes))
    text, encoding, bom = _decode(data)
    return SourceFile(path, text, encoding, bom, blake2b(data, digest_size=32).hexdigest())


def _read_at_most(handle: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(handle, min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _too_large(what: str, max_bytes: int) -> str:
    return f"{what}, above the {_size(max_bytes)} limit (max_file_size); not linted"


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count:,} bytes"


def _open_failure(path: Path, error: OSError) -> str:
    if path.is_symlink() and not path.exists():
        return f"broken symbolic link to {os.readlink(path)}; not linted"
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = stat.S_IFREG
    if stat.S_ISDIR(mode):
        return f"cannot read the folder: {error.strerror or error}; its stories were not linted"
    if not stat.S_ISREG(mode):
        return f"not a regular file ({_kind(mode)}); not read"
    return f"cannot read the file: {error.strerror or error}"


def _kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return kind
    return "not a file"


def decode(data: bytes) -> str:
    """The text of an article's bytes, or UnreadableFile saying why not."""
    return _decode(data)[0]


def _decode(data: bytes) -> tuple[str, str, bytes]:
    bom, encoding = next(((b, e) for b, e in _BOMS if data.startswith(b)), (b"", "utf-8"))
    if not bom and b"\x00" in data[:8192]:
        raise UnreadableFile("binary file, not an article; not linted")
    try:
        return data[len(bom) :].decode(encoding), encoding, bom
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"not valid {encoding.upper()} at byte {error.start + len(bom)}; file not linted") from None


def write_source(source: SourceFile, text: str) -> None:
    """Replace the file with ``text`` in its own encoding.

    The new content goes to a temporary file in the same folder, which takes
    the original's permissions and is renamed over it: a reader sees the old
    file or the new one, never half of either. If the file on disk is no
    longer the one that was read, nothing is written.
    """
    path = source.path.resolve()  # write through a symbolic link, not over it
    try:
        current = blake2b(path.read_bytes(), digest_size=32).hexdigest()
    except OSError as error:
        raise ChangedOnDisk(f"{path}: cannot re-read before writing: {error.strerror or error}") from None
    if current != source.digest:
        raise ChangedOnDisk(f"{path}: changed since it was read; fix not written")
    mode = path.stat().st_mode & 0o7777
    import tempfile  # only --fix writes

    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".copydesk", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(source.encode(text))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
