"""GraphQL over HTTP as the spec asks, with every refusal coded: strawberry's ASGI view with
its request parsing narrowed.

- A request that cannot run is a JSON error with `extensions.code` and a 4xx status: 415 for a
  body that is not `application/json` (or is compressed), 400 for a body that is not one JSON
  object (batches included), too deep, not UTF-8 or holding a lone surrogate, for a document
  nested too deep or with several operations and no `operationName`, an unknown
  `operationName`, no query, or a subscription (they run over the websocket); 405 for a
  mutation over GET (`Allow: POST`) and for other methods (`Allow: GET, POST`).
- A client that accepts `application/graphql-response+json` gets it, and a GraphQL request
  error (the document does not parse or validate, variables do not coerce) comes with 400 and
  no `data`; `application/json` keeps 200 for those, as the spec says.
- A request may name its document by hash (Automatic Persisted Queries,
  server/persisted_queries.py), over GET and POST.
- A GET query's answer carries an ETag, Cache-Control and Vary, and If-None-Match is answered
  304 with no body (server/http_cache.py).
- The websocket checks its token again for every operation (server/websocket_tokens.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import MissingQueryError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.schema.base import BaseSchema
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from resolvers.context import Context
from schema.answer_json import answer_bytes
from server.document_shape import DocumentRefusedError, check_document
from server.http_cache import Answer, EntityTags, matches
from server.persisted_queries import PersistedQueries
from server.refusals import (
    GRAPHQL_RESPONSE,
    JSON,
    RequestRefusedError,
    preferred_media_type,
    refusal,
)
from server.request_json import MalformedJsonError, decode_bounded
from server.websocket_tokens import TokenCheckingHandler

_IDENTITY = ("", "identity")
_UTF8 = ("utf-8", "utf8")


class NotModifiedError(Exception):
    """The client holds the answer already: 304 without running the query."""

    def __init__(self, etag: str) -> None:
        super().__init__(etag)
        self.etag = etag


class TextFrames(ASGIWebSocketAdapter):
    """graphql-transport-ws messages go as text frames, though answers are encoded to bytes."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        try:
            await self.ws.send_text(answer_bytes(message).decode())
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc


