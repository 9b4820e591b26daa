"""Who may call a field, declared on it: `permission_classes=[IsEditor]` or `[IsAdmin]`.

The check runs before the resolver, so nothing is written when it fails. It raises the
viewer's ForbiddenError itself (rather than returning False) so that the message says what is
wrong: no token, a bad token, or a role too small; schema/errors.py codes it FORBIDDEN.
"""

from __future__ import annotations

from typing import Any, ClassVar

from strawberry.permission import BasePermission

from graph.tokens import Role
from schema.info import Info


class _HasRole(BasePermission):
    role: ClassVar[Role]

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        info.context.viewer.require(self.role, f"`{info.field_name}`")
        return True


class IsEditor(_HasRole):
    role = Role.EDITOR


class IsAdmin(_HasRole):
    role = Role.ADMIN
