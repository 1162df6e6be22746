"""The deterministic starting state of an emulator: the same ids and data on every run.

* a tenant with one contract, "Acme Integrations";
* the owner (default user, tenant admin) and a guest who is a contract admin and a
  member of the shared workspace only: the guest gets 403 in the private one;
* two workspaces: "Production" (shared, full) and "Sandbox" (the owner's, limited);
* one developer team "acme-dev" with a private component ``petstore``;
* the platform's global components ``timer``, ``webhook``, ``code`` and ``email``;
  every component has 2 or 3 builds with descriptors;
* 300 flows: 200 in Production (every fifth by the guest) and 100 in Sandbox, a quarter
  of them active, every tenth long-running, every seventh with a draft; one inactive
  Production flow (``Seed.flow_id``) also has a snapshot of its ``step_1``;
* credentials for ``webhook`` and ``petstore`` in Production and for ``petstore`` in
  Sandbox; data samples of ``petstore`` and ``webhook`` in Production; one SSH key of
  the owner; one Pub/Sub topic "Person" in Production; an ``oauth2`` auth client of
  the contract for ``petstore``, and one auth secret made with it in Production;
* three more users, to try permissions with: a contract owner who is no tenant admin
  and in no workspace, a plain member (no contract role, ``guest`` in Production) and
  an outsider in no contract at all; and the tenant's support user (in no contract);
* one recipe in Production, "Pets by email": a petstore trigger (its credential declared,
  to be given on activation, though the step does not insist) mapped to an email, with
  an ``email`` variable.

The records after the flows were added later: their ids follow the flows' ids, which
therefore stay what they were.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import attrs

from elasticio.testing._areas.data_samples.store import DataSampleRecord
from elasticio.testing._areas.ssh_keys.keys import example_rsa_key
from elasticio.testing._areas.teams.store import TeamRecord
from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._platform import Platform

__all__ = ["FLOW_COUNT", "Seed", "SeedUser", "seed"]

FLOW_COUNT = 300
SEED_START = datetime(2024, 1, 1, tzinfo=UTC)

_SOURCES = ("Salesforce", "Shopify", "HubSpot", "Zendesk", "Stripe", "Slack", "Jira", "SAP")
_ACTIONS = ("order sync", "contact import", "invoice export", "ticket relay", "nightly backup")
_STEPS = ("code", "email", "petstore")


@attrs.frozen(kw_only=True)
class SeedUser:
    """A seeded user's id and credentials."""

    id: str
    email: str
    api_key: str = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class Seed:
    """The ids of the seeded records, for tests to refer to.

    ``credential_ids`` and ``data_sample_ids`` are keyed by component name and live in
    the shared workspace; ``private_credential_id`` is a petstore credential in the
    private one. ``flow_id`` is an inactive flow of the shared workspace with a draft
    and a snapshot of ``step_1``. ``ssh_key_id`` is the owner's key; ``topic_id`` is the
    topic "Person" of the shared workspace. ``auth_client_id`` is the contract's
    ``oauth2`` client for ``petstore``; ``secret_id`` is the owner's auth secret made with
    it in the shared workspace. ``contract_owner`` owns the contract without
    being a tenant admin or in a workspace; ``member`` is a guest of the shared workspace
    with no contract role; ``outsider`` is in no contract; ``support`` is the tenant's
    support user, in no contract until a workspace asks for support. ``recipe_id`` is the
    recipe "Pets by email" of the shared workspace, visible there only.
    """

    tenant_id: str
    contract_id: str
    team_id: str
    platform_team_id: str
    owner: SeedUser
    guest: SeedUser
    workspace_id: str
    private_workspace_id: str
    component_ids: dict[str, str]
    flow_id: str
    credential_ids: dict[str, str]
    private_credential_id: str
    data_sample_ids: dict[str, str]
    ssh_key_id: str
    topic_id: str
    auth_client_id: str
    secret_id: str
    contract_owner: SeedUser
    member: SeedUser
    outsider: SeedUser
    support: SeedUser
    recipe_id: str


def _timer(number: int) -> dict[str, Any]:
    return {
        "title": "Timer",
        "description": "Starts a flow at a fixed interval or on a cron schedule.",
        "language": "nodejs",
        "sailor_version": f"2.6.{number}",
        "triggers": {
            "timer": {
                "title": "Timer",
                "main": "./timer.js",
                "type": "polling",
                "fields": {"interval": {"label": "Interval", "viewClass": "SelectView"}},
            }
        },
        "actions": {},
    }


