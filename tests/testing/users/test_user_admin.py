"""Users administration: creating and deleting users, two-factor authentication, OpenID
identities; each with a tenant admin who may and callers who may not."""

from __future__ import annotations

import httpx
import pytest

from elasticio.testing import Emulator
from elasticio.testing._areas.ssh_keys.keys import example_rsa_key
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of


def _new_user(email: str, password: str | None = None) -> dict[str, object]:
    password = password or docs("users/create_request")["data"]["attributes"]["password"]
    attributes = {"first_name": "A", "last_name": "B", "email": email, "password": password}
    return {"data": {"type": "user", "attributes": attributes}}


async def test_create_answers_201_like_the_docs(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' request makes a user; the answer has the docs' attributes, no password."""
    response = await api.post("/v2/users", json=docs("users/create_request"))
    created = data_of(response, 201)
    expected = docs("users/create")["data"]
    assert created["type"] == expected["type"]
    assert created["attributes"].keys() == expected["attributes"].keys()
    assert created["attributes"]["email"] == "test@example.com"
    assert created["links"] == {"self": f"/v2/users/{created['id']}"}
    assert "Secret1%" not in response.text
    assert emulator.platform.users[created["id"]].first_name == "John"


@pytest.mark.parametrize("password", ["Se1%", "Secret12", "Secret%%", "12345678%"])
async def test_create_refuses_a_weak_password(api: httpx.AsyncClient, password: str) -> None:
    """Short passwords, or ones without a letter, a digit or a symbol, are a 400."""
    error = error_of(await api.post("/v2/users", json=_new_user("x@example.com", password)), 400)
    assert error["source"] == {"pointer": "/data/attributes/password"}
    assert password not in error["detail"]


async def test_create_with_a_taken_email_is_409(api: httpx.AsyncClient) -> None:
    """An email that a user has already (any case) is a conflict."""
    error_of(await api.post("/v2/users", json=_new_user("GUEST@example.com")), 409)


async def test_create_needs_every_attribute(api: httpx.AsyncClient) -> None:
    """A missing last name is a 400 pointing at it."""
    body = _new_user("x@example.com")
    del body["data"]["attributes"]["last_name"]  # type: ignore[index]
    error = error_of(await api.post("/v2/users", json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/last_name"}


async def test_create_by_a_contract_owner_is_403(
    contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Only tenant admins hold tenants.user.create."""
    before = len(emulator.platform.users)
    error_of(await contract_owner_api.post("/v2/users", json=_new_user("x@example.com")), 403)
    assert len(emulator.platform.users) == before


async def test_disable_totp_answers_200_without_a_body(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Two-factor authentication is turned off: 200, empty."""
    user = emulator.platform.users[emulator.seed.guest.id]
    user.totp = True
    response = await api.post(f"/v2/users/{user.id}/disable-totp")
    assert (response.status_code, response.content) == (200, b"")
    assert user.totp is False


async def test_disable_totp_by_a_contract_owner_is_403(
    contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A user within reach but without tenants.user.disable_totp is refused."""
    user = emulator.platform.users[emulator.seed.guest.id]
    user.totp = True
    error_of(await contract_owner_api.post(f"/v2/users/{user.id}/disable-totp"), 403)
    assert user.totp is True


async def test_a_user_out_of_reach_is_404(
    outsider_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """To someone sharing no contract with them, a user does not exist."""
    error_of(await outsider_api.post(f"/v2/users/{emulator.seed.guest.id}/disable-totp"), 404)
    error_of(await outsider_api.delete(f"/v2/users/{emulator.seed.guest.id}"), 404)


async def test_delete_moves_flows_to_the_next_owner_and_drops_keys(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The guest's flows pass to the shared workspace's owner; their SSH keys go."""
    platform, seed = emulator.platform, emulator.seed
    platform.ssh_keys.create(user_id=seed.guest.id, key=example_rsa_key("guest"))
    guest_flows = platform.flows.where(lambda f: f.user_id == seed.guest.id)
    assert guest_flows
    response = await api.delete(f"/v2/users/{seed.guest.id}")
    assert (response.status_code, response.content) == (204, b"")
    assert seed.guest.id not in platform.users
    assert {f.user_id for f in guest_flows} == {seed.owner.id}
    assert not platform.ssh_keys.where(lambda k: k.user_id == seed.guest.id)
    assert seed.guest.id not in platform.contracts[seed.contract_id].members
    assert seed.guest.id not in platform.workspaces[seed.workspace_id].members


async def test_delete_drops_what_only_the_user_belongs_to(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A contract and workspace of which the user is the only member go with them."""
    platform = emulator.platform
    loner = platform.users.create(email="loner@example.com")
    contract = platform.contracts.create(name="Solo", owner_ids=[loner.id])
    workspace = platform.workspaces.create(
        contract_id=contract.id, name="Solo", owner_ids=[loner.id]
    )
    topic = platform.topics.create(workspace_id=workspace.id, user_id=loner.id, name="T", schema={})
    assert (await api.delete(f"/v2/users/{loner.id}")).status_code == 204
    assert contract.id not in platform.contracts
    assert workspace.id not in platform.workspaces
    assert topic.id not in platform.topics


async def test_delete_by_a_contract_owner_is_403(
    contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Only tenant admins hold tenants.user.delete."""
    error_of(await contract_owner_api.delete(f"/v2/users/{emulator.seed.member.id}"), 403)
    assert emulator.seed.member.id in emulator.platform.users


async def test_delete_an_unknown_user_is_404(api: httpx.AsyncClient) -> None:
    """A user id that names nobody is 404."""
    error_of(await api.delete("/v2/users/no-such-user"), 404)


async def test_add_openid_identity_answers_201(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' request links an identity; the user list finds the user by it."""
    user_id = emulator.seed.member.id
    url = f"/v2/users/{user_id}/openid/identities"
    identity = data_of(await api.post(url, json=docs("users/openid_identity_request")), 201)
    expected = docs("users/openid_identity", {"{USER_ID}": user_id})["data"]
    assert identity["type"] == "openid-identity"
    assert identity["attributes"] == expected["attributes"]
    assert identity["relationships"] == expected["relationships"]
    assert identity["links"] == {"self": f"{url}/{identity['id']}"}
    found = data_of(await api.get("/v2/users", params={"iss": "http://example.com"}))
    assert [u["id"] for u in found] == [user_id]


async def test_add_openid_identity_needs_a_url_issuer(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """``iss`` must be an URL: 400 pointing at it."""
    body = {"data": {"type": "openid-identity", "attributes": {"iss": "example", "sub": "s"}}}
    url = f"/v2/users/{emulator.seed.member.id}/openid/identities"
    error = error_of(await api.post(url, json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/iss"}


async def test_add_the_same_identity_twice_is_409(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """An identity links one user only."""
    url = f"/v2/users/{emulator.seed.member.id}/openid/identities"
    request = docs("users/openid_identity_request")
    data_of(await api.post(url, json=request), 201)
    error_of(
        await api.post(f"/v2/users/{emulator.seed.guest.id}/openid/identities", json=request), 409
    )


async def test_add_openid_identity_by_a_contract_owner_is_403(
    contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Only tenant admins hold tenants.oidc.create."""
    url = f"/v2/users/{emulator.seed.member.id}/openid/identities"
    error_of(await contract_owner_api.post(url, json=docs("users/openid_identity_request")), 403)
    assert emulator.platform.users[emulator.seed.member.id].identities == {}


async def test_remove_openid_identity(
    api: httpx.AsyncClient, contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A contract owner is refused (403); the tenant admin unlinks it (204), then 404."""
    user_id = emulator.seed.member.id
    url = f"/v2/users/{user_id}/openid/identities"
    identity = data_of(await api.post(url, json=docs("users/openid_identity_request")), 201)
    error_of(await contract_owner_api.delete(f"{url}/{identity['id']}"), 403)
    response = await api.delete(f"{url}/{identity['id']}")
    assert (response.status_code, response.content) == (204, b"")
    assert emulator.platform.users[user_id].identities == {}
    error_of(await api.delete(f"{url}/{identity['id']}"), 404)
