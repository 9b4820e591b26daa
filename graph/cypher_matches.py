"""Conditions and filter trees (`Match`, `EdgeMatch`) as Cypher predicates both backends run.

A relation becomes a pattern subquery on the variable it starts from: SOME is
`EXISTS { MATCH ... WHERE edge }`, NONE its negation, ALL `NOT EXISTS { MATCH ... WHERE NOT
edge }` (true for a node with no such ties), SINGLE `COUNT { MATCH ... WHERE edge } = 1`.
Every predicate is two-valued (a missing value never equals anything, so `NOT` of a condition
on it holds), constants are folded away, values travel as $parameters.

The one dialect difference is how a node's kind is tested where a variable may hold several
(`KindTest`): Neo4j writes `o:Organisation`, LadybugDB `label(o) = 'Organisation'` (it ignores
a label given again to a variable already bound, so the test cannot be put in the pattern).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from graph.model import NodeKind
from graph.store import Condition, Direction, EdgeMatch, Match, Op, Quantifier, Related

KindTest = Callable[[str, NodeKind], str]
TRUE, FALSE = "true", "false"


def prop(var: str, name: str) -> str:
    return f"{var}.`{name}`"


def labels(kinds: Sequence[NodeKind]) -> str:
    return "|".join(kind.value for kind in kinds)


def condition(var: str, condition: Condition, params: dict[str, Any]) -> str:
    """One condition on `var`'s property, its value a new parameter."""
    name = f"c{len(params)}"
    params[name] = list(condition.value) if condition.op is Op.IN else condition.value
    column = prop(var, condition.prop)
    if condition.op is Op.INSTANT_FROM:
        column = f"coalesce({column}, {prop(var, 'start')})"
    match condition.op:
        case Op.EQUALS:
            return f"{column} = ${name}"
        case Op.IN:
            return f"{column} IN ${name}"
        case Op.CONTAINS:
            params[name] = str(condition.value).lower()
            return f"lower(coalesce({column}, '')) CONTAINS ${name}"
        case Op.ACTIVE_FROM | Op.INSTANT_FROM:
            # `end` may be of reduced precision ("2017"): compare at its precision.
            return f"({column} IS NULL OR left(${name}, size({column})) <= {column})"
        case Op.ACTIVE_TO:
            return f"({column} IS NULL OR {column} <= ${name})"


@dataclass
class Predicates:
    """Writes predicates into one statement: its parameters and the variables it has used."""

    kind_test: KindTest
    params: dict[str, Any]
    _variables: int = 0

    def node(self, match: Match, var: str) -> str:
        """`var`, a node of the match's kind, meets `match`."""
        parts = [self._condition(var, c) for c in match.conditions]
        parts += [self._related(var, r) for r in match.related]
        parts += [self.node(m, var) for m in match.all_of]
        if match.any_of is not None:
            parts.append(either([self.node(m, var) for m in match.any_of]))
        if match.negated is not None:
            parts.append(negation(self.node(match.negated, var)))
        return both(parts)

    def edge(self, edge: EdgeMatch, rel: str, other: str) -> str:
        """The tie `rel` and the node `other` at its far end meet `edge`."""
        parts = [self._condition(rel, c) for c in edge.tie]
        if edge.node is not None:
            parts.append(self._far_node(edge.node, other))
        parts += [self.edge(e, rel, other) for e in edge.all_of]
        if edge.any_of is not None:
            parts.append(either([self.edge(e, rel, other) for e in edge.any_of]))
        if edge.negated is not None:
            parts.append(negation(self.edge(edge.negated, rel, other)))
        return both(parts)

    def _far_node(self, by_kind: Sequence[tuple[NodeKind, Match]], var: str) -> str:
        """One predicate when every kind gets the same; else each kind's behind its test."""
        if len({match for _, match in by_kind}) == 1:
            return self.node(by_kind[0][1], var)
        branches = []
        for kind, match in by_kind:
            predicate = self.node(match, var)
            if predicate != FALSE:
                branches.append(both([self.kind_test(var, kind), predicate]))
        return either(branches)

    def _related(self, var: str, related: Related) -> str:
        hop = related.hop
        self._variables += 1
        rel, other = f"r{self._variables}", f"o{self._variables}"
        types = "|".join(t.value for t in hop.types)
        left, right = ("-", "->") if hop.direction is Direction.OUT else ("<-", "-")
        pattern = f"MATCH ({var}){left}[{rel}:{types}]{right}({other}:{labels(hop.others)})"
        meets = self.edge(related.edge, rel, other)
        match related.quantifier:
            case Quantifier.SOME:
                return _exists(pattern, meets)
            case Quantifier.NONE:
                return negation(_exists(pattern, meets))
            case Quantifier.ALL:
                return negation(_exists(pattern, negation(meets)))
            case Quantifier.SINGLE:
                if meets == FALSE:
                    return FALSE
                return f"COUNT {{ {pattern}{_where(meets)} }} = 1"

    def _condition(self, var: str, given: Condition) -> str:
        written = condition(var, given, self.params)
        if given.op in (Op.EQUALS, Op.IN):
            return f"coalesce({written}, false)"  # null (a missing value) is false, not unknown
        return written


def _exists(pattern: str, meets: str) -> str:
    return FALSE if meets == FALSE else f"EXISTS {{ {pattern}{_where(meets)} }}"


def _where(predicate: str) -> str:
    return "" if predicate == TRUE else f" WHERE {predicate}"


def both(parts: Sequence[str]) -> str:
    kept = [p for p in parts if p != TRUE]
    if FALSE in kept:
        return FALSE
    if not kept:
        return TRUE
    return kept[0] if len(kept) == 1 else "(" + " AND ".join(kept) + ")"


def either(parts: Sequence[str]) -> str:
    kept = [p for p in parts if p != FALSE]
    if TRUE in kept:
        return TRUE
    if not kept:
        return FALSE
    return kept[0] if len(kept) == 1 else "(" + " OR ".join(kept) + ")"


def negation(part: str) -> str:
    if part in (TRUE, FALSE):
        return FALSE if part == TRUE else TRUE
    return f"NOT {part}" if part.startswith(("(", "EXISTS")) else f"NOT ({part})"
