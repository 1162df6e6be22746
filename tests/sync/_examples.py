"""The docstring examples of the async namespaces, rewritten for the synchronous client
and run with it against the in-process emulator (the docs' placeholders substituted).

``await X`` becomes ``_sync(X)`` (the value itself when ``X`` is already a value, as a
sync method's answer is; ``client.run(X)`` for a model's traversal coroutine) and
``async for`` / ``async with`` their plain forms.

Examples:
    >>> synchronous("flow = await client.flows.get('f')\\n")
    "flow = _sync(client.flows.get('f'))"
"""

from __future__ import annotations

import ast
import asyncio
import inspect
from typing import Any

import pytest

from elasticio import Client
from elasticio.testing import BASE_URL, Emulator
from tests.docs._pages import ROOT, Example
from tests.docs._run import (
    VirtualClock,
    _add_docs_users,
    _globals_of,
    _patch_constructors,
    _resolve,
    placeholders_in,
    substitute,
)

__all__ = ["run_synchronously", "synchronous"]


class _Unasync(ast.NodeTransformer):
    def visit_Await(self, node: ast.Await) -> ast.AST:
        value = self.visit(node.value)
        return ast.Call(ast.Name("_sync", ast.Load()), [value], [])

    def visit_AsyncFor(self, node: ast.AsyncFor) -> ast.AST:
        self.generic_visit(node)
        return ast.For(node.target, node.iter, node.body, node.orelse)

    def visit_AsyncWith(self, node: ast.AsyncWith) -> ast.AST:
        self.generic_visit(node)
        return ast.With(node.items, node.body)

    def visit_comprehension(self, node: ast.comprehension) -> ast.AST:
        self.generic_visit(node)
        node.is_async = 0
        return node


def _tree(code: str) -> ast.Module:
    tree = _Unasync().visit(ast.parse(code))
    assert isinstance(tree, ast.Module)
    return ast.fix_missing_locations(tree)


def synchronous(code: str) -> str:
    """``code`` as a user of the synchronous client writes it."""
    return ast.unparse(_tree(code))


def run_synchronously(
    example: Example, monkeypatch: pytest.MonkeyPatch, prepare: Any = None
) -> Client:
    """Run ``example`` (after those it continues) with ``client`` a synchronous
    `Client` of a fresh emulator; ``prepare(client)`` runs first. Returns the client,
    closed."""
    clock = VirtualClock()
    emulator = Emulator(clock=clock, sleep=clock.sleep)
    _add_docs_users(emulator)
    replaced = _patch_constructors(monkeypatch, emulator, clock)
    chain = example.chain()
    owner = emulator.seed.owner
    names = set().union(*(placeholders_in(part.code) for part in chain))
    with asyncio.Runner() as runner:
        helper = emulator.client(clock=clock, sleep=clock.sleep)
        try:
            values = runner.run(_resolve(names, emulator, helper))
        finally:
            runner.run(helper.aclose())
    with Client(
        owner.email,
        owner.api_key,
        BASE_URL,
        transport=emulator.transport(),
        clock=clock,
        sleep=clock.sleep,
    ) as client:
        if prepare is not None:
            prepare(client)

        def _sync(value: Any) -> Any:
            return client.run(value) if inspect.iscoroutine(value) else value

        namespace: dict[str, Any] = {
            name: replaced.get(value, value) if isinstance(value, type) else value
            for name, value in _globals_of(example.module).items()
        }
        namespace.update(__name__="sync_example", client=client, emulator=emulator, _sync=_sync)
        for part in chain:
            tree = _tree(substitute(part.code, values))
            ast.increment_lineno(tree, part.line)
            exec(compile(tree, str(ROOT / part.page), "exec"), namespace)  # noqa: S102
    return client