def _webhook(number: int) -> dict[str, Any]:
    return {
        "title": "Webhook",
        "description": "Receives HTTP requests and sends data to other URLs.",
        "language": "nodejs",
        "sailor_version": f"2.7.{number}",
        "triggers": {"receive": {"title": "Receive", "main": "./receive.js"}},
        "actions": {"send": {"title": "Send data", "main": "./send.js"}},
        "credentials": {
            "fields": {
                "username": {"label": "Username", "required": False, "viewClass": "TextFieldView"},
                "password": {"label": "Password", "required": False, "viewClass": "PasswordView"},
            }
        },
    }


def _code(number: int) -> dict[str, Any]:
    return {
        "title": "Node.js Code",
        "description": "Runs a piece of JavaScript on every message.",
        "language": "nodejs",
        "sailor_version": f"2.6.{number}",
        "triggers": {},
        "actions": {
            "execute": {
                "title": "Execute",
                "main": "./execute.js",
                "fields": {"code": {"label": "Code", "viewClass": "CodeFieldView"}},
            }
        },
    }


def _email(number: int) -> dict[str, Any]:
    return {
        "title": "E-Mail",
        "description": "Sends e-mail messages.",
        "language": "nodejs",
        "sailor_version": f"2.5.{number}",
        "triggers": {},
        "actions": {"send": {"title": "Send e-mail", "main": "./send.js"}},
    }


def _petstore(number: int) -> dict[str, Any]:
    actions: dict[str, Any] = {
        "createPetWithPromise": {"title": "Create a pet", "main": "./createPet.js"}
    }
    if number > 1:
        actions["deletePet"] = {"title": "Delete a pet", "main": "./deletePet.js"}
    return {
        "title": "Petstore API",
        "description": "Talks to the Swagger Petstore demo API.",
        "language": "nodejs",
        "sailor_version": f"2.7.{number}",
        "triggers": {"getPetsByStatus": {"title": "Pets by status", "main": "./pets.js"}},
        "actions": actions,
        "credentials": {
            "fields": {
                "apiKey": {
                    "label": "API key",
                    "required": True,
                    "viewClass": "TextFieldWithNoteView",
                    "note": "Any value works with the demo API.",
                }
            }
        },
    }


_GLOBAL = {"timer": (_timer, 3), "webhook": (_webhook, 2), "code": (_code, 2), "email": (_email, 2)}


