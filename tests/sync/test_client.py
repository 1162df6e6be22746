"""The synchronous client's own behaviour: threads, lifecycle, loops, traversal."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from elasticio import AsyncClient, Client, FlowVersion, SyncPaginator, UsageError
from elasticio._logs import configure_from_environment
from elasticio._sync._portal import Portal
from elasticio.testing import BASE_URL, Emulator, ServedEmulator
from tests.docs._run import VirtualClock


@pytest.fixture
def emulator() -> Emulator:
    clock = VirtualClock()
    return Emulator(clock=clock, sleep=clock.sleep)


@pytest.fixture
def client(emulator: Emulator) -> Iterator[Client]:
    owner = emulator.seed.owner
    with Client(owner.email, owner.api_key, BASE_URL, transport=emulator.transport()) as client:
        yield client


def _loop_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "elasticio-client-loop"]


def test_a_flow_and_its_versions_synchronously(client: Client, emulator: Emulator) -> None:
    """A model from the sync client traverses with ``client.run``: its versions come back
    as a list, from the emulator."""
    flow = client.flows.get(emulator.seed.flow_id)
    versions = client.run(flow.versions())
    assert versions
    assert all(isinstance(version, FlowVersion) for version in versions)
    assert client.run(flow.latest_version()).id == flow.latest_version_id


def test_a_component_walks_to_its_descriptor(client: Client, emulator: Emulator) -> None:
    """The component traversals (``versions``, ``descriptor``) run the same way."""
    component = client.components.get(emulator.seed.component_ids["petstore"])
    versions = client.run(component.versions())
    assert versions
    descriptor = client.run(component.descriptor())
    assert descriptor == client.components.descriptor(component.id)


def test_a_list_is_an_iterator_that_pages_itself(client: Client, emulator: Emulator) -> None:
    """With one flow a page, iterating fetches every page; ``collect`` agrees."""
    flows = client.flows.list(emulator.seed.workspace_id, page_size=1)
    assert isinstance(flows, SyncPaginator)
    names = [flow.id for flow in flows]
    pages = list(flows.pages())
    assert len(pages) == len(names) > 1
    assert [flow.id for flow in flows.collect()] == names


def test_leaving_a_list_early_closes_it() -> None:
    """Closing the iterator after one item closes the async one on the loop, at once."""
    closed: list[bool] = []

    class Source:
        async def _items(self) -> AsyncIterator[int]:
            try:
                for item in range(3):
                    yield item
            finally:
                closed.append(True)

        def __aiter__(self) -> AsyncIterator[int]:
            return self._items()

    portal = Portal()
    try:
        items = iter(SyncPaginator(portal, Source()))  # type: ignore[arg-type]
        assert next(items) == 0
        assert not closed
        items.close()  # type: ignore[attr-defined]
        assert closed == [True]
    finally:
        portal.close()


def test_an_execution_result_blocks_until_done(client: Client, emulator: Emulator) -> None:
    """``verify_credential`` returns a handle whose ``result()`` is the outcome."""
    seed = emulator.seed
    execution = client.executions.verify_credential(
        seed.component_ids["petstore"], workspace_id=seed.workspace_id, fields={"apiKey": "k"}
    )
    outcome = execution.result(timeout=60)
    assert outcome.id
    assert execution.result() is outcome
    assert client.executions.get(execution.id).id == execution.id


def test_raw_response_of_a_sync_call(client: Client, emulator: Emulator) -> None:
    """The responses are recorded across the thread boundary."""
    raw = client.with_raw_response(client.flows.get, emulator.seed.flow_id)
    assert raw.status_code == 200
    assert raw.parse().id == emulator.seed.flow_id
    with pytest.raises(UsageError, match="sent no request"):
        client.with_raw_response(client.executions.get, "E1")


def test_request_and_errors(client: Client) -> None:
    """``request`` decodes JSON:API; a 404 raises the SDK's own error."""
    from elasticio import NotFoundError

    document = client.request("GET", "/v2/users/me")
    assert document.data is not None
    with pytest.raises(NotFoundError):
        client.flows.get("no-such-flow")


def test_several_threads_at_once(client: Client, emulator: Emulator) -> None:
    """Forty calls from eight threads all get their answer, through the one loop."""
    flow_id = emulator.seed.flow_id
    with ThreadPoolExecutor(max_workers=8) as pool:
        found = list(pool.map(lambda _: client.flows.get(flow_id).id, range(40)))
    assert found == [flow_id] * 40
    assert client.stats.requests == 40


