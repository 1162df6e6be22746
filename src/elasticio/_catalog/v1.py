"""API v1 (digest §6): plain JSON both ways, one entry per endpoint, grouped by the
namespaces of ``client.v1``.

The 29 documented endpoints carry ``ref="v1#N"`` (row N of the digest's v1 table); the
ones the official Node client and the component runtime still call although the final
docs dropped them carry ``ref="§7.1"`` (the client) or ``ref="§7.4"`` (the runtime).
Templates keep the trailing slashes the docs write (``/v1/accounts/``). The runtime's
startup-data hooks are the exception to the ``/v1`` prefix: the runtime sends them to
``/sailor-support/hooks/...`` right below the API's base URL (``lib/hooksData.js`` of
``elasticio-sailor-nodejs``), so that is their template. The summaries are ours.
"""

from __future__ import annotations

from elasticio._catalog._entry import Area, Plain, Polled

__all__ = ["AREAS"]

_PLAIN = {"codec": "plain"}

users = Area("v1.users")
V1_USERS_ME = users.get("me", "/v1/users", Plain(), ref="v1#27", summary="The caller", **_PLAIN)
V1_USERS_CREATE = users.post(
    "create",
    "/v1/users",
    Plain(),
    status=201,
    body="v1-user",
    ref="v1#28",
    summary="Register a user (202 when a callback URL is given)",
    **_PLAIN,
)
V1_USERS_DELETE = users.delete(
    "delete",
    "/v1/users/{user_id}",
    Plain(),
    ref="v1#29",
    summary="Delete a user the caller registered",
    **_PLAIN,
)

accounts = Area("v1.accounts")
V1_ACCOUNTS_LIST = accounts.get(
    "list", "/v1/accounts/", Plain(), ref="v1#1", summary="The caller's accounts", **_PLAIN
)
V1_ACCOUNTS_GET = accounts.get(
    "get", "/v1/accounts/{account_id}/", Plain(), ref="v1#2", summary="One account", **_PLAIN
)
V1_ACCOUNTS_CREATE = accounts.post(
    "create",
    "/v1/accounts/",
    Plain(),
    body="v1-account",
    ref="v1#3",
    summary="Create an account (a credential)",
    **_PLAIN,
)
V1_ACCOUNTS_UPDATE = accounts.put(
    "update",
    "/v1/accounts/{account_id}/",
    Plain(),
    body="v1-account",
    ref="v1#4",
    summary="Replace an account's name, component or keys",
    **_PLAIN,
)

components = Area("v1.components")
V1_COMPONENTS_MINE = components.get(
    "mine",
    "/v1/components/mine",
    Plain(),
    ref="v1#5",
    summary="The components of the caller's teams",
    **_PLAIN,
)
V1_COMPONENTS_PUBLIC = components.get(
    "public", "/v1/components/public", Plain(), ref="v1#6", summary="Public components", **_PLAIN
)
V1_COMPONENTS_GET = components.get(
    "get",
    "/v1/components/{component_id}",
    Plain(),
    ref="v1#7",
    summary="One component and its descriptor",
    **_PLAIN,
)

repos = Area("v1.repos")
V1_REPOS_LIST = repos.get(
    "list", "/v1/repos/", Plain(), ref="v1#8", summary="The caller's repositories", **_PLAIN
)
V1_REPOS_GET = repos.get(
    "get", "/v1/repos/{repo_id}", Plain(), ref="v1#9", summary="One repository", **_PLAIN
)
V1_REPOS_CREATE = repos.post(
    "create",
    "/v1/repos/",
    Plain(),
    status=201,
    body="v1-repo",
    ref="v1#10",
    summary="Create a repository in a team",
    **_PLAIN,
)
V1_REPOS_DELETE = repos.delete(
    "delete", "/v1/repos/{repo_id}", Plain(), ref="v1#11", summary="Delete a repository", **_PLAIN
)
V1_REPOS_ENV = repos.get(
    "env",
    "/v1/repos/{repo_id}/env/",
    Plain(),
    ref="v1#12",
    summary="A repository's environment variables",
    **_PLAIN,
)
V1_REPOS_SET_ENV = repos.put(
    "set_env",
    "/v1/repos/{repo_id}/env/",
    Plain(),
    body="v1-env",
    ref="v1#13",
    summary="Set environment variables (null removes one)",
    **_PLAIN,
)

resources = Area("v1.resources")
V1_RESOURCES_S3_SIGNED_URL = resources.post(
    "s3_signed_url",
    "/v1/resources/s3/signed-url",
    Plain(),
    ref="v1#14",
    summary="A signed URL pair to put and get an attachment",
    **_PLAIN,
)

