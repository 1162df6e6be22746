"""The generated endpoints page is up to date and lists every entry once."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from elasticio._catalog import AREAS, ENTRIES, Paged
from elasticio._catalog._usage import sdk_callers

GENERATOR = Path(__file__).resolve().parents[2] / "docs" / "_generate" / "endpoints.py"
REGENERATE = "PYTHONPATH=src python docs/_generate/endpoints.py"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    """``docs/_generate/endpoints.py``, loaded from its path (docs is no package)."""
    spec = importlib.util.spec_from_file_location("endpoints_page", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_page_is_what_the_generator_writes(generator: ModuleType) -> None:
    """docs/endpoints.md equals a fresh generation from the catalog."""
    committed = generator.PAGE.read_text(encoding="utf-8")
    assert committed == generator.render(), f"docs/endpoints.md is stale: run {REGENERATE}"


def test_every_entry_is_one_row_under_its_area(generator: ModuleType) -> None:
    """Each entry's request appears in exactly one row, in its area's section, with its
    client method, paging, digest row and summary."""
    sections = generator.render().split("\n## ")[1:]
    assert [s.split("\n", 1)[0] for s in sections] == [f"`client.{a.name}`" for a in AREAS]
    for area, section in zip(AREAS, sections, strict=True):
        rows = [line for line in section.splitlines() if line.startswith("| `")]
        assert len(rows) == len(area.entries)
        for entry, row in zip(area.entries, rows, strict=True):
            cells = [cell.strip() for cell in row.strip("|").split("|")]
            assert cells[0] == f"`{entry.method} {entry.template}`"
            paged = entry.returns
            assert cells[2] == (f"pages of {paged.size}" if isinstance(paged, Paged) else "no")
            assert cells[3:] == [entry.ref, entry.summary]
    assert sum(len(a.entries) for a in AREAS) == len(ENTRIES)


def test_rows_name_the_calling_method_or_say_not_yet(generator: ModuleType) -> None:
    """A row shows the public client method that calls its entry, or "not yet"."""
    text = generator.render()
    assert "| `GET /v2/flows/{flow_id}` | `client.flows.get()` |" in text
    for name, callers in sdk_callers().items():
        entry = ENTRIES[name]
        public = ", ".join(f"`{c.qualname}()`" for c in callers if c.public)
        assert f"| `{entry.method} {entry.template}` | {public or 'not yet'} |" in text
