"""Models of plain-JSON answers (API v1): an object's members are the model's fields.

A plain model is declared like a resource model, with `plain_model` instead of
``@model``: its fields are the members the docs name, typed; members it has no field
for are kept in ``extra``; `structure_plain` builds the plain case through a function
written for the class at its first use, anything else through the one converter, so a
member of the wrong JSON type is a `DecodeError` naming its JSON pointer::

    @plain_model()
    class V1Team(PlainModel):
        id: str
        name: str | None = None
        members: tuple[str, ...] = ()
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn

from elasticio._errors import DecodeError
from elasticio.jsonapi._json import dumps
from elasticio.models._builders import shape_builder
from elasticio.models._converter import converter, to_plain

__all__ = ["PlainModel", "plain_model", "structure_plain"]

P = TypeVar("P", bound="PlainModel")

_BUILDERS: dict[type[Any], tuple[frozenset[str], Any]] = {}


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(attrs.field,))
def plain_model(*, extra_repr: bool = True) -> Any:
    """Declare a plain model: an attrs-frozen class with keyword-only arguments, and
    ``extra`` and the request id added after its own fields. ``extra_repr=False`` keeps
    ``extra`` out of the repr, for an object whose unknown members may be secrets."""

    def declare(cls: type[P]) -> type[P]:
        cls.__annotations__["extra"] = Mapping[str, Any]
        cls.__annotations__["_request_id"] = str | None
        cls.extra = attrs.field(factory=_empty, repr=extra_repr)
        cls._request_id = attrs.field(default=None, eq=False, repr=False)
        built: type[P] = attrs.frozen(kw_only=True)(cls)
        return built

    return declare


class PlainModel:
    """The base of every plain model (see `plain_model`)."""

    __slots__ = ()

    if TYPE_CHECKING:
        extra: Mapping[str, Any] = attrs.field(factory=dict)
        """Members the SDK has no field for, as the API sent them."""
        _request_id: str | None = attrs.field(default=None)

    @property
    def request_id(self) -> str | None:
        """The platform's request id of the response this model came from; None for a
        model built by hand, or when the platform sent none."""
        return self._request_id

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-safe values (the request id left out)."""
        result: dict[str, Any] = to_plain(self)
        return result

    def to_json(self) -> str:
        """`to_dict()` as a JSON text."""
        return dumps(self.to_dict()).decode()


def _builder(cls: type[Any]) -> tuple[frozenset[str], Any]:
    found = _BUILDERS.get(cls)
    if found is None:
        attrs.resolve_types(cls)
        names = frozenset(
            field.name for field in attrs.fields(cls) if field.name not in {"extra", "_request_id"}
        )
        build = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=False)
        found = _BUILDERS[cls] = (names, build)
    return found


def structure_plain(
    cls: type[P], value: Any, *, request_id: str | None = None, pointer: str = ""
) -> P:
    """Build the plain model ``cls`` from the JSON object ``value``.

    Raises:
        DecodeError: ``value`` is not an object, or a member does not have its declared
            type; ``pointer`` (under the one given) names where.

    Examples:
        >>> @plain_model()
        ... class Pet(PlainModel):
        ...     id: str
        ...     legs: int = 4
        >>> structure_plain(Pet, {"id": "p1", "color": "red"})
        Pet(id='p1', legs=4, extra=mappingproxy({'color': 'red'}))
        >>> structure_plain(Pet, {"id": 7})
        Traceback (most recent call last):
        ...
        elasticio._errors.DecodeError: expected a Pet object: ... at '/id'
    """
    if type(value) is dict:
        try:
            built: P = shape_builder(cls, ("_request_id",))(value, request_id)
            return built
        except Exception:  # noqa: S110 (anything but the plain case is the converter's to judge)
            pass
    return _structure_checked(cls, value, request_id, pointer)


def _structure_checked(cls: type[P], value: Any, request_id: str | None, pointer: str) -> P:
    """`structure_plain` through the converter: slower, and precise about what is wrong."""
    if not isinstance(value, dict):
        raise DecodeError(
            f"expected a {cls.__name__} object, got {type(value).__name__}", pointer=pointer
        )
    names, build = _builder(cls)
    known = {key: item for key, item in value.items() if key in names}
    extra = {key: item for key, item in value.items() if key not in names}
    try:
        built: P = build({**known, "extra": extra, "_request_id": request_id}, cls)
    except cattrs.ClassValidationError as exc:
        problems = cattrs.transform_error(exc, path="")
        where = _first_member(exc)
        raise DecodeError(
            f"expected a {cls.__name__} object: {'; '.join(problems)}",
            pointer=f"{pointer}/{where}" if where else pointer,
        ) from None
    return built


def _first_member(exc: cattrs.ClassValidationError) -> str:
    """The member the first problem of a structuring failure is about, if it says."""
    with_notes, _ = exc.group_exceptions()
    for _inner, note in with_notes:
        name = getattr(note, "name", None)
        if isinstance(name, str):
            return name
    return ""