class GraphQLOverHTTP(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = TokenCheckingHandler
    websocket_adapter_class = TextFrames
    max_tokens = 2000
    """Tokens the schema's limit allows in a document; the shape check lexes no further."""

    def __init__(
        self,
        schema: BaseSchema,
        *,
        documents: PersistedQueries,
        tags: EntityTags,
        **options: Any,
    ) -> None:
        super().__init__(schema, **options)
        self.documents = documents
        self.tags = tags

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        media_type = preferred_media_type(request.headers.get("accept", ""))
        request.state.media_type = media_type
        request.state.request_error = None
        request.state.answer_key = None
        request.state.cacheable = False
        response: Response
        try:
            response = await self.run(request)
        except NotModifiedError as unchanged:
            response = self.tags.not_modified(unchanged.etag)
        except HTTPException as refused:
            response = refusal(refused, media_type)
        else:
            if response.media_type == JSON and media_type == GRAPHQL_RESPONSE:
                response.headers["content-type"] = GRAPHQL_RESPONSE
                if request.state.request_error:
                    response.status_code = request.state.request_error
        if request.method == "GET" and response.status_code != 304:
            response = self._validated(request, response)
        await response(scope, receive, send)

    def _validated(self, request: Request, response: Response) -> Response:
        """A GET answer with its cache headers: an ETag when it has no errors, and 304 when
        If-None-Match already names that tag. The GraphiQL page is left as it is."""
        if response.media_type not in (JSON, GRAPHQL_RESPONSE):
            return response
        key: str | None = request.state.answer_key
        if key is None or not request.state.cacheable or response.status_code != 200:
            self.tags.mark(response.headers, None)
            return response
        etag = self.tags.of_answer(key, bytes(response.body))
        if matches(request.headers.get("if-none-match"), etag):
            return self.tags.not_modified(etag)
        self.tags.mark(response.headers, etag)
        return response

    def encode_json(self, data: object) -> bytes:
        return answer_bytes(data)

    def decode_json(self, data: str | bytes) -> object:
        return decode_bounded(data)

    def parse_json(self, data: str | bytes) -> Any:
        try:
            return decode_bounded(data)
        except MalformedJsonError as error:
            raise RequestRefusedError(400, str(error)) from error

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> GraphQLRequestData:
        if request.method != "POST":
            parsed = await super().parse_http_body(request)
            assert isinstance(parsed, GraphQLRequestData)  # only a POST body can be a batch
            return parsed
        _check_body_headers(request.headers)
        data = self.parse_json(await request.get_body())
        if isinstance(data, list):
            raise RequestRefusedError(
                400, "Batches (a JSON array of requests) are not supported: send one per POST."
            )
        if not isinstance(data, dict):
            raise RequestRefusedError(
                400, 'The body must be a JSON object: {"query": "…", "variables": {…}}.'
            )
        return _request_data(data)

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        method = request_adapter.method
        resolved = self.documents.resolve(request_data.query, request_data.extensions)
        query = resolved.document
        if query:
            try:
                check_document(query, request_data.operation_name, self.max_tokens)
            except DocumentRefusedError as error:
                raise RequestRefusedError(400, str(error), error.code) from error
            if method == "GET":
                self._check_freshness(request, query, request_data)
        allowed = {OperationType.QUERY}
        if method == "POST":
            allowed.add(OperationType.MUTATION)
        try:
            result = await self.schema.execute(
                query,
                root_value=root_value,
                variable_values=request_data.variables,
                context_value=context,
                operation_name=request_data.operation_name,
                allowed_operation_types=allowed,
                operation_extensions=request_data.extensions,
            )
        except CannotGetOperationTypeError as error:
            raise RequestRefusedError(400, error.as_http_error_reason()) from error
        except InvalidOperationTypeError as error:
            raise _wrong_transport(error.operation_type) from error
        except MissingQueryError as error:
            raise RequestRefusedError(400, "The request has no GraphQL query.") from error
        if query and resolved.learn_as and not _is_request_error(result):
            self.documents.learn(resolved.learn_as, query)
        return result

    def _check_freshness(
        self, request: Request, query: str, request_data: GraphQLRequestData
    ) -> None:
        """Keep what the answer's tag depends on; NotModifiedError when the client holds
        that answer and the tag is known before running (server/http_cache.py)."""
        viewer = getattr(request.state, "viewer", None)
        answer = Answer(
            document=query,
            operation_name=request_data.operation_name,
            variables=request_data.variables,
            role=getattr(viewer, "role", None),
            media_type=request.state.media_type,
        )
        key = self.tags.key(answer, request.state.store.version)
        request.state.answer_key = key
        etag = self.tags.before_running(key)
        if etag is not None and matches(request.headers.get("if-none-match"), etag):
            raise NotModifiedError(etag)

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        processed = await super().process_result(request, result)
        request.state.cacheable = not result.errors
        if request.state.media_type == GRAPHQL_RESPONSE and _is_request_error(result):
            processed.pop("data", None)
            request.state.request_error = _request_error_status(result)
        return processed


def _check_body_headers(headers: Mapping[str, str]) -> None:
    encoding = headers.get("content-encoding", "").strip().lower()
    if encoding not in _IDENTITY:
        raise RequestRefusedError(
            415, f"Content-Encoding '{encoding}' is not supported: send the body uncompressed."
        )
    media, *parameters = (part.strip() for part in headers.get("content-type", "").split(";"))
    if media.lower() != JSON or _charset(parameters) not in _UTF8:
        raise RequestRefusedError(
            415,
            "Send the request as Content-Type: application/json (UTF-8); "
            f"got '{headers.get('content-type', '')}'.",
            headers={"Accept-Post": JSON},
        )


def _charset(parameters: list[str]) -> str:
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return "utf-8"


def _request_data(data: dict[str, Any]) -> GraphQLRequestData:
    expected = {"query": str, "operationName": str, "variables": dict, "extensions": dict}
    for name, kind in expected.items():
        value = data.get(name)
        if value is not None and not isinstance(value, kind):
            shape = "a string" if kind is str else "an object"
            raise RequestRefusedError(400, f"`{name}` must be {shape} or null.")
    return GraphQLRequestData(
        query=data.get("query"),
        variables=data.get("variables"),
        operation_name=data.get("operationName"),
        extensions=data.get("extensions"),
        protocol="http",
    )


def _wrong_transport(operation: OperationType) -> RequestRefusedError:
    if operation is OperationType.MUTATION:
        return RequestRefusedError(405, "Mutations need POST.", headers={"Allow": "POST"})
    return RequestRefusedError(
        400,
        "Subscriptions run over the websocket at /graphql (graphql-transport-ws), not over HTTP.",
    )


def _request_error_status(result: ExecutionResult) -> int:
    """403 when what kept the request from running is that it is not allowed (a document
    off the persisted list, introspection without a token); 400 otherwise."""
    codes = {(error.extensions or {}).get("code") for error in result.errors or []}
    return 403 if codes == {"FORBIDDEN"} else 400


def _is_request_error(result: ExecutionResult) -> bool:
    """Nothing ran: the document did not parse or validate, or the variables did not coerce.
    Errors of fields carry a path; these do not."""
    return (
        result.data is None
        and bool(result.errors)
        and all(error.path is None for error in result.errors or [])
    )
