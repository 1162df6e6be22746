"""Every public method of ``AsyncClient`` and of its namespaces has a synchronous twin on
``Client``, with the same parameters; lists and executions take their sync faces."""

from __future__ import annotations

import inspect
import re
from typing import Any

import pytest

from elasticio import AsyncClient, Client, SyncExecution, SyncPaginator
from elasticio._catalog._usage import client_namespaces
from elasticio._pagination import Paginator
from elasticio._sync import _namespaces

NAMESPACES = client_namespaces()


def _public(cls: type) -> dict[str, Any]:
    return {
        name: value
        for name, value in inspect.getmembers(cls)
        if not name.startswith("_") and (inspect.isfunction(value) or isinstance(value, property))
    }


def _sync_class(path: str) -> type:
    cls: type = _namespaces.Namespaces
    for attribute in path.split("."):
        cls = inspect.get_annotations(cls, eval_str=True)[attribute]
    return cls


def _sync_face(annotation: str) -> str:
    return re.sub(
        r"\bExecution\b", "SyncExecution", re.sub(r"\bPaginator\[", "SyncPaginator[", annotation)
    )


def _shape(function: Any) -> list[tuple[str, Any, Any, str]]:
    return [
        (p.name, p.kind, p.default, _sync_face(str(p.annotation)))
        for p in inspect.signature(function).parameters.values()
    ]


@pytest.mark.parametrize("path", sorted(NAMESPACES))
def test_every_namespace_method_has_a_sync_twin(path: str) -> None:
    """Same names and parameters; the twin is not a coroutine function; its answer is the
    async one's, with Paginator → SyncPaginator and Execution → SyncExecution."""
    async_methods = _public(NAMESPACES[path])
    sync_methods = _public(_sync_class(path))
    assert set(sync_methods) == set(async_methods)
    for name, function in async_methods.items():
        twin = sync_methods[name]
        assert not inspect.iscoroutinefunction(twin), name
        assert _shape(twin) == _shape(function), name
        expected = _sync_face(str(inspect.signature(function).return_annotation))
        assert str(inspect.signature(twin).return_annotation) == expected, name


def test_every_namespace_is_on_the_client() -> None:
    """The dotted paths of the async namespaces all lead somewhere on ``Client``."""
    assert {path: _sync_class(path).__name__ for path in NAMESPACES} == {
        path: f"Sync{cls.__name__}" for path, cls in NAMESPACES.items()
    }


RENAMED = {"aclose": "close"}


def _unawaited(annotation: Any) -> str:
    """A callable it calls is plain, not async; a client it makes is a ``Client``."""
    return str(annotation).replace("Awaitable[T]", "T").replace("AsyncClient", "Client")


def test_the_client_s_own_methods_have_twins() -> None:
    """Every public method and property of ``AsyncClient`` is on ``Client`` (``aclose`` as
    ``close``), with the same parameters."""
    for name, value in _public(AsyncClient).items():
        twin = getattr(Client, RENAMED.get(name, name))
        if isinstance(value, property):
            assert isinstance(twin, property), name
            continue
        assert not inspect.iscoroutinefunction(twin), name
        expected = inspect.signature(value).parameters
        got = inspect.signature(twin).parameters
        assert [(p.name, p.kind, p.default) for p in got.values()] == [
            (p.name, p.kind, p.default) for p in expected.values()
        ], name
        assert [_unawaited(p.annotation) for p in got.values()] == [
            _unawaited(p.annotation) for p in expected.values()
        ], name
        returns = inspect.signature(value).return_annotation
        assert str(inspect.signature(twin).return_annotation) == _unawaited(returns), name


def test_the_constructors_take_the_same_arguments() -> None:
    """``Client(...)`` takes exactly what ``AsyncClient(...)`` takes, with the same defaults."""
    assert inspect.signature(Client.__init__) == inspect.signature(AsyncClient.__init__)


def test_the_sync_paginator_mirrors_the_async_one() -> None:
    """Its public methods are the Paginator's, ``__aiter__`` being ``__iter__``."""
    assert set(_public(Paginator)) <= set(_public(SyncPaginator))
    assert hasattr(SyncPaginator, "__iter__")
    assert not hasattr(SyncPaginator, "__aiter__")


def test_the_sync_execution_has_a_blocking_result() -> None:
    """``SyncExecution.result`` takes ``Execution.result``'s parameters and blocks."""
    from elasticio import Execution

    assert not inspect.iscoroutinefunction(SyncExecution.result)
    assert list(inspect.signature(SyncExecution.result).parameters) == list(
        inspect.signature(Execution.result).parameters
    )
