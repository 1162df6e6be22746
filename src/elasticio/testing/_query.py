"""Reading query parameters: required ones, ``include`` lists, booleans, enumerations."""

from __future__ import annotations

from collections.abc import Collection

from elasticio.testing._errors import bad_request
from elasticio.testing._request import Call

__all__ = ["choice", "flag", "includes", "require_query"]


def require_query(call: Call, name: str) -> str:
    """A required query parameter, or a 400 naming it."""
    value = call.query.get(name, "").strip()
    if not value:
        raise bad_request(f"the query parameter {name} is required", parameter=name)
    return value


def includes(call: Call, allowed: Collection[str]) -> set[str]:
    """The comma-separated ``include`` values; one outside ``allowed`` is a 400."""
    raw = call.query.get("include", "")
    wanted = {part.strip() for part in raw.split(",") if part.strip()}
    unknown = sorted(wanted - set(allowed))
    if unknown:
        raise bad_request(
            f"include may be {', '.join(sorted(allowed))}; not {', '.join(unknown)}",
            parameter="include",
        )
    return wanted


def choice(call: Call, name: str, allowed: Collection[str]) -> str | None:
    """An optional parameter limited to ``allowed`` values."""
    value = call.query.get(name)
    if value is None:
        return None
    if value not in allowed:
        raise bad_request(
            f"{name} may be {', '.join(sorted(allowed))}; not {value!r}", parameter=name
        )
    return value


def flag(call: Call, name: str) -> bool | None:
    """An optional ``true``/``false`` parameter."""
    value = choice(call, name, ("true", "false"))
    return None if value is None else value == "true"
