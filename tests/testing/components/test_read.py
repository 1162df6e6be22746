"""Components, read side: lists, whitelist, one component, versions, descriptors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from elasticio.testing._areas.teams.store import TeamRecord
from tests._support.emulator_http import data_of, error_of

GLOBAL = {"timer", "webhook", "code", "email"}


def names(data: list[dict[str, Any]]) -> set[str]:
    return {c["attributes"]["name"] for c in data}


async def test_list_needs_contract_id(api: httpx.AsyncClient) -> None:
    """``contract_id`` is required."""
    error_of(await api.get("/v2/components"), 400)


async def test_list_has_the_contracts_and_the_shared_components(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """By default the list holds the contract's components and the global ones."""
    params = {"contract_id": emulator.seed.contract_id}
    assert names(data_of(await api.get("/v2/components", params=params))) == GLOBAL | {"petstore"}


@pytest.mark.parametrize(
    ("access", "expected"),
    [("private", {"petstore"}), ("public", GLOBAL), ("all", GLOBAL | {"petstore"})],
)
async def test_list_filters_by_access(
    api: httpx.AsyncClient, emulator: Emulator, access: str, expected: set[str]
) -> None:
    """``filter[access]`` is private (own contract), public (shared) or all."""
    params = {"contract_id": emulator.seed.contract_id, "filter[access]": access}
    assert names(data_of(await api.get("/v2/components", params=params))) == expected


