"""The committed sync namespaces are what the generator writes from the async ones."""

from __future__ import annotations

from elasticio._sync._generate import MODULE, formatted, render

REGENERATE = "PYTHONPATH=src python -m elasticio._sync._generate"


def test_the_committed_module_is_up_to_date() -> None:
    """A namespace method added or changed without regenerating fails here."""
    assert MODULE.read_text("utf-8") == formatted(render()), f"run: {REGENERATE}"