def seed(platform: Platform) -> Seed:
    """Fill an empty platform with the standard data set and say what was made."""
    owner = platform.users.create(
        email="owner@example.com",
        api_key="emu-owner-api-key",
        first_name="Olivia",
        last_name="Owner",
        tenant_admin=True,
        registered=SEED_START,
    )
    guest = platform.users.create(
        email="guest@example.com",
        api_key="emu-guest-api-key",
        first_name="Gary",
        last_name="Guest",
        registered=SEED_START + timedelta(days=30),
    )
    contract = platform.contracts.create(
        name="Acme Integrations",
        owner_ids=[owner.id],
        custom_data={"plan": "enterprise"},
        created_at=SEED_START,
    )
    platform.contracts.add_member(contract.id, guest.id, ["admin"])
    shared = platform.workspaces.create(
        contract_id=contract.id, name="Production", owner_ids=[owner.id]
    )
    platform.workspaces.add_member(shared.id, guest.id, ["integrator"])
    private = platform.workspaces.create(
        contract_id=contract.id, name="Sandbox", type="limited", owner_ids=[owner.id]
    )
    platform_team = platform.teams.add(TeamRecord(name="elasticio", contract_id=None))
    team = platform.teams.add(
        TeamRecord(name="acme-dev", contract_id=contract.id, user_ids=[owner.id])
    )

    component_ids: dict[str, str] = {}
    built = SEED_START - timedelta(days=200)
    for name, (descriptor, builds) in _GLOBAL.items():
        component = platform.components.create(team_id=platform_team.id, name=name, access="global")
        for number in range(1, builds + 1):
            built += timedelta(days=3)
            platform.components.add_version(component.id, descriptor=descriptor(number), date=built)
        component_ids[name] = component.id
    petstore = platform.components.create(
        team_id=team.id, name="petstore", env={"PETSTORE_URL": "https://petstore.example.com/v2"}
    )
    for number in (1, 2):
        built += timedelta(days=5)
        platform.components.add_version(petstore.id, descriptor=_petstore(number), date=built)
    component_ids["petstore"] = petstore.id

    flow_ids = [
        _add_seed_flow(platform, index, component_ids, shared.id, private.id, owner.id, guest.id)
        for index in range(FLOW_COUNT)
    ]
    # Flow 4 (index 3): in Production, inactive, with a draft.
    showcase = flow_ids[3]
    platform.flows.set_snapshot(showcase, "step_1", {"lastPoll": "2024-01-01T18:00:00.000Z"})

    # name -> (workspace, component, credential name, keys); "private" is in the Sandbox.
    credentials = {
        name: platform.credentials.create(
            workspace_id=workspace_id,
            component_id=component_id,
            user_id=owner.id,
            name=title,
            keys=keys,
        ).id
        for name, (workspace_id, component_id, title, keys) in {
            "webhook": (
                shared.id,
                component_ids["webhook"],
                "Webhook basic auth",
                {"username": "acme", "password": "webhook-secret"},
            ),
            "petstore": (
                shared.id,
                petstore.id,
                "Petstore demo key",
                {"apiKey": "petstore-demo-key"},
            ),
            "private": (
                private.id,
                petstore.id,
                "Petstore sandbox key",
                {"apiKey": "petstore-sandbox-key"},
            ),
        }.items()
    }
    private_credential_id = credentials.pop("private")
    pets_sample = platform.data_samples.add(
        DataSampleRecord(
            workspace_id=shared.id,
            component_id=petstore.id,
            user_id=owner.id,
            method="getPetsByStatus",
            result={"id": 1, "name": "Rex", "status": "available"},
        )
    )
    webhook = platform.components[component_ids["webhook"]]
    webhook_sample = platform.data_samples.add(
        DataSampleRecord(
            workspace_id=shared.id,
            component_id=webhook.id,
            component_version=webhook.versions[0].revision,
            user_id=guest.id,
            method="receive",
            result={"body": {"orderId": "A-1001", "total": 42.5}},
        )
    )
    ssh_key = platform.ssh_keys.create(
        user_id=owner.id, key=example_rsa_key("owner") + " owner@example.com", title="Laptop"
    )
    topic = platform.topics.create(
        workspace_id=shared.id,
        user_id=owner.id,
        name="Person",
        schema={
            "title": "Person",
            "type": "object",
            "properties": {
                "firstName": {"type": "string"},
                "lastName": {"type": "string"},
                "age": {"type": "number", "minimum": 0},
            },
        },
    )
    auth_client = platform.auth_clients.create(
        name="Petstore OAuth app",
        type="oauth2",
        credentials={
            "client_id": "acme-petstore",
            "client_secret": "petstore-client-secret",
            "auth_uri": "https://petstore.example.com/oauth/authorize",
            "token_uri": "https://petstore.example.com/oauth/token",
            "refresh_token_uri": "https://petstore.example.com/oauth/token",
            "token_expires_in": 3600,
        },
        component_ids=[petstore.id],
        scope="contract",
        scope_id=contract.id,
    )
    secret = platform.auth_secrets.create(
        workspace_id=shared.id,
        user_id=owner.id,
        auth_client_id=auth_client.id,
        name="Petstore account",
        credentials={
            "access_token": "petstore-access-token",
            "refresh_token": "petstore-refresh-token",
            "expires_in": 3600,
        },
    )
    contract_owner = platform.users.create(
        email="carla@example.com",
        api_key="emu-contract-owner-api-key",
        first_name="Carla",
        last_name="Contract",
        registered=SEED_START + timedelta(days=60),
    )
    platform.contracts.add_member(contract.id, contract_owner.id, ["owner"])
    member = platform.users.create(
        email="mia@example.com",
        api_key="emu-member-api-key",
        first_name="Mia",
        last_name="Member",
        registered=SEED_START + timedelta(days=90),
    )
    platform.contracts.add_member(contract.id, member.id, [])
    platform.workspaces.add_member(shared.id, member.id, ["guest"])
    outsider = platform.users.create(
        email="oscar@example.com",
        api_key="emu-outsider-api-key",
        first_name="Oscar",
        last_name="Outsider",
        registered=SEED_START + timedelta(days=120),
    )
    support = platform.users.create(
        email="support@example.com",
        api_key="emu-support-api-key",
        first_name="Sam",
        last_name="Support",
        registered=SEED_START,
    )
    platform.tenant.support_user_id = support.id
    recipe = platform.recipes.create(workspace_id=shared.id, user_id=owner.id, **_recipe())

    return Seed(
        tenant_id=platform.tenant.id,
        contract_id=contract.id,
        team_id=team.id,
        platform_team_id=platform_team.id,
        owner=SeedUser(id=owner.id, email=owner.email, api_key=owner.api_key),
        guest=SeedUser(id=guest.id, email=guest.email, api_key=guest.api_key),
        workspace_id=shared.id,
        private_workspace_id=private.id,
        component_ids=component_ids,
        flow_id=showcase,
        credential_ids=credentials,
        private_credential_id=private_credential_id,
        data_sample_ids={"petstore": pets_sample.id, "webhook": webhook_sample.id},
        ssh_key_id=ssh_key.id,
        topic_id=topic.id,
        auth_client_id=auth_client.id,
        secret_id=secret.id,
        contract_owner=_seed_user(contract_owner),
        member=_seed_user(member),
        outsider=_seed_user(outsider),
        support=_seed_user(support),
        recipe_id=recipe.id,
    )


