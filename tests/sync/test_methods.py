"""Every method of every namespace runs through the synchronous client, against the
emulator: the async method's own docstring example, rewritten without ``await``."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from elasticio import Client
from elasticio._catalog._usage import client_namespaces, sdk_callers
from tests.docs._docstrings import reference_examples
from tests.sync._examples import run_synchronously

EXAMPLES = {example.name: example for example in reference_examples()}
METHODS = [
    (path, name)
    for path, cls in client_namespaces().items()
    for name, _ in inspect.getmembers(cls, inspect.isfunction)
    if not name.startswith("_")
]


def _namespace(client: Client, path: str) -> Any:
    target: Any = client
    for attribute in path.split("."):
        target = getattr(target, attribute)
    return target


def test_every_sdk_caller_is_in_the_list() -> None:
    """The catalog's SDK callers are all among the methods run below."""
    callers = {(c.namespace, c.method) for found in sdk_callers().values() for c in found}
    assert {caller for caller in callers if not caller[1].startswith("_")} <= set(METHODS)


@pytest.mark.parametrize(("path", "method"), METHODS, ids=[f"{p}.{m}" for p, m in METHODS])
def test_sync_method_runs(path: str, method: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The method's example runs synchronously, calling the sync method at least once."""
    cls = client_namespaces()[path]
    example = EXAMPLES[f"elasticio.resources.{cls.__name__}.{method}"]
    calls: list[str] = []

    def prepare(client: Client) -> None:
        namespace = _namespace(client, path)
        original = getattr(namespace, method)
        assert not inspect.iscoroutinefunction(original)

        def counted(*args: Any, **kwargs: Any) -> Any:
            calls.append(method)
            return original(*args, **kwargs)

        monkeypatch.setattr(namespace, method, counted)

    run_synchronously(example, monkeypatch, prepare)
    assert calls
