"""The compound document bench/decode.py decodes: flows with their users, components and
versions, as ``GET /v2/flows?include=user,components,components.latest_version`` answers.

Each flow links one ``user`` (shared: one user per ten flows) and three ``component``
resources (unique to the flow), and each component links its ``latest_version``. The same
size and seed always give the same document.

Examples:
    >>> document = generate(10, seed=1)
    >>> len(document["data"]), len(document["included"])
    (10, 61)
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

__all__ = ["expected_checksum", "generate"]

USERS_PER_FLOW = 0.1
COMPONENTS_PER_FLOW = 3

FIRST_NAMES = ("Ada", "Bo", "Chen", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo")
LAST_NAMES = ("Ng", "Olsen", "Patel", "Quinn", "Rossi", "Silva", "Tanaka", "Umar", "Vogel")
REPOS = (
    ("http-component", ("httpRequestAction", "httpReplyAction")),
    ("rest-api-component-v2", ("httpRequestAction", "httpRequestTrigger")),
    ("mapper", ("map",)),
    ("timer", ("timer",)),
    ("email", ("send",)),
    ("salesforce-component", ("lookupObject", "upsertObject", "getUpdatedObjects")),
    ("sftp-component", ("upload", "download", "poll")),
    ("jsonata", ("transform",)),
    ("splitter", ("split",)),
    ("csv-component", ("read", "write")),
)
STATUSES = ("active", "inactive", "starting", "stopping")


def _object_id(rng: random.Random) -> str:
    """A 24-hex-digit id, the shape of the platform's ids."""
    return f"{rng.getrandbits(96):024x}"


def _revision(rng: random.Random) -> str:
    """A 40-hex-digit git revision, the id of a component version."""
    return f"{rng.getrandbits(160):040x}"


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _user(rng: random.Random, number: int, epoch: datetime) -> dict[str, Any]:
    user_id = _object_id(rng)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    registered = epoch + timedelta(minutes=rng.randrange(500_000))
    return {
        "type": "user",
        "id": user_id,
        "links": {"self": f"/v2/users/{user_id}"},
        "attributes": {
            "first_name": first,
            "last_name": last,
            "email": f"{first.lower()}.{last.lower()}.{number}@example.com",
            "company": f"Company {number % 97}",
            "registered": _iso(registered),
            "last_login": _iso(registered + timedelta(minutes=rng.randrange(100_000))),
        },
    }


def _component_and_version(
    rng: random.Random, repo: str, team: str, epoch: datetime
) -> tuple[dict[str, Any], dict[str, Any]]:
    component_id = _object_id(rng)
    revision = _revision(rng)
    built = epoch + timedelta(seconds=rng.randrange(30_000_000))
    version = {
        "type": "version",
        "id": revision,
        "links": {"self": f"/v2/components/{component_id}/versions/{revision}"},
        "attributes": {
            "date": int(built.timestamp() * 1000),
            "version_number": rng.randrange(1, 400),
        },
        "relationships": {
            "descriptor": {
                "links": {
                    "related": f"/v2/components/{component_id}/versions/{revision}/descriptor"
                }
            }
        },
    }
    component = {
        "type": "component",
        "id": component_id,
        "links": {"self": f"/v2/components/{component_id}"},
        "attributes": {
            "name": repo,
            "team_name": team,
            "access": rng.choice(("team", "tenant", "global")),
            "docker_repo_name": f"{team}/{repo}",
            "docker_target_tag": "latest",
        },
        "relationships": {
            "team": {"data": {"type": "team", "id": team}},
            "versions": {"links": {"related": f"/v2/components/{component_id}/versions"}},
            "latest_version": {"data": {"type": "version", "id": revision}},
        },
    }
    return component, version


def _flow(
    rng: random.Random,
    number: int,
    user_id: str,
    steps: list[tuple[str, str, str]],
    epoch: datetime,
) -> dict[str, Any]:
    flow_id = _object_id(rng)
    created = epoch + timedelta(minutes=rng.randrange(500_000))
    updated = created + timedelta(minutes=rng.randrange(50_000))
    nodes = [
        {
            "id": f"step_{position}",
            "command": f"elasticio/{repo}:{action}",
            "name": "",
            "description": "",
            "fields": {},
        }
        for position, (_, repo, action) in enumerate(steps, start=1)
    ]
    edges = [
        {
            "source": f"step_{position}",
            "target": f"step_{position + 1}",
            "config": {"mapper_type": "jsonata", "mapper": {}, "condition": None},
        }
        for position in range(1, len(steps))
    ]
    realtime = rng.random() < 0.2
    return {
        "type": "flow",
        "id": flow_id,
        "links": {"self": f"/v2/flows/{flow_id}"},
        "attributes": {
            "name": f"Flow {number}: {steps[0][1]} to {steps[-1][1]}",
            "description": None,
            "type": "long_running" if realtime else "ordinary",
            "status": rng.choice(("active", "inactive")),
            "current_status": rng.choice(STATUSES),
            "cron": None if realtime else f"*/{rng.choice((3, 5, 15, 60))} * * * *",
            "default_mapper_type": "jsonata",
            "created_at": _iso(created),
            "updated_at": _iso(updated),
            "last_modified": _iso(updated),
            "graph": {"nodes": nodes, "edges": edges},
        },
        "relationships": {
            "user": {
                "data": {"type": "user", "id": user_id},
                "links": {"self": f"/v2/users/{user_id}"},
            },
            "components": {
                "data": [{"type": "component", "id": component_id} for component_id, _, _ in steps]
            },
        },
    }


def generate(flows: int, *, seed: int) -> dict[str, Any]:
    """A compound document of ``flows`` flows with their users, components and versions.

    The same ``flows`` and ``seed`` always give the same document.
    """
    rng = random.Random(f"{seed}:{flows}")
    epoch = datetime(2024, 1, 1, tzinfo=UTC)
    users = [_user(rng, number, epoch) for number in range(max(1, int(flows * USERS_PER_FLOW)))]
    included: list[dict[str, Any]] = list(users)
    data = []
    for number in range(flows):
        team = f"team-{rng.randrange(50)}"
        steps = []
        for _ in range(COMPONENTS_PER_FLOW):
            repo, actions = rng.choice(REPOS)
            component, version = _component_and_version(rng, repo, team, epoch)
            included += (component, version)
            steps.append((component["id"], repo, rng.choice(actions)))
        user_id = users[number % len(users)]["id"]
        data.append(_flow(rng, number, user_id, steps, epoch))
    return {
        "data": data,
        "included": included,
        "links": {"self": f"/v2/flows?page[size]={flows}", "next": None},
        "meta": {"page": 1, "per_page": flows, "total": flows, "total_pages": 1},
    }


def expected_checksum(document: dict[str, Any]) -> int:
    """The checksum computed straight from the generator's output, for cross-checking."""
    index = {(r["type"], r["id"]): r for r in document["included"]}
    total = 0
    for flow in document["data"]:
        user = flow["relationships"]["user"]["data"]
        total += len(index[user["type"], user["id"]]["attributes"]["email"])
        for linkage in flow["relationships"]["components"]["data"]:
            component = index[linkage["type"], linkage["id"]]
            total += len(component["attributes"]["name"])
            latest = component["relationships"]["latest_version"]["data"]
            total += index[latest["type"], latest["id"]]["attributes"]["version_number"]
    return total
