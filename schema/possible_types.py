"""Apollo Client's `possibleTypes`: for each interface and union, the object types that can
stand in for it, as the schema's introspection lists them (`__Type.possibleTypes`).

Apollo's cache needs this to match fragments on an interface or a union (`... on Entity`,
`... on NodeResult`); its documentation builds the map from an introspection query at build
time, and this is the same map without a running server.
"""

from __future__ import annotations

from graphql import GraphQLInterfaceType, GraphQLSchema, GraphQLUnionType


def possible_types(schema: GraphQLSchema) -> dict[str, list[str]]:
    """Every interface's and union's name → the names of its object types, both sorted."""
    found: dict[str, list[str]] = {}
    for name, named in sorted(schema.type_map.items()):
        if name.startswith("__"):
            continue
        if isinstance(named, GraphQLInterfaceType | GraphQLUnionType):
            found[name] = sorted(t.name for t in schema.get_possible_types(named))
    return found
