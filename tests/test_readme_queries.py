"""Every GraphQL query the README shows runs on the demo and answers something."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import GraphQLClient

README = Path(__file__).resolve().parent.parent / "README.md"
QUERIES = re.findall(r"```graphql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_the_readme_shows_queries() -> None:
    assert len(QUERIES) >= 5


@pytest.mark.parametrize("query", QUERIES, ids=[f"query{i}" for i in range(len(QUERIES))])
def test_a_readme_query_answers_without_errors(client: GraphQLClient, query: str) -> None:
    data = client.data(query)
    assert data
    assert all(value is not None for value in data.values()), data
