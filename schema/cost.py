"""A cost estimate for each operation, checked after validation and before anything runs.

The cost is how many objects the operation could return, every list counted:
- a connection or list that takes `first` returns that many (its default when not given) for
  each of its parents;
- a list without `first` counts its declared size (`ListSizes`): `nodes(ids)` the ids given, a
  network's nodes and edges the `maxNodes`/`maxEdges` asked (the server's caps when not given),
  a path its most steps, a node's sources and claims a few each;
- the network questions that compute (`measures`, `communities`, `ego`, `path`) add a weight that
  grows with their scope: the whole graph weighs as much as the largest network drawn, a scope
  of seeds or initiatives a share of that per seed or initiative.
- a `filter` adds RELATION_COST for each relation filter (`some`, `none`, `all`, `single`) in
  it and 1 for each part, once (all parents in a batch share its evaluation); one nested
  deeper or larger than the filters allow (schema/filters.py) is refused outright.
- a connection's `aggregate` adds AGGREGATE_WEIGHT, and sorting a connection by a count of
  ties (`orderBy: {count: ...}`) COUNT_ORDER_WEIGHT (ROOT_COUNT_ORDER_WEIGHT on a root list,
  which counts the ties of every node of its kind), once per connection.
Whatever is nested beneath a list is multiplied by its size. A connection's `edges` pass their
connection's count on; its other fields (`totalCount`, `aggregate`...) count once per
connection. Fragments are expanded where they are spread (graphql-core's validation
has already refused fragment cycles). docs/limits.md lists the weights.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    Undefined,
    VariableNode,
    get_named_type,
    get_nullable_type,
    value_from_ast,
)
from graphql.execution import ExecutionResult
from strawberry.extensions import SchemaExtension

from schema.filters import MAX_FILTER_DEPTH, MAX_FILTER_PARTS, RELATION_COST, filter_size

DEFAULT_FIRST = 20
DRAWN_NODES = 2_500
DRAWN_EDGES = 2_500
"""The most nodes and edges `network`/`collaboration` draw when `maxNodes`/`maxEdges` are not
given; a client asks for more (up to the caps) explicitly, as it asks for `first`."""
MAX_PATH_STEPS = 100
"""The most nodes a path answers with over GraphQL (a longer one is LIMIT_EXCEEDED)."""
MAX_UNSOURCED = 500
"""The most nodes (and ties) `unsourced` lists."""


@dataclass(frozen=True)
class ListSizes:
    """The sizes the cost model counts for lists that take no `first`."""

    network_nodes: int = 20_000
    """The most nodes `network`/`collaboration` draw over GraphQL (POIKKI_MAX_NETWORK_NODES)."""
    network_edges: int = 30_000
    """The most edges they draw (POIKKI_MAX_NETWORK_EDGES)."""
    per_scope_anchor: int = 1_000
    """The weight of a network question per seed or initiative of its scope."""
    by_field: Mapping[str, int] = field(
        default_factory=lambda: {
            "sources": 3,
            "claims": 3,
            "identifiers": 3,
            "mergedFrom": 3,
            "matched": 20,
            "reasons": 4,
            "shared": 10,
            "contested": 3,
            "groups": 20,
            "componentSizes": 100,
            "tokens": 100,
        }
    )
    other: int = 20
    """Any other list without `first`."""


AGGREGATE_WEIGHT = 100
"""An `aggregate` reads every node or tie its list selects: it weighs a full page of them."""
COUNT_ORDER_WEIGHT = 100
"""A relationship field sorted by a count of ties counts its far nodes' ties: a full page."""
ROOT_COUNT_ORDER_WEIGHT = 1_000
"""A root list sorted by a count of ties counts the ties of every node of its kind."""

COMPUTED_QUESTIONS = frozenset({"measures", "communities", "ego", "path", "change"})
DRAWN_NETWORKS = frozenset({"network", "collaboration"})


class FilterRefusedError(Exception):
    """A filter nested deeper or larger than the filters allow."""

    def __init__(self, message: str, extensions: dict[str, Any]) -> None:
        super().__init__(message)
        self.extensions = extensions


