"""Reading article files as text, and writing them back without losing a
byte: the same encoding and byte-order mark, replaced atomically, only if
nobody changed the file in between, and never through a link."""

from __future__ import annotations

import os
from pathlib import Path
import stat
from typing import NamedTuple

from linter.support.hashing import blake2b

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


class UnreadableFile(Exception):
    """A file that is not an article copydesk can read; the message says why."""


class NotWritten(Exception):
    """A fix that was not written; the message says why."""


class ChangedOnDisk(NotWritten):
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
TEMPORARY_SUFFIX = ".copydesk"  # of the files --fix writes before renaming them


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
            raise UnreadableFile(too_large(f"file is {_size(info.st_size)}", max_bytes))
        data = _read_at_most(handle, max_bytes + 1)
    except OSError as error:
        raise UnreadableFile(f"cannot read the file: {error.strerror or error}") from None
    finally:
        os.close(handle)
    if len(data) > max_bytes:
        raise UnreadableFile(too_large("file grew while it was read", max_bytes))
    return decode_source(path, data)


def decode_source(path: Path, data: bytes) -> SourceFile:
    """The article held in ``data`` (a file's bytes, or standard input's),
    or UnreadableFile saying why it cannot be read."""
    text, encoding, bom = _decode(data)
    return SourceFile(path, text, encoding, bom, blake2b(data, digest_size=32).hexdigest())


def source_of_text(path: Path, text: str) -> SourceFile | None:
    """The article a file at ``path`` holding ``text`` in UTF-8 would be
    read as (an editor's buffer), with the digest of those bytes: the key
    a file with those bytes has in the result store. None when no file
    reads as exactly this text (a character UTF-8 cannot encode, or a NUL
    near the start, which reads as a binary file)."""
    bom = b"\xef\xbb\xbf" if text.startswith("\ufeff") else b""  # reading strips one byte-order mark
    try:
        source = decode_source(path, bom + text.encode("utf-8"))
    except (UnicodeEncodeError, UnreadableFile):
        return None
    return source if source.text == text else None


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


def too_large(what: str, max_bytes: int) -> str:
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


def write_source(source: SourceFile, text: str, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Replace the file with ``text`` in its own encoding, or raise
    NotWritten saying why not.

    The new content goes to a temporary file in the same folder, which takes
    the original's permissions and is renamed over it: a reader sees the old
    file or the new one, never half of either. Nothing is written when the
    file on disk is no longer the one that was read, is a symbolic link (a
    fix never writes outside the tree it was given), is not a regular file,
    is read-only or is above ``max_bytes``. The check and the rename happen
    under an exclusive lock on the file, so two runs never both write it,
    and the path is checked to be the locked file just before the rename.
    """
    path = source.path
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if path.is_symlink():
            raise NotWritten(f"{path}: a symbolic link; --fix does not write through links, fix not written") from None
        raise NotWritten(f"{path}: cannot re-read before writing: {error.strerror or error}") from None
    try:
        _lock(handle)
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise NotWritten(f"{path}: not a regular file ({_kind(info.st_mode)}); fix not written")
        if not info.st_mode & 0o222:
            raise NotWritten(f"{path}: read-only file; fix not written")
        current = _read_at_most(handle, max_bytes + 1)
        if len(current) > max_bytes:
            raise NotWritten(f"{path}: above the {_size(max_bytes)} limit (max_file_size); fix not written")
        if blake2b(current, digest_size=32).hexdigest() != source.digest:
            raise ChangedOnDisk(f"{path}: changed since it was read; fix not written")
        _replace(path, source.encode(text), info)
    except OSError as error:
        raise NotWritten(f"{path}: cannot write: {error.strerror or error}") from None
    finally:
        os.close(handle)


def _replace(path: Path, data: bytes, read: os.stat_result) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it over
    ``path``, if ``path`` is still the file ``read`` describes."""
    import tempfile  # only --fix writes

    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, read.st_mode & 0o7777)
        now = os.lstat(path)
        if (now.st_dev, now.st_ino) != (read.st_dev, read.st_ino) or not stat.S_ISREG(now.st_mode):
            raise ChangedOnDisk(f"{path}: replaced since it was read; fix not written")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _lock(handle: int, wait: bool = True) -> bool:
    """Take the exclusive lock copydesk runs take on a file they write;
    without ``wait``, say whether it was free. Where the platform has no
    such lock, every call succeeds."""
    try:
        import fcntl
    except ImportError:  # not on a POSIX system
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def remove_stale_temporaries(folder: Path) -> int:
    """Delete the temporary files a killed ``--fix`` left in ``folder``: those
    whose story is gone, or is not locked by a run writing it now. Returns
    how many were deleted."""
    removed = 0
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.endswith(TEMPORARY_SUFFIX) and entry.name[:1] == "."]
    except OSError:
        return 0
    for name in names:
        story = folder / name[1 : -len(TEMPORARY_SUFFIX)].rsplit(".", 1)[0]
        try:
            handle = os.open(story, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            handle = None
        try:
            if handle is None or _lock(handle, wait=False):
                (folder / name).unlink(missing_ok=True)
                removed += 1
        except OSError:
            pass
        finally:
            if handle is not None:
                os.close(handle)
    return removed