def test_close_stops_the_loop_thread(emulator: Emulator) -> None:
    """After ``close`` the loop's thread has ended, and calls are refused clearly."""
    before = len(_loop_threads())
    owner = emulator.seed.owner
    client = Client(owner.email, owner.api_key, BASE_URL, transport=emulator.transport())
    client.users.me()
    assert len(_loop_threads()) == before + 1
    client.close()
    client.close()
    assert len(_loop_threads()) == before
    with pytest.raises(UsageError, match="closed"):
        client.users.me()


def test_a_client_made_by_with_options_leaves_the_loop_to_its_parent(client: Client) -> None:
    """Closing the derived client changes nothing for the parent."""
    other = client.with_options(max_retries=0)
    other.close()
    assert other.retry_policy.max_retries == 0
    assert client.users.me().id == other.users.me().id


def test_a_bad_configuration_leaves_no_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """A constructor that raises stops the loop it started."""
    from elasticio import ConfigurationError

    for variable in ("ELASTICIO_API_USERNAME", "ELASTICIO_API_KEY"):
        monkeypatch.delenv(variable, raising=False)
    before = len(_loop_threads())
    with pytest.raises(ConfigurationError):
        Client(base_url=BASE_URL)
    assert len(_loop_threads()) == before


async def test_calling_from_inside_an_event_loop_is_refused(emulator: Emulator) -> None:
    """In async code the sync client refuses, pointing at AsyncClient, and never blocks."""
    owner = emulator.seed.owner
    before = len(_loop_threads())
    with pytest.raises(UsageError, match="AsyncClient"):
        Client(owner.email, owner.api_key, BASE_URL, transport=emulator.transport())
    assert len(_loop_threads()) == before
    client = await asyncio.to_thread(
        Client, owner.email, owner.api_key, BASE_URL, transport=emulator.transport()
    )
    try:
        with pytest.raises(UsageError, match="AsyncClient"):
            client.users.me()
        with pytest.raises(UsageError, match="AsyncClient"):
            client.close()
    finally:
        await asyncio.to_thread(client.close)
    assert not any(t.is_alive() for t in [client._portal.thread])


def test_an_async_client_in_a_second_event_loop_is_refused(emulator: Emulator) -> None:
    """The second ``asyncio.run`` gets a UsageError naming the cause, not an httpx crash."""
    owner = emulator.seed.owner
    client = AsyncClient(owner.email, owner.api_key, BASE_URL, transport=emulator.transport())
    assert asyncio.run(client.users.me()).email == owner.email
    with pytest.raises(UsageError, match="another event loop"):
        asyncio.run(client.users.me())


def test_over_a_socket(emulator: Emulator) -> None:
    """The sync client works against a served emulator on loopback."""
    with ServedEmulator.start_in_thread(emulator) as served:
        email, api_key = served.credentials
        with Client(email, api_key, served.base_url) as client:
            assert client.users.me().email == email
            assert [flow.id for flow in client.flows.list(emulator.seed.workspace_id)]


def test_elasticio_log_turns_on_redacted_logging(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ELASTICIO_LOG=debug`` writes the SDK's lines to standard error, secrets masked."""
    logger = logging.getLogger("elasticio")
    handlers, level = list(logger.handlers), logger.level
    try:
        configure_from_environment({"ELASTICIO_LOG": "Debug"})
        configure_from_environment({"ELASTICIO_LOG": "debug"})
        added = [h for h in logger.handlers if h not in handlers]
        assert len(added) == 1
        assert logger.level == logging.DEBUG
        logging.getLogger("elasticio.x").debug("sent Authorization: Basic bWU6c2VjcmV0")
        err = capsys.readouterr().err
        assert "Basic [redacted]" in err
        assert "bWU6c2VjcmV0" not in err
    finally:
        logger.handlers[:] = handlers
        logger.setLevel(level)


def test_elasticio_log_unset_changes_nothing() -> None:
    """Without the variable (or with another value) the logger is left alone."""
    logger = logging.getLogger("elasticio")
    handlers, level = list(logger.handlers), logger.level
    configure_from_environment({})
    configure_from_environment({"ELASTICIO_LOG": "loud"})
    assert logger.handlers == handlers
    assert logger.level == level
