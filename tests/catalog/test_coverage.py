"""Every catalog entry has one SDK method and one emulator route, or stands in NOT_YET.

Whether an SDK-against-emulator test exercised it is known only once the whole suite has
run: ``tests/_support/api_coverage_plugin.py`` checks that at the end of the session.
"""

from __future__ import annotations

from types import SimpleNamespace

import attrs
import pytest

from elasticio._catalog import ENTRIES, Entry
from elasticio._catalog._usage import Caller
from elasticio._catalog.v2 import FLOWS_GET, FLOWS_RUN_NOW, USERS_GET, USERS_ME
from elasticio.testing import Emulator
from tests._support.api_coverage import (
    NOT_YET,
    Coverage,
    coverage,
    listing,
    problems,
    served_routes,
)


@pytest.fixture(scope="module")
def rows() -> list[Coverage]:
    """The coverage of every entry as far as it is known without running the suite."""
    return coverage(Emulator(), exercised=None)


def test_no_entry_lacks_an_sdk_method_or_a_route_unless_listed(rows: list[Coverage]) -> None:
    """An entry outside NOT_YET has one client method, from its own namespace, and one
    emulator route; no entry has two of either."""
    assert problems(rows) == []


def test_not_yet_names_entries_with_reasons() -> None:
    """Every NOT_YET name is a catalog entry and says why it is there."""
    assert set(NOT_YET) <= set(ENTRIES)
    assert all(reason.strip() for reason in NOT_YET.values())


def test_every_emulator_route_is_a_catalog_entry() -> None:
    """The emulator serves nothing the catalog does not declare."""
    assert served_routes(Emulator()).outside == ()


def _row(
    entry: Entry = FLOWS_GET,
    *,
    callers: tuple[Caller, ...] = (Caller("flows", "get"),),
    routes: int = 1,
    exercised: bool | None = True,
    not_yet: str | None = None,
) -> Coverage:
    return Coverage(
        entry=entry, callers=callers, routes=routes, exercised=exercised, not_yet=not_yet
    )


def test_a_covered_entry_has_no_problem() -> None:
    """One method, one route, exercised, not listed: nothing to say."""
    assert _row().problems() == []


@pytest.mark.parametrize(
    ("row", "says"),
    [
        (_row(callers=()), "no SDK method calls it"),
        (_row(callers=(Caller("flows", "_settle"),)), "no SDK method calls it"),
        (_row(routes=0), "no emulator route serves it"),
        (_row(exercised=False), "no SDK-against-emulator test sent it"),
    ],
)
def test_an_uncovered_unlisted_entry_is_a_problem(row: Coverage, says: str) -> None:
    """Missing any of the three, an entry outside NOT_YET is reported with what it lacks."""
    [problem] = row.problems()
    assert problem.startswith("flows.get: ")
    assert says in problem


def test_a_listed_entry_may_be_uncovered() -> None:
    """NOT_YET excuses whatever the entry lacks."""
    assert _row(callers=(), routes=0, exercised=False, not_yet="later").problems() == []


def test_a_listed_entry_that_is_covered_is_a_problem() -> None:
    """NOT_YET does not go stale: a covered entry must leave it."""
    assert _row(not_yet="later").problems() == ["flows.get is covered now: remove it from NOT_YET"]


def test_unknown_exercise_is_no_verdict() -> None:
    """Without a whole run, neither a missing test nor a stale listing is claimed."""
    assert _row(exercised=None).problems() == []
    assert _row(exercised=None, not_yet="later").problems() == []


