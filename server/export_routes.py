"""`GET /export/{format}`: a scope of the network streamed in a visualiser's format."""

from __future__ import annotations

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
from server.export_request import export_graph, parse_format, parse_request

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
        graph = await export_graph(request.state.analytics, wanted)
    except PoikkiError as error:
        status, code = next(found for kind, found in _STATUS.items() if isinstance(error, kind))
        return JSONResponse(_error_body(error, code), status_code=status)
    writer = WRITERS[export_format]
    file_name = wanted.file_name(export_format)
    return StreamingResponse(
        writer.write(graph),
        media_type=writer.media_type,
        headers={"Content-Disposition": f'attachment; filename="{file_name}"'},
    )


def _error_body(error: PoikkiError, code: str) -> dict[str, object]:
    extensions: dict[str, str] = {"code": code}
    parameter = getattr(error, "field", None)
    if parameter:
        extensions["parameter"] = parameter
    return {"errors": [{"message": str(error), "extensions": extensions}]}
