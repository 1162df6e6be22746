"""Reading which client method executes which catalog entry from the namespaces' source."""

from __future__ import annotations

from typing import Any, overload

from elasticio import AsyncClient
from elasticio._catalog import ENTRIES, v2
from elasticio._catalog._usage import Caller, client_namespaces, method_entries, sdk_callers
from elasticio._catalog.v2 import FLOWS_GET as THE_FLOW
from elasticio._catalog.v2 import FLOWS_LIST, FLOWS_STOP, USERS_ME
from elasticio.resources import Flows, Users
from elasticio.resources._base import Namespace


class Toy(Namespace):
    """Names entries every way a namespace may."""

    async def get(self) -> Any:
        return await self._fetch()

    async def _fetch(self) -> Any:
        return THE_FLOW, self._deeper()

    def _deeper(self) -> Any:
        return v2.FLOWS_VERSION

    def _forgotten(self) -> Any:
        return FLOWS_LIST, THE_FLOW

    @overload
    async def stop(self, wait: None) -> None: ...
    @overload
    async def stop(self, wait: float) -> Any: ...
    async def stop(self, wait: float | None) -> Any:
        return FLOWS_STOP

    def quiet(self) -> int:
        return 1


class ToyChild(Toy):
    """Inherits Toy's methods and adds one."""

    def me(self) -> Any:
        return USERS_ME


def test_a_method_holds_what_its_private_helpers_name() -> None:
    """Entries named in private helpers, however deep, count for the public caller;
    aliases and module attributes resolve to the entry."""
    found = method_entries(Toy)
    assert found["get"] == {"flows.get", "flows.version"}
    assert found["stop"] == {"flows.stop"}
    assert found["quiet"] == set()


def test_a_helper_no_public_method_reaches_keeps_its_own_entries() -> None:
    """A private helper's entries that no public method reaches stay under its name;
    those a public method reaches do not."""
    assert method_entries(Toy)["_forgotten"] == {"flows.list"}
    assert "_fetch" not in method_entries(Toy)


def test_inherited_methods_count_for_the_subclass() -> None:
    """A subclass has its base namespace's methods as well as its own."""
    found = method_entries(ToyChild)
    assert found["me"] == {"users.me"}
    assert found["get"] == {"flows.get", "flows.version"}


def test_client_namespaces_are_the_attributes_the_client_sets(client: AsyncClient) -> None:
    """The namespaces read from AsyncClient's source are those a client has."""
    namespaces = client_namespaces()
    assert namespaces["flows"] is Flows
    assert namespaces["users"] is Users
    held = {name: type(value) for name, value in vars(client).items()}
    held |= {f"v1.{name}": type(value) for name, value in vars(client.v1).items()}
    assert {name: cls for name, cls in held.items() if issubclass(cls, Namespace)} == namespaces
    assert namespaces["v1.teams"] is type(client.v1.teams)


def test_every_entry_has_a_caller_list() -> None:
    """sdk_callers answers for every entry, the uncalled ones with an empty tuple."""
    callers = sdk_callers()
    assert list(callers) == list(ENTRIES)
    assert callers["users.me"] == (Caller("users", "me"),)


def test_caller_names() -> None:
    """A caller reads as the client expression; a helper is not public."""
    assert Caller("flows", "get").qualname == "client.flows.get"
    assert Caller("flows", "get").public
    assert not Caller("flows", "_settle").public
