"""Activating a recipe: a flow per flow template, in a deployment; and syncing a
deployment's flows with its recipe's templates again.

Each template becomes a flow named after its title, with its cron and its graph, where a
step given a credential (``credentials``: step id to credential id) gets it as its
``credentials_id``. A step whose template names a declared credential
(``credentials_id``) must be given one. The graph is checked as a flow's: a command must
name a component the workspace's contract may use. ``variables`` are kept with the
deployment (the flows' ``$getFlowVariables()``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticio.testing._areas.flows.graph import flow_changes
from elasticio.testing._areas.recipes.store import RecipeDeploymentRecord, RecipeRecord
from elasticio.testing._errors import ReplyError, invalid
from elasticio.testing._json import clone
from elasticio.testing._platform import Platform

__all__ = ["activate", "check_credentials", "sync"]


def check_credentials(
    platform: Platform, recipe: RecipeRecord, workspace_id: str, credentials: Mapping[str, Any]
) -> None:
    """400 unless every credential is one of the workspace's, given for a step of the
    recipe, and every step that needs one has it (``pointer`` names the member)."""
    base = "/data/attributes/credentials"
    steps = {
        node["id"]: node
        for template in recipe.flow_templates
        for node in template["graph"]["nodes"]
    }
    for step_id, credential_id in credentials.items():
        if step_id not in steps:
            raise invalid(f"{base}/{step_id}", "names no step of the recipe")
        credential = (
            platform.credentials.get(credential_id) if isinstance(credential_id, str) else None
        )
        if credential is None or credential.workspace_id != workspace_id:
            raise invalid(f"{base}/{step_id}", "must be a credential of the workspace")
    for step_id, node in steps.items():
        if node.get("credentials_id") is not None and step_id not in credentials:
            raise invalid(f"{base}/{step_id}", "is required: the step needs a credential")


def _flow_fields(
    platform: Platform,
    template: Mapping[str, Any],
    index: int,
    workspace_id: str,
    credentials: Mapping[str, str],
) -> dict[str, Any]:
    graph = clone(dict(template["graph"]))
    graph.setdefault("edges", [])
    for node in graph["nodes"]:
        if node["id"] in credentials:
            node["credentials_id"] = credentials[node["id"]]
        else:
            node.pop("credentials_id", None)
    contract_id = platform.workspaces[workspace_id].contract_id
    try:
        changes = flow_changes(platform.components, {"graph": graph}, contract_id=contract_id)
    except ReplyError as problem:
        raise ReplyError(400, f"the recipe's flow_templates[{index}]: {problem.detail}") from None
    return {"name": template["title"], "cron": template.get("cron"), "graph": changes["graph"]}


def activate(
    platform: Platform,
    recipe: RecipeRecord,
    *,
    workspace_id: str,
    user_id: str,
    credentials: Mapping[str, str],
    variables: Mapping[str, Any],
) -> RecipeDeploymentRecord:
    """Create the flows of ``recipe`` in the workspace (inactive), all or none, and the
    deployment that holds them."""
    check_credentials(platform, recipe, workspace_id, credentials)
    fields = [
        _flow_fields(platform, template, index, workspace_id, credentials)
        for index, template in enumerate(recipe.flow_templates)
    ]
    deployment = platform.recipe_deployments.create(
        recipe_id=recipe.id,
        workspace_id=workspace_id,
        user_id=user_id,
        credentials=credentials,
        variables=variables,
    )
    for flow in fields:
        created = platform.flows.create(workspace_id=workspace_id, user_id=user_id, **flow)
        deployment.flow_ids.append(created.id)
    return deployment


def sync(platform: Platform, deployment: RecipeDeploymentRecord, *, user_id: str) -> None:
    """Give the deployment's flows their recipe's templates as they are now: a new
    version of each flow, a new flow for a template added since, and a flow whose
    template is gone deleted. A running flow keeps running."""
    recipe = platform.recipes[deployment.recipe_id]
    check_credentials(platform, recipe, deployment.workspace_id, deployment.credentials)
    fields = [
        _flow_fields(platform, template, index, deployment.workspace_id, deployment.credentials)
        for index, template in enumerate(recipe.flow_templates)
    ]
    kept: list[str] = []
    for index, flow in enumerate(fields):
        if index < len(deployment.flow_ids):
            flow_id = deployment.flow_ids[index]
            platform.flows.update(flow_id, flow, user_id=user_id)
            kept.append(flow_id)
        else:
            created = platform.flows.create(
                workspace_id=deployment.workspace_id, user_id=user_id, **flow
            )
            kept.append(created.id)
    for flow_id in deployment.flow_ids[len(fields) :]:
        platform.flows.delete(flow_id)
    deployment.flow_ids = kept
    platform.recipe_deployments.touch(deployment.id)