class QueryCost(SchemaExtension):
    def __init__(self, *, max_cost: int, sizes: ListSizes = ListSizes()) -> None:
        self.max_cost = max_cost
        self.sizes = sizes

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and not context.result:
            schema = context.schema._schema
            try:
                cost = KNOWN_COSTS.cost(
                    schema, document, context.operation_name, context.variables, self.sizes
                )
            except FilterRefusedError as refused:
                error = GraphQLError(
                    str(refused), extensions={"code": "LIMIT_EXCEEDED", **refused.extensions}
                )
                context.result = ExecutionResult(data=None, errors=[error])
                yield
                return
            if cost > self.max_cost:
                context.result = ExecutionResult(
                    data=None,
                    errors=[
                        GraphQLError(
                            f"The query could return about {cost:,} objects; at most "
                            f"{self.max_cost:,} are allowed. Ask for fewer (smaller `first`, "
                            "`maxNodes`/`maxEdges` on networks, less nesting, a narrower "
                            "scope) or page through.",
                            extensions={"code": "LIMIT_EXCEEDED", "cost": cost},
                        )
                    ],
                )
        yield


def operation_cost(
    schema: GraphQLSchema,
    document: Any,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    sizes: ListSizes = ListSizes(),
) -> int:
    return _counted(schema, document, operation_name, dict(variables or {}), sizes)


def _counted(
    schema: GraphQLSchema,
    document: Any,
    operation_name: str | None,
    variables: dict[str, Any],
    sizes: ListSizes,
) -> int:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    chosen = [
        o
        for o in operations
        if operation_name is None or (o.name and o.name.value == operation_name)
    ]
    if not chosen:
        return 0
    operation = chosen[0]
    root = {
        OperationType.QUERY: schema.query_type,
        OperationType.MUTATION: schema.mutation_type,
        OperationType.SUBSCRIPTION: schema.subscription_type,
    }[operation.operation]
    if root is None:
        return 0
    counter = _Counter(schema, fragments, variables, sizes)
    return counter.selection_cost(operation.selection_set, root, 1, frozenset(), {})


class KnownCosts:
    """Costs already counted, by document (parsed once per text, so the same object) and
    operation, for the values of just the variables the count read (and whether there were
    any, when it asked): a list paged with a new `after` each time costs what its first page
    did without being counted again. A count that iterated over the variables depends on
    every one of them."""

    DOCUMENTS = 256
    PER_DOCUMENT = 8

    def __init__(self) -> None:
        self._known: OrderedDict[tuple[int, str | None], _Known] = OrderedDict()
        self._lock = threading.Lock()

    def held(self, document: Any, operation_name: str | None = None) -> list[Any]:
        """What is known of the document's operation: each variable reading and its cost."""
        with self._lock:
            known = self._known.get((id(document), operation_name))
            return list(known.costs) if known is not None and known.document is document else []

    def cost(
        self,
        schema: GraphQLSchema,
        document: Any,
        operation_name: str | None,
        variables: Mapping[str, Any] | None,
        sizes: ListSizes = ListSizes(),
    ) -> int:
        given = dict(variables or {})
        key = (id(document), operation_name)
        with self._lock:
            known = self._known.get(key)
            if known is not None and known.holds(document, schema, sizes):
                self._known.move_to_end(key)
                for reading in known.costs:
                    if reading.matches(given):
                        return reading.cost
        recorded = _RecordedVariables(given)
        cost = _counted(schema, document, operation_name, recorded, sizes)
        names = given.keys() if recorded.whole else recorded.read
        try:
            reads = tuple((name, _as_key(given.get(name, _ABSENT))) for name in sorted(names))
        except TypeError:  # not JSON: counted again next time
            return cost
        reading = _Reading(reads, bool(given) if recorded.sized else None, cost)
        with self._lock:
            known = self._known.get(key)
            if known is None or not known.holds(document, schema, sizes):
                known = self._known[key] = _Known(document, schema, sizes, [])
            known.costs.insert(0, reading)
            del known.costs[self.PER_DOCUMENT :]
            while len(self._known) > self.DOCUMENTS:
                self._known.popitem(last=False)
        return cost


@dataclass
class _Known:
    document: Any
    schema: GraphQLSchema
    sizes: ListSizes
    costs: list[_Reading]

    def holds(self, document: Any, schema: GraphQLSchema, sizes: ListSizes) -> bool:
        return self.document is document and self.schema is schema and self.sizes == sizes


@dataclass(frozen=True)
class _Reading:
    """The values the count read (as `_as_key` writes them), whether there were any variables
    if it asked (else None), and the cost it gave."""

    values: tuple[tuple[str, bytes], ...]
    some: bool | None
    cost: int

    def matches(self, given: dict[str, Any]) -> bool:
        if self.some is not None and self.some != bool(given):
            return False
        return all(_same(given, name, value) for name, value in self.values)


