"""Who may change what: every write route, with a caller it lets through and one it refuses.

The refused caller gets 403 and leaves the platform as it was. The seed's guest is a
contract admin and an integrator of the shared workspace only, and in no developer team;
the owner is a tenant admin, in every workspace and in the team ``acme-dev``. Nobody of
the tenant is in the platform's own team, which owns the global components.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import httpx
import pytest

from elasticio.testing import Emulator
from elasticio.testing._areas.data_samples.store import DataSampleRecord
from elasticio.testing._areas.recipes.activation import activate
from elasticio.testing._areas.ssh_keys.keys import example_rsa_key
from elasticio.testing._areas.teams.store import TeamRecord
from elasticio.testing._areas.tenants.store import (
    CertificateRecord,
    OAuthClientRecord,
    OpenIdProviderRecord,
    SamlProviderRecord,
)
from elasticio.testing._tenant import TenantRecord
from tests._support.emulator_http import error_of, http_client, ref, v1_error_of


@attrs.frozen
class Scene:
    """The seed plus what the cases need: ids in the owner's private workspace."""

    emulator: Emulator
    flow_id: str  # inactive, private, with a draft, a snapshot of step_1, startup data
    active_flow_id: str  # active, private
    spare_component_id: str  # acme-dev's, one build, in no flow
    sample_id: str  # a data sample in the private workspace
    newcomer_id: str  # a contract member in no workspace

    @property
    def seed(self) -> Any:
        return self.emulator.seed


def _scene(emulator: Emulator) -> Scene:
    platform, seed = emulator.platform, emulator.seed
    private = platform.flows.where(lambda f: f.workspace_id == seed.private_workspace_id)
    flow = next(f for f in private if f.status == "inactive" and f.draft is not None)
    active = next(f for f in private if f.status == "active")
    platform.flows.set_snapshot(flow.id, "step_1", {"cursor": 1})
    flow.hook_data["startup"] = {"stored": True}
    spare = platform.components.create(team_id=seed.team_id, name="spare")
    platform.components.add_version(spare.id)
    sample = platform.data_samples.add(
        DataSampleRecord(
            workspace_id=seed.private_workspace_id,
            component_id=seed.component_ids["petstore"],
            user_id=seed.owner.id,
            method="getPetsByStatus",
            result={"id": 2},
        )
    )
    newcomer = platform.users.create(email="newcomer@example.com")
    platform.contracts.add_member(seed.contract_id, newcomer.id, ["admin"])
    return Scene(
        emulator=emulator,
        flow_id=flow.id,
        active_flow_id=active.id,
        spare_component_id=spare.id,
        sample_id=sample.id,
        newcomer_id=newcomer.id,
    )


Request = tuple[str, str, Any]
"""Method, path and JSON body (None for none)."""


def _restore_request(s: Scene) -> Request:
    """The restore of the private flow, deleted just before."""
    s.emulator.platform.flows.discard(s.flow_id)
    return "POST", f"/v2/flows/{s.flow_id}/restore", None


def _unsubscribe_request(s: Scene) -> Request:
    """The removal of the owner's error subscription to the private flow."""
    owner = s.seed.owner
    subscription = s.emulator.platform.flows.subscribe(
        s.flow_id, user_id=owner.id, email=owner.email
    )
    return "DELETE", f"/v2/flows/{s.flow_id}/subscriptions/{subscription.id}", None


@attrs.frozen
class Case:
    """One write route: the request, who may make it (None: nobody of the seed) and who
    is refused."""

    name: str
    request: Callable[[Scene], Request]
    allowed: str | None
    refused: str | None
    status: int = 200


def _petstore(s: Scene) -> str:
    return s.seed.component_ids["petstore"]


def _in_private(s: Scene, type: str, attributes: dict[str, Any], **rels: Any) -> Any:
    relationships = {"workspace": ref("workspace", s.seed.private_workspace_id), **rels}
    return {"data": {"type": type, "attributes": attributes, "relationships": relationships}}


def _new_flow(s: Scene) -> Any:
    graph = {"nodes": [{"id": "step_1", "command": "elasticio/timer:timer@latest"}], "edges": []}
    attributes = {"name": "New", "type": "ordinary", "default_mapper_type": "jsonata"}
    return _in_private(s, "flow", {**attributes, "graph": graph})


def _member(s: Scene) -> Any:
    return {"data": {"type": "member", "id": s.newcomer_id, "attributes": {"roles": ["admin"]}}}


def _execution(type: str, **attributes: Any) -> Callable[[Scene], Request]:
    def request(s: Scene) -> Request:
        path = f"/v2/components/{_petstore(s)}/versions/latest/{type}"
        return "POST", path, _in_private(s, type, {"fields": {"apiKey": "k"}, **attributes})

    return request


_ENV = {"data": {"type": "component-env", "attributes": {"vars": {"STOLEN": "yes"}}}}


def _partner_team(s: Scene) -> tuple[str, str]:
    """A second contract, "Partners", owned by the owner, where the guest is a member
    without a contract role (so without ``contracts.devTeam.edit``), and its team of the
    owner alone: the contract's id and the team's."""
    platform = s.emulator.platform
    contract = platform.contracts.create(name="Partners", owner_ids=[s.seed.owner.id])
    platform.contracts.add_member(contract.id, s.seed.guest.id, [])
    team = platform.teams.add(
        TeamRecord(name="partners-dev", contract_id=contract.id, user_ids=[s.seed.owner.id])
    )
    return contract.id, team.id


