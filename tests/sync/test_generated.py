"""The committed sync namespaces are what the generator writes from the async ones."""

from __future__ import annotations

import ast

import pytest

from elasticio._sync._generate import MODULE, _converted, formatted, render

REGENERATE = "PYTHONPATH=src python -m elasticio._sync._generate"


def test_the_committed_module_is_up_to_date() -> None:
    """A namespace method added or changed without regenerating fails here."""
    assert MODULE.read_text("utf-8") == formatted(render()), f"run: {REGENERATE}"


@pytest.mark.parametrize(
    ("annotation", "expected"),
    [
        ("Paginator[Flow]", "SyncPaginator[Flow]"),
        ("Execution", "SyncExecution"),
        ("Flow | None", "Flow | None"),
        ("builtins.list[Snapshot]", "builtins.list[Snapshot]"),
    ],
)
def test_answers_take_their_sync_face(annotation: str, expected: str) -> None:
    """A list becomes a SyncPaginator, an execution a SyncExecution; the rest stays."""
    converted, _ = _converted(ast.parse(annotation, mode="eval").body, "here")
    assert ast.unparse(converted) == expected


@pytest.mark.parametrize("annotation", ["list[Execution]", "tuple[Flow, Paginator[Flow]]"])
def test_a_shape_it_cannot_convert_stops_the_generator(annotation: str) -> None:
    """A list or execution nested in another type is refused, rather than left async."""
    with pytest.raises(ValueError, match="teach the generator"):
        _converted(ast.parse(annotation, mode="eval").body, "here")
