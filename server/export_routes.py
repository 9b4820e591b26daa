"""`GET /export/{format}`: a scope of the network streamed in a visualiser's format.

A response never ends looking complete when it is not. The writer's first chunk is made before
the 200 goes out, so a writer that fails early (on a small graph: before anything is sent)
answers 500 with a coded JSON error. A writer that fails later re-raises, so the server drops
the connection without the last chunk of the chunked response, which every HTTP client reports
as an incomplete transfer rather than a file.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from graph.errors import (
    BadInputError,
    LimitExceededError,
    NotFoundError,
    PoikkiError,
    StoreUnavailableError,
)
from graph.exports.formats import WRITERS, ExportFormat
from graph.exports.jsonld import context_text
from server.export_request import export_chunks, parse_format, parse_request

logger = logging.getLogger("poikki.export")

_STATUS: dict[type[PoikkiError], tuple[int, str]] = {
    NotFoundError: (404, "NOT_FOUND"),
    BadInputError: (400, "BAD_INPUT"),
    LimitExceededError: (400, "LIMIT_EXCEEDED"),
    StoreUnavailableError: (503, "UNAVAILABLE"),
}


async def export(request: Request) -> Response:
    try:
        export_format = parse_format(request.path_params["format"])
    except BadInputError as error:
        body = _error_body(error, "NOT_FOUND")
        body["formats"] = [f.value for f in ExportFormat]
        return JSONResponse(body, status_code=404)
    try:
        query = request.query_params
        wanted = parse_request({name: query.getlist(name) for name in query})
        context_url = str(request.url_for("jsonld_context"))
        exported = await export_chunks(
            request.state.analytics, wanted, export_format, context_url=context_url
        )
    except PoikkiError as error:
        status, code = next(found for kind, found in _STATUS.items() if isinstance(error, kind))
        return JSONResponse(_error_body(error, code), status_code=status)
    writer = WRITERS[export_format]
    file_name = wanted.file_name(export_format)
    chunks = exported.chunks
    try:
        first = await run_in_threadpool(next, chunks, b"")
    except Exception:
        logger.exception("The %s export failed before it was sent", export_format.value)
        message = "The export failed; nothing was sent. The error is logged."
        body = {"errors": [{"message": message, "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]}
        return JSONResponse(body, status_code=500)
    return StreamingResponse(
        _rest(first, chunks, export_format),
        media_type=writer.media_type,
        headers={"Content-Disposition": f'attachment; filename="{file_name}"'},
    )


async def jsonld_context(request: Request) -> Response:
    """The JSON-LD context the JSON-LD export names, as shipped in the package."""
    return Response(
        context_text(),
        media_type="application/ld+json",
        headers={"Cache-Control": "public, max-age=86400", "Access-Control-Allow-Origin": "*"},
    )


def _rest(first: bytes, chunks: Iterator[bytes], export_format: ExportFormat) -> Iterator[bytes]:
    yield first
    try:
        yield from chunks
    except Exception:
        logger.exception("The %s export failed mid-stream; the transfer is cut", export_format)
        raise


def _error_body(error: PoikkiError, code: str) -> dict[str, object]:
    extensions: dict[str, str] = {"code": code}
    parameter = getattr(error, "field", None)
    if parameter:
        extensions["parameter"] = parameter
    return {"errors": [{"message": str(error), "extensions": extensions}]}
