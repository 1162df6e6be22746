"""Running an example of the docs against the in-process emulator.

An example runs with ``client`` (an ``AsyncClient`` signed in as the emulator's seeded
owner) and ``emulator`` (a fresh ``elasticio.testing.Emulator``) in its namespace, and
with top-level ``await`` allowed. The docs' placeholder ids (``"FLOW_ID"``, ...) are
replaced by the emulator's records, as ``PLACEHOLDERS`` says. Code a reader would write
as is works too:

* ``AsyncClient(...)`` and ``Client(...)`` without a transport talk to that emulator in
  process; the ``ELASTICIO_API_*`` variables name its owner, and the users the docs sign
  in with (``DOCS_USERS``) exist on it;
* ``Emulator(...)`` and ``emulator.client(...)`` keep time on the same virtual clock as
  everything else, so a retry wait, a flow's start lag or a rate limit costs no real time;
* an ``async def test_...`` the example defines (a pytest example) is called, with the
  plugin's fixtures ``elasticio_client``, ``elasticio_emulator`` and ``elasticio_clock``,
  and ``elasticio_served`` (that emulator on a loopback port, the ``ELASTICIO_API_*``
  variables naming it) when the test asks for it.

Examples:
    >>> substitute('get("FLOW_ID")', {"FLOW_ID": "f1"})
    'get("f1")'
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import importlib
import inspect
import re
import types
from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import Any

import pytest

import elasticio
import elasticio.testing
from elasticio import AsyncClient, Client
from elasticio.testing import BASE_URL, Emulator, ServedEmulator, VirtualClock
from tests.docs._pages import ROOT, Example

__all__ = [
    "DOCS_USERS",
    "PLACEHOLDERS",
    "placeholders_in",
    "run",
    "substitute",
]


DOCS_USERS: Mapping[str, str] = {"you@example.com": "...", "me@example.com": "..."}
"""Who the docs' ``AsyncClient(email=..., api_key=...)`` examples sign in as: each is a
tenant admin, a contract admin and an owner of every seeded workspace."""


def _add_docs_users(emulator: Emulator) -> None:
    seed = emulator.seed
    for email, api_key in DOCS_USERS.items():
        user = emulator.platform.add_user(email=email, api_key=api_key, tenant_admin=True)
        emulator.platform.add_contract_member(seed.contract_id, user.id, ["admin"])
        for workspace_id in (seed.workspace_id, seed.private_workspace_id):
            emulator.platform.add_workspace_member(workspace_id, user.id, ["owner"])


Resolver = Callable[[Emulator, AsyncClient], Awaitable[str]]


def _seeded(pick: Callable[[elasticio.testing.Seed], str]) -> Resolver:
    async def resolve(emulator: Emulator, client: AsyncClient) -> str:
        return pick(emulator.seed)

    return resolve


async def _new_contract_member(emulator: Emulator, client: AsyncClient) -> str:
    user = emulator.platform.add_user(email="ada@example.com", first_name="Ada")
    emulator.platform.add_contract_member(emulator.seed.contract_id, user.id, ["admin"])
    return user.id


async def _other_inactive_flow(emulator: Emulator, client: AsyncClient) -> str:
    seed = emulator.seed
    async for flow in client.flows.list(seed.workspace_id, status="inactive"):
        if flow.id != seed.flow_id:
            return flow.id
    raise LookupError("the seed has no second inactive flow")


async def _latest_version(emulator: Emulator, client: AsyncClient) -> str:
    flow = await client.flows.get(emulator.seed.flow_id)
    assert flow.latest_version_id is not None
    return flow.latest_version_id


async def _deployment(emulator: Emulator, client: AsyncClient) -> str:
    seed = emulator.seed
    activation = await client.recipes.activate(seed.recipe_id, seed.workspace_id)
    assert activation.deployment_id is not None
    return activation.deployment_id


async def _scheduled_execution(emulator: Emulator, client: AsyncClient) -> str:
    seed = emulator.seed
    execution = await client.executions.verify_credential(
        seed.component_ids["petstore"], workspace_id=seed.workspace_id, fields={"apiKey": "k"}
    )
    return execution.id


PLACEHOLDERS: Mapping[str, Resolver] = {
    "CONTRACT_ID": _seeded(lambda seed: seed.contract_id),
    "WORKSPACE_ID": _seeded(lambda seed: seed.workspace_id),
    "OTHER_WORKSPACE_ID": _seeded(lambda seed: seed.private_workspace_id),
    "TEAM_ID": _seeded(lambda seed: seed.team_id),
    "USER_ID": _new_contract_member,
    "COMPONENT_ID": _seeded(lambda seed: seed.component_ids["petstore"]),
    "CREDENTIAL_ID": _seeded(lambda seed: seed.credential_ids["petstore"]),
    "DATA_SAMPLE_ID": _seeded(lambda seed: seed.data_sample_ids["petstore"]),
    "SSH_KEY_ID": _seeded(lambda seed: seed.ssh_key_id),
    "TOPIC_ID": _seeded(lambda seed: seed.topic_id),
    "AUTH_CLIENT_ID": _seeded(lambda seed: seed.auth_client_id),
    "SECRET_ID": _seeded(lambda seed: seed.secret_id),
    "FLOW_ID": _seeded(lambda seed: seed.flow_id),
    "TENANT_ID": _seeded(lambda seed: seed.tenant_id),
    "OTHER_FLOW_ID": _other_inactive_flow,
    "VERSION_HASH": _latest_version,
    "EXECUTION_ID": _scheduled_execution,
    "RECIPE_ID": _seeded(lambda seed: seed.recipe_id),
    "DEPLOYMENT_ID": _deployment,
}
"""The docs' placeholder ids, as string literals in the code, and the emulator's record
each stands for: the seeded contract, workspaces, team, ``petstore`` component,
credential and data sample, SSH key, topic, auth client and secret, and flow (with a
draft and a snapshot of ``step_1``), the tenant; a new member of the contract who is in no workspace
yet; another inactive flow; the flow's latest version; a scheduled credential check; the
seeded recipe, and a deployment of it made for the example."""

_PLACEHOLDER = re.compile(r"""(?P<quote>["'])(?P<name>[A-Z][A-Z_]*)(?P=quote)""")


def placeholders_in(code: str) -> set[str]:
    """The placeholder names ``code`` uses as string literals."""
    return {m["name"] for m in _PLACEHOLDER.finditer(code) if m["name"] in PLACEHOLDERS}


def substitute(code: str, values: Mapping[str, str]) -> str:
    """``code`` with each placeholder literal replaced by its value, quotes kept."""

    def replace(match: re.Match[str]) -> str:
        value = values.get(match["name"])
        return match[0] if value is None else f"{match['quote']}{value}{match['quote']}"

    return _PLACEHOLDER.sub(replace, code)


async def _resolve(names: set[str], emulator: Emulator, client: AsyncClient) -> dict[str, str]:
    return {name: await PLACEHOLDERS[name](emulator, client) for name in sorted(names)}


def _patch_constructors(
    monkeypatch: pytest.MonkeyPatch, emulator: Emulator, clock: VirtualClock
) -> dict[type, type]:
    """``AsyncClient`` and ``Emulator`` as the examples import them, wired as the module
    docstring says; the replacement of each class."""

    class DocsAsyncClient(AsyncClient):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if "transport" not in kwargs and "http_client" not in kwargs:
                kwargs["transport"] = emulator.transport()
                kwargs.setdefault("clock", clock)
                kwargs.setdefault("sleep", clock.sleep)
            super().__init__(*args, **kwargs)

    class DocsClient(Client):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if "transport" not in kwargs and "http_client" not in kwargs:
                kwargs["transport"] = emulator.transport()
                kwargs.setdefault("clock", clock)
                kwargs.setdefault("sleep", clock.sleep)
            super().__init__(*args, **kwargs)

    class DocsEmulator(Emulator):
        def __init__(self, **kwargs: Any) -> None:
            kwargs.setdefault("clock", clock)
            kwargs.setdefault("sleep", clock.sleep)
            self._docs_time = (kwargs["clock"], kwargs["sleep"])
            super().__init__(**kwargs)

        def client(self, **kwargs: Any) -> AsyncClient:
            kwargs.setdefault("clock", self._docs_time[0])
            kwargs.setdefault("sleep", self._docs_time[1])
            return super().client(**kwargs)

    monkeypatch.setattr(elasticio, "AsyncClient", DocsAsyncClient)
    monkeypatch.setattr(elasticio, "Client", DocsClient)
    monkeypatch.setattr(elasticio.testing, "Emulator", DocsEmulator)

    owner = emulator.seed.owner
    for variable in ("ELASTICIO_API_USERNAME", "ELASTICIO_API_KEY", "ELASTICIO_API_URI"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("ELASTICIO_API_USERNAME", owner.email)
    monkeypatch.setenv("ELASTICIO_API_KEY", owner.api_key)
    monkeypatch.setenv("ELASTICIO_API_URI", BASE_URL)
    return {AsyncClient: DocsAsyncClient, Client: DocsClient, Emulator: DocsEmulator}


def _globals_of(module: str | None) -> dict[str, Any]:
    """What a doctest of ``module`` sees: a copy of its globals (nothing for a page)."""
    return dict(vars(importlib.import_module(module))) if module else {}


def _compile(example: Example, code: str) -> types.CodeType:
    # Blank lines first, so that a traceback names the page's own line numbers.
    source = "\n" * example.line + code
    compiled: types.CodeType = compile(
        source, str(ROOT / example.page), "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    )
    return compiled


def _defined_tests(namespace: dict[str, Any]) -> Iterator[Callable[..., Any]]:
    for name, value in namespace.items():
        if name.startswith("test_") and inspect.isfunction(value):
            yield value


async def _call_test(
    test: Callable[..., Any], fixtures: Mapping[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    names = list(inspect.signature(test).parameters)
    unknown = [name for name in names if name not in {*fixtures, "elasticio_served"}]
    if unknown:
        raise TypeError(f"{test.__name__} asks for fixtures the docs do not give: {unknown}")
    with contextlib.ExitStack() as stack:
        given = {name: fixtures[name] for name in names if name in fixtures}
        if "elasticio_served" in names:
            # As the plugin's fixture: the same emulator on a socket, named by the variables.
            served = stack.enter_context(
                ServedEmulator.start_in_thread(fixtures["elasticio_emulator"])
            )
            for variable, value in served.environment.items():
                monkeypatch.setenv(variable, value)
            given["elasticio_served"] = served
        outcome = test(**{name: given[name] for name in names})
        if inspect.isawaitable(outcome):
            await outcome


def run(example: Example, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run ``example`` (after the examples it continues) on a fresh emulator.

    Raises:
        Exception: whatever the example raises.
    """
    clock = VirtualClock()
    emulator = Emulator(clock=clock, sleep=clock.sleep)
    _add_docs_users(emulator)
    replaced = _patch_constructors(monkeypatch, emulator, clock)
    chain = example.chain()
    with asyncio.Runner() as runner:
        client = emulator.client(clock=clock, sleep=clock.sleep)
        try:
            names = set().union(*(placeholders_in(part.code) for part in chain))
            values = runner.run(_resolve(names, emulator, client))
            namespace: dict[str, Any] = {
                name: replaced.get(value, value) if isinstance(value, type) else value
                for name, value in _globals_of(example.module).items()
            }
            namespace.update(__name__="docs_example", client=client, emulator=emulator)
            for part in chain:
                code = _compile(part, substitute(part.code, values))
                # As asyncio's REPL runs a line: module code with top-level await is a
                # coroutine to run; any other runs at the call.
                outcome = types.FunctionType(code, namespace)()
                if inspect.iscoroutine(outcome):
                    runner.run(outcome)
            fixtures = {
                "elasticio_client": client,
                "elasticio_emulator": emulator,
                "elasticio_clock": clock,
            }
            for test in list(_defined_tests(namespace)):
                runner.run(_call_test(test, fixtures, monkeypatch))
        finally:
            runner.run(client.aclose())