_RECIPE_INFO = {"title": "Tick", "description": "Ticks.", "short_description": "Ticks"}
_TICK = {
    "title": "Tick",
    "graph": {"nodes": [{"id": "step_1", "command": "elasticio/timer:timer"}], "edges": []},
}


def _private_recipe(s: Scene) -> str:
    """The id of a recipe of the private workspace, made on first use."""
    recipes = s.emulator.platform.recipes
    found = recipes.where(lambda r: r.workspace_id == s.seed.private_workspace_id)
    if found:
        return found[0].id
    return recipes.create(
        workspace_id=s.seed.private_workspace_id,
        user_id=s.seed.owner.id,
        info=_RECIPE_INFO,
        flow_templates=[_TICK],
    ).id


def _private_deployment(s: Scene) -> str:
    """The id of a deployment of the private recipe, made on first use."""
    platform = s.emulator.platform
    found = platform.recipe_deployments.where(
        lambda d: d.workspace_id == s.seed.private_workspace_id
    )
    if found:
        return found[0].id
    return activate(
        platform,
        platform.recipes[_private_recipe(s)],
        workspace_id=s.seed.private_workspace_id,
        user_id=s.seed.owner.id,
        credentials={},
        variables={},
    ).id


def _activation(s: Scene) -> Any:
    return _in_private(s, "recipe-activation-config", {"credentials": {}, "variables": {}})


def _new_team(contract_id: str) -> Any:
    return {
        "data": {
            "type": "team",
            "attributes": {"name": "new-team"},
            "relationships": {"contract": ref("contract", contract_id)},
        }
    }


def _registry(team_id: str) -> Any:
    return {"data": {"type": "team", "id": team_id, "attributes": {"docker_registry": {}}}}


def _team_user(user_id: str) -> Any:
    return {"data": {"type": "user", "id": user_id}}


def _private_topic(s: Scene) -> str:
    """The id of a topic in the private workspace, made on first use."""
    topics = s.emulator.platform.topics
    found = topics.where(lambda t: t.workspace_id == s.seed.private_workspace_id)
    if found:
        return found[0].id
    return topics.create(
        workspace_id=s.seed.private_workspace_id, user_id=s.seed.owner.id, name="Order", schema={}
    ).id


def _ws_member(s: Scene, workspace_id: str) -> str:
    """The newcomer, made a guest of the workspace: their id."""
    s.emulator.platform.workspaces.add_member(workspace_id, s.newcomer_id, ["guest"])
    return s.newcomer_id


def _identity(s: Scene) -> str:
    """An OpenID identity of the newcomer: its id."""
    s.emulator.platform.users[s.newcomer_id].identities["identity-1"] = ("https://i.example", "n")
    return "identity-1"


def _new_user(email: str) -> Any:
    attributes = {"first_name": "N", "last_name": "U", "email": email, "password": "Pa55word!"}
    return {"data": {"type": "user", "attributes": attributes}}


def _new_workspace(contract_id: str) -> Any:
    return {
        "data": {
            "type": "workspace",
            "attributes": {"name": "New"},
            "relationships": {"contract": ref("contract", contract_id)},
        }
    }


def _partners(s: Scene) -> tuple[str, str]:
    """A contract "Partners" of the owner where the guest is a member without a role
    (so without ``contracts.membership.edit``), with one pending invite: their ids."""
    contracts = s.emulator.platform.contracts
    contract = contracts.create(name="Partners", owner_ids=[s.seed.owner.id])
    contracts.add_member(contract.id, s.seed.guest.id, [])
    invite = contracts.invite(contract.id, email="new@example.com", roles=["admin"])
    return contract.id, invite.id


def _contract_member(user_id: str, roles: list[str]) -> Any:
    return {"data": {"type": "contract-member", "id": user_id, "attributes": {"roles": roles}}}


def _contract_update(s: Scene, **attributes: Any) -> Request:
    contract_id = s.seed.contract_id
    body = {"data": {"type": "contract", "id": contract_id, "attributes": attributes}}
    return "PATCH", f"/v2/contracts/{contract_id}", body


def _invite_request(s: Scene) -> Request:
    contract_id, _ = _partners(s)
    body = {"data": {"type": "contract-invite", "attributes": {"email": "x@example.com"}}}
    body["data"]["attributes"]["roles"] = ["admin"]
    return "POST", f"/v2/contracts/{contract_id}/invites", body


def _invite_change(s: Scene) -> Request:
    contract_id, invite_id = _partners(s)
    body = {"data": {"type": "contract-invite", "id": invite_id, "attributes": {"roles": []}}}
    return "PATCH", f"/v2/contracts/{contract_id}/invites/{invite_id}", body


def _invite_revoke(s: Scene) -> Request:
    contract_id, invite_id = _partners(s)
    return "DELETE", f"/v2/contracts/{contract_id}/invites/{invite_id}", None


def _new_contract_member(s: Scene) -> Request:
    user = s.emulator.platform.users.create(email="direct@example.com")
    path = f"/v2/contracts/{s.seed.contract_id}/members"
    return "POST", path, _contract_member(user.id, ["member"])


def _partner_member_roles(s: Scene) -> Request:
    contract_id, _ = _partners(s)
    path = f"/v2/contracts/{contract_id}/members/{s.seed.guest.id}"
    return "PATCH", path, _contract_member(s.seed.guest.id, ["member"])