exec_ = Area("v1.exec")
V1_EXEC_SCHEDULE = exec_.post(
    "schedule",
    "/v1/exec/schedule",
    Plain(),
    status=202,
    body="v1-execution",
    ref="v1#15",
    summary="Schedule a credential check, metadata or select-model run",
    **_PLAIN,
)
V1_EXEC_POLL = exec_.get(
    "poll",
    "/v1/exec/poll/{execution_id}",
    Polled(),
    ref="v1#16",
    summary="Whether an execution is done (303 to its result)",
    **_PLAIN,
)
V1_EXEC_RESULT = exec_.get(
    "result",
    "/v1/exec/result/{execution_id}",
    Plain(),
    ref="v1#17",
    summary="An execution's result, once",
    **_PLAIN,
)

sshkeys = Area("v1.sshkeys")
V1_SSHKEYS_LIST = sshkeys.get(
    "list", "/v1/sshkey/", Plain(), ref="v1#18", summary="The caller's SSH keys", **_PLAIN
)
V1_SSHKEYS_CREATE = sshkeys.post(
    "create",
    "/v1/sshkey/",
    Plain(),
    status=201,
    body="v1-sshkey",
    ref="v1#19",
    summary="Add an SSH key",
    **_PLAIN,
)
V1_SSHKEYS_DELETE = sshkeys.delete(
    "delete", "/v1/sshkey/{key_id}", Plain(), ref="v1#20", summary="Remove an SSH key", **_PLAIN
)

tasks = Area("v1.tasks")
V1_TASKS_CREATE = tasks.post(
    "create",
    "/v1/tasks/",
    Plain(),
    body="v1-task",
    ref="v1#21",
    summary="Create a task (a flow) from its nodes",
    **_PLAIN,
)
V1_TASKS_START = tasks.post(
    "start", "/v1/tasks/start/{task_id}", Plain(), ref="v1#22", summary="Start a task", **_PLAIN
)
V1_TASKS_STOP = tasks.post(
    "stop", "/v1/tasks/stop/{task_id}", Plain(), ref="v1#23", summary="Stop a task", **_PLAIN
)
V1_TASKS_SUSPEND = tasks.post(
    "suspend",
    "/v1/tasks/suspend/{task_id}",
    Plain(),
    ref="§7.1",
    summary="Suspend a task",
    **_PLAIN,
)
V1_TASKS_DELETE = tasks.delete(
    "delete", "/v1/tasks/{task_id}", Plain(), ref="v1#24", summary="Delete a task", **_PLAIN
)
V1_TASKS_STEP = tasks.get(
    "step",
    "/v1/tasks/{task_id}/steps/{step_id}",
    Plain(),
    ref="§7.4",
    summary="One step's configuration, as the component runtime reads it",
    **_PLAIN,
)

teams = Area("v1.teams")
V1_TEAMS_LIST = teams.get(
    "list", "/v1/teams/", Plain(), ref="v1#25", summary="The caller's teams", **_PLAIN
)
V1_TEAMS_CREATE = teams.post(
    "create",
    "/v1/teams/",
    Plain(),
    status=201,
    body="v1-team",
    ref="v1#26",
    summary="Create a team",
    **_PLAIN,
)

recipes = Area("v1.recipes")
V1_RECIPES_LIST = recipes.get(
    "list", "/v1/recipes/", Plain(), ref="§7.1", summary="The recipes in reach", **_PLAIN
)
V1_RECIPES_GET = recipes.get(
    "get", "/v1/recipes/{recipe_id}", Plain(), ref="§7.1", summary="One recipe", **_PLAIN
)
V1_RECIPES_ACTIVATE = recipes.post(
    "activate",
    "/v1/recipes/{recipe_id}",
    Plain(),
    body="v1-recipe-activation",
    ref="§7.1",
    summary="Create a task from a recipe",
    **_PLAIN,
)

hooks = Area("v1.hooks")
V1_HOOKS_STARTUP_DATA = hooks.get(
    "startup_data",
    "/sailor-support/hooks/task/{task_id}/startup/data",
    Plain(),
    ref="§7.4",
    summary="What a task's startup hook stored (runtime-internal)",
    **_PLAIN,
)
V1_HOOKS_SET_STARTUP_DATA = hooks.post(
    "set_startup_data",
    "/sailor-support/hooks/task/{task_id}/startup/data",
    Plain(),
    body="v1-hook-data",
    ref="§7.4",
    summary="Store a task's startup-hook data (runtime-internal)",
    **_PLAIN,
)
V1_HOOKS_DELETE_STARTUP_DATA = hooks.delete(
    "delete_startup_data",
    "/sailor-support/hooks/task/{task_id}/startup/data",
    Plain(),
    ref="§7.4",
    summary="Forget a task's startup-hook data (runtime-internal)",
    **_PLAIN,
)

AREAS = (
    users,
    accounts,
    components,
    repos,
    resources,
    exec_,
    sshkeys,
    tasks,
    teams,
    recipes,
    hooks,
)
"""The v1 areas, in the order of ``client.v1``'s namespaces."""