KNOWN_COSTS = KnownCosts()


_ABSENT = object()


def _as_key(value: Any) -> bytes:
    """A variable's value as the count saw it: 1 and 1.0 and True stay apart."""
    if value is _ABSENT:
        return b"absent"
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def _same(given: dict[str, Any], name: str, value: bytes) -> bool:
    try:
        return _as_key(given.get(name, _ABSENT)) == value
    except TypeError:
        return False


class _RecordedVariables(dict[str, Any]):
    """The request's variables, noting which the count reads."""

    def __init__(self, values: dict[str, Any]) -> None:
        super().__init__(values)
        self.read: set[str] = set()
        self.sized = False
        """Whether the count asked if there are any variables (graphql-core's coercion of a
        literal does; none asks how many)."""
        self.whole = False

    def __getitem__(self, name: str) -> Any:
        self.read.add(name)
        return super().__getitem__(name)

    def get(self, name: str, default: Any = None) -> Any:
        self.read.add(name)
        return super().get(name, default)

    def __contains__(self, name: object) -> bool:
        if isinstance(name, str):
            self.read.add(name)
        return super().__contains__(name)

    def __len__(self) -> int:
        self.sized = True
        return super().__len__()

    def __iter__(self) -> Iterator[str]:
        self.whole = True
        return super().__iter__()

    def keys(self) -> Any:
        self.whole = True
        return super().keys()

    def items(self) -> Any:
        self.whole = True
        return super().items()

    def values(self) -> Any:
        self.whole = True
        return super().values()

    def copy(self) -> dict[str, Any]:
        self.whole = True
        return super().copy()


