"""Components: lists, one component, versions, descriptors, create/update/delete, env, pulls."""

from __future__ import annotations

from typing import Literal

import pytest

from elasticio import AsyncClient, ConflictError, NotFoundError, PermissionDeniedError
from elasticio.testing import Emulator
from tests._support.platform import petstore_id
from tests._support.rig import Rig

GLOBAL = {"timer", "webhook", "code", "email"}


async def test_list_yields_every_component_with_its_latest_version(
    client: AsyncClient, emulator: Emulator
) -> None:
    """components.list() yields the contract's and the global components, each with the
    latest build taken from the same document."""
    components = await client.components.list(contract_id=emulator.seed.contract_id).collect()
    assert {c.name for c in components} == {*GLOBAL, "petstore"}
    for component in components:
        stored = emulator.platform.components[component.id]
        assert stored.latest is not None
        assert component.latest_version is not None
        assert component.latest_version.id == stored.latest.revision
        assert component.latest_version.version_number == stored.latest.number
        assert component.team_name == emulator.platform.teams[stored.team_id].name
    assert client.stats.requests == 1


@pytest.mark.parametrize(
    ("access", "names"),
    [("private", {"petstore"}), ("public", GLOBAL), ("all", {*GLOBAL, "petstore"})],
)
async def test_list_by_access(
    client: AsyncClient,
    emulator: Emulator,
    access: Literal["private", "public", "all"],
    names: set[str],
) -> None:
    """access="private" keeps the contract's own components, "public" the shared ones."""
    components = client.components.list(contract_id=emulator.seed.contract_id, access=access)
    assert {c.name async for c in components} == names


async def test_list_all_of_the_tenant(client: AsyncClient, emulator: Emulator) -> None:
    """components.list_all() yields every component; with contract_id only that contract's."""
    everything = await client.components.list_all().collect()
    assert sorted(c.id for c in everything) == sorted(emulator.platform.components)
    mine = await client.components.list_all(contract_id=emulator.seed.contract_id).collect()
    assert [c.name for c in mine] == ["petstore"]


async def test_list_in_workspace(client: AsyncClient, emulator: Emulator) -> None:
    """components.list_in_workspace() yields what the workspace may use, whitelist shown."""
    components = await client.components.list_in_workspace(emulator.seed.workspace_id).collect()
    assert {c.name for c in components} == {*GLOBAL, "petstore"}
    assert all(c.whitelisted_contract_ids == () for c in components)


async def test_get(client: AsyncClient, emulator: Emulator) -> None:
    """components.get() returns the component with its latest version."""
    component = await client.components.get(petstore_id(emulator))
    stored = emulator.platform.components[petstore_id(emulator)]
    assert (component.name, component.team_name, component.access) == (
        "petstore",
        "acme-dev",
        "team",
    )
    assert stored.latest is not None
    assert component.latest_version_id == stored.latest.revision


async def test_get_in_workspace(client: AsyncClient, emulator: Emulator) -> None:
    """components.get(workspace_id=...) uses the whitelist-aware endpoint."""
    component = await client.components.get(
        emulator.seed.component_ids["timer"], workspace_id=emulator.seed.workspace_id
    )
    assert (component.name, component.access) == ("timer", "global")
    assert component.whitelisted_contract_ids == ()


async def test_versions(client: AsyncClient, emulator: Emulator) -> None:
    """components.versions() lists the builds oldest first, with their numbers and dates."""
    versions = await client.components.versions(emulator.seed.component_ids["timer"])
    stored = emulator.platform.components[emulator.seed.component_ids["timer"]].versions
    assert [(v.id, v.version_number) for v in versions] == [(s.revision, s.number) for s in stored]
    assert [v.date for v in versions] == [s.date for s in stored]


async def test_descriptor_of_an_older_build(client: AsyncClient, emulator: Emulator) -> None:
    """components.descriptor(id, revision) returns that build's component.json."""
    stored = emulator.platform.components[petstore_id(emulator)].versions[0]
    descriptor = await client.components.descriptor(petstore_id(emulator), stored.revision)
    assert descriptor.is_latest is False
    assert descriptor.sailor_version == stored.descriptor["sailor_version"]
    assert set(descriptor.actions) == set(stored.descriptor["actions"])


