"""One shape for every request refused before GraphQL runs: a JSON body
`{"errors": [{"message": …, "extensions": {"code": …}}]}` with a 4xx status (and the headers
the status calls for), in the media type the client asked for."""

from __future__ import annotations

from collections.abc import Mapping

from cross_web import HTTPException
from starlette.responses import JSONResponse

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
CODES_BY_STATUS = {404: "NOT_FOUND", 413: "LIMIT_EXCEEDED", 401: "FORBIDDEN"}
"""The code of a refusal that names none: BAD_INPUT unless listed here."""


class RequestRefusedError(HTTPException):
    """A request refused before it runs; strawberry's own HTTPException carries no code."""

    def __init__(
        self,
        status_code: int,
        message: str,
        code: str = "BAD_INPUT",
        headers: Mapping[str, str] | None = None,
        *,
        json_status: int | None = None,
    ) -> None:
        super().__init__(status_code, message)
        self.code = code
        self.headers = dict(headers or {})
        self.json_status = json_status
        """The status for application/json when it differs: the spec's 200 for a request
        that is well formed but cannot run (application/graphql-response+json gets 4xx)."""


def refusal(refused: HTTPException, media_type: str = JSON) -> JSONResponse:
    status = refused.status_code
    if isinstance(refused, RequestRefusedError):
        code, headers = refused.code, refused.headers
        if media_type == JSON and refused.json_status is not None:
            status = refused.json_status
    else:
        code, headers = CODES_BY_STATUS.get(refused.status_code, "BAD_INPUT"), {}
        if refused.status_code == 405:
            headers = {"Allow": "GET, POST"}
    return JSONResponse(
        {"errors": [{"message": refused.reason, "extensions": {"code": code}}]},
        status_code=status,
        headers=headers,
        media_type=media_type,
    )


def preferred_media_type(accept: str) -> str:
    """application/graphql-response+json when the client lists it at least as high as
    application/json (as Apollo and graphql-http do); application/json otherwise, also for
    `*/*` and for clients that name neither (the GraphQL over HTTP spec's legacy default)."""
    graphql_response = plain = 0.0
    for entry in accept.split(","):
        media, *parameters = (part.strip() for part in entry.split(";"))
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        media = media.lower()
        if media == GRAPHQL_RESPONSE:
            graphql_response = max(graphql_response, quality)
        elif media in (JSON, "application/*", "*/*"):
            plain = max(plain, quality)
    return GRAPHQL_RESPONSE if graphql_response > 0 and graphql_response >= plain else JSON
