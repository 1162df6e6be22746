"""How a model declares its wire shape, and the one pass that structures a resource.

A model is an attrs class decorated with `model`, naming the JSON:API ``type`` it
is built from. Its plain fields are the resource's ``id`` and attributes; field
specifiers say where the rest comes from:

```python
@model("flow")
class Flow(Model):
    id: str
    name: str | None = None
    created_at: datetime | None = None              # ISO 8601 → aware datetime
    workspace_id: str | None = to_one("workspace")  # a relationship's id
    visibility: str | None = member("visibility")   # beside ``attributes`` (recipes)
    step_ids: tuple[str, ...] = to_many("steps")    # a to-many relationship's ids
    draft: FlowDraft | None = included("draft")     # built from ``included``
```

`structure` then builds the model in one pass: attributes checked by their types
(strict, unknown attributes kept in ``extra``), relationships and included resources as
declared, and the binding the model traverses with. The plain case goes through a
function written for the class at its first use (`elasticio.models._builders`);
anything else through the converter, which builds the same model or says what is wrong.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar, Union, dataclass_transform, get_args, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, override

from elasticio._errors import DecodeError, UsageError
from elasticio.jsonapi import Document, Identifier, Resource
from elasticio.jsonapi._json import dumps
from elasticio.models._builders import Builder, resource_builder
from elasticio.models._converter import converter, describe_error, error_pointer, to_plain

__all__ = [
    "Binding",
    "Model",
    "included",
    "member",
    "model",
    "structure",
    "to_many",
    "to_one",
]

M = TypeVar("M", bound="Model")
_KIND = "elasticio.kind"
_SOURCE = "elasticio.source"
_ALIASES = "elasticio.aliases"


class Binding:
    """What a model traverses with: the document it came from, its resource, and the
    namespace that fetches what the document does not hold. Not data: never compared,
    shown, or walked by ``attrs.asdict``."""

    __slots__ = ("api", "context", "document", "request_id", "resource")

    def __init__(
        self,
        api: Any,
        document: Document,
        resource: Resource,
        context: Mapping[str, str],
        request_id: str | None = None,
    ) -> None:
        self.api = api
        self.document = document
        self.resource = resource
        self.context = context
        self.request_id = request_id

    def __repr__(self) -> str:
        return f"<Binding {self.resource!r}>"

    def related(self, name: str) -> Resource | list[Resource] | None:
        """Follow relationship ``name`` within the document, without a request."""
        return self.document.related(self.resource, name)

    def build(
        self, cls: type[M], resource: Resource, context: Mapping[str, str] | None = None
    ) -> M:
        """Structure ``resource`` of this binding's document as ``cls``, bound to the same
        namespace and request id; ``context`` replaces this binding's when given."""
        return structure(
            cls,
            self.document,
            resource,
            api=self.api,
            context=self.context if context is None else context,
            request_id=self.request_id,
        )

    def holds_all(self, name: str) -> bool:
        """True when the relationship's linkage is present and every target is included."""
        targets = _identifiers(self.resource, name)
        return targets is not None and all(
            self.document.resolve(target) is not None for target in targets
        )


def _no_binding() -> Any:
    return attrs.field(default=None, eq=False, repr=False, metadata={_KIND: "binding"})


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(attrs.field,))
def model(*resource_types: str, extra_repr: bool = True) -> Any:
    """Declare a model built from resources of ``resource_types``: an attrs-frozen class
    with keyword-only arguments, ``extra`` and the binding added after its own fields.
    ``extra_repr=False`` keeps ``extra`` out of the repr, for a resource whose unknown
    attributes may be secrets."""

    def declare(cls: type[M]) -> type[M]:
        if not resource_types:  # the Model base itself: nothing to build
            return cls
        # Added last, so that a model's repr starts with its id rather than its leftovers.
        cls.__annotations__["extra"] = Mapping[str, Any]
        cls.__annotations__["_binding"] = Binding | None
        cls.extra = attrs.field(factory=_empty, repr=extra_repr, metadata={_KIND: "extra"})
        cls._binding = _no_binding()
        built: type[M] = attrs.frozen(kw_only=True)(cls)
        _TYPES[built] = frozenset(resource_types)
        return built

    return declare


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


