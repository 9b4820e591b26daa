"""A seeded server with a bearer token for each role, for the tests that write."""

from __future__ import annotations

from dataclasses import dataclass

from graph.tokens import ApiToken, Role, digest_of, new_secret
from tests.conftest import GraphQLClient


@dataclass
class Curators:
    anonymous: GraphQLClient
    reader: GraphQLClient
    editor: GraphQLClient
    admin: GraphQLClient

    def export(self, export_format: str = "graphml") -> bytes:
        """The whole graph as one file: two equal exports mean equal content."""
        response = self.anonymous.http.get(f"/export/{export_format}")
        assert response.status_code == 200
        return response.content


def add_tokens(client: GraphQLClient) -> dict[Role, str]:
    secrets = {}
    for role in Role:
        secret = new_secret()
        token = ApiToken(f"test-{role.value}", role, digest_of(secret), "2026-11-23T12:00:00Z")
        client.run(client.store.save_token, token)
        secrets[role] = secret
    return secrets


def curators_of(client: GraphQLClient) -> Curators:
    secrets = add_tokens(client)
    return Curators(
        anonymous=client,
        reader=client.with_token(secrets[Role.READER]),
        editor=client.with_token(secrets[Role.EDITOR]),
        admin=client.with_token(secrets[Role.ADMIN]),
    )
