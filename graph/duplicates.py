"""Pairs of nodes that may be one: candidates for `merge_nodes`, best first.

Comparing every pair is quadratic (5·10⁹ pairs among 100,000 people), so nodes are first put
in blocks and only nodes sharing a block are paired:

- by **name key**: the name folded (case and diacritics dropped, graph/text_match.py) and its
  words sorted, so "Hertell Sirpa", "Sirpa Hertell" and "SIRPA HERTELL" share one key;
- by **identifier key**: an identifier loosened where two spellings name one thing: a URL
  without its scheme, `www.`, trailing slash and case; an ORCID iD and an ISNI by their
  16 characters (an ORCID iD is an ISNI-compatible number). Identifiers are unique per node
  as stored, so two nodes share one only in such a loosened form.

A block of more than MAX_BLOCK nodes is not paired: a name that common tells little, and
pairing it would be quadratic again. Each pair found is then scored (SCORE_RULE) with what
else the two share: employers (EMPLOYED_BY, MEMBER_OF) and initiatives (programmes and
projects they lead, take part in or sit on).
"""

from __future__ import annotations

import asyncio
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

from graph.model import (
    INITIATIVE_KINDS,
    TIE_SPECS,
    Identifier,
    Node,
    NodeKind,
    Scheme,
    TieType,
)
from graph.store import Direction, GraphStore, Hop
from graph.text_match import fold

MAX_BLOCK = 200
TIE_BATCH = 1_000
EMPLOYMENT = frozenset({TieType.EMPLOYED_BY, TieType.MEMBER_OF})
INITIATIVE_TIES = frozenset(
    {TieType.LEADS, TieType.PARTICIPATES_IN, TieType.SITS_ON, TieType.PARTNER_IN}
)
SCORE_RULE = (
    "0.5 for the same name key, 0.5 for each identifier shared in loosened form, 0.1 for each "
    "shared employer (at most 0.3) and 0.05 for each shared initiative (at most 0.2), and "
    "0.5 off when both have an identifier of one scheme with different values; between 0 and 1"
)
_WORD = re.compile(r"\w+")


class Reason(StrEnum):
    SAME_NAME = "SAME_NAME"
    SHARED_IDENTIFIER = "SHARED_IDENTIFIER"
    SHARED_EMPLOYER = "SHARED_EMPLOYER"
    SHARED_INITIATIVE = "SHARED_INITIATIVE"
    DIFFERENT_IDENTIFIER = "DIFFERENT_IDENTIFIER"


@dataclass(frozen=True)
class Evidence:
    reason: Reason
    detail: str
    """What is shared: the name key, the identifier, the employer's or initiative's id; for
    DIFFERENT_IDENTIFIER the scheme."""


@dataclass(frozen=True)
class Candidate:
    first: Node
    second: Node
    """The pair in id order."""
    score: float
    evidence: tuple[Evidence, ...]

    @property
    def key(self) -> tuple[float, str, str]:
        """Its place in the order (score descending, then ids): what a cursor carries."""
        return (-self.score, self.first.id, self.second.id)


def name_key(name: str) -> str:
    return " ".join(sorted(_WORD.findall(fold(name))))


def loose_key(identifier: Identifier) -> str:
    if identifier.scheme is Scheme.URL:
        text = re.sub(r"^https?://(www\.)?", "", identifier.value.lower())
        return "URL:" + text.rstrip("/")
    if identifier.scheme in (Scheme.ORCID, Scheme.ISNI):
        return "ISNI:" + identifier.value.replace("-", "")
    return identifier.key


async def duplicate_candidates(store: GraphStore, kind: NodeKind) -> list[Candidate]:
    """Every candidate pair of nodes of `kind`, best first (score, then ids); kept for the
    store's version, so paging through them computes them once."""
    cache_key = (id(store), store.version, kind)
    found = _CACHE.get(cache_key)
    if found is None:
        rows = await store.name_rows(kind)
        pairs = await asyncio.to_thread(_paired, rows)
        ids = sorted({i for pair in pairs for i in pair})
        nodes = {n.id: n for n in await store.find_nodes(ids) if n is not None}
        shared = await _affiliations(store, kind, ids)
        candidates = [_scored(nodes[a], nodes[b], shared) for a, b in pairs]
        found = sorted(candidates, key=lambda c: c.key)
        _CACHE.clear()  # one kind of one version: what someone paging through pairs needs
        _CACHE[cache_key] = found
    return found


