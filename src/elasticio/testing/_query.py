"""Reading query parameters: each given once (but the ``name[]`` arrays), required ones,
``include`` lists, booleans, enumerations."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from elasticio.testing._errors import bad_request

__all__ = ["array_values", "choice", "flag", "includes", "require_query", "single_values"]


def single_values(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The query as a mapping; a name given twice is a 400 naming it, as the API takes
    several values only in comma-separated lists and in ``name[]`` arrays (read those with
    `array_values`; here the first value stands).

    Examples:
        >>> single_values([("page[size]", "5"), ("search", "x")])
        {'page[size]': '5', 'search': 'x'}
    """
    query: dict[str, str] = {}
    for name, value in pairs:
        if name.endswith("[]"):
            query.setdefault(name, value)
        elif name in query:
            raise bad_request(f"the query parameter {name} is given more than once", parameter=name)
        query[name] = value
    return query


def array_values(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """The values of each ``name[]`` array of the query (``levels[]=30&levels[]=40``).

    Examples:
        >>> array_values([("levels[]", "30"), ("search", "x"), ("levels[]", "40")])
        {'levels[]': ('30', '40')}
    """
    arrays: dict[str, tuple[str, ...]] = {}
    for name, value in pairs:
        if name.endswith("[]"):
            arrays[name] = (*arrays.get(name, ()), value)
    return arrays


def require_query(query: Mapping[str, str], name: str) -> str:
    """A required query parameter, or a 400 naming it."""
    value = query.get(name, "").strip()
    if not value:
        raise bad_request(f"the query parameter {name} is required", parameter=name)
    return value


def includes(query: Mapping[str, str], allowed: Collection[str]) -> set[str]:
    """The comma-separated ``include`` values; one outside ``allowed`` is a 400."""
    raw = query.get("include", "")
    wanted = {part.strip() for part in raw.split(",") if part.strip()}
    unknown = sorted(wanted - set(allowed))
    if unknown:
        raise bad_request(
            f"include may be {', '.join(sorted(allowed))}; not {', '.join(unknown)}",
            parameter="include",
        )
    return wanted


def choice(query: Mapping[str, str], name: str, allowed: Collection[str]) -> str | None:
    """An optional parameter limited to ``allowed`` values."""
    value = query.get(name)
    if value is None:
        return None
    if value not in allowed:
        raise bad_request(
            f"{name} may be {', '.join(sorted(allowed))}; not {value!r}", parameter=name
        )
    return value


def flag(query: Mapping[str, str], name: str) -> bool | None:
    """An optional ``true``/``false`` parameter."""
    value = choice(query, name, ("true", "false"))
    return None if value is None else value == "true"
