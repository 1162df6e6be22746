"""Auth secrets over plain httpx: the docs' shapes, filters, refresh on the emulator's
clock, members only; and the component library's secrets-then-clients sequence."""

from __future__ import annotations

from typing import Any

import httpx

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of


def secrets_path(workspace_id: str) -> str:
    return f"/v2/workspaces/{workspace_id}/secrets"


def secret_path(emulator: Emulator, secret_id: str | None = None) -> str:
    seed = emulator.seed
    return f"{secrets_path(seed.workspace_id)}/{secret_id or seed.secret_id}"


def create_request(emulator: Emulator, auth_client_id: str | None = None) -> Any:
    return docs(
        "secrets/create_request",
        {"{AUTH-CLIENT_ID}": auth_client_id or emulator.seed.auth_client_id},
    )


async def test_list_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The seeded secret, listed, has the docs' shape and both spellings of its client."""
    seed = emulator.seed
    response = await api.get(secrets_path(seed.workspace_id))
    (secret,) = data_of(response)
    example = docs("secrets/list")["data"][0]
    assert set(secret) == set(example)
    assert set(secret["attributes"]) == set(example["attributes"])
    assert secret["type"] == "auth-secret"
    assert secret["links"] == {"self": f"{secrets_path(seed.workspace_id)}/{seed.secret_id}"}
    client = {"id": seed.auth_client_id, "type": "auth-client"}
    assert secret["relationships"]["auth-client"]["data"] == client
    assert secret["relationships"]["auth_client"]["data"] == client
    assert secret["relationships"]["user"]["data"] == {"id": seed.owner.id, "type": "user"}


