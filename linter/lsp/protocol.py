"""The JSON-RPC protocol of the language server: pygls' own, made to answer
every request.

pygls logs a request whose params cannot be read and sends no reply, and
drops a request that arrives after ``shutdown``: either leaves an editor
waiting for ever. Here the first gets its JSON-RPC error (InvalidParams,
or InternalError) and the second InvalidRequest, as the protocol asks.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from pygls.exceptions import JsonRpcException, JsonRpcInvalidRequest
from pygls.protocol import LanguageServerProtocol

EXIT = "exit"


class _Unreadable(NamedTuple):
    """A request whose params could not be read, and why."""

    id: Any
    error: JsonRpcException


class AnsweringProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]):  # type: ignore[no-untyped-def]
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if isinstance(data, dict) and "id" in data and "method" in data:
                return _Unreadable(data["id"], error)
            raise

    def handle_message(self, message: Any) -> None:
        if isinstance(message, _Unreadable):
            self._send_response(message.id, None, message.error.to_response_error())
            return
        is_request = getattr(message, "id", None) is not None and getattr(message, "method", None) is not None
        if self._shutdown and is_request and message.method != EXIT:
            error = JsonRpcInvalidRequest(message="the server is shutting down: no request after shutdown")
            self._send_response(message.id, None, error.to_response_error())
            return
        super().handle_message(message)