def _partner_member_removal(s: Scene) -> Request:
    contract_id, _ = _partners(s)
    return "DELETE", f"/v2/contracts/{contract_id}/members/{s.seed.guest.id}", None


def _partners_deletion(s: Scene) -> Request:
    contract_id, _ = _partners(s)
    return "DELETE", f"/v2/contracts/{contract_id}", None


def _tenant_client(s: Scene) -> str:
    """The id of a tenant auth client no secret uses, made on first use: the guest sees
    it (from the shared workspace) but holds no tenant permission."""
    clients = s.emulator.platform.auth_clients
    found = clients.where(lambda c: c.scope == "tenant")
    if found:
        return found[0].id
    return clients.create(
        name="Tenant app",
        type="noauth",
        credentials={},
        component_ids=[_petstore(s)],
        scope="tenant",
        scope_id=s.seed.tenant_id,
    ).id


def _private_secret(s: Scene) -> str:
    """The id of an auth secret in the private workspace, made on first use."""
    secrets = s.emulator.platform.auth_secrets
    found = secrets.where(lambda x: x.workspace_id == s.seed.private_workspace_id)
    if found:
        return found[0].id
    return secrets.create(
        workspace_id=s.seed.private_workspace_id,
        user_id=s.seed.owner.id,
        auth_client_id=s.seed.auth_client_id,
        name="Sandbox account",
        credentials={"access_token": "a", "refresh_token": "r"},
    ).id


def _secrets_of_private(s: Scene) -> str:
    return f"/v2/workspaces/{s.seed.private_workspace_id}/secrets"


def _tenant_records(s: Scene) -> tuple[str, str, str, str]:
    """A certificate, an OAuth client, an OpenID and a SAML provider of the seed's
    tenant, made on first use: their ids."""
    platform, tenant_id = s.emulator.platform, s.seed.tenant_id
    if not platform.tenant_certificates:
        platform.tenant_certificates.add(
            CertificateRecord(
                tenant_id=tenant_id, user_id=s.seed.owner.id, public_key="c", private_key="k"
            )
        )
        platform.oauth_clients.add(
            OAuthClientRecord(
                tenant_id=tenant_id, component_id=_petstore(s), client_id="a", client_secret="s"
            )
        )
        platform.openid_providers.add(
            OpenIdProviderRecord(
                tenant_id=tenant_id,
                issuer="https://id.example.com",
                client_id="a",
                client_secret="s",
            )
        )
        platform.saml_providers.add(
            SamlProviderRecord(
                tenant_id=tenant_id,
                attributes={
                    "entity_id": "https://idp.example.com",
                    "login_endpoint": "https://idp.example.com/login",
                    "idp_certificates": ["MIIC"],
                    "force_auth": False,
                    "allow_unencrypted_assertion": True,
                    "config": {"auto_create_users": True},
                },
            )
        )
    return (
        next(iter(platform.tenant_certificates)),
        next(iter(platform.oauth_clients)),
        next(iter(platform.openid_providers)),
        next(iter(platform.saml_providers)),
    )


def _tenant_path(s: Scene, tail: str = "") -> str:
    return f"/v2/tenants/{s.seed.tenant_id}{tail}"


def _spare_tenant(s: Scene) -> str:
    """The id of a new tenant without contracts."""
    return s.emulator.platform.tenants.add(TenantRecord(id="", name="Spare")).id


_NEW_TENANT = {
    "data": {
        "type": "tenant",
        "attributes": {
            "name": "New",
            "app_domain": "app.new.example.com",
            "code": "new",
            "mandrill_email_from": "noreply@new.example.com",
        },
    }
}
_KEYS = {"data": {"attributes": {"publicKey": "cert", "privateKey": "key"}}}
_SAML = {
    "data": {
        "type": "saml-provider",
        "attributes": {
            "entity_id": "https://idp.example.com",
            "login_endpoint": "https://idp.example.com/login",
            "idp_certificates": ["MIIC"],
        },
    }
}
_OPENID = {
    "data": {
        "type": "openid-provider",
        "attributes": {"issuer": "https://id.example.com", "client_id": "a", "client_secret": "s"},
    }
}


def _registered_by_owner(s: Scene) -> str:
    """The id of a user the owner registered through API v1, made on first use."""
    users = s.emulator.platform.users
    found = users.by_email("registered@example.com")
    if found is None:
        found = users.create(email="registered@example.com")
        found.registered_by = s.seed.owner.id
    return found.id


def _v1_user(s: Scene) -> Any:
    return {
        "first_name": "Reg",
        "last_name": "Istered",
        "email": "v1-user@example.com",
        "password": "a-long-passphrase",
        "organizations": [{"id": s.seed.contract_id}],
    }