async def test_descriptor_of_the_latest_build(client: AsyncClient, emulator: Emulator) -> None:
    """components.descriptor(id) is the latest build's, with the credential fields."""
    descriptor = await client.components.descriptor(petstore_id(emulator))
    assert (descriptor.title, descriptor.is_latest, descriptor.repo_name) == (
        "Petstore API",
        True,
        "petstore",
    )
    assert set(descriptor.actions) == {"createPetWithPromise", "deletePet"}
    assert descriptor.credentials["fields"]["apiKey"]["required"] is True


async def test_latest_version_descriptor_from_the_list(
    client: AsyncClient, emulator: Emulator
) -> None:
    """From the list to the latest build's descriptor and an older one's, all through the SDK."""
    found = {c.name: c async for c in client.components.list(contract_id=emulator.seed.contract_id)}
    petstore = found["petstore"]
    assert petstore.latest_version is not None
    assert petstore.latest_version.version_number == 2
    descriptor = await petstore.latest_version.descriptor()
    assert descriptor.title == "Petstore API"
    assert descriptor.is_latest is True
    versions = await petstore.versions()
    older = await client.components.descriptor(petstore.id, versions[0].id)
    assert older.is_latest is False


async def test_traversal_from_a_component(client: AsyncClient, emulator: Emulator) -> None:
    """Component.versions() and ComponentVersion.descriptor() reach the same records."""
    component = await client.components.get(emulator.seed.component_ids["webhook"])
    versions = await component.versions()
    descriptor = await versions[0].descriptor()
    stored = emulator.platform.components[component.id].versions[0]
    assert descriptor.id == stored.revision
    assert descriptor.sailor_version == stored.descriptor["sailor_version"]


async def test_create(client: AsyncClient, emulator: Emulator) -> None:
    """components.create() adds a repository to the team, with no builds."""
    created = await client.components.create(
        name="inventory",
        team_id=emulator.seed.team_id,
        contract_id=emulator.seed.contract_id,
        docker_repo_name="acme/inventory",
    )
    stored = emulator.platform.components[created.id]
    assert (stored.name, stored.team_id, stored.docker_repo_name) == (
        "inventory",
        emulator.seed.team_id,
        "acme/inventory",
    )
    assert (created.name, created.docker_repo_name, created.latest_version) == (
        "inventory",
        "acme/inventory",
        None,
    )


async def test_create_a_taken_name_conflicts(client: AsyncClient, emulator: Emulator) -> None:
    """A second repository called petstore in the same team is a 409."""
    before = len(emulator.platform.components)
    with pytest.raises(ConflictError):
        await client.components.create(name="petstore", team_id=emulator.seed.team_id)
    assert len(emulator.platform.components) == before


async def test_update_access(client: AsyncClient, emulator: Emulator) -> None:
    """components.update(access="tenant") shares the component with the whole tenant."""
    updated = await client.components.update(petstore_id(emulator), access="tenant")
    assert updated.access == "tenant"
    assert emulator.platform.components[petstore_id(emulator)].access == "tenant"


async def test_update_whitelist(client: AsyncClient, emulator: Emulator) -> None:
    """components.update(whitelisted_contract_ids=...) replaces the whitelist."""
    contract_id = emulator.seed.contract_id
    updated = await client.components.update(
        emulator.seed.component_ids["email"], whitelisted_contract_ids=(contract_id,)
    )
    assert updated.whitelisted_contract_ids == (contract_id,)
    stored = emulator.platform.components[emulator.seed.component_ids["email"]]
    assert stored.whitelisted_contract_ids == [contract_id]


async def test_delete(client: AsyncClient, emulator: Emulator) -> None:
    """components.delete() removes a component no flow uses."""
    created = await client.components.create(name="scratch", team_id=emulator.seed.team_id)
    await client.components.delete(created.id)
    assert created.id not in emulator.platform.components
    with pytest.raises(NotFoundError):
        await client.components.get(created.id)