@model()
class Model:
    """The base of every resource model (see `model`)."""

    __slots__ = ()

    if TYPE_CHECKING:
        # What @model adds to every model, spelled out for type checkers.
        extra: Mapping[str, Any] = attrs.field(factory=dict)
        """Attributes the SDK has no field for, as the API sent them."""
        _binding: Binding | None = attrs.field(default=None)

    def _bound(self, what: str) -> Binding:
        """The binding, or a clear error for a model built by hand (``what`` names the
        traversal, e.g. ``"Flow.versions()"``)."""
        if self._binding is None:
            raise UsageError(
                f"{what} needs a model returned by the client; this one was built by hand"
            )
        return self._binding

    @property
    def request_id(self) -> str | None:
        """The platform's request id of the response this model came from: the id to
        quote in a support ticket. None for a model built by hand, or when the platform
        sent none."""
        return None if self._binding is None else self._binding.request_id

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-safe values: datetimes in ISO 8601, mappings as dicts,
        tuples as lists, related models as dicts; the binding left out."""
        result: dict[str, Any] = to_plain(self)
        return result

    def to_json(self) -> str:
        """`to_dict()` as a JSON text."""
        return dumps(self.to_dict()).decode()


def to_one(relationship: str, *aliases: str) -> Any:
    """A field holding the id a to-one relationship links to (None when it links none);
    ``aliases`` are other names the platform spells the relationship with, tried in turn."""
    return attrs.field(
        default=None, metadata={_KIND: "to_one", _SOURCE: relationship, _ALIASES: aliases}
    )


def member(name: str) -> Any:
    """A field holding a member of the resource object itself, beside ``attributes``
    (a recipe's ``visibility``); an attribute of that name is read when there is none."""
    return attrs.field(default=None, metadata={_KIND: "member", _SOURCE: name})


def to_many(relationship: str) -> Any:
    """A field holding the ids a to-many relationship links to, in linkage order."""
    return attrs.field(default=(), metadata={_KIND: "to_many", _SOURCE: relationship})


def included(relationship: str) -> Any:
    """A field holding the model(s) a relationship links to, built from the document's
    ``included``; None when the document does not hold every target."""
    return attrs.field(default=None, metadata={_KIND: "included", _SOURCE: relationship})


@attrs.frozen
class _Included:
    name: str
    relationship: str
    target: type[Model]
    many: bool


@attrs.frozen
class _Plan:
    """What `structure` needs to know about one model class, worked out once."""

    types: frozenset[str]
    attributes: frozenset[str]
    to_one: tuple[tuple[str, tuple[str, ...]], ...]
    to_many: tuple[tuple[str, str], ...]
    members: tuple[tuple[str, str], ...]
    included: tuple[_Included, ...]
    build: Any
    fast: Builder | None
    """The function `resource_builder` wrote for the class; None when the class cannot
    take the fast path."""


_TYPES: dict[type[Any], frozenset[str]] = {}
_PLANS: dict[type[Any], _Plan] = {}


def _optional_inner(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _included_target(cls: type[Any], field: attrs.Attribute[Any]) -> tuple[type[Model], bool]:
    inner = _optional_inner(field.type)
    many = get_origin(inner) is tuple
    target = get_args(inner)[0] if many else inner
    if not (isinstance(target, type) and target in _TYPES):
        raise TypeError(f"{cls.__name__}.{field.name} must be a model (or a tuple of models)")
    return target, many


def _plan(cls: type[Any]) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is not None:
        return plan
    if cls not in _TYPES:
        raise TypeError(f"{cls.__name__} is not declared with @model")
    attrs.resolve_types(cls)
    attribute_names: set[str] = set()
    to_one_fields: list[tuple[str, tuple[str, ...]]] = []
    to_many_fields: list[tuple[str, str]] = []
    member_fields: list[tuple[str, str]] = []
    included_fields: list[_Included] = []
    overrides: dict[str, Any] = {}
    fast = "id" in attrs.fields_dict(cls)
    for field in attrs.fields(cls):
        kind = field.metadata.get(_KIND)
        if kind is None:
            attribute_names.add(field.name)
            # The fast path passes attributes by name: a field renamed in __init__ is
            # left to the converter, which knows the alias.
            fast = fast and field.alias == field.name
            continue
        if kind == "member":  # an API value, structured by its type like an attribute
            member_fields.append((field.name, field.metadata[_SOURCE]))
            # Members beside the attributes are rare (recipes): the converter builds them.
            fast = False
            continue
        # Values the SDK builds itself are passed through as they are.
        overrides[field.name] = override(struct_hook=lambda value, _: value)
        source = field.metadata.get(_SOURCE)
        if kind == "to_one":
            to_one_fields.append((field.name, (source, *field.metadata[_ALIASES])))
        elif kind == "to_many":
            to_many_fields.append((field.name, source))
        elif kind == "included":
            target, many = _included_target(cls, field)
            included_fields.append(_Included(field.name, source, target, many))
    build = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=False, **overrides)
    plan = _Plan(
        types=_TYPES[cls],
        attributes=frozenset(attribute_names),
        to_one=tuple(to_one_fields),
        to_many=tuple(to_many_fields),
        members=tuple(member_fields),
        included=tuple(included_fields),
        build=build,
        fast=resource_builder(
            cls,
            to_one=to_one_fields,
            to_many=to_many_fields,
            included=[(spec.name, spec) for spec in included_fields],
            build_included=_build_included,
            binding=Binding,
        )
        if fast
        else None,
    )
    _PLANS[cls] = plan
    return plan


def _identifiers(resource: Resource, name: str) -> tuple[Identifier, ...] | None:
    """The linkage of relationship ``name`` as a tuple; None when it has no ``data``."""
    relationship = resource.relationships.get(name)
    if relationship is None or not relationship.has_data:
        return None
    data = relationship.data
    if isinstance(data, tuple):
        return data
    return () if data is None else (data,)


def _check_linkage(spec: _Included, resource: Resource, targets: tuple[Identifier, ...]) -> None:
    """Refuse a linkage naming a type the field's model is not built from: that is a
    malformed answer, not a document that merely left the targets out."""
    accepted = _TYPES[spec.target]
    many = isinstance(resource.linkage(spec.relationship), tuple)
    for position, target in enumerate(targets):
        if target.type not in accepted:
            where = f"/{position}" if many else ""
            expected = " or ".join(repr(t) for t in sorted(accepted))
            raise DecodeError(
                f"expected {expected} in relationship {spec.relationship!r}, got {target.type!r}",
                pointer=f"{resource.pointer}/relationships/{spec.relationship}/data{where}/type",
            )


def _build_included(
    spec: _Included,
    document: Document,
    resource: Resource,
    api: Any,
    context: Mapping[str, str],
    request_id: str | None,
) -> Any:
    targets = _identifiers(resource, spec.relationship)
    if targets is None:
        return None
    _check_linkage(spec, resource, targets)
    found = []
    for target in targets:
        target_resource = document.resolve(target)
        if target_resource is None:
            return None
        found.append(
            structure(
                spec.target,
                document,
                target_resource,
                api=api,
                context=context,
                request_id=request_id,
            )
        )
    if spec.many:
        return tuple(found)
    return found[0] if found else None


def structure(
    cls: type[M],
    document: Document,
    resource: Resource,
    *,
    api: Any = None,
    context: Mapping[str, str] | None = None,
    request_id: str | None = None,
) -> M:
    """Build the model ``cls`` from ``resource`` of ``document`` in one pass.

    ``api`` is the namespace the model traverses with; ``context`` names values the
    request already knew (a path's ``flow_id``, say), used for a to-one field whose
    relationship the answer left out, and its ``id`` for a resource that has none.

    Raises:
        DecodeError: the resource is of another type, or an attribute or relationship
            does not have the declared shape; ``pointer`` names where.
    """
    plan = _plan(cls)
    if resource.type not in plan.types:
        expected = " or ".join(repr(t) for t in sorted(plan.types))
        raise DecodeError(
            f"expected a {expected} resource, got {resource.type!r}",
            pointer=f"{resource.pointer}/type",
        )
    context = context or {}
    if plan.fast is not None:
        try:
            built: M = plan.fast(document, resource, api, context, request_id)
            return built
        except Exception:  # noqa: S110 (anything but the plain case is the converter's to judge)
            pass
    return _structure_checked(plan, cls, document, resource, api, context, request_id)


def _structure_checked(
    plan: _Plan,
    cls: type[M],
    document: Document,
    resource: Resource,
    api: Any,
    context: Mapping[str, str],
    request_id: str | None,
) -> M:
    """`structure` through the converter: slower, and precise about what is wrong."""
    known = plan.attributes
    # A resource without an id (an anonymous answer) takes the one the request knew.
    values: dict[str, Any] = {"id": resource.id if resource.id is not None else context.get("id")}
    extra: dict[str, Any] = {}
    for key, value in resource.attributes.items():
        if key in known and key != "id":
            values[key] = value
        elif key != "id":
            extra[key] = value
    values["extra"] = MappingProxyType(extra)
    for name, relationships in plan.to_one:
        linkage = next(
            (found for r in relationships if isinstance(found := resource.linkage(r), Identifier)),
            None,
        )
        if linkage is not None:
            values[name] = linkage.id
        elif name in context:
            values[name] = context[name]
    for name, source in plan.members:
        if source in resource.extra:
            values[name] = resource.extra[source]
        elif source in resource.attributes:
            values[name] = extra.pop(source)
    for name, relationship in plan.to_many:
        targets = _identifiers(resource, relationship)
        if targets:
            values[name] = tuple(target.id for target in targets)
    for spec in plan.included:
        values[spec.name] = _build_included(spec, document, resource, api, context, request_id)
    values["_binding"] = Binding(api, document, resource, context, request_id)
    try:
        built: M = plan.build(values, cls)
    except cattrs.BaseValidationError as exc:
        raise DecodeError(
            f"unexpected attribute value: {describe_error(exc)}",
            pointer=resource.pointer + error_pointer(exc),
        ) from exc
    return built
