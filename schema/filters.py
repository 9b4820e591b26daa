"""The filters of root lists and relationship fields, generated from the kind specs and the
relations, and how they become the store's filter trees.

- `<Kind>Filter` (one per kind) holds the node's own fields its spec names (`nameContains`,
  `sector`, `activeFrom`...), `AND`/`OR`/`NOT`, and one relation filter per relationship
  field of the kind (schema/relations.py). A relationship field whose far end holds several
  kinds gets the filter of their group: `ActorFilter` (people and organisations),
  `InitiativeFilter` (programmes and projects), `EntityFilter` (any kind): a group's filter
  has every field and relation of its kinds, and a node of a kind without one of them never
  meets a condition on it (as a missing value) and has no ties along it.
- `<Far>RelationFilter` on a relation: `some`, `none`, `all` (true for a node with no such
  ties), `single` (exactly one), each taking a `<Far>EdgeFilter`.
- `<Far>EdgeFilter`: one tie and its far node, both on the same tie: `node` (the far node's
  filter), `edge` (`TieFilter`: the tie's own role, seat type, period) and `AND`/`OR`/`NOT`.
  A relationship field itself takes it as its `filter`.

Semantics, depth and size limits: docs/filters.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import GenericAlias
from typing import Any

import strawberry
from graphql import GraphQLInputObjectType, GraphQLList, get_nullable_type

from graph import dates
from graph.errors import BadInputError
from graph.model import (
    ACTOR_KINDS,
    INITIATIVE_KINDS,
    INSTANT_KINDS,
    KIND_SPECS,
    Field,
    NodeKind,
)
from graph.store import Condition, EdgeMatch, Hop, Match, Op, Quantifier, Related
from resolvers import global_ids
from schema.enums import SeatType  # registered as GraphQL enums there, as Field.choices are
from schema.relations import RELATIONS
from schema.scalars import PartialDate

MAX_FILTER_DEPTH = 4
"""Relation filters nested in one another (`projects: {some: {node: {partners: ...}}}` is 2)."""
MAX_FILTER_PARTS = 100
"""Input objects and values set, over a whole filter."""
RELATION_COST = 1_000
"""What each relation filter adds to a query's cost (schema/cost.py): it visits every tie of
its hop, as many as a network draws."""

NOTHING = Match(any_of=())
EVERYTHING = Match()

GROUPS: Mapping[str, frozenset[NodeKind]] = {
    **{kind.value: frozenset({kind}) for kind in NodeKind},
    "Actor": frozenset(ACTOR_KINDS),
    "Initiative": frozenset(INITIATIVE_KINDS),
    "Entity": frozenset(NodeKind),
}
"""The kinds a node filter is for, by its name: one kind, or a group that relationship fields
reach (smallest first)."""


def group_of(kinds: Sequence[NodeKind]) -> str:
    """The name of the smallest group holding every one of `kinds`."""
    wanted = frozenset(kinds)
    fitting = [name for name, group in GROUPS.items() if wanted <= group]
    return min(fitting, key=lambda name: len(GROUPS[name]))


def _in_order(kinds: frozenset[NodeKind]) -> tuple[NodeKind, ...]:
    return tuple(kind for kind in NodeKind if kind in kinds)


@strawberry.input(
    description="Conditions on a tie's own properties (the edge's). Dates are the tie's own: "
    "an undated side is open, as for nodes."
)
class TieFilter:
    role: str | None = strawberry.field(default=None, description="The role, exactly.")
    role_contains: str | None = strawberry.field(
        default=None, description="Case-insensitive substring of the role."
    )
    seat_type: list[SeatType] | None = strawberry.field(
        default=None, description="Any of these seat types (steering-group seats)."
    )
    active_from: PartialDate | None = strawberry.field(
        default=None,
        description="Held on or after this date (the tie's end, if any, is not before it).",
    )
    active_to: PartialDate | None = strawberry.field(
        default=None,
        description="Held on or before this date (the tie's start, if any, is not after it).",
    )

    def conditions(self) -> tuple[Condition, ...]:
        found = []
        if self.role is not None:
            found.append(Condition("role", Op.EQUALS, self.role))
        if self.role_contains:
            found.append(Condition("role", Op.CONTAINS, self.role_contains))
        if self.seat_type is not None:
            found.append(Condition("seatType", Op.IN, tuple(s.value for s in self.seat_type)))
        if self.active_from:
            found.append(Condition("end", Op.ACTIVE_FROM, dates.first_day(self.active_from)))
        if self.active_to:
            found.append(Condition("start", Op.ACTIVE_TO, dates.last_day(self.active_to)))
        return tuple(found)


class NodeFilter:
    """What every generated node filter does; the generated class declares its fields."""

    KINDS: frozenset[NodeKind] = frozenset()
    FIELDS: tuple[Field, ...] = ()
    RELATIONS: tuple[str, ...] = ()
    ids: list[strawberry.ID] | None
    name_contains: str | None
    and_: list[NodeFilter] | None
    or_: list[NodeFilter] | None
    not_: NodeFilter | None

    def match(self, kind: NodeKind) -> Match:
        """The tree a node of `kind` (one of the filter's kinds) must meet."""
        conditions = self.conditions(kind)
        if conditions is None:
            return NOTHING
        related: list[Related] = []
        constants: list[Match] = []
        for name in self.RELATIONS:
            given: RelationFilter | None = getattr(self, name)
            if given is not None:
                found, constant = given.related(kind, name)
                related += found
                constants += constant
        return Match(
            conditions=conditions,
            related=tuple(related),
            all_of=tuple(constants) + tuple(f.match(kind) for f in self.and_ or ()),
            any_of=None if self.or_ is None else tuple(f.match(kind) for f in self.or_),
            negated=None if self.not_ is None else self.not_.match(kind),
        )

    def conditions(self, kind: NodeKind) -> tuple[Condition, ...] | None:
        """The node's own conditions; None when one names a field `kind` does not have."""
        found = []
        if self.ids is not None:
            found.append(Condition("id", Op.IN, self._slugs(kind)))
        if self.name_contains:
            found.append(Condition("name", Op.CONTAINS, self.name_contains))
        active_from: str | None = getattr(self, "active_from", None)
        active_to: str | None = getattr(self, "active_to", None)
        if active_from:
            op = Op.INSTANT_FROM if kind in INSTANT_KINDS else Op.ACTIVE_FROM
            found.append(Condition("end", op, dates.first_day(active_from)))
        if active_to:
            found.append(Condition("start", Op.ACTIVE_TO, dates.last_day(active_to)))
        own = {f.name for f in KIND_SPECS[kind].fields}
        for field in self.FIELDS:
            value = getattr(self, field.attribute)
            if value is None:
                continue
            if field.name not in own:
                return None
            if field.choices is None:
                found.append(Condition(field.name, Op.EQUALS, value))
            else:
                found.append(Condition(field.name, Op.IN, tuple(v.value for v in value)))
        return tuple(found)

    def _slugs(self, kind: NodeKind) -> tuple[str, ...]:
        slugs = []
        for given in self.ids or ():
            found, slug = global_ids.decode(str(given))
            if found not in self.KINDS:
                names = " or ".join(k.value for k in _in_order(self.KINDS))
                raise BadInputError(f"'{given}' is the id of a {found.value}, not a {names}.")
            if found is kind:
                slugs.append(slug)
        return tuple(slugs)


class EdgeFilter:
    """What every generated edge filter does: one tie along a hop and its far node."""

    node: NodeFilter | None
    edge: TieFilter | None
    and_: list[EdgeFilter] | None
    or_: list[EdgeFilter] | None
    not_: EdgeFilter | None

    def edge_match(self, hop: Hop) -> EdgeMatch:
        return EdgeMatch(
            tie=self.edge.conditions() if self.edge is not None else (),
            node=None if self.node is None else tuple((k, self.node.match(k)) for k in hop.others),
            all_of=tuple(f.edge_match(hop) for f in self.and_ or ()),
            any_of=None if self.or_ is None else tuple(f.edge_match(hop) for f in self.or_),
            negated=None if self.not_ is None else self.not_.edge_match(hop),
        )


class RelationFilter:
    """What every generated relation filter does: its quantifiers, all of which must hold."""

    some: EdgeFilter | None
    none: EdgeFilter | None
    all: EdgeFilter | None
    single: EdgeFilter | None

    def related(self, kind: NodeKind, name: str) -> tuple[list[Related], list[Match]]:
        """The relations a node of `kind` must meet along the relation `name`, and the
        constants for a kind without it (it has no such ties: SOME and SINGLE fail)."""
        hop = RELATIONS[kind].get(name)
        related, constants = [], []
        for quantifier in Quantifier:
            given: EdgeFilter | None = getattr(self, quantifier.value.lower())
            if given is None:
                continue
            if hop is not None:
                related.append(Related(hop, quantifier, given.edge_match(hop)))
            elif quantifier in (Quantifier.SOME, Quantifier.SINGLE):
                constants.append(NOTHING)
        return related, constants


def root_conditions(match: Match) -> tuple[tuple[Condition, ...], Match | None]:
    """A root list's own conditions, and the rest of its tree (None when nothing is left)."""
    rest = replace(match, conditions=())
    return match.conditions, None if rest == EVERYTHING else rest


# --- the generated input types --------------------------------------------------------------


def _fields_of(kinds: frozenset[NodeKind]) -> tuple[Field, ...]:
    """The own fields the kinds' root lists filter on, in NodeKind's and the specs' order."""
    found: dict[str, Field] = {}
    for kind in _in_order(kinds):
        spec = KIND_SPECS[kind]
        by_name = {f.name: f for f in spec.fields}
        for name in spec.filters:
            found.setdefault(name, by_name[name])
    return tuple(found.values())


def _relations_of(kinds: frozenset[NodeKind]) -> dict[str, frozenset[NodeKind]]:
    """The relations any of the kinds has, each with every kind its far end can hold."""
    found: dict[str, set[NodeKind]] = {}
    for kind in _in_order(kinds):
        for name, hop in RELATIONS[kind].items():
            found.setdefault(name, set()).update(hop.others)
    return {name: frozenset(others) for name, others in found.items()}


def _field_type(field: Field) -> object:
    """Text equals one value; a field with choices takes a list of them."""
    return str | None if field.choices is None else GenericAlias(list, field.choices) | None


def _combinators(own: type, help: str) -> tuple[dict[str, object], dict[str, object]]:
    annotations: dict[str, object] = {
        "and_": list[own] | None,  # type: ignore[valid-type]
        "or_": list[own] | None,  # type: ignore[valid-type]
        "not_": own | None,
    }
    defaults: dict[str, object] = {
        "and_": strawberry.field(
            default=None, name="AND", description=f"Every one of these {help}."
        ),
        "or_": strawberry.field(
            default=None,
            name="OR",
            description=f"At least one of these {help} (none: matches nothing).",
        ),
        "not_": strawberry.field(default=None, name="NOT", description=f"Not this {help[:-1]}."),
    }
    return annotations, defaults


def _describe(name: str, kinds: frozenset[NodeKind]) -> str:
    if len(kinds) == 1:
        return f"Conditions a {name} meets (all of those given)."
    listed = ", ".join(k.value for k in _in_order(kinds))
    return (
        f"Conditions on a node of any of {listed} (all of those given); a node of a kind "
        "without a field or relation named here does not meet a condition on it."
    )


@dataclass
class _Made:
    nodes: dict[str, type[NodeFilter]]
    edges: dict[str, type[EdgeFilter]]
    relations: dict[str, type[RelationFilter]]


def _make() -> _Made:
    """Every filter type, made undecorated first: they refer to one another."""
    made = _Made({}, {}, {})
    for name in GROUPS:
        made.nodes[name] = type(f"{name}Filter", (NodeFilter,), {"__module__": __name__})
        made.edges[name] = type(f"{name}EdgeFilter", (EdgeFilter,), {"__module__": __name__})
        made.relations[name] = type(
            f"{name}RelationFilter", (RelationFilter,), {"__module__": __name__}
        )
    for name, kinds in GROUPS.items():
        _fill_node(made, name, kinds)
        _fill_edge(made, name, kinds)
        _fill_relation(made, name)
    return made


def _fill_node(made: _Made, name: str, kinds: frozenset[NodeKind]) -> None:
    cls = made.nodes[name]
    spans = any(KIND_SPECS[k].spans for k in kinds)
    annotations: dict[str, object] = {
        "ids": list[strawberry.ID] | None,
        "name_contains": str | None,
    }
    defaults: dict[str, object] = {
        "ids": strawberry.field(default=None, description="Global ids."),
        "name_contains": strawberry.field(
            default=None, description="Case-insensitive substring of the name."
        ),
    }
    if spans:
        annotations |= {"active_from": PartialDate | None, "active_to": PartialDate | None}
        defaults |= {
            "active_from": strawberry.field(
                default=None,
                description="Active on or after this date, by the node's own dates (open ends "
                "allowed; an event or story with only a start ends when it starts).",
            ),
            "active_to": strawberry.field(
                default=None, description="Active on or before this date, by its own dates."
            ),
        }
    fields = _fields_of(kinds)
    for field in fields:
        annotations[field.attribute] = _field_type(field)
        many = "Any of these values." if field.choices else "This value, exactly."
        defaults[field.attribute] = strawberry.field(default=None, description=many)
    more, more_defaults = _combinators(cls, "node conditions")
    annotations |= more
    defaults |= more_defaults
    relations = _relations_of(kinds)
    for relation, others in relations.items():
        far = group_of(tuple(others))
        annotations[relation] = made.relations[far] | None
        defaults[relation] = strawberry.field(
            default=None,
            description=f"Its ties along `{_camel(relation)}` (each with its {far} node).",
        )
    cls.__annotations__ = annotations
    for attribute, default in defaults.items():
        setattr(cls, attribute, default)
    cls.KINDS = kinds
    cls.FIELDS = fields
    cls.RELATIONS = tuple(relations)
    cls.__doc__ = _describe(name, kinds)


def _fill_edge(made: _Made, name: str, kinds: frozenset[NodeKind]) -> None:
    cls = made.edges[name]
    annotations: dict[str, object] = {
        "node": made.nodes[name] | None,
        "edge": TieFilter | None,
    }
    defaults: dict[str, object] = {
        "node": strawberry.field(default=None, description="The node at the tie's far end."),
        "edge": strawberry.field(default=None, description="The tie itself."),
    }
    more, more_defaults = _combinators(cls, "tie conditions")
    cls.__annotations__ = annotations | more
    for attribute, default in (defaults | more_defaults).items():
        setattr(cls, attribute, default)
    cls.__doc__ = f"Conditions on one tie and the {name} node at its far end, met by the same tie."


def _fill_relation(made: _Made, name: str) -> None:
    cls = made.relations[name]
    edge = made.edges[name]
    help = {
        "some": "At least one of its ties meets this.",
        "none": "None of its ties meets this.",
        "all": "Every one of its ties meets this (true when it has none).",
        "single": "Exactly one of its ties meets this.",
    }
    cls.__annotations__ = {q: edge | None for q in help}
    for quantifier, description in help.items():
        setattr(cls, quantifier, strawberry.field(default=None, description=description))
    cls.__doc__ = (
        f"How many of a node's ties to {name} nodes meet a condition; every one given must hold."
    )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _decorate(made: _Made) -> None:
    for group in (made.nodes, made.edges, made.relations):
        for cls in group.values():
            strawberry.input(cls, description=cls.__doc__)


_MADE = _make()
_decorate(_MADE)

NODE_FILTERS: Mapping[str, type[NodeFilter]] = _MADE.nodes
"""The node filter of each group, by its name (GROUPS)."""
EDGE_FILTERS: Mapping[str, type[EdgeFilter]] = _MADE.edges
KIND_FILTERS: Mapping[NodeKind, type[NodeFilter]] = {
    kind: NODE_FILTERS[kind.value] for kind in NodeKind
}
RELATION_FILTER_NAMES = frozenset(cls.__name__ for cls in _MADE.relations.values())


def edge_filter_of(hop_others: Sequence[NodeKind]) -> type[EdgeFilter]:
    """The filter a relationship field reaching these kinds takes."""
    return EDGE_FILTERS[group_of(hop_others)]


# --- how large a filter is (checked before anything runs, schema/cost.py) ---------------------


@dataclass(frozen=True)
class FilterSize:
    depth: int = 0
    """Relation filters nested in one another."""
    parts: int = 0
    """Input objects and values set."""
    relations: int = 0
    """Relation filters (some, none, all, single) given."""


def filter_size(value: Any, input_type: Any) -> FilterSize:
    """The size of a filter's value as graphql-core coerces it (keys are GraphQL names)."""
    named = get_nullable_type(input_type)
    if isinstance(named, GraphQLList):
        if not isinstance(get_nullable_type(named.of_type), GraphQLInputObjectType):
            return FilterSize(0, 1, 0)  # a list of values is one condition
        sizes = [filter_size(item, named.of_type) for item in value or ()]
        return FilterSize(
            max((s.depth for s in sizes), default=0),
            sum(s.parts for s in sizes),
            sum(s.relations for s in sizes),
        )
    if not isinstance(named, GraphQLInputObjectType) or not isinstance(value, Mapping):
        return FilterSize(0, 1, 0)
    quantifies = named.name in RELATION_FILTER_NAMES
    depth, parts, relations = 0, 1, 0
    for field_name, field in named.fields.items():
        inner = value.get(field.out_name or field_name)
        if inner is None:
            continue
        size = filter_size(inner, field.type)
        depth = max(depth, size.depth + quantifies)
        parts += size.parts
        relations += size.relations + quantifies
    return FilterSize(depth, parts, relations)
