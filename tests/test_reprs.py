"""``repr`` works on every public object in every state, as error trackers need it.

Tracebacks formatted with their locals (Sentry, ``capture_locals=True``) show ``self`` of
a constructor that failed part-way. Classes built by attrs set every field at once, so
only the classes with a hand-written ``__init__`` can be seen half-built.
"""

from __future__ import annotations

import inspect

import attrs
import pytest

import elasticio
import elasticio.resources
import elasticio.testing


def public_classes() -> list[type]:
    found: dict[str, type] = {}
    for module in (elasticio, elasticio.resources, elasticio.testing):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) and not issubclass(value, BaseException):
                found[f"{module.__name__}.{name}"] = value
    return [found[name] for name in sorted(found)]


HAND_WRITTEN = [cls for cls in public_classes() if not attrs.has(cls)]


def test_the_hand_written_classes_are_found() -> None:
    """The client, the raw response and the emulator's objects are among them."""
    names = {cls.__name__ for cls in HAND_WRITTEN}
    assert {"AsyncClient", "RawResponse", "Emulator", "ServedEmulator", "Platform"} <= names


@pytest.mark.parametrize("cls", HAND_WRITTEN, ids=lambda cls: cls.__name__)
def test_repr_of_a_half_built_object_works(cls: type) -> None:
    """An object whose ``__init__`` never ran still has a repr."""
    try:
        instance = object.__new__(cls)
    except TypeError:  # a class that object.__new__ cannot make cannot be half-built either
        return
    assert isinstance(repr(instance), str)