async def test_list_rejects_unknown_access(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Another ``filter[access]`` value is 400."""
    params = {"contract_id": emulator.seed.contract_id, "filter[access]": "secret"}
    error_of(await api.get("/v2/components", params=params), 400)


async def test_list_includes_latest_version_and_descriptor(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Each component's latest ``version`` and its ``descriptor`` are in ``included``."""
    params = {"contract_id": emulator.seed.contract_id, "filter[access]": "private"}
    body = (await api.get("/v2/components", params=params)).json()
    (component,) = body["data"]
    latest = component["relationships"]["latest_version"]
    assert latest["links"] == {"self": f"/v2/components/{component['id']}/versions/latest"}
    version, descriptor = body["included"]
    assert version["type"] == "version"
    assert version["id"] == latest["data"]["id"]
    assert version["attributes"]["version_number"] == 2
    assert descriptor["type"] == "descriptor"
    assert descriptor["attributes"]["is_latest"] is True
    assert body["meta"] == {}
    assert body["links"] == {"self": "/v2/components"}


async def test_component_resource_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A component has name, team name and access, and links its versions."""
    component_id = emulator.seed.component_ids["timer"]
    component = data_of(await api.get(f"/v2/components/{component_id}"))
    assert component["attributes"] == {
        "name": "timer",
        "team_name": "elasticio",
        "access": "global",
    }
    assert component["relationships"]["versions"] == {
        "links": {"related": f"/v2/components/{component_id}/versions"}
    }


async def test_team_component_of_another_contract_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A team-access component of a contract the caller is not in is 403."""
    contract = emulator.platform.contracts.create(name="Other")
    team = emulator.platform.teams.add(TeamRecord(name="others", contract_id=contract.id))
    component = emulator.platform.components.create(team_id=team.id, name="secret")
    error_of(await guest_api.get(f"/v2/components/{component.id}"), 403)


async def test_unknown_component_is_404(api: httpx.AsyncClient) -> None:
    """An unknown component id is 404."""
    error_of(await api.get("/v2/components/000000000000000000000000"), 404)


async def test_versions_are_listed_oldest_first(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Versions carry a millisecond ``date`` and a ``version_number``, oldest first."""
    component_id = emulator.seed.component_ids["timer"]
    versions = data_of(await api.get(f"/v2/components/{component_id}/versions"))
    assert [v["attributes"]["version_number"] for v in versions] == [1, 2, 3]
    dates = [v["attributes"]["date"] for v in versions]
    assert dates == sorted(dates)
    assert all(isinstance(d, int) for d in dates)
    assert all(len(v["id"]) == 40 for v in versions)
    first = versions[0]
    assert first["relationships"]["component"]["data"] == {"id": component_id, "type": "component"}


async def test_descriptor_of_a_revision(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A revision's descriptor carries component.json plus repo and revision facts."""
    component_id = emulator.seed.component_ids["petstore"]
    versions = data_of(await api.get(f"/v2/components/{component_id}/versions"))
    first = versions[0]["id"]
    url = f"/v2/components/{component_id}/versions/{first}/descriptor"
    descriptor = data_of(await api.get(url))
    attributes = descriptor["attributes"]
    assert descriptor["id"] == first
    assert descriptor["type"] == "descriptor"
    assert attributes["repo_name"] == "petstore"
    assert attributes["team_name"] == "acme-dev"
    assert attributes["short_revision"] == first[:7]
    assert attributes["is_latest"] is False
    assert attributes["credentials"]["fields"]["apiKey"]["required"] is True
    assert "deletePet" not in attributes["actions"]


async def test_descriptor_of_latest(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``latest`` stands for the newest build."""
    component_id = emulator.seed.component_ids["petstore"]
    url = f"/v2/components/{component_id}/versions/latest/descriptor"
    attributes = data_of(await api.get(url))["attributes"]
    assert attributes["is_latest"] is True
    assert "deletePet" in attributes["actions"]


async def test_descriptor_of_unknown_revision_is_404(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """An unknown revision is 404."""
    component_id = emulator.seed.component_ids["timer"]
    url = f"/v2/components/{component_id}/versions/{'0' * 40}/descriptor"
    error_of(await api.get(url), 404)


async def test_workspace_list_shows_whitelists(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The workspace variant adds ``whitelisted_contract_ids`` to each component."""
    url = f"/v2/workspace/{emulator.seed.workspace_id}/components"
    data = data_of(await api.get(url))
    assert names(data) == GLOBAL | {"petstore"}
    assert all(c["attributes"]["whitelisted_contract_ids"] == [] for c in data)


async def test_whitelist_applies_to_full_workspaces_when_enabled(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """With the tenant's whitelist flag, a full workspace sees only its own and
    whitelisted components; a limited workspace still sees every available one."""
    seed = emulator.seed
    emulator.platform.tenant.feature_flags["contract_component_whitelist"] = True
    emulator.platform.components[seed.component_ids["timer"]].whitelisted_contract_ids.append(
        seed.contract_id
    )
    full = data_of(await api.get(f"/v2/workspace/{seed.workspace_id}/components"))
    limited = data_of(await api.get(f"/v2/workspace/{seed.private_workspace_id}/components"))
    assert names(full) == {"timer", "petstore"}
    assert names(limited) == GLOBAL | {"petstore"}


async def test_workspace_component_outside_whitelist_is_403(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Under the whitelist a non-whitelisted component is 403 in a full workspace."""
    seed = emulator.seed
    emulator.platform.tenant.feature_flags["contract_component_whitelist"] = True
    url = f"/v2/workspace/{seed.workspace_id}/components/{seed.component_ids['email']}"
    error_of(await api.get(url), 403)


async def test_workspace_component(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """One component through a workspace, with its whitelist and latest build."""
    seed = emulator.seed
    url = f"/v2/workspace/{seed.workspace_id}/components/{seed.component_ids['code']}"
    body = (await api.get(url)).json()
    assert body["data"]["attributes"]["whitelisted_contract_ids"] == []
    assert [r["type"] for r in body["included"]] == ["version", "descriptor"]


async def test_workspace_components_need_membership(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A workspace the caller is not in is 403."""
    url = f"/v2/workspace/{emulator.seed.private_workspace_id}/components"
    error_of(await guest_api.get(url), 403)


async def test_all_components_for_tenant_admins(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``/v2/components/all`` lists every component, also of other contracts."""
    contract = emulator.platform.contracts.create(name="Other")
    team = emulator.platform.teams.add(TeamRecord(name="others", contract_id=contract.id))
    emulator.platform.components.create(team_id=team.id, name="secret")
    assert names(data_of(await api.get("/v2/components/all"))) == GLOBAL | {"petstore", "secret"}
    only = data_of(await api.get("/v2/components/all", params={"contract_id": contract.id}))
    assert names(only) == {"secret"}


async def test_all_components_is_403_for_others(guest_api: httpx.AsyncClient) -> None:
    """Without tenant-admin rights the full list is 403."""
    error_of(await guest_api.get("/v2/components/all"), 403)