_CACHE: dict[tuple[int, int, NodeKind], list[Candidate]] = {}


def _paired(rows: Sequence[tuple[str, str, tuple[str, ...]]]) -> set[tuple[str, str]]:
    """The pairs of ids that share a block (the module's rules)."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for ident, folded, keys in rows:
        words = " ".join(sorted(_WORD.findall(folded)))
        if words:
            blocks["name:" + words].append(ident)
        for loose in {loose_key(Identifier.from_key(key)) for key in keys}:
            blocks["id:" + loose].append(ident)
    return {
        pair
        for members in blocks.values()
        if 1 < len(members) <= MAX_BLOCK
        for pair in combinations(sorted(members), 2)
    }


async def _affiliations(
    store: GraphStore, kind: NodeKind, ids: Sequence[str]
) -> dict[str, dict[Reason, set[str]]]:
    """Each node's employers and initiatives, by id."""
    held: dict[str, dict[Reason, set[str]]] = defaultdict(lambda: defaultdict(set))
    for reason, types, others in (
        (Reason.SHARED_EMPLOYER, EMPLOYMENT, (NodeKind.ORGANISATION,)),
        (Reason.SHARED_INITIATIVE, INITIATIVE_TIES, INITIATIVE_KINDS),
    ):
        usable = tuple(sorted(t for t in types if kind in TIE_SPECS[t].sources))
        if not usable or not ids:
            continue
        hop = Hop(kind, usable, Direction.OUT, others)
        for start in range(0, len(ids), TIE_BATCH):
            found = await store.neighbours(hop, ids[start : start + TIE_BATCH])
            for parent, items in found.items():
                held[parent][reason].update(item.node.id for item in items)
    return held


def _scored(a: Node, b: Node, shared: dict[str, dict[Reason, set[str]]]) -> Candidate:
    evidence: list[Evidence] = []
    score = 0.0
    key_a = name_key(a.name)
    if key_a and key_a == name_key(b.name):
        evidence.append(Evidence(Reason.SAME_NAME, key_a))
        score += 0.5
    loose_b = {loose_key(i) for i in b.identifiers}
    for loose in sorted({loose_key(i) for i in a.identifiers} & loose_b):
        evidence.append(Evidence(Reason.SHARED_IDENTIFIER, loose))
        score += 0.5
    for reason, each, most in (
        (Reason.SHARED_EMPLOYER, 0.1, 0.3),
        (Reason.SHARED_INITIATIVE, 0.05, 0.2),
    ):
        common = sorted(_held(shared, a.id, reason) & _held(shared, b.id, reason))
        evidence += [Evidence(reason, ident) for ident in common]
        score += min(each * len(common), most)
    for scheme in _differing_schemes(a.identifiers, b.identifiers, loose_b):
        evidence.append(Evidence(Reason.DIFFERENT_IDENTIFIER, scheme.value))
        score -= 0.5
    return Candidate(a, b, round(min(max(score, 0.0), 1.0), 4), tuple(evidence))


def _held(shared: dict[str, dict[Reason, set[str]]], node_id: str, reason: Reason) -> set[str]:
    return shared[node_id][reason] if node_id in shared else set()


def _differing_schemes(
    mine: Iterable[Identifier], theirs: Iterable[Identifier], loose_theirs: set[str]
) -> list[Scheme]:
    """Schemes (but URL) both give, where none of one's values is one of the other's."""
    by_scheme: dict[Scheme, set[str]] = defaultdict(set)
    for item in theirs:
        by_scheme[item.scheme].add(loose_key(item))
    found: list[Scheme] = []
    for scheme in sorted({i.scheme for i in mine} & by_scheme.keys()):
        if scheme is Scheme.URL:
            continue
        values = {loose_key(i) for i in mine if i.scheme is scheme}
        if not values & loose_theirs:
            found.append(scheme)
    return found