class _Counter:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: dict[str, Any],
        sizes: ListSizes,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.sizes = sizes

    def selection_cost(
        self,
        selections: SelectionSetNode,
        parent: GraphQLNamedType,
        multiplier: int,
        spread: frozenset[str],
        declared: Mapping[str, int],
        outer: int | None = None,
    ) -> int:
        """`declared`: sizes the parent field fixed for this level's lists (a network's);
        `outer`: in a connection's selection, how many connections there are."""
        total = 0
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                total += self.field_cost(selection, parent, multiplier, spread, declared, outer)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selection_cost(
                    selection.selection_set, target or parent, multiplier, spread, declared, outer
                )
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in spread:
                    continue
                target = self.schema.get_type(fragment.type_condition.name.value) or parent
                total += self.selection_cost(
                    fragment.selection_set, target, multiplier, spread | {name}, declared, outer
                )
        return total

    def field_cost(
        self,
        node: FieldNode,
        parent: GraphQLNamedType,
        multiplier: int,
        spread: frozenset[str],
        declared: Mapping[str, int],
        outer: int | None = None,
    ) -> int:
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        name = node.name.value
        definition = parent.fields.get(name)
        if definition is None:
            return 0
        if outer is not None and name != "edges":
            multiplier = outer
        size = self.size_of(node, definition, parent, declared)
        count = multiplier if size is None else multiplier * size
        cost = 0 if size is None else count
        cost += self.filter_weight(node, definition)
        if name in COMPUTED_QUESTIONS and parent is self.schema.query_type:
            periods = self.argument(node, definition, "periods")
            times = len(periods) if isinstance(periods, list) and periods else 1
            cost += multiplier * times * self.scope_weight(node, definition)
        cost += multiplier * self.tally_weight(node, definition, parent)
        if node.selection_set is not None:
            child = get_named_type(definition.type)
            below = self.network_sizes(node, definition) if name in DRAWN_NETWORKS else {}
            inside = multiplier if _is_connection(child) else None
            cost += self.selection_cost(node.selection_set, child, count, spread, below, inside)
        return cost

    def tally_weight(
        self, node: FieldNode, definition: GraphQLField, parent: GraphQLNamedType
    ) -> int:
        """What an aggregate, or sorting by a count of ties, weighs per connection."""
        if node.name.value == "aggregate" and _is_connection(parent):
            return AGGREGATE_WEIGHT
        order = self.argument(node, definition, "orderBy")
        if not isinstance(order, Mapping) or order.get("count") is None:
            return 0
        return ROOT_COUNT_ORDER_WEIGHT if parent is self.schema.query_type else COUNT_ORDER_WEIGHT

    def size_of(
        self,
        node: FieldNode,
        definition: GraphQLField,
        parent: GraphQLNamedType,
        declared: Mapping[str, int],
    ) -> int | None:
        """How many objects the field returns per parent; None for a single object."""
        name = node.name.value
        returns = get_nullable_type(definition.type)
        is_list = isinstance(returns, GraphQLList)
        if _is_connection(get_named_type(definition.type)) or (
            is_list and "first" in definition.args
        ):
            return self.first_of(node, definition)
        if not is_list:
            return None
        if _is_connection(parent) and name == "edges":
            return None  # the connection's `first` counted them
        if name in declared:
            return declared[name]
        if parent is self.schema.query_type and name == "nodes":
            ids = self.argument(node, definition, "ids")
            return len(ids) if isinstance(ids, list) else self.sizes.other
        if parent.name == "PathResult":
            return MAX_PATH_STEPS
        if parent.name == "UnsourcedFacts":
            return MAX_UNSOURCED
        return self.sizes.by_field.get(name, self.sizes.other)

    def filter_weight(self, node: FieldNode, definition: GraphQLField) -> int:
        """What the field's `filter` weighs; FilterRefusedError past the filters' limits."""
        argument = definition.args.get("filter")
        value = self.argument(node, definition, "filter") if argument else None
        if argument is None or value is None:
            return 0
        size = filter_size(value, argument.type)
        name = node.name.value
        if size.depth > MAX_FILTER_DEPTH:
            raise FilterRefusedError(
                f"The filter of `{name}` nests relation filters {size.depth} deep; at most "
                f"{MAX_FILTER_DEPTH} are allowed.",
                {"filterDepth": size.depth, "maxFilterDepth": MAX_FILTER_DEPTH},
            )
        if size.parts > MAX_FILTER_PARTS:
            raise FilterRefusedError(
                f"The filter of `{name}` has {size.parts} parts (input objects and values); "
                f"at most {MAX_FILTER_PARTS} are allowed.",
                {"filterParts": size.parts, "maxFilterParts": MAX_FILTER_PARTS},
            )
        return size.relations * RELATION_COST + size.parts

    def network_sizes(self, node: FieldNode, definition: GraphQLField) -> dict[str, int]:
        nodes = self.argument(node, definition, "maxNodes")
        edges = self.argument(node, definition, "maxEdges")
        return {
            "nodes": _at_most(nodes, DRAWN_NODES, self.sizes.network_nodes),
            "edges": _at_most(edges, DRAWN_EDGES, self.sizes.network_edges),
        }

    def scope_weight(self, node: FieldNode, definition: GraphQLField) -> int:
        scope = self.argument(node, definition, "scope")
        whole = self.sizes.network_nodes
        if not isinstance(scope, Mapping):
            return whole
        anchors = len(scope.get("seeds") or ()) + len(scope.get("initiatives") or ())
        if anchors == 0:
            return whole
        depth = scope.get("depth")
        reach = max(1, depth) if isinstance(depth, int) else 1
        return min(whole, anchors * reach * self.sizes.per_scope_anchor)

    def first_of(self, node: FieldNode, definition: GraphQLField) -> int:
        value = self.argument(node, definition, "first")
        if not isinstance(value, int) or value < 0:
            return DEFAULT_FIRST
        return value

    def argument(self, node: FieldNode, definition: GraphQLField, name: str) -> Any:
        """The argument's value as given (a literal or a variable), else its default; None
        when absent or malformed (validation and coercion report those)."""
        argument = definition.args.get(name)
        if argument is None:
            return None
        given = next((a for a in node.arguments or () if a.name.value == name), None)
        if given is None:
            default = argument.default_value
            return None if default is Undefined else default
        if isinstance(given.value, VariableNode) and given.value.name.value not in self.variables:
            default = argument.default_value
            return None if default is Undefined else default
        try:
            value = value_from_ast(given.value, argument.type, self.variables)
        except (TypeError, ValueError):
            return None
        return None if value is Undefined else value


def _is_connection(type_: GraphQLNamedType) -> bool:
    return isinstance(type_, GraphQLObjectType) and {"edges", "pageInfo"} <= type_.fields.keys()


def _at_most(asked: object, default: int, cap: int) -> int:
    return min(asked, cap) if isinstance(asked, int) and asked >= 0 else min(default, cap)
