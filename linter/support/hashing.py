"""The one hash copydesk uses, blake2b, without importing ``hashlib``:
``hashlib`` loads OpenSSL when imported (about 1.7 ms of every start), and
CPython builds blake2b in."""

try:
    from _blake2 import blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b

__all__ = ["blake2b"]
