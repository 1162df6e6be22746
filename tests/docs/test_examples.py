"""Every Python example of the documentation runs, against the emulator in process.

Each example is one test, named after its page and the line of its opening fence. A block
is left out only by a ``<!-- example: not run: REASON -->`` marker, and every such block
is listed in ``EXCLUDED`` below (see ``tests/docs/_pages.py`` and ``tests/docs/_run.py``).
"""

from __future__ import annotations

import re

import pytest

from elasticio._catalog._usage import client_namespaces
from tests.docs._docstrings import reference_examples
from tests.docs._pages import PAGES, PYTHON, ROOT, Example, collect
from tests.docs._run import run

EXAMPLES = collect()
RUN = [example for example in EXAMPLES if example.excluded is None]

EXCLUDED: dict[str, str] = {}
"""The examples not run (page:line → reason): none at present. Keep it short."""


@pytest.mark.parametrize("example", RUN, ids=lambda example: example.id)
def test_example_runs(example: Example, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example runs to its end without raising."""
    run(example, monkeypatch)


def test_exclusions_are_the_listed_ones() -> None:
    """The blocks marked "not run" are exactly those listed here, each with its reason."""
    assert {e.id: e.excluded for e in EXAMPLES if e.excluded is not None} == EXCLUDED


def test_every_python_fence_is_an_example() -> None:
    """Each fence that opens a Python block in the pages is collected: none is missed."""
    opening = re.compile(r"^\s*(?:`{3,}|~{3,})\s*(\w+)", re.MULTILINE)
    fences = sum(
        1
        for page in PAGES
        for match in opening.finditer(page.read_text("utf-8"))
        if match[1].lower() in PYTHON
    )
    assert len(EXAMPLES) == fences
    assert len(RUN) + len(EXCLUDED) == fences
    assert {example.page for example in EXAMPLES} >= {"README.md", "docs/quickstart.md"}
    assert all((ROOT / example.page).is_file() for example in EXAMPLES)


DOCSTRING_EXAMPLES = reference_examples()


@pytest.mark.parametrize("example", DOCSTRING_EXAMPLES, ids=lambda example: example.id)
def test_docstring_example_runs(example: Example, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example of a docstring the reference shows runs without raising."""
    run(example, monkeypatch)


@pytest.mark.parametrize("namespace", sorted(client_namespaces()))
def test_every_namespace_method_shows_an_example(namespace: str) -> None:
    """Each public method of a client namespace has a ``>>>`` example in its docstring."""
    cls = client_namespaces()[namespace]
    names = {e.name for e in DOCSTRING_EXAMPLES}
    methods = [
        name for name, value in vars(cls).items() if not name.startswith("_") and callable(value)
    ]
    missing = [m for m in methods if f"elasticio.resources.{cls.__name__}.{m}" not in names]
    assert not missing