CASES = [
    Case(
        "components.create",
        lambda s: (
            "POST",
            "/v2/components",
            {
                "data": {
                    "type": "component",
                    "attributes": {"name": "new-repo"},
                    "relationships": {"team": ref("team", s.seed.team_id)},
                }
            },
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "components.update",
        lambda s: (
            "PATCH",
            f"/v2/components/{_petstore(s)}",
            {"data": {"type": "component", "attributes": {"access": "tenant"}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "components.delete",
        lambda s: ("DELETE", f"/v2/components/{s.spare_component_id}", None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "components.delete_version",
        lambda s: ("DELETE", f"/v2/components/{s.spare_component_id}/versions/latest", None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "components.get_env",
        lambda s: ("GET", f"/v2/components/{_petstore(s)}/env", None),
        "owner",
        "guest",
    ),
    Case(
        "components.set_env",
        lambda s: ("PUT", f"/v2/components/{_petstore(s)}/env", _ENV),
        "owner",
        "guest",
    ),
    Case(
        "components.get_env of a global component",
        lambda s: ("GET", f"/v2/components/{s.seed.component_ids['timer']}/env", None),
        None,
        "owner",
    ),
    Case(
        "components.set_env of a global component",
        lambda s: ("PUT", f"/v2/components/{s.seed.component_ids['timer']}/env", _ENV),
        None,
        "owner",
    ),
    Case(
        "components.docker_pull_latest",
        lambda s: ("POST", f"/v2/components/{_petstore(s)}/docker-pull", None),
        "owner",
        "guest",
    ),
    Case(
        "components.docker_pull",
        lambda s: ("POST", f"/v2/components/{_petstore(s)}/docker-pull/latest", None),
        "owner",
        "guest",
    ),
    Case(
        "credentials.create",
        lambda s: (
            "POST",
            "/v2/credentials",
            _in_private(
                s, "credential", {"keys": {"apiKey": "k"}}, component=ref("component", _petstore(s))
            ),
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "credentials.update",
        lambda s: (
            "PATCH",
            f"/v2/credentials/{s.seed.private_credential_id}",
            {
                "data": {
                    "type": "credential",
                    "id": s.seed.private_credential_id,
                    "attributes": {"keys": {"apiKey": "changed"}},
                }
            },
        ),
        "owner",
        "guest",
    ),
    Case(
        "credentials.delete",
        lambda s: ("DELETE", f"/v2/credentials/{s.seed.private_credential_id}", None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "auth_clients.create",
        lambda s: (
            "POST",
            "/v2/auth-clients",
            {
                "data": {
                    "type": "auth-client",
                    "attributes": {"name": "App", "type": "noauth", "credentials": {}},
                    "relationships": {
                        "components": {"data": [{"type": "component", "id": _petstore(s)}]},
                        "workspace": ref("workspace", s.seed.private_workspace_id),
                    },
                }
            },
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "auth_clients.update",
        lambda s: (
            "PATCH",
            f"/v2/auth-clients/{_tenant_client(s)}",
            {"data": {"type": "auth-client", "attributes": {"name": "Renamed"}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "auth_clients.delete",
        lambda s: ("DELETE", f"/v2/auth-clients/{_tenant_client(s)}", None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "secrets.create",
        lambda s: (
            "POST",
            _secrets_of_private(s),
            {
                "data": {
                    "type": "auth-secret",
                    "attributes": {
                        "name": "Mine",
                        "state": "ready",
                        "credentials": {"access_token": "a"},
                    },
                    "relationships": {"auth_client": ref("auth-client", s.seed.auth_client_id)},
                }
            },
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "secrets.refresh",
        lambda s: ("POST", f"{_secrets_of_private(s)}/{_private_secret(s)}/refresh", None),
        "owner",
        "guest",
    ),
    Case(
        "secrets.update",
        lambda s: (
            "PATCH",
            f"{_secrets_of_private(s)}/{_private_secret(s)}",
            {"data": {"type": "auth-secret", "attributes": {"name": "Renamed"}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "secrets.delete",
        lambda s: ("DELETE", f"{_secrets_of_private(s)}/{_private_secret(s)}", None),
        "owner",
        "guest",
        204,
    ),
    Case("flows.create", lambda s: ("POST", "/v2/flows", _new_flow(s)), "owner", "guest", 201),
    Case(
        "flows.update",
        lambda s: (
            "PATCH",
            f"/v2/flows/{s.flow_id}",
            {"data": {"type": "flow", "id": s.flow_id, "attributes": {"name": "Renamed"}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "flows.delete", lambda s: ("DELETE", f"/v2/flows/{s.flow_id}", None), "owner", "guest", 204
    ),
    Case(
        "flows.start",
        lambda s: ("POST", f"/v2/flows/{s.flow_id}/start", None),
        "owner",
        "guest",
        202,
    ),
    Case(
        "flows.stop",
        lambda s: ("POST", f"/v2/flows/{s.active_flow_id}/stop", None),
        "owner",
        "guest",
        202,
    ),
    Case(
        "flows.put_draft",
        lambda s: (
            "PUT",
            f"/v2/flows/{s.flow_id}/draft",
            {"data": {"type": "flow-draft", "attributes": {"name": "Draft"}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "flows.delete_draft",
        lambda s: ("DELETE", f"/v2/flows/{s.flow_id}/draft", None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "flows.copy",
        lambda s: (
            "POST",
            f"/v2/flows/{s.flow_id}/copy",
            {
                "data": {
                    "type": "flow-copy",
                    "attributes": {},
                    "relationships": {
                        "dest_workspace": ref("workspace", s.seed.private_workspace_id)
                    },
                }
            },
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "flows.copy from a shared flow into a foreign workspace",
        lambda s: (
            "POST",
            f"/v2/flows/{s.seed.flow_id}/copy",
            {
                "data": {
                    "type": "flow-copy",
                    "attributes": {},
                    "relationships": {
                        "dest_workspace": ref("workspace", s.seed.private_workspace_id)
                    },
                }
            },
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "flows.create_snapshot",
        lambda s: (
            "POST",
            f"/v2/flows/{s.flow_id}/snapshots",
            {"data": {"type": "snapshot", "id": "step_2", "attributes": {"snapshot": 1}}},
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "flows.update_snapshot",
        lambda s: (
            "PATCH",
            f"/v2/flows/{s.flow_id}/snapshots/step_1",
            {"data": {"type": "snapshot", "id": "step_1", "attributes": {"snapshot": 2}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "flows.delete_snapshot",
        lambda s: ("DELETE", f"/v2/flows/{s.flow_id}/snapshots/step_1", None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "flows.run_now",
        lambda s: ("POST", f"/v2/flows/{s.active_flow_id}/run-now", None),
        "owner",
        "guest",
        202,
    ),
    Case(
        "flows.suspend",
        lambda s: ("POST", f"/v2/flows/{s.active_flow_id}/suspend", None),
        "owner",
        "guest",
        202,
    ),
    Case("flows.restore", _restore_request, "owner", "guest"),
    Case(
        "flows.subscribe",
        lambda s: (
            "POST",
            f"/v2/flows/{s.flow_id}/subscriptions",
            {"data": {"type": "flow-subscription", "attributes": {"email": "ops@example.com"}}},
        ),
        "owner",
        "guest",
        201,
    ),
    Case("flows.unsubscribe", _unsubscribe_request, "owner", "guest", 204),
    Case(
        "data_samples.create",
        lambda s: (
            "POST",
            "/v2/data-samples",
            _in_private(
                s,
                "data-sample",
                {"method": "getPetsByStatus", "result": {}},
                component=ref("component", _petstore(s)),
                component_version=ref("version", "latest"),
            ),
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "data_samples.update",
        lambda s: (
            "PATCH",
            f"/v2/data-samples/{s.sample_id}",
            {"data": {"type": "data-sample", "attributes": {"result": {"id": 3}}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "workspaces.add_member",
        lambda s: ("POST", f"/v2/workspaces/{s.seed.private_workspace_id}/members", _member(s)),
        "owner",
        "guest",
    ),
    Case(
        "workspaces.add_member to a workspace the caller only works in",
        lambda s: ("POST", f"/v2/workspaces/{s.seed.workspace_id}/members", _member(s)),
        "owner",
        "guest",
    ),
    Case(
        "teams.create",
        lambda s: ("POST", "/v2/teams", _new_team(_partner_team(s)[0])),
        "owner",
        "guest",
        201,
    ),
    Case(
        "teams.create by a contract admin",
        lambda s: ("POST", "/v2/teams", _new_team(s.seed.contract_id)),
        "guest",
        None,
        201,
    ),
    Case(
        "teams.update",
        lambda s: (
            "PATCH",
            f"/v2/teams/{(team_id := _partner_team(s)[1])}",
            _registry(team_id),
        ),
        "owner",
        "guest",
    ),
    Case(
        "teams.update by a contract admin outside the team",
        lambda s: ("PATCH", f"/v2/teams/{s.seed.team_id}", _registry(s.seed.team_id)),
        "guest",
        None,
    ),
    Case(
        "teams.add_member",
        lambda s: (
            "POST",
            f"/v2/teams/{_partner_team(s)[1]}/relationships/members",
            _team_user(s.seed.guest.id),
        ),
        "owner",
        "guest",
    ),
    Case(
        "teams.remove_member",
        lambda s: (
            "DELETE",
            f"/v2/teams/{_partner_team(s)[1]}/relationships/members",
            _team_user(s.seed.owner.id),
        ),
        "owner",
        "guest",
        204,
    ),
    Case(
        "teams.delete",
        lambda s: ("DELETE", f"/v2/teams/{_partner_team(s)[1]}", None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "topics.create",
        lambda s: (
            "POST",
            f"/v2/workspaces/{s.seed.private_workspace_id}/topics",
            {"data": {"type": "topic", "attributes": {"name": "Order", "schema": {}}}},
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "topics.update",
        lambda s: (
            "PATCH",
            f"/v2/workspaces/{s.seed.private_workspace_id}/topics/{_private_topic(s)}",
            {"data": {"type": "topic", "id": _private_topic(s), "attributes": {"name": "New"}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "topics.delete",
        lambda s: (
            "DELETE",
            f"/v2/workspaces/{s.seed.private_workspace_id}/topics/{_private_topic(s)}",
            None,
        ),
        "owner",
        "guest",
        204,
    ),
    Case(
        "recipes.create",
        lambda s: (
            "POST",
            "/v2/recipes",
            _in_private(s, "recipe", {"info": _RECIPE_INFO, "flow_templates": [_TICK]}),
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "recipes.export_flow",
        lambda s: (
            "POST",
            f"/v2/flows/{s.flow_id}/export-to-recipe",
            {"data": {"type": "flow-export-to-recipe-config"}},
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "recipes.export",
        lambda s: (
            "POST",
            "/v2/flows/export-to-recipe",
            {
                "data": {
                    "type": "flow-export-to-recipe-config",
                    "relationships": {"flow": ref("flow", s.flow_id)},
                }
            },
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "recipes.update",
        lambda s: (
            "PATCH",
            f"/v2/recipes/{s.seed.recipe_id}",
            {
                "data": {
                    "type": "recipe",
                    "id": s.seed.recipe_id,
                    "attributes": {"info": {"title": "Tock"}},
                }
            },
        ),
        "owner",
        "member",
    ),
    Case(
        "recipes.set_visibility",
        lambda s: (
            "PATCH",
            f"/v2/recipes/{s.seed.recipe_id}/visibility",
            {"data": {"visibility": "tenant"}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "recipes.set_visibility to the contract",
        lambda s: (
            "PATCH",
            f"/v2/recipes/{s.seed.recipe_id}/visibility",
            {"data": {"visibility": "contract"}},
        ),
        "owner",
        "member",
    ),
    Case(
        "recipes.activate",
        lambda s: ("POST", f"/v2/recipes/{_private_recipe(s)}/activate", _activation(s)),
        "owner",
        "guest",
        201,
    ),
    Case(
        "recipes.delete",
        lambda s: ("DELETE", f"/v2/recipes/{s.seed.recipe_id}", None),
        "owner",
        "member",
        204,
    ),
    Case(
        "recipes.sync_deployment",
        lambda s: ("POST", f"/v2/recipe-deployments/{_private_deployment(s)}/sync", None),
        "owner",
        "guest",
    ),
    Case(
        "recipes.delete_deployment",
        lambda s: ("DELETE", f"/v2/recipe-deployments/{_private_deployment(s)}", None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "ssh_keys.create",
        lambda s: (
            "POST",
            "/v2/sshkeys",
            {"data": {"type": "sshkey", "attributes": {"key": example_rsa_key("guest")}}},
        ),
        "guest",
        None,
        201,
    ),
    Case(
        "ssh_keys.delete",
        lambda s: ("DELETE", f"/v2/sshkeys/{s.seed.ssh_key_id}", None),
        "owner",
        "guest",
        204,
    ),
    Case("v1.users.create", lambda s: ("POST", "/v1/users", _v1_user(s)), "guest", None, 201),
    Case(
        "v1.users.delete",
        lambda s: ("DELETE", f"/v1/users/{_registered_by_owner(s)}", None),
        "owner",
        "guest",
    ),
    Case(
        "v1.accounts.create",
        lambda s: ("POST", "/v1/accounts/", {"type": _petstore(s), "keys": {"apiKey": "k"}}),
        "guest",
        None,
    ),
    Case(
        "v1.accounts.update",
        lambda s: ("PUT", f"/v1/accounts/{s.seed.private_credential_id}/", {"name": "x"}),
        "owner",
        "guest",
    ),
    Case(
        "v1.repos.create",
        lambda s: ("POST", "/v1/repos/", {"name": "v1-repo", "team_id": s.seed.team_id}),
        "owner",
        "guest",
        201,
    ),
    Case(
        "v1.repos.delete",
        lambda s: ("DELETE", f"/v1/repos/{s.spare_component_id}", None),
        "owner",
        "guest",
    ),
    Case(
        "v1.repos.set_env",
        lambda s: ("PUT", f"/v1/repos/{_petstore(s)}/env/", {"MODE": "demo"}),
        "owner",
        "guest",
    ),
    Case(
        "v1.sshkeys.create",
        lambda s: ("POST", "/v1/sshkey/", {"key": example_rsa_key("guest-v1")}),
        "guest",
        None,
        201,
    ),
    Case(
        "v1.sshkeys.delete",
        lambda s: ("DELETE", f"/v1/sshkey/{s.seed.ssh_key_id}", None),
        "owner",
        "guest",
    ),
    Case(
        "v1.teams.create",
        lambda s: ("POST", "/v1/teams/", {"name": "v1 team"}),
        "guest",
        None,
        201,
    ),
    Case(
        "v1.tasks.create",
        lambda s: (
            "POST",
            "/v1/tasks/",
            {"name": "v1", "nodes": [{"function": "elasticio/timer:timer"}]},
        ),
        "guest",
        None,
    ),
    Case(
        "v1.tasks.start", lambda s: ("POST", f"/v1/tasks/start/{s.flow_id}", None), "owner", "guest"
    ),
    Case(
        "v1.tasks.stop",
        lambda s: ("POST", f"/v1/tasks/stop/{s.active_flow_id}", None),
        "owner",
        "guest",
    ),
    Case(
        "v1.tasks.suspend",
        lambda s: ("POST", f"/v1/tasks/suspend/{s.active_flow_id}", None),
        "owner",
        "guest",
    ),
    Case("v1.tasks.delete", lambda s: ("DELETE", f"/v1/tasks/{s.flow_id}", None), "owner", "guest"),
    Case(
        "v1.hooks.set_startup_data",
        lambda s: ("POST", f"/sailor-support/hooks/task/{s.active_flow_id}/startup/data", {"a": 1}),
        "owner",
        "guest",
    ),
    Case(
        "v1.hooks.delete_startup_data",
        lambda s: ("DELETE", f"/sailor-support/hooks/task/{s.flow_id}/startup/data", None),
        "owner",
        "guest",
    ),
    Case(
        "v1.exec.schedule",
        lambda s: (
            "POST",
            "/v1/exec/schedule",
            {
                "execution_type": "verify_credentials",
                "component": s.emulator.platform.credentials[
                    s.seed.private_credential_id
                ].component_id,
                "account_id": s.seed.private_credential_id,
            },
        ),
        "owner",
        "guest",
        202,
    ),
    Case(
        "v1.recipes.activate",
        lambda s: (
            "POST",
            f"/v1/recipes/{s.seed.recipe_id}",
            {"workspace_id": s.seed.workspace_id},
        ),
        "owner",
        "member",
    ),
    Case(
        "resources.storage_signed_url",
        lambda s: ("POST", "/v2/resources/storage/signed-url", None),
        "member",
        None,
    ),
    Case(
        "v1.resources.s3_signed_url",
        lambda s: ("POST", "/v1/resources/s3/signed-url", None),
        "member",
        None,
    ),
    Case(
        "executions.verify_credential",
        _execution("verify-credential"),
        "owner",
        "guest",
        202,
    ),
    Case(
        "executions.dynamic_metadata",
        _execution("dynamic-metadata", module="getPetsByStatus"),
        "owner",
        "guest",
        202,
    ),
    Case(
        "executions.select_model",
        _execution("select-model", module="getPetsByStatus", method="list"),
        "owner",
        "guest",
        202,
    ),
    Case(
        "users.create",
        lambda s: ("POST", "/v2/users", _new_user("new@example.com")),
        "owner",
        "contract_owner",
        201,
    ),
    Case(
        "users.disable_totp",
        lambda s: ("POST", f"/v2/users/{s.newcomer_id}/disable-totp", None),
        "owner",
        "contract_owner",
    ),
    Case(
        "users.delete",
        lambda s: ("DELETE", f"/v2/users/{s.newcomer_id}", None),
        "owner",
        "contract_owner",
        204,
    ),
    Case(
        "users.add_openid_identity",
        lambda s: (
            "POST",
            f"/v2/users/{s.newcomer_id}/openid/identities",
            {
                "data": {
                    "type": "openid-identity",
                    "attributes": {"iss": "https://i.example", "sub": "n"},
                }
            },
        ),
        "owner",
        "contract_owner",
        201,
    ),
    Case(
        "users.remove_openid_identity",
        lambda s: ("DELETE", f"/v2/users/{s.newcomer_id}/openid/identities/{_identity(s)}", None),
        "owner",
        "contract_owner",
        204,
    ),
    Case(
        "workspaces.create",
        lambda s: ("POST", "/v2/workspaces", _new_workspace(s.seed.contract_id)),
        "contract_owner",
        "member",
    ),
    Case(
        "workspaces.update",
        lambda s: (
            "PATCH",
            f"/v2/workspaces/{s.seed.private_workspace_id}",
            {"data": {"type": "workspace", "attributes": {"name": "Renamed"}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "workspaces.update_member",
        lambda s: (
            "PATCH",
            f"/v2/workspaces/{s.seed.private_workspace_id}/members/"
            f"{(user_id := _ws_member(s, s.seed.private_workspace_id))}",
            {"data": {"type": "member", "id": user_id, "attributes": {"roles": ["admin"]}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "workspaces.remove_member",
        lambda s: (
            "DELETE",
            f"/v2/workspaces/{s.seed.private_workspace_id}/members/"
            f"{_ws_member(s, s.seed.private_workspace_id)}",
            None,
        ),
        "owner",
        "guest",
        204,
    ),
    Case(
        "workspaces.add_support",
        lambda s: ("PATCH", f"/v2/workspaces/{s.seed.private_workspace_id}/members/support", None),
        "owner",
        "guest",
    ),
    Case(
        "workspaces.remove_support",
        lambda s: ("DELETE", f"/v2/workspaces/{s.seed.private_workspace_id}/members/support", None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "workspaces.delete",
        lambda s: ("DELETE", f"/v2/workspaces/{s.seed.private_workspace_id}", None),
        "guest",
        "member",
        204,
    ),
    Case(
        "contracts.create",
        lambda s: (
            "POST",
            "/v2/contracts",
            {"data": {"type": "contract", "attributes": {"name": "New contract"}}},
        ),
        "owner",
        "guest",
        201,
    ),
    Case("contracts.update", lambda s: _contract_update(s, name="Renamed"), "owner", "guest"),
    Case(
        "contracts.update of the available roles",
        lambda s: _contract_update(s, available_roles=[{"scope": "contracts", "role": "admin"}]),
        "owner",
        "guest",
    ),
    Case(
        "contracts.update of the custom data",
        lambda s: _contract_update(s, custom_data={"plan": "free"}),
        "owner",
        "guest",
    ),
    Case("contracts.invite", _invite_request, "owner", "guest"),
    Case("contracts.update_invite", _invite_change, "owner", "guest"),
    Case("contracts.revoke_invite", _invite_revoke, "owner", "guest", 204),
    Case("contracts.add_member", _new_contract_member, "owner", "guest"),
    Case("contracts.update_member", _partner_member_roles, "owner", "guest"),
    Case("contracts.remove_member", _partner_member_removal, "owner", "guest", 204),
    Case(
        "contracts.suspend",
        lambda s: ("POST", f"/v2/contracts/{s.seed.contract_id}/suspend", None),
        "owner",
        "guest",
        202,
    ),
    Case(
        "contracts.unsuspend",
        lambda s: ("POST", f"/v2/contracts/{s.seed.contract_id}/unsuspend", None),
        "owner",
        "guest",
        204,
    ),
    Case("contracts.delete", _partners_deletion, "owner", "guest", 204),
    Case(
        "tenants.create",
        lambda s: ("POST", "/v2/tenants", _NEW_TENANT),
        "owner",
        "guest",
        201,
    ),
    Case(
        "tenants.update",
        lambda s: (
            "PATCH",
            _tenant_path(s),
            {"data": {"type": "tenant", "attributes": {"name": "Renamed"}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "tenants.delete",
        lambda s: ("DELETE", f"/v2/tenants/{_spare_tenant(s)}", None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "tenants.update_roles",
        lambda s: (
            "PATCH",
            _tenant_path(s, "/roles"),
            {"data": {"type": "tenant-policy", "attributes": {"roles": []}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "tenants.update_member",
        lambda s: (
            "PATCH",
            _tenant_path(s, f"/members/{s.seed.guest.id}"),
            {"data": {"type": "tenant-member", "attributes": {"roles": ["tenant-admin"]}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "tenant_certificates.create",
        lambda s: ("POST", _tenant_path(s, "/certificates"), _KEYS),
        "owner",
        "guest",
        201,
    ),
    Case(
        "tenant_certificates.update",
        lambda s: ("PATCH", _tenant_path(s, f"/certificates/{_tenant_records(s)[0]}"), _KEYS),
        "owner",
        "guest",
    ),
    Case(
        "tenant_certificates.delete",
        lambda s: ("DELETE", _tenant_path(s, f"/certificates/{_tenant_records(s)[0]}"), None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "oauth_clients.create",
        lambda s: (
            "POST",
            _tenant_path(s, "/oauth-clients"),
            {
                "data": {
                    "type": "oauth-client",
                    "attributes": {"client_id": "a", "client_secret": "s"},
                    "relationships": {"component": ref("component", s.seed.component_ids["timer"])},
                }
            },
        ),
        "owner",
        "guest",
        201,
    ),
    Case(
        "oauth_clients.update",
        lambda s: (
            "PATCH",
            _tenant_path(s, f"/oauth-clients/{_tenant_records(s)[1]}"),
            {"data": {"type": "oauth-client", "attributes": {"client_secret": "n3w"}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "oauth_clients.delete",
        lambda s: ("DELETE", _tenant_path(s, f"/oauth-clients/{_tenant_records(s)[1]}"), None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "openid_providers.create",
        lambda s: ("POST", _tenant_path(s, "/openid/providers"), _OPENID),
        "owner",
        "guest",
        201,
    ),
    Case(
        "openid_providers.update",
        lambda s: (
            "PATCH",
            _tenant_path(s, f"/openid/providers/{_tenant_records(s)[2]}"),
            {"data": {"type": "openid-provider", "attributes": {"client_id": "b"}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "openid_providers.delete",
        lambda s: ("DELETE", _tenant_path(s, f"/openid/providers/{_tenant_records(s)[2]}"), None),
        "owner",
        "guest",
        204,
    ),
    Case(
        "saml_providers.create",
        lambda s: ("POST", _tenant_path(s, "/saml/providers"), _SAML),
        "owner",
        "guest",
        201,
    ),
    Case(
        "saml_providers.update",
        lambda s: (
            "PATCH",
            _tenant_path(s, f"/saml/providers/{_tenant_records(s)[3]}"),
            {"data": {"type": "saml-provider", "attributes": {"force_auth": True}}},
        ),
        "owner",
        "guest",
    ),
    Case(
        "saml_providers.delete",
        lambda s: ("DELETE", _tenant_path(s, f"/saml/providers/{_tenant_records(s)[3]}"), None),
        "owner",
        "guest",
        204,
    ),
]


def _fingerprint(emulator: Emulator) -> list[Any]:
    """Every record of the platform, as plain data."""
    platform = emulator.platform
    tables = (
        platform.users,
        platform.contracts,
        platform.workspaces,
        platform.teams,
        platform.components,
        platform.credentials,
        platform.flows,
        platform.data_samples,
        platform.ssh_keys,
        platform.topics,
        platform.executions,
        platform.auth_clients,
        platform.auth_secrets,
        platform.tenants,
        platform.tenant_certificates,
        platform.oauth_clients,
        platform.openid_providers,
        platform.saml_providers,
        platform.recipes,
        platform.recipe_deployments,
    )
    return [[attrs.asdict(record) for record in table.values()] for table in tables]


async def _send(emulator: Emulator, who: str, request: Request) -> httpx.Response:
    user = getattr(emulator.seed, who)
    method, path, body = request
    async with http_client(emulator, (user.email, user.api_key)) as client:
        return await client.request(method, path, json=body)


def _ids(cases: list[Case]) -> list[str]:
    return [case.name for case in cases]


ALLOWED = [case for case in CASES if case.allowed]
REFUSED = [case for case in CASES if case.refused]


def test_every_write_route_has_a_case(emulator: Emulator) -> None:
    """The table covers every route that changes something."""
    writes = {r.entry.name for r in emulator.router.routes if r.entry.method != "GET"}
    assert writes <= {case.name.split(" ", 1)[0] for case in CASES}


@pytest.mark.parametrize("case", ALLOWED, ids=_ids(ALLOWED))
async def test_allowed_caller_may_write(case: Case, emulator: Emulator) -> None:
    """The caller the docs allow gets the route's success status."""
    assert case.allowed is not None
    response = await _send(emulator, case.allowed, case.request(_scene(emulator)))
    assert response.status_code == case.status, response.text


@pytest.mark.parametrize("case", REFUSED, ids=_ids(REFUSED))
async def test_refused_caller_gets_403_and_changes_nothing(case: Case, emulator: Emulator) -> None:
    """A caller without the right gets 403, and the platform stays as it was."""
    assert case.refused is not None
    request = case.request(_scene(emulator))
    before = _fingerprint(emulator)
    response = await _send(emulator, case.refused, request)
    if case.name.startswith("v1."):
        v1_error_of(response, 403)
    else:
        error_of(response, 403)
    assert _fingerprint(emulator) == before