@pytest.mark.parametrize(
    ("row", "says"),
    [
        (
            _row(callers=(Caller("flows", "get"), Caller("flows", "fetch"))),
            "flows.get is called by client.flows.get, client.flows.fetch",
        ),
        (_row(callers=(Caller("users", "get"),)), "flows.get belongs to client.flows"),
        (_row(routes=2), "flows.get is served by 2 emulator routes"),
    ],
)
def test_double_or_foreign_coverage_is_a_problem_even_when_listed(row: Coverage, says: str) -> None:
    """Two methods, a method of another namespace or two routes are wrong, listed or not."""
    for found in (row.problems(), attrs.evolve(row, not_yet="later").problems()):
        assert any(problem.startswith(says) for problem in found)


def test_problems_name_a_listing_of_no_entry() -> None:
    """A NOT_YET name that is no entry is reported."""
    assert problems([], not_yet={"flows.nope": "typo"}) == [
        "NOT_YET names 'flows.nope', which is no catalog entry"
    ]


def test_listing_counts_by_area_and_in_total() -> None:
    """Each area's line counts its entries; the total line adds them up."""
    rows = [
        _row(USERS_ME, callers=(Caller("users", "me"),)),
        _row(USERS_GET, callers=(), exercised=False, not_yet="later"),
        _row(FLOWS_GET, routes=0, exercised=False, not_yet="later"),
    ]
    lines = {line.split()[0]: line.split()[1:] for line in listing(rows)}
    assert lines["area"] == ["entries", "SDK", "emulator", "exercised", "not", "yet"]
    assert lines["users"] == ["2", "1", "2", "1", "1"]
    assert lines["flows"] == ["1", "1", "0", "0", "1"]
    assert lines["teams"] == ["0", "0", "0", "0", "0"]
    assert lines["total"] == ["3", "2", "2", "1", "2"]


def test_listing_counts_entries_outside_the_docs_apart() -> None:
    """Below the v2 total, the documented entries and the §4.x ones have lines of their own."""
    rows = [
        _row(USERS_ME, callers=(Caller("users", "me"),)),
        _row(FLOWS_RUN_NOW, callers=(Caller("flows", "run_now"),), exercised=False, not_yet="x"),
    ]
    lines = [line.split() for line in listing(rows)]
    assert ["documented", "1", "1", "1", "1", "0"] in lines
    assert ["§4.x", "1", "1", "1", "0", "1"] in lines


def test_listing_shows_unknown_exercise_as_a_dash() -> None:
    """Without a whole run the exercised column holds a dash."""
    lines = listing([_row(exercised=None)])
    assert lines[-1].split() == ["total", "1", "1", "1", "-", "0"]


def _route(method: str, template: str) -> SimpleNamespace:
    return SimpleNamespace(method=method, template=template)


def test_routes_match_entries_whatever_their_placeholder_names() -> None:
    """A router's routes count for the entry of the same method and template; a route
    the catalog lacks is reported as outside it."""
    emulator = SimpleNamespace(
        router=SimpleNamespace(
            routes=[
                _route("GET", "/v2/flows/{id}"),
                _route("GET", "/v2/flows/{flow}/"),
                _route("GET", "/v2/users/me"),
                _route("GET", "/v1/nowhere"),
            ]
        )
    )
    served = served_routes(emulator)
    assert served.routes == {"flows.get": 2, "users.me": 1}
    assert served.outside == ("GET /v1/nowhere",)


def test_routes_keyed_by_entries_are_read_as_they_are() -> None:
    """An emulator that knows its entries (as entries, names, or routes holding an entry)
    is read directly."""
    by_entry = SimpleNamespace(router=SimpleNamespace(entries={FLOWS_GET: object()}))
    by_name = SimpleNamespace(handled_entries=frozenset({"users.me", "flows.nope"}), router=None)
    by_route = SimpleNamespace(
        router=SimpleNamespace(routes=[SimpleNamespace(entry=USERS_GET, method="?", template="?")])
    )
    assert served_routes(by_entry).routes == {"flows.get": 1}
    assert served_routes(by_name).routes == {"users.me": 1}
    assert served_routes(by_name).outside == ("flows.nope",)
    assert served_routes(by_route).routes == {"users.get": 1}
