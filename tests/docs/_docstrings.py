"""The ``>>>`` examples in the docstrings of the API reference, as runnable examples.

The reference (``docs/reference.md``) renders the docstrings of what ``elasticio`` and
``elasticio.jsonapi`` export, and of the client's namespaces (``elasticio.resources``).
Each docstring's examples become one ``Example`` (``tests.docs._pages``): the source of
its ``>>>`` lines, each at its own line of the file, run with the globals of
the module that defines it (as doctest would), with ``client`` and ``emulator``. The
outputs a docstring shows are illustrations, from the platform or the emulator, and are
not compared.

Examples:
    >>> [example] = examples_of("elasticio.segment", elasticio.segment)
    >>> example.name, example.module
    ('elasticio.segment', 'elasticio._paths')
"""

from __future__ import annotations

import doctest
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import elasticio
import elasticio.jsonapi
from elasticio._catalog._usage import client_namespaces
from tests.docs._pages import ROOT, Example

__all__ = ["documented", "examples_of", "reference_examples"]

_PARSER = doctest.DocTestParser()


def _members(cls: type) -> Iterator[tuple[str, Any]]:
    """The public functions and properties ``cls`` defines itself."""
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, staticmethod | classmethod):
            value = value.__func__
        if isinstance(value, property):
            value = value.fget
        if inspect.isfunction(value):
            yield name, value


def documented() -> Iterator[tuple[str, Any]]:
    """Every object the reference renders a docstring of (``elasticio.testing`` aside),
    by its public name."""
    for module in (elasticio, elasticio.jsonapi):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) or inspect.isfunction(value):
                yield f"{module.__name__}.{name}", value
    for cls in client_namespaces().values():
        yield f"elasticio.resources.{cls.__name__}", cls


def _with_members(name: str, value: Any) -> Iterator[tuple[str, Any]]:
    yield name, value
    if inspect.isclass(value):
        for member, function in _members(value):
            yield f"{name}.{member}", function


def examples_of(name: str, value: Any) -> list[Example]:
    """The example in ``value``'s own docstring, if it has one."""
    docstring = value.__doc__
    if not isinstance(docstring, str) or ">>>" not in docstring:
        return []
    parsed = _PARSER.get_examples(docstring)
    if not parsed:
        return []
    lines: list[str] = []
    for part in parsed:
        lines.extend([""] * (part.lineno - len(lines)))
        lines.extend(part.source.splitlines())
    source, start = inspect.getsourcelines(value)
    opening = next(index for index, line in enumerate(source) if '"""' in line)
    path = Path(inspect.getfile(value)).resolve().relative_to(ROOT).as_posix()
    return [
        Example(
            page=path,
            # The docstring's first line is line `start + opening` of the file.
            line=start + opening - 1,
            code="\n".join(lines) + "\n",
            name=name,
            module=value.__module__,
        )
    ]


def reference_examples() -> list[Example]:
    """The docstring examples of every object in the reference, and of its members."""
    seen: set[int] = set()
    examples: list[Example] = []
    for name, value in documented():
        for qualified, member in _with_members(name, value):
            if id(member) in seen:
                continue
            seen.add(id(member))
            examples.extend(examples_of(qualified, member))
    return examples
