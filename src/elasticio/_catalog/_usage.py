"""Which client method executes which catalog entry, read from the namespaces' source.

A tool for the generated docs tables and the API coverage test; the SDK never calls it.
It parses ``AsyncClient`` for the namespaces (``self.flows = Flows(self)``) and
each namespace's methods for the entry constants they name (``FLOWS_GET``), resolving
every name through the module it is written in, so an alias or ``v2.FLOWS_GET`` counts
as well. Entries named in a private helper (``_settle``) count for the public methods
that call it through ``self``.

Examples:
    >>> from elasticio._catalog._usage import sdk_callers
    >>> [caller.qualname for caller in sdk_callers()["users.me"]]
    ['client.users.me']
"""

from __future__ import annotations

import ast
import inspect
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import attrs

from elasticio._catalog import ENTRIES, Entry

__all__ = ["Caller", "client_namespaces", "method_entries", "sdk_callers"]


@attrs.frozen
class Caller:
    """A method of a client namespace: ``Caller("flows", "get")`` is ``client.flows.get``."""

    namespace: str
    method: str

    @property
    def qualname(self) -> str:
        """``"client.flows.get"``."""
        return f"client.{self.namespace}.{self.method}"

    @property
    def public(self) -> bool:
        """False for a private helper (``_settle``) that no public method reaches."""
        return not self.method.startswith("_")


def _class_node(cls: type) -> ast.ClassDef:
    node = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
    if not isinstance(node, ast.ClassDef):
        raise TypeError(f"the source of {cls.__qualname__} is not a class statement")
    return node


def _functions(node: ast.ClassDef) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            yield statement


def _assigned(cls: type, prefix: str = "") -> dict[str, type]:
    """The attributes ``cls``'s methods set to an instance of a class of its module
    (``self.flows = Flows(self)``), by ``prefix`` + attribute."""
    scope = vars(sys.modules[cls.__module__])
    found: dict[str, type] = {}
    for node in ast.walk(_class_node(cls)):
        match node:
            case ast.Assign(
                targets=[ast.Attribute(value=ast.Name(id="self"), attr=attribute)],
                value=ast.Call(func=ast.Name(id=class_name)),
            ):
                target = scope.get(class_name)
                if isinstance(target, type):
                    found[prefix + attribute] = target
    return found


def client_namespaces() -> dict[str, type]:
    """The client's namespaces by attribute: ``{"flows": Flows, ...}``, as the methods of
    ``AsyncClient`` set them (``self.flows = Flows(self)``), and those of a group of
    namespaces by dotted path (``self.v1 = V1(self)`` holding ``self.tasks = ...``:
    ``"v1.tasks"``)."""
    from elasticio._client import AsyncClient
    from elasticio.resources._base import Namespace

    found: dict[str, type] = {}
    for attribute, cls in _assigned(AsyncClient).items():
        if issubclass(cls, Namespace):
            found[attribute] = cls
            continue
        if not cls.__module__.startswith("elasticio.resources."):
            continue
        for path, inner in _assigned(cls, f"{attribute}.").items():
            if issubclass(inner, Namespace):
                found[path] = inner
    return found


def _entry_named(node: ast.AST, scope: dict[str, Any]) -> Entry | None:
    """The catalog entry an expression names (``FLOWS_GET``, ``v2.FLOWS_GET``), if any."""
    value: Any = None
    if isinstance(node, ast.Name):
        value = scope.get(node.id)
    elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        module = scope.get(node.value.id)
        if inspect.ismodule(module):
            value = getattr(module, node.attr, None)
    if isinstance(value, Entry) and ENTRIES.get(value.name) is value:
        return value
    return None


def _self_calls(function: ast.AST) -> set[str]:
    return {
        node.attr
        for node in ast.walk(function)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    }


def method_entries(cls: type) -> dict[str, set[str]]:
    """Each method of ``cls`` (its own and inherited, down to ``Namespace``) → the names
    of the entries it names directly or through the private helpers it calls."""
    from elasticio.resources._base import Namespace

    direct: dict[str, set[str]] = {}
    calls: dict[str, set[str]] = {}
    for klass in reversed(cls.__mro__[: cls.__mro__.index(Namespace)]):
        scope = vars(sys.modules[klass.__module__])
        for function in _functions(_class_node(klass)):
            # @overload stubs share the name: their references merge with the body's.
            names = direct.setdefault(function.name, set())
            for node in ast.walk(function):
                entry = _entry_named(node, scope)
                if entry is not None:
                    names.add(entry.name)
            calls.setdefault(function.name, set()).update(_self_calls(function))

    def reach(method: str, seen: set[str]) -> set[str]:
        seen.add(method)
        names = set(direct[method])
        for helper in calls[method]:
            if helper.startswith("_") and helper in direct and helper not in seen:
                names |= reach(helper, seen)
        return names

    reached = {m: reach(m, set()) for m in direct if not m.startswith("_")}
    used = set().union(*reached.values()) if reached else set()
    for helper in (m for m in direct if m.startswith("_")):
        stranded = direct[helper] - used
        if stranded:
            reached[helper] = stranded
    return reached


def sdk_callers() -> dict[str, tuple[Caller, ...]]:
    """Every catalog entry's name → the client methods that execute it (none, one, or,
    wrongly, several), sorted; a private helper stands in when no public method reaches
    the entry it names."""
    callers: dict[str, list[Caller]] = {name: [] for name in ENTRIES}
    for attribute, cls in client_namespaces().items():
        for method, names in method_entries(cls).items():
            for name in names:
                callers[name].append(Caller(attribute, method))
    return {name: tuple(sorted(found, key=lambda c: c.qualname)) for name, found in callers.items()}