async def test_delete_a_component_in_use_conflicts(client: AsyncClient, emulator: Emulator) -> None:
    """Deleting petstore, which flows use, is a 409 and keeps it."""
    with pytest.raises(ConflictError):
        await client.components.delete(petstore_id(emulator))
    assert petstore_id(emulator) in emulator.platform.components


async def test_delete_version(client: AsyncClient, emulator: Emulator) -> None:
    """components.delete_version() removes one build; the one before becomes the latest."""
    created = await client.components.create(name="builds", team_id=emulator.seed.team_id)
    first = emulator.platform.components.add_version(created.id)
    second = emulator.platform.components.add_version(created.id)
    await client.components.delete_version(created.id, second.revision)
    stored = emulator.platform.components[created.id]
    assert [v.revision for v in stored.versions] == [first.revision]
    component = await client.components.get(created.id)
    assert component.latest_version_id == first.revision


async def test_delete_the_latest_version(client: AsyncClient, emulator: Emulator) -> None:
    """delete_version(id, "latest") removes the most recent build."""
    created = await client.components.create(name="builds", team_id=emulator.seed.team_id)
    first = emulator.platform.components.add_version(created.id)
    emulator.platform.components.add_version(created.id)
    await client.components.delete_version(created.id, "latest")
    assert [v.revision for v in emulator.platform.components[created.id].versions] == [
        first.revision
    ]


async def test_get_env(client: AsyncClient, emulator: Emulator) -> None:
    """components.get_env() returns the stored environment variables."""
    env = await client.components.get_env(petstore_id(emulator))
    assert env.id == petstore_id(emulator)
    assert env.vars == emulator.platform.components[petstore_id(emulator)].env


async def test_set_env_replaces_every_variable(client: AsyncClient, emulator: Emulator) -> None:
    """components.set_env() replaces the variables as a whole."""
    env = await client.components.set_env(petstore_id(emulator), {"TOKEN": "t-1", "RETRIES": 3})
    assert env.vars == {"TOKEN": "t-1", "RETRIES": 3}
    assert emulator.platform.components[petstore_id(emulator)].env == {"TOKEN": "t-1", "RETRIES": 3}
    assert (await client.components.get_env(petstore_id(emulator))).vars == env.vars


async def test_docker_pull(client: AsyncClient, emulator: Emulator, rig: Rig) -> None:
    """components.docker_pull() is accepted for the latest build, for a revision, and with
    the version left out of the path."""
    component_id = petstore_id(emulator)
    revision = emulator.platform.components[component_id].versions[0].revision
    emulator.requests.clear()
    assert await client.components.docker_pull(component_id) is None
    assert await client.components.docker_pull(component_id, revision) is None
    assert await client.components.docker_pull(component_id, None) is None
    base = f"/v2/components/{component_id}/docker-pull"
    assert [(r.path, r.status) for r in rig.log()] == [
        (f"{base}/latest", 200),
        (f"{base}/{revision}", 200),
        (base, 200),
    ]


async def test_docker_pull_of_an_unknown_revision(client: AsyncClient, emulator: Emulator) -> None:
    """A pull of a revision the component does not have is a 404."""
    with pytest.raises(NotFoundError):
        await client.components.docker_pull(petstore_id(emulator), "f" * 40)


async def test_docker_pull_of_another_teams_component(
    client: AsyncClient, emulator: Emulator
) -> None:
    """Only the owning team may pull: the platform's timer is a 403 for the owner."""
    with pytest.raises(PermissionDeniedError):
        await client.components.docker_pull(emulator.seed.component_ids["timer"])


async def test_env_is_for_the_components_team_only(guest: AsyncClient, emulator: Emulator) -> None:
    """A contract member outside the component's team can neither read nor replace its
    environment variables: PermissionDeniedError, and the variables stay as they were."""
    stored = dict(emulator.platform.components[petstore_id(emulator)].env)
    with pytest.raises(PermissionDeniedError):
        await guest.components.get_env(petstore_id(emulator))
    with pytest.raises(PermissionDeniedError):
        await guest.components.set_env(petstore_id(emulator), {"STOLEN": "yes"})
    assert emulator.platform.components[petstore_id(emulator)].env == stored
