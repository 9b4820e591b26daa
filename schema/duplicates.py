"""`duplicateCandidates`: pairs of nodes that may be one, to merge with `mergeNodes`."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.duplicates import SCORE_RULE, Candidate, Reason, duplicate_candidates
from graph.errors import BadInputError
from graph.hygiene import shown
from graph.store import Keyset
from resolvers import cursors
from resolvers.pages import checked_first
from schema.connections import PageInfo, page_info
from schema.enums import NodeKind, described
from schema.info import Info
from schema.nodes import Entity, as_graphql

ORDER_TAG = "duplicates"

described(
    Reason,
    "What a pair of duplicate candidates has in common (or, for DIFFERENT_IDENTIFIER, not).",
    {
        "SAME_NAME": "Their names are equal but for case, diacritics and word order; the "
        "detail is the name key both have.",
        "SHARED_IDENTIFIER": "They give one identifier, in two spellings (a URL with and "
        "without `www.`, an ORCID iD and the same number as an ISNI); the detail is it.",
        "SHARED_EMPLOYER": "Both work for or belong to the organisation the detail names.",
        "SHARED_INITIATIVE": "Both lead, take part in or sit on the programme or project the "
        "detail names.",
        "DIFFERENT_IDENTIFIER": "Both have an identifier of the scheme the detail names, with "
        "different values: probably two nodes after all.",
    },
    name="DuplicateReason",
)


@strawberry.type(description="One thing a pair has in common, or that tells them apart.")
class DuplicateEvidence:
    reason: Reason = strawberry.field(description="What kind of evidence it is.")
    detail: str = strawberry.field(
        description="What is shared: the name key, the identifier, or the slug of the "
        "employer or initiative; for DIFFERENT_IDENTIFIER the scheme."
    )


@strawberry.type(description="Two nodes that may be one, with why and how likely.")
class DuplicateCandidate:
    first: Entity = strawberry.field(description="One of the pair (the one of lower slug).")
    second: Entity = strawberry.field(description="The other.")
    score: float = strawberry.field(description=f"How likely they are one: {SCORE_RULE}.")
    reasons: list[DuplicateEvidence] = strawberry.field(
        description="Everything the score counted, one entry per shared thing."
    )
    cursor: str = strawberry.field(description="Pass as `after` for the pairs after this one.")


@strawberry.type(description="A page of duplicate candidates, best first.")
class DuplicateCandidatePage:
    candidates: list[DuplicateCandidate] = strawberry.field(description="The pairs on this page.")
    page_info: PageInfo = strawberry.field(description="Whether more follow, and cursors.")
    total_count: int = strawberry.field(description="How many pairs there are, over all pages.")


def _cursor(candidate: Candidate) -> str:
    score = f"{candidate.score:.4f}"
    return cursors.encode(ORDER_TAG, Keyset((score, candidate.first.id, candidate.second.id)))


def _position(found: list[Candidate], after: str) -> int:
    """The index of the first pair after the cursor's place in the order."""
    values = cursors.decode(ORDER_TAG, after).values
    try:
        score, first, second = values
        key = (-float(score), first, second)
    except ValueError as error:
        raise BadInputError(f"Cursor '{shown(after)}' is malformed.", "after") from error
    return next((i for i, c in enumerate(found) if c.key > key), len(found))


@strawberry.type
class DuplicatesQuery:
    @strawberry.field(
        description="Pairs of nodes of a kind that may be one node, best first: found by name "
        "(ignoring case, diacritics and word order: `Hertell Sirpa` and `Sirpa Hertell`) or "
        "by an identifier in two spellings, and scored with what else they share (employers, "
        "initiatives). docs/merges.md gives the rules."
    )
    async def duplicate_candidates(
        self,
        info: Info,
        kind: Annotated[NodeKind, strawberry.argument(description="Which kind of node.")],
        first: Annotated[
            int, strawberry.argument(description="How many pairs to return (at most 100).")
        ] = 20,
        after: Annotated[
            str | None,
            strawberry.argument(description="The cursor of the last pair seen: those after it."),
        ] = None,
    ) -> DuplicateCandidatePage:
        checked_first(info.context, first)
        found = await duplicate_candidates(info.context.store, kind)
        start = 0 if after is None else _position(found, after)
        page = found[start : start + first]
        candidates = [
            DuplicateCandidate(
                first=as_graphql(c.first),
                second=as_graphql(c.second),
                score=c.score,
                reasons=[DuplicateEvidence(reason=e.reason, detail=e.detail) for e in c.evidence],
                cursor=_cursor(c),
            )
            for c in page
        ]
        cursors_of = [c.cursor for c in candidates]
        return DuplicateCandidatePage(
            candidates=candidates,
            page_info=page_info(
                lambda i: cursors_of[i], len(page), start + first < len(found), after is not None
            ),
            total_count=len(found),
        )