async def test_list_filters(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """filter[user] and filter[auth_client] narrow the list."""
    seed = emulator.seed
    path = secrets_path(seed.workspace_id)
    assert len(data_of(await api.get(path, params={"filter[user]": seed.owner.id}))) == 1
    assert data_of(await api.get(path, params={"filter[user]": seed.guest.id})) == []
    other = {"filter[auth_client]": "000000000000000000000000"}
    assert data_of(await api.get(path, params=other)) == []


async def test_list_of_a_foreign_workspace_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The guest is not in the private workspace."""
    error_of(await guest_api.get(secrets_path(emulator.seed.private_workspace_id)), 403)


async def test_get_by_a_member(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A member of the workspace reads the secret with its tokens."""
    secret = data_of(await guest_api.get(secret_path(emulator)))
    assert secret["attributes"]["credentials"]["access_token"] == "petstore-access-token"


async def test_get_through_another_workspace_is_404(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The secret is not in the private workspace."""
    seed = emulator.seed
    error_of(await api.get(f"{secrets_path(seed.private_workspace_id)}/{seed.secret_id}"), 404)


async def test_create_as_the_docs(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' create request (its JSON fixed): 201 with the docs' shape, stored."""
    seed = emulator.seed
    created = data_of(
        await api.post(secrets_path(seed.workspace_id), json=create_request(emulator)), 201
    )
    example = docs("secrets/create")["data"]
    assert set(created["attributes"]) == set(example["attributes"])
    assert created["attributes"]["credentials"] == example["attributes"]["credentials"]
    stored = emulator.platform.auth_secrets[created["id"]]
    assert (stored.auth_client_id, stored.user_id) == (seed.auth_client_id, seed.owner.id)


async def test_create_defaults_expires_in_from_the_client(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Without expires_in an oauth2 secret takes the client's token_expires_in."""
    body = create_request(emulator)
    del body["data"]["attributes"]["credentials"]["expires_in"]
    created = data_of(await api.post(secrets_path(emulator.seed.workspace_id), json=body), 201)
    assert created["attributes"]["credentials"]["expires_in"] == 3600


async def test_create_needs_an_access_token_for_oauth2(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """An oauth2 client's secret without access_token is a 400."""
    body = create_request(emulator)
    del body["data"]["attributes"]["credentials"]["access_token"]
    error_of(await api.post(secrets_path(emulator.seed.workspace_id), json=body), 400)


async def test_create_with_a_client_the_workspace_does_not_see_is_404(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A client of the private workspace cannot be used in the shared one."""
    seed = emulator.seed
    private = emulator.platform.auth_clients.create(
        name="Private",
        type="noauth",
        credentials={},
        component_ids=[seed.component_ids["petstore"]],
        scope="workspace",
        scope_id=seed.private_workspace_id,
    )
    body = create_request(emulator, private.id)
    error_of(await api.post(secrets_path(seed.workspace_id), json=body), 404)


async def test_refresh_answers_a_list_and_follows_the_clock(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """The refresh answers data as a list of one, as the docs' example; the new token
    depends on the emulator's clock, and expires_in on the client."""
    path = f"{secret_path(emulator)}/refresh"
    first = data_of(await api.post(path))
    assert isinstance(first, list)
    assert set(first[0]) == set(docs("secrets/refresh")["data"][0])
    token = first[0]["attributes"]["credentials"]["access_token"]
    assert token != "petstore-access-token"
    assert data_of(await api.post(path))[0]["attributes"]["credentials"]["access_token"] == token
    fake_clock.advance(60)
    (later,) = data_of(await api.post(path))
    assert later["attributes"]["credentials"]["access_token"] != token
    assert later["attributes"]["credentials"]["expires_in"] == 3600
    assert emulator.platform.auth_secrets[emulator.seed.secret_id].refreshed_at is not None


async def test_refresh_of_a_non_oauth2_secret_is_400(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Only oauth2 secrets can be refreshed."""
    seed = emulator.seed
    client = emulator.platform.auth_clients.create(
        name="Keys", type="api_key", credentials={}, component_ids=[seed.component_ids["petstore"]]
    )
    secret = emulator.platform.auth_secrets.create(
        workspace_id=seed.workspace_id,
        user_id=seed.owner.id,
        auth_client_id=client.id,
        name="Key",
        credentials={"key": "k"},
    )
    error_of(await api.post(f"{secret_path(emulator, secret.id)}/refresh"), 400)


async def test_update_as_the_docs(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' update request sets the error state and replaces the credentials."""
    seed = emulator.seed
    body = docs("secrets/update_request", {"{AUTH-SECRET_ID}": seed.secret_id})
    updated = data_of(await api.patch(secret_path(emulator), json=body))
    assert updated["attributes"] == docs("secrets/update")["data"]["attributes"]
    stored = emulator.platform.auth_secrets[seed.secret_id]
    assert (stored.state, stored.error) == ("error", "Something went technical wrong")


async def test_writes_by_an_outsider_are_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The guest cannot create, refresh or delete secrets in the private workspace."""
    seed = emulator.seed
    path = secrets_path(seed.private_workspace_id)
    error_of(await guest_api.post(path, json=create_request(emulator)), 403)
    error_of(await guest_api.post(f"{path}/{seed.secret_id}/refresh"), 403)
    error_of(await guest_api.delete(f"{path}/{seed.secret_id}"), 403)
    assert seed.secret_id in emulator.platform.auth_secrets


async def test_delete(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """204, and the secret is gone."""
    response = await api.delete(secret_path(emulator))
    assert response.status_code == 204
    assert emulator.seed.secret_id not in emulator.platform.auth_secrets


async def test_component_library_sequence(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """As @elastic.io/component-commons-library's fetchAllSecretsForWorkspace: list the
    workspace's secrets, then GET /v2/auth-clients/{relationships.auth_client.data.id}
    without a scope, and read the client's component ids."""
    seed = emulator.seed
    found = []
    for secret in data_of(await guest_api.get(f"/v2/workspaces/{seed.workspace_id}/secrets")):
        client_id = secret["relationships"]["auth_client"]["data"]["id"]
        client = data_of(await guest_api.get(f"/v2/auth-clients/{client_id}"))
        components = [c["id"] for c in client["relationships"]["components"]["data"]]
        found.append((secret["id"], secret["attributes"]["name"].strip(), components))
    assert found == [(seed.secret_id, "Petstore account", [seed.component_ids["petstore"]])]
