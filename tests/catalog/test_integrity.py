"""The catalog is consistent: names, templates, statuses, bodies, paging and refs."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import Counter

import pytest

import elasticio._catalog
from elasticio._catalog import AREAS, ENTRIES, Entry, Paged, Plain

NAME = re.compile(r"(v1\.)?[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*")
PLACEHOLDER = re.compile(r"\{[a-z][a-z0-9_]*\}")
REF = re.compile(r"#(?P<row>[0-9]+)|v1#(?P<v1_row>[0-9]+)|§4(\.[0-9]+)+|§7\.[14]")
DIGEST_ROWS = range(1, 154)
"""The v2 rows of the API digest's tables: #1 to #153."""
V1_ROWS = range(1, 30)
"""The rows of the digest's v1 table: v1#1 to v1#29."""

VERSIONS = [
    importlib.import_module(f"elasticio._catalog.{module.name}")
    for module in pkgutil.iter_modules(elasticio._catalog.__path__)
    if not module.name.startswith("_")
]
"""The version modules (``v2``, ...) that declare the entries as constants."""

entries = pytest.mark.parametrize("entry", list(ENTRIES.values()), ids=list(ENTRIES))


def test_every_declared_entry_is_in_the_index_once() -> None:
    """ENTRIES holds every entry the areas declare, none twice."""
    declared = [entry.name for area in AREAS for entry in area.entries]
    assert sorted(declared) == sorted(ENTRIES)
    assert not [name for name, n in Counter(declared).items() if n > 1]


@entries
def test_name_is_area_dot_verb(entry: Entry) -> None:
    """A name is ``<area>.<verb>`` in snake case, and the area is the entry's own."""
    assert NAME.fullmatch(entry.name)
    assert entry.name == f"{entry.area}.{entry.verb}"


@entries
def test_template_is_versioned(entry: Entry) -> None:
    """Every template starts with its version (/v1/ or /v2/), but for the runtime's
    hooks, which live below the base URL itself."""
    if entry.area == "v1.hooks":
        assert entry.template.startswith("/sailor-support/hooks/")
    else:
        assert entry.template.startswith(f"/{entry.version}/")


@entries
def test_placeholders_are_whole_snake_case_segments(entry: Entry) -> None:
    """A placeholder is a whole path segment named in snake case (``{flow_id}``)."""
    braced = [s for s in entry.template.split("/") if "{" in s or "}" in s]
    assert all(PLACEHOLDER.fullmatch(segment) for segment in braced)
    assert {segment[1:-1] for segment in braced} == entry.placeholders


def test_no_two_entries_share_a_route() -> None:
    """No two entries have the same method and template, even under other placeholder
    names."""
    routes = Counter(
        (entry.method, PLACEHOLDER.sub("{}", entry.template)) for entry in ENTRIES.values()
    )
    assert [route for route, n in routes.items() if n > 1] == []


@entries
def test_paged_entries_have_a_default_size(entry: Entry) -> None:
    """A paged answer states the platform's default page size."""
    if isinstance(entry.returns, Paged):
        assert entry.returns.size > 0


@entries
def test_status_is_a_success(entry: Entry) -> None:
    """The documented status is a 2xx."""
    assert 200 <= entry.status < 300


@entries
def test_only_writing_methods_take_a_body(entry: Entry) -> None:
    """An entry with a body is a POST, PUT, PATCH or DELETE."""
    if entry.body is not None:
        assert entry.method in {"POST", "PUT", "PATCH", "DELETE"}


@entries
def test_plain_answers_use_the_plain_codec(entry: Entry) -> None:
    """An entry whose answer is plain JSON is read with the plain codec."""
    if isinstance(entry.returns, Plain):
        assert entry.codec == "plain"


@entries
def test_ref_is_a_digest_row_or_section(entry: Entry) -> None:
    """``ref`` is a row of the digest's v2 tables (``#1`` to ``#153``) or its v1 table
    (``v1#1`` to ``v1#29``), or, for an undocumented endpoint, a ``§4.x`` section (v2)
    or the official client (``§7.1``) or runtime (``§7.4``) that calls it (v1)."""
    found = REF.fullmatch(entry.ref)
    assert found
    if found["row"] is not None:
        assert int(found["row"]) in DIGEST_ROWS
        assert entry.version == "v2"
    if found["v1_row"] is not None:
        assert int(found["v1_row"]) in V1_ROWS
    if entry.ref.startswith(("v1#", "§7")):
        assert entry.version == "v1"


@entries
def test_summary_is_one_line(entry: Entry) -> None:
    """Every entry has a one-line summary for the docs tables."""
    assert entry.summary.strip()
    assert "\n" not in entry.summary
    assert "|" not in entry.summary


def test_constant_names_match_entry_names() -> None:
    """Each entry is one constant of a version module, ``FLOWS_GET`` for ``"flows.get"``."""
    constants = {
        name: value
        for module in VERSIONS
        for name, value in vars(module).items()
        if isinstance(value, Entry)
    }
    misnamed = [
        (name, entry.name)
        for name, entry in constants.items()
        if name != entry.name.upper().replace(".", "_")
    ]
    assert misnamed == []
    assert sorted(entry.name for entry in constants.values()) == sorted(ENTRIES)


def test_ref_pattern_refuses_malformed_refs() -> None:
    """The ref check itself tells a row or section from anything else."""
    assert REF.fullmatch("#73")
    assert REF.fullmatch("§4.2")
    assert REF.fullmatch("v1#29")
    assert REF.fullmatch("§7.4")
    assert not REF.fullmatch("v1#")
    assert not REF.fullmatch("§7.2")
    assert not REF.fullmatch("73")
    assert not REF.fullmatch("#")
    assert not REF.fullmatch("§3.1")


def test_v1_entries_are_plain_and_in_v1_areas() -> None:
    """Every /v1/ entry answers plain JSON and belongs to a ``v1.*`` area, and the
    other way round."""
    for entry in ENTRIES.values():
        assert (entry.version == "v1") == entry.area.startswith("v1.")
        if entry.version == "v1":
            assert entry.codec == "plain"


def test_every_documented_v1_row_is_declared_once() -> None:
    """The digest's v1 table has 29 rows; each is one entry."""
    rows = sorted(int(e.ref[3:]) for e in ENTRIES.values() if e.ref.startswith("v1#"))
    assert rows == list(V1_ROWS)
