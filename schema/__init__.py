"""The GraphQL schema: strawberry types, inputs and enums. It never touches the database."""
