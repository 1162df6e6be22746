"""How the docs' examples are found in a page (``_pages``) and run (``_run``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from elasticio import NotFoundError
from tests.docs._pages import Example, parse
from tests.docs._run import run, substitute


def test_a_python_fence_is_one_example_at_its_line() -> None:
    """A ``python`` (or ``py``) fence is an example starting at its line; others are not."""
    text = "# Page\n\n```python\nx = 1\n```\n\n```console\n$ ls\n```\n\n~~~py\ny = 2\n~~~\n"
    examples = parse("page.md", text)
    assert [(e.id, e.code) for e in examples] == [
        ("page.md:3", "x = 1\n"),
        ("page.md:11", "y = 2\n"),
    ]


def test_an_indented_fence_is_dedented() -> None:
    """A fence inside an admonition keeps its code, without the admonition's indent."""
    text = "!!! note\n    ```python\n    if True:\n        pass\n    ```\n"
    [example] = parse("page.md", text)
    assert example.code == "if True:\n    pass\n"


def test_not_run_needs_a_reason() -> None:
    """``not run: REASON`` excludes the block with its reason; without one it is refused."""
    text = "<!-- example: not run: shows the real platform -->\n```python\nx\n```\n"
    [example] = parse("page.md", text)
    assert example.excluded == "shows the real platform"
    with pytest.raises(ValueError, match="unknown example marker"):
        parse("page.md", "<!-- example: not run -->\n```python\nx\n```\n")


def test_continues_chains_to_the_previous_example() -> None:
    """``continues`` runs the previous example of the page first, in the same namespace."""
    text = "```python\na = 1\n```\n\n```python\nb = 2\n```\n<!-- example: continues -->\n"
    text += "```python\nc = a + b\n```\n"
    first, second, third = parse("page.md", text)
    assert third.previous is second
    assert [e.code for e in third.chain()] == ["b = 2\n", "c = a + b\n"]
    assert first.previous is None


def test_misplaced_or_unknown_markers_are_refused() -> None:
    """A marker before no python block, or one that continues nothing, is an error."""
    with pytest.raises(ValueError, match="before no python block"):
        parse("page.md", "<!-- example: continues -->\n```console\n$ ls\n```\n")
    with pytest.raises(ValueError, match="nothing comes before"):
        parse("page.md", "<!-- example: continues -->\n```python\nx\n```\n")
    with pytest.raises(ValueError, match="never closed"):
        parse("page.md", "```python\nx = 1\n")


def test_placeholders_are_replaced_only_as_whole_string_literals() -> None:
    """``"FLOW_ID"`` becomes the id; a longer string that mentions it stays as written."""
    code = 'get("FLOW_ID"); get(\'FLOW_ID\'); what = "flow FLOW_ID"; FLOW_ID = 1\n'
    assert substitute(code, {"FLOW_ID": "f1"}) == (
        'get("f1"); get(\'f1\'); what = "flow FLOW_ID"; FLOW_ID = 1\n'
    )


def _example(code: str) -> Example:
    return Example(page="docs/quickstart.md", line=1, code=code)


def test_an_example_runs_with_client_emulator_and_seeded_ids(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Top-level await works; ``client`` reaches ``emulator``; placeholders are its ids."""
    run(
        _example(
            'flow = await client.flows.get("FLOW_ID")\n'
            "assert flow.id == emulator.seed.flow_id\n"
            'assert (await client.teams.get("TEAM_ID")).id == emulator.seed.team_id\n'
        ),
        monkeypatch,
    )


def test_an_example_that_raises_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """What an example raises reaches the test, with the page's line in the traceback."""
    with pytest.raises(NotFoundError) as caught:
        run(_example('await client.flows.get("no-such-flow")\n'), monkeypatch)
    lines = [(Path(entry.path).name, entry.lineno + 1) for entry in caught.traceback]
    assert ("quickstart.md", 2) in lines


def test_a_client_built_as_a_user_would_talks_to_the_emulator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``AsyncClient()`` from the variables, and the docs' own credentials, sign in."""
    code = (
        "from elasticio import AsyncClient\n"
        "async with AsyncClient() as mine:\n"
        "    assert (await mine.users.me()).email == 'owner@example.com'\n"
        "async with AsyncClient(email='you@example.com', api_key='...') as yours:\n"
        "    assert (await yours.users.me()).email == 'you@example.com'\n"
    )
    run(_example(code), monkeypatch)


def test_waiting_takes_virtual_time_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """An emulator the example builds shares the virtual clock: a minute's lag is free."""
    code = (
        "import time\n"
        "from elasticio.testing import Emulator, EmulatorSettings\n"
        "began = time.monotonic()\n"
        "mine = Emulator(settings=EmulatorSettings(transition_delay=60.0))\n"
        "async with mine.client() as other:\n"
        "    flow = await other.flows.start(mine.seed.flow_id, wait=True)\n"
        "assert flow.current_status == 'active'\n"
        "assert time.monotonic() - began < 30\n"
    )
    run(_example(code), monkeypatch)


def test_a_pytest_example_has_its_tests_called(monkeypatch: pytest.MonkeyPatch) -> None:
    """An ``async def test_...`` the example defines is called with the plugin's fixtures."""
    code = (
        "async def test_sees_the_seed(elasticio_client, elasticio_emulator):\n"
        "    raise LookupError(elasticio_emulator.seed.flow_id)\n"
    )
    with pytest.raises(LookupError):
        run(_example(code), monkeypatch)