def _recipe() -> dict[str, Any]:
    """The seeded recipe's content: new pets found by the petstore, mailed."""
    graph = {
        "nodes": [
            {
                "id": "step_1",
                "name": "Pets by status",
                "command": "acme-dev/petstore:getPetsByStatus",
                "fields": {"status": "available"},
            },
            {"id": "step_2", "name": "Mail", "command": "elasticio/email:send"},
        ],
        "edges": [
            {
                "source": "step_1",
                "target": "step_2",
                "config": {
                    "mapper_type": "jsonata",
                    "condition": None,
                    "mapper": {"to": "$getFlowVariables().email", "subject": "name"},
                },
            }
        ],
    }
    return {
        "info": {
            "title": "Pets by email",
            "author": "Olivia Owner",
            "description": "# Pets by email\n\nMails every pet the petstore has available.",
            "short_description": "Mail the petstore's available pets",
        },
        "declarations": {
            "variables": [{"id": "email", "title": "Email address"}],
            "credentials": [{"id": "petstore", "help": {"description": "Your petstore key"}}],
        },
        "flow_templates": [{"title": "Pets by email", "cron": "0 * * * *", "graph": graph}],
    }


def _seed_user(user: UserRecord) -> SeedUser:
    return SeedUser(id=user.id, email=user.email, api_key=user.api_key)


def _add_seed_flow(
    platform: Platform,
    index: int,
    component_ids: dict[str, str],
    shared_id: str,
    private_id: str,
    owner_id: str,
    guest_id: str,
) -> str:
    in_shared = index % 3 != 2
    source = _SOURCES[index % len(_SOURCES)]
    action = _ACTIONS[(index // len(_SOURCES)) % len(_ACTIONS)]
    trigger = "timer" if index % 2 == 0 else "webhook"
    step = _STEPS[index % len(_STEPS)]
    function = {"code": "execute", "email": "send", "petstore": "createPetWithPromise"}[step]
    team = "acme-dev" if step == "petstore" else "elasticio"
    graph = {
        "nodes": [
            {
                "id": "step_1",
                "component_id": component_ids[trigger],
                "command": f"elasticio/{trigger}:{'timer' if trigger == 'timer' else 'receive'}",
                "name": "",
                "description": "",
                "fields": {"interval": "minute"} if trigger == "timer" else {},
            },
            {
                "id": "step_2",
                "component_id": component_ids[step],
                "command": f"{team}/{step}:{function}",
                "name": "",
                "description": "",
            },
        ],
        "edges": [
            {
                "id": "mapper:step_1:step_2",
                "source": "step_1",
                "target": "step_2",
                "config": {"mapper_type": "jsonata", "condition": None, "mapper": {"id": "id"}},
            }
        ],
    }
    created = SEED_START + timedelta(hours=6 * index)
    return platform.flows.create(
        workspace_id=shared_id if in_shared else private_id,
        user_id=guest_id if in_shared and index % 5 == 0 else owner_id,
        name=f"{source} {action} {index + 1:03d}",
        description=(
            None
            if index % 11 == 0
            else f"{'Scheduled' if trigger == 'timer' else 'Webhook-driven'} {action} for {source}"
        ),
        type="long_running" if index % 10 == 9 else "ordinary",
        graph=graph,
        status="active" if index % 4 == 0 else "inactive",
        draft={"name": f"{source} {action} (draft)"} if index % 7 == 3 else None,
        created_at=created,
        updated_at=created + timedelta(hours=(index * 37) % 500),
    ).id
