"""strawberry's name converter, with each converted name remembered.

strawberry converts every argument's Python name to its GraphQL name on every resolver call
(to pick the argument out of graphql-core's values): four conversions for each connection
field of a page, hundreds a nested query. The conversion depends on the name alone.
"""

from __future__ import annotations

from strawberry.schema.name_converter import NameConverter


class RememberedNames(NameConverter):
    def __init__(self, auto_camel_case: bool = True) -> None:
        super().__init__(auto_camel_case)
        self._converted: dict[tuple[str, bool], str] = {}

    def apply_naming_config(self, name: str) -> str:
        key = (name, self.auto_camel_case)
        converted = self._converted.get(key)
        if converted is None:
            converted = super().apply_naming_config(name)
            self._converted[key] = converted
        return converted
