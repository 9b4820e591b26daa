"""Every type, field, argument, enum value and input field of the schema says what it is.

Read through introspection over HTTP, as a client's tools read it. A failure lists each thing
without a description by its coordinate (`Type`, `Type.field`, `Type.field(argument:)`,
`Enum.VALUE`, `Input.field`), so whoever adds a type sees exactly what to write.
"""

from __future__ import annotations

from typing import Any

from tests.conftest import GraphQLClient

INTROSPECTION = """
{ __schema { types {
  name kind description
  fields(includeDeprecated: true) { name description args(includeDeprecated: true) {
    name description } }
  inputFields(includeDeprecated: true) { name description }
  enumValues(includeDeprecated: true) { name description }
} } }
"""
BUILT_IN_SCALARS = {"String", "Int", "Float", "Boolean", "ID"}
"""Described by the GraphQL specification, not by us."""


def undescribed(types: list[dict[str, Any]]) -> list[str]:
    missing = []
    for named in types:
        name = named["name"]
        if name.startswith("__") or name in BUILT_IN_SCALARS:
            continue
        if not (named["description"] or "").strip():
            missing.append(name)
        for field in named["fields"] or ():
            if not (field["description"] or "").strip():
                missing.append(f"{name}.{field['name']}")
            missing += [
                f"{name}.{field['name']}({arg['name']}:)"
                for arg in field["args"]
                if not (arg["description"] or "").strip()
            ]
        missing += [
            f"{name}.{field['name']}"
            for field in named["inputFields"] or ()
            if not (field["description"] or "").strip()
        ]
        missing += [
            f"{name}.{value['name']}"
            for value in named["enumValues"] or ()
            if not (value["description"] or "").strip()
        ]
    return missing


def test_everything_in_the_schema_has_a_description(client: GraphQLClient) -> None:
    types = client.data(INTROSPECTION)["__schema"]["types"]
    assert len(types) > 100
    missing = undescribed(types)
    assert not missing, (
        f"{len(missing)} schema members have no description; give each one (what it means, "
        "units, rules):\n  " + "\n  ".join(missing)
    )


def test_the_check_finds_a_missing_description() -> None:
    types = [
        {
            "name": "Thing",
            "description": "A thing.",
            "fields": [
                {"name": "size", "description": None, "args": [{"name": "unit", "description": ""}]}
            ],
            "inputFields": None,
            "enumValues": None,
        },
        {"name": "Colour", "description": " ", "fields": None, "inputFields": None,
         "enumValues": [{"name": "RED", "description": None}]},
    ]  # fmt: skip
    assert undescribed(types) == ["Thing.size", "Thing.size(unit:)", "Colour", "Colour.RED"]
