"""The Schema object: the root types composed from per-family mixins, with limits on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from schema.changes import Subscription
from schema.cost import QueryCost
from schema.curation import CurationMutation
from schema.document_cache import ValidatedDocuments, ValidateOnce
from schema.errors import ErrorCodes, is_expected
from schema.lookup import LookupQuery
from schema.network import NetworkQuery
from schema.nodes import ALL_TYPES
from schema.provenance import ProvenanceQuery
from schema.result_cache import ResultCache, ResultStore
from schema.roots import ListsQuery
from schema.scalars import SCALARS


@strawberry.type
class Query(ListsQuery, LookupQuery, NetworkQuery, ProvenanceQuery):
    pass


@strawberry.type
class Mutation(CurationMutation):
    pass


DOCUMENTS = 512
"""Distinct query texts whose validation is kept."""


@dataclass(frozen=True)
class QueryLimits:
    max_depth: int = 12
    max_tokens: int = 2000
    max_aliases: int = 30
    max_cost: int = 50_000
    result_cache_bytes: int = 0


class PoikkiSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        unexpected = [error for error in errors if not is_expected(error)]
        if unexpected:
            super().process_errors(unexpected, execution_context)


def build_schema(limits: QueryLimits = QueryLimits()) -> strawberry.Schema:
    return PoikkiSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=ALL_TYPES,
        config=StrawberryConfig(scalar_map=SCALARS),
        extensions=[
            partial(QueryDepthLimiter, max_depth=limits.max_depth),
            partial(MaxTokensLimiter, max_token_count=limits.max_tokens),
            partial(MaxAliasesLimiter, max_alias_count=limits.max_aliases),
            partial(ValidateOnce, documents=ValidatedDocuments(DOCUMENTS)),
            partial(QueryCost, max_cost=limits.max_cost),
            *(
                [partial(ResultCache, store=ResultStore(limits.result_cache_bytes))]
                if limits.result_cache_bytes
                else []
            ),
            ErrorCodes,
        ],
    )
