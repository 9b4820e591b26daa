"""Queries drawn from the schema with what the planned executor must get right: aliases, inline
and named fragments on unions and interfaces, variables in arguments and in `@include`/`@skip`,
`__typename` everywhere, and arguments that fail (a page over its limit, a negative size, an id
that names nothing)."""

from __future__ import annotations

from dataclasses import dataclass, field

from graphql import (
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    GraphQLUnionType,
    get_named_type,
    is_leaf_type,
)
from hypothesis import strategies as st

Composite = GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType

FIRSTS = ["1", "3", "10", "0", "-1", "100000", "$first"]
"""Page sizes written in a query: small, empty, refused (negative, over the cap), a variable."""


@dataclass
class Drawn:
    fragments: dict[str, str] = field(default_factory=dict)
    aliases: int = 0


def _unwrapped(type_: GraphQLOutputType) -> GraphQLOutputType:
    while isinstance(type_, GraphQLNonNull | GraphQLList):
        type_ = type_.of_type
    return type_


@st.composite
def _selection(
    draw: st.DrawFn,
    schema: GraphQLSchema,
    type_: Composite,
    depth: int,
    drawn: Drawn,
    ids: list[str],
) -> str:
    fields = {} if isinstance(type_, GraphQLUnionType) else type_.fields
    choices: list[str] = ["__typename"]
    for name, definition in fields.items():
        required = [
            arg for arg, spec in definition.args.items() if isinstance(spec.type, GraphQLNonNull)
        ]
        named = get_named_type(definition.type)
        if not set(required) <= {"id", "first"}:
            continue
        if not is_leaf_type(named) and depth <= 0:
            continue
        # Pages nest the most planned fields (edges, node): drawn more often.
        choices.extend([name] * (4 if "first" in definition.args else 1))
    if not isinstance(type_, GraphQLObjectType):
        choices.append("... on")
    parts: list[str] = []
    for choice in draw(st.lists(st.sampled_from(choices), min_size=1, max_size=3)):
        if choice == "... on":
            possible = list(schema.get_possible_types(type_))
            target = draw(st.sampled_from(possible))
            inner = draw(_selection(schema, target, depth - 1, drawn, ids))
            if draw(st.booleans()):
                name = f"F{len(drawn.fragments)}"
                drawn.fragments[name] = f"fragment {name} on {target.name} {{ {inner} }}"
                parts.append(f"...{name}")
            else:
                parts.append(f"... on {target.name} {{ {inner} }}")
            continue
        text = choice
        if draw(st.integers(0, 4)) == 0 and drawn.aliases < 20:
            drawn.aliases += 1
            text = f"a{drawn.aliases}: {choice}"
        selection = ""
        if choice != "__typename":
            definition = fields[choice]
            args = []
            if "id" in definition.args:
                args.append("id: " + draw(st.sampled_from([*ids, '"nonsense"', "$id"])))
            first = definition.args.get("first")
            if first is not None and (
                isinstance(first.type, GraphQLNonNull) or draw(st.booleans())
            ):
                args.append(f"first: {draw(st.sampled_from(FIRSTS))}")
            if args:
                text += f"({', '.join(args)})"
            named = _unwrapped(definition.type)
            if isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType):
                selection = f" {{ {draw(_selection(schema, named, depth - 1, drawn, ids))} }}"
        directive = draw(st.sampled_from(["", "", "", " @include(if: $yes)", " @skip(if: $yes)"]))
        parts.append(text + directive + selection)
    return " ".join(parts)


@st.composite
def planned_queries(
    draw: st.DrawFn, schema: GraphQLSchema, ids: list[str]
) -> tuple[str, dict[str, object]]:
    """A query text and its variables."""
    drawn = Drawn()
    query_type = schema.query_type
    assert query_type is not None
    body = draw(_selection(schema, query_type, 7, drawn, [f'"{i}"' for i in ids]))
    rest = body + " ".join(drawn.fragments.values())
    declared = {"$first": "Int = 3", "$yes": "Boolean!", "$id": "ID!"}
    used = [f"{name}: {type_}" for name, type_ in declared.items() if name in rest]
    variables = {
        "yes": draw(st.booleans()),
        "id": draw(st.sampled_from([*ids, "nonsense"])),
        "first": draw(st.sampled_from([None, 2, 10, -5])),
    }
    header = f"query Q({', '.join(used)})" if used else "query Q"
    text = f"{header} {{ {body} }} {' '.join(drawn.fragments.values())}"
    return text, {name: value for name, value in variables.items() if f"${name}" in rest}
