"""`poikki schema --possible-types` prints what Apollo Client's documentation builds from an
introspection query: every type with `possibleTypes`, mapped to their names."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from server.cli import app
from tests.conftest import GraphQLClient

INTROSPECTION = "{ __schema { types { name possibleTypes { name } } } }"


def test_possible_types_equal_the_served_schemas_introspection(client: GraphQLClient) -> None:
    printed = CliRunner().invoke(app, ["schema", "--possible-types"])
    assert printed.exit_code == 0, printed.output
    generated = json.loads(printed.stdout)
    # As Apollo's docs build it: each supertype with possibleTypes, to their names.
    types = client.data(INTROSPECTION)["__schema"]["types"]
    introspected = {
        t["name"]: sorted(sub["name"] for sub in t["possibleTypes"])
        for t in types
        if t["possibleTypes"]
    }
    assert generated == introspected
    assert {"Node", "Entity", "Dated", "NodeResult", "TieResult"} <= generated.keys()
    assert "Person" in generated["Node"]
    assert "InvalidInput" in generated["NodeResult"]
