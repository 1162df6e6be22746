"""API v2 as documented (digest §3), one entry per endpoint, grouped by client namespace.

``ref`` is the row of the digest's v2 tables; the summaries are ours.
"""

from __future__ import annotations

from elasticio._catalog._entry import Area, Empty, Many, One, Paged, Plain, Polled, Scheduled

__all__ = ["AREAS"]

users = Area("users")
USERS_ME = users.get("me", "/v2/users/me", One("user"), ref="#1", summary="The caller")
USERS_GET = users.get("get", "/v2/users/{user_id}", One("user"), ref="#2", summary="One user")
USERS_LIST = users.get(
    "list", "/v2/users", Paged("user", 50), ref="#3", summary="Every user of the tenant"
)
USERS_CREATE = users.post(
    "create",
    "/v2/users",
    One("user"),
    status=201,
    body="user",
    ref="#4",
    summary="Create a user of the tenant",
)
USERS_DISABLE_TOTP = users.post(
    "disable_totp",
    "/v2/users/{user_id}/disable-totp",
    Empty(),
    ref="#5",
    summary="Turn off a user's two-factor authentication",
)
USERS_DELETE = users.delete(
    "delete",
    "/v2/users/{user_id}",
    Empty(),
    status=204,
    ref="#6",
    summary="Delete a user, and what only they belong to",
)
USERS_ADD_OPENID_IDENTITY = users.post(
    "add_openid_identity",
    "/v2/users/{user_id}/openid/identities",
    One("openid-identity"),
    status=201,
    body="openid-identity",
    ref="#7",
    summary="Link an OpenID identity (issuer and subject) to a user",
)
USERS_REMOVE_OPENID_IDENTITY = users.delete(
    "remove_openid_identity",
    "/v2/users/{user_id}/openid/identities/{identity_id}",
    Empty(),
    status=204,
    ref="#8",
    summary="Unlink an OpenID identity from a user",
)

contracts = Area("contracts")
CONTRACTS_CREATE = contracts.post(
    "create",
    "/v2/contracts",
    One("contract"),
    status=201,
    body="contract",
    ref="#9",
    summary="Create a contract (tenant admins)",
)
CONTRACTS_UPDATE = contracts.patch(
    "update",
    "/v2/contracts/{contract_id}",
    One("contract"),
    body="contract",
    ref="#10",
    summary="Rename a contract, set its roles or custom data",
)
CONTRACTS_GET = contracts.get(
    "get", "/v2/contracts/{contract_id}", One("contract"), ref="#11", summary="One contract"
)
CONTRACTS_LIST = contracts.get(
    "list", "/v2/contracts", Paged("contract", 20), ref="#12", summary="The caller's contracts"
)
CONTRACTS_MEMBERS = contracts.get(
    "members",
    "/v2/contracts/{contract_id}/members",
    Many("contract-member"),
    ref="#13",
    summary="A contract's members and their roles",
)
CONTRACTS_INVITES = contracts.get(
    "invites",
    "/v2/contracts/{contract_id}/invites",
    Many("contract-invite"),
    ref="#14",
    summary="A contract's pending invites",
)
CONTRACTS_ROLES = contracts.get(
    "roles",
    "/v2/contracts/{contract_id}/roles",
    One("contract-policy"),
    ref="#15",
    summary="The roles of a contract and their permissions",
)
CONTRACTS_INVITE = contracts.post(
    "invite",
    "/v2/contracts/{contract_id}/invites",
    One("contract-invite"),
    body="contract-invite",
    ref="#16",
    summary="Invite someone to a contract by email",
)
CONTRACTS_UPDATE_INVITE = contracts.patch(
    "update_invite",
    "/v2/contracts/{contract_id}/invites/{invite_id}",
    One("contract-invite"),
    body="contract-invite",
    ref="#17",
    summary="Change the roles of a pending invite",
)
CONTRACTS_REVOKE_INVITE = contracts.delete(
    "revoke_invite",
    "/v2/contracts/{contract_id}/invites/{invite_id}",
    Empty(),
    status=204,
    ref="#18",
    summary="Revoke a pending invite",
)
CONTRACTS_ADD_MEMBER = contracts.post(
    "add_member",
    "/v2/contracts/{contract_id}/members",
    One("contract-member"),
    body="contract-member",
    ref="#19",
    summary="Add a user to a contract without an invite (tenant admins)",
)
CONTRACTS_UPDATE_MEMBER = contracts.patch(
    "update_member",
    "/v2/contracts/{contract_id}/members/{user_id}",
    One("contract-member"),
    body="contract-member",
    ref="#20",
    summary="Change a member's contract roles",
)
CONTRACTS_REMOVE_MEMBER = contracts.delete(
    "remove_member",
    "/v2/contracts/{contract_id}/members/{user_id}",
    Empty(),
    status=204,
    ref="#21",
    summary="Remove a member (never the last owner)",
)
CONTRACTS_SUSPEND = contracts.post(
    "suspend",
    "/v2/contracts/{contract_id}/suspend",
    Empty(),
    status=202,
    ref="#22",
    summary="Suspend a contract: stop its flows, refuse writes",
)
CONTRACTS_UNSUSPEND = contracts.post(
    "unsuspend",
    "/v2/contracts/{contract_id}/unsuspend",
    Empty(),
    status=204,
    ref="#23",
    summary="Lift a contract's suspension",
)
CONTRACTS_DELETE = contracts.delete(
    "delete",
    "/v2/contracts/{contract_id}",
    Empty(),
    status=204,
    ref="#24",
    summary="Delete a contract and everything in it (tenant admins)",
)

workspaces = Area("workspaces")
WORKSPACES_GET = workspaces.get(
    "get", "/v2/workspaces/{workspace_id}", One("workspace"), ref="#25", summary="One workspace"
)
WORKSPACES_LIST = workspaces.get(
    "list",
    "/v2/workspaces",
    Paged("workspace", 20),
    ref="#26",
    summary="The caller's workspaces",
)
WORKSPACES_MEMBERS = workspaces.get(
    "members",
    "/v2/workspaces/{workspace_id}/members",
    Many("member"),
    ref="#27",
    summary="A workspace's members and their roles",
)
WORKSPACES_ADD_MEMBER = workspaces.post(
    "add_member",
    "/v2/workspaces/{workspace_id}/members",
    One("member"),
    body="member",
    ref="#30",
    summary="Add a contract member to a workspace",
)
WORKSPACES_CREATE = workspaces.post(
    "create",
    "/v2/workspaces",
    One("workspace"),
    body="workspace",
    ref="#28",
    summary="Create a workspace in a contract",
)
WORKSPACES_UPDATE = workspaces.patch(
    "update",
    "/v2/workspaces/{workspace_id}",
    One("workspace"),
    body="workspace",
    ref="#29",
    summary="Rename a workspace or change its type",
)
WORKSPACES_UPDATE_MEMBER = workspaces.patch(
    "update_member",
    "/v2/workspaces/{workspace_id}/members/{user_id}",
    One("member"),
    body="member",
    ref="#31",
    summary="Change a member's workspace roles",
)
WORKSPACES_REMOVE_MEMBER = workspaces.delete(
    "remove_member",
    "/v2/workspaces/{workspace_id}/members/{user_id}",
    Empty(),
    status=204,
    ref="#32",
    summary="Remove a member; their flows, credentials and samples pass to the caller",
)
WORKSPACES_ADD_SUPPORT = workspaces.patch(
    "add_support",
    "/v2/workspaces/{workspace_id}/members/support",
    One("member"),
    ref="#33",
    summary="Make the support user an owner of the workspace",
)
WORKSPACES_REMOVE_SUPPORT = workspaces.delete(
    "remove_support",
    "/v2/workspaces/{workspace_id}/members/support",
    Empty(),
    status=204,
    ref="#34",
    summary="Remove the support user from the workspace",
)
WORKSPACES_DELETE = workspaces.delete(
    "delete",
    "/v2/workspaces/{workspace_id}",
    Empty(),
    status=204,
    ref="#35",
    summary="Delete a workspace with its flows, credentials, samples and topics",
)

teams = Area("teams")
TEAMS_LIST = teams.get("list", "/v2/teams", Many("team"), ref="#36", summary="A contract's teams")
TEAMS_GET = teams.get("get", "/v2/teams/{team_id}", One("team"), ref="#37", summary="One team")
TEAMS_CREATE = teams.post(
    "create",
    "/v2/teams",
    One("team"),
    status=201,
    body="team",
    ref="#38",
    summary="Create a team in a contract",
)
TEAMS_UPDATE = teams.patch(
    "update",
    "/v2/teams/{team_id}",
    One("team"),
    body="team",
    ref="#39",
    summary="Set a team's docker registry",
)
TEAMS_ADD_MEMBER = teams.post(
    "add_member",
    "/v2/teams/{team_id}/relationships/members",
    One("team"),
    body="user",
    ref="#40",
    summary="Add a contract member to a team",
)
TEAMS_REMOVE_MEMBER = teams.delete(
    "remove_member",
    "/v2/teams/{team_id}/relationships/members",
    Empty(),
    status=204,
    body="user",
    ref="#41",
    summary="Remove a member from a team",
)
TEAMS_DELETE = teams.delete(
    "delete",
    "/v2/teams/{team_id}",
    Empty(),
    status=204,
    ref="#42",
    summary="Delete a team without repositories",
)

components = Area("components")
COMPONENTS_LIST = components.get(
    "list",
    "/v2/components",
    Many("component"),
    ref="#43",
    summary="Components a contract can use",
)
COMPONENTS_LIST_IN_WORKSPACE = components.get(
    "list_in_workspace",
    "/v2/workspace/{workspace_id}/components",
    Many("component"),
    ref="#44",
    summary="Components a workspace can use (whitelist-aware)",
)
COMPONENTS_LIST_ALL = components.get(
    "list_all",
    "/v2/components/all",
    Many("component"),
    ref="#45",
    summary="Every component of the tenant",
)
COMPONENTS_GET = components.get(
    "get",
    "/v2/components/{component_id}",
    One("component"),
    ref="#46",
    summary="One component with its latest version",
)
COMPONENTS_GET_IN_WORKSPACE = components.get(
    "get_in_workspace",
    "/v2/workspace/{workspace_id}/components/{component_id}",
    One("component"),
    ref="#47",
    summary="One component, whitelist-aware",
)
COMPONENTS_VERSIONS = components.get(
    "versions",
    "/v2/components/{component_id}/versions",
    Many("version"),
    ref="#48",
    summary="A component's builds",
)
COMPONENTS_DESCRIPTOR = components.get(
    "descriptor",
    "/v2/components/{component_id}/versions/{revision}/descriptor",
    One("descriptor"),
    ref="#49",
    summary="The component.json of one build",
)
COMPONENTS_CREATE = components.post(
    "create",
    "/v2/components",
    One("component"),
    status=201,
    body="component",
    ref="#50",
    summary="Create a component repository",
)
COMPONENTS_UPDATE = components.patch(
    "update",
    "/v2/components/{component_id}",
    One("component"),
    body="component",
    ref="#51",
    summary="Raise access or set the contract whitelist",
)
COMPONENTS_DELETE = components.delete(
    "delete",
    "/v2/components/{component_id}",
    Empty(),
    status=204,
    ref="#52",
    summary="Delete an unused component",
)
COMPONENTS_DELETE_VERSION = components.delete(
    "delete_version",
    "/v2/components/{component_id}/versions/{revision}",
    Empty(),
    status=204,
    ref="#53",
    summary="Delete an unused build",
)
COMPONENTS_GET_ENV = components.get(
    "get_env",
    "/v2/components/{component_id}/env",
    One("component-env"),
    ref="#54",
    summary="A component's environment variables",
)
COMPONENTS_SET_ENV = components.put(
    "set_env",
    "/v2/components/{component_id}/env",
    One("component-env"),
    body="component-env",
    ref="#55",
    summary="Replace a component's environment variables",
)
COMPONENTS_DOCKER_PULL = components.post(
    "docker_pull",
    "/v2/components/{component_id}/docker-pull/{revision}",
    Empty(),
    ref="#56",
    summary="Pull a build again from the external registry",
)
COMPONENTS_DOCKER_PULL_LATEST = components.post(
    "docker_pull_latest",
    "/v2/components/{component_id}/docker-pull",
    Empty(),
    ref="#56",
    summary="Pull the latest build again (the version left out)",
)

credentials = Area("credentials")
CREDENTIALS_LIST = credentials.get(
    "list", "/v2/credentials", Many("credential"), ref="#57", summary="A workspace's credentials"
)
CREDENTIALS_GET = credentials.get(
    "get",
    "/v2/credentials/{credential_id}",
    One("credential"),
    ref="#58",
    summary="One credential, secrets included",
)
CREDENTIALS_CREATE = credentials.post(
    "create",
    "/v2/credentials",
    One("credential"),
    status=201,
    body="credential",
    ref="#59",
    summary="Create a credential",
)
CREDENTIALS_UPDATE = credentials.patch(
    "update",
    "/v2/credentials/{credential_id}",
    One("credential"),
    body="credential",
    ref="#60",
    summary="Rename a credential or replace its keys",
)
CREDENTIALS_DELETE = credentials.delete(
    "delete",
    "/v2/credentials/{credential_id}",
    Empty(),
    status=204,
    ref="#61",
    summary="Delete a credential",
)

auth_clients = Area("auth_clients")
AUTH_CLIENTS_LIST = auth_clients.get(
    "list",
    "/v2/auth-clients",
    Many("auth-client"),
    ref="#62",
    summary="The auth clients available in a scope (global only without one)",
)
AUTH_CLIENTS_CREATE = auth_clients.post(
    "create",
    "/v2/auth-clients",
    One("auth-client"),
    status=201,
    body="auth-client",
    ref="#63",
    summary="Register an OAuth2 (or other) client, globally or in a scope",
)
AUTH_CLIENTS_GET = auth_clients.get(
    "get",
    "/v2/auth-clients/{auth_client_id}",
    One("auth-client"),
    ref="#64",
    summary="One auth client, seen from a scope",
)
AUTH_CLIENTS_UPDATE = auth_clients.patch(
    "update",
    "/v2/auth-clients/{auth_client_id}",
    One("auth-client"),
    body="auth-client",
    ref="#65",
    summary="Rename an auth client, change its secret or expiry, or its components",
)
AUTH_CLIENTS_DELETE = auth_clients.delete(
    "delete",
    "/v2/auth-clients/{auth_client_id}",
    Empty(),
    status=204,
    ref="#66",
    summary="Delete an auth client no secret uses",
)

secrets = Area("secrets")
SECRETS_LIST = secrets.get(
    "list",
    "/v2/workspaces/{workspace_id}/secrets",
    Many("auth-secret"),
    ref="#67",
    summary="A workspace's auth secrets, by user or auth client",
)
SECRETS_CREATE = secrets.post(
    "create",
    "/v2/workspaces/{workspace_id}/secrets",
    One("auth-secret"),
    status=201,
    body="auth-secret",
    ref="#68",
    summary="Create an auth secret for an auth client",
)
SECRETS_REFRESH = secrets.post(
    "refresh",
    "/v2/workspaces/{workspace_id}/secrets/{secret_id}/refresh",
    One("auth-secret"),
    ref="#69",
    summary="Refresh a secret's access token now",
)
SECRETS_GET = secrets.get(
    "get",
    "/v2/workspaces/{workspace_id}/secrets/{secret_id}",
    One("auth-secret"),
    ref="#70",
    summary="One auth secret, tokens included",
)
SECRETS_UPDATE = secrets.patch(
    "update",
    "/v2/workspaces/{workspace_id}/secrets/{secret_id}",
    One("auth-secret"),
    body="auth-secret",
    ref="#71",
    summary="Rename a secret, set its state or replace its credentials",
)
SECRETS_DELETE = secrets.delete(
    "delete",
    "/v2/workspaces/{workspace_id}/secrets/{secret_id}",
    Empty(),
    status=204,
    ref="#72",
    summary="Delete an auth secret",
)

flows = Area("flows")
FLOWS_LIST = flows.get(
    "list", "/v2/flows", Paged("flow", 50), ref="#73", summary="A workspace's flows"
)
FLOWS_GET = flows.get("get", "/v2/flows/{flow_id}", One("flow"), ref="#74", summary="One flow")
FLOWS_CREATE = flows.post(
    "create",
    "/v2/flows",
    One("flow"),
    status=201,
    body="flow",
    ref="#75",
    summary="Create an inactive flow",
)
FLOWS_UPDATE = flows.patch(
    "update",
    "/v2/flows/{flow_id}",
    One("flow"),
    body="flow",
    ref="#76",
    summary="Change a flow (a new version)",
)
FLOWS_START = flows.post(
    "start", "/v2/flows/{flow_id}/start", One("flow"), status=202, ref="#77", summary="Start"
)
FLOWS_STOP = flows.post(
    "stop", "/v2/flows/{flow_id}/stop", Empty(), status=202, ref="#78", summary="Stop"
)
FLOWS_DELETE = flows.delete(
    "delete", "/v2/flows/{flow_id}", Empty(), status=204, ref="#79", summary="Delete a flow"
)
FLOWS_COPY = flows.post(
    "copy",
    "/v2/flows/{flow_id}/copy",
    One("flow"),
    status=201,
    body="flow-copy",
    ref="#80",
    summary="Copy into another flow's draft",
)
FLOWS_GET_DRAFT = flows.get(
    "get_draft", "/v2/flows/{flow_id}/draft", One("flow-draft"), ref="#81", summary="The draft"
)
FLOWS_PUT_DRAFT = flows.put(
    "put_draft",
    "/v2/flows/{flow_id}/draft",
    One("flow-draft"),
    body="flow-draft",
    ref="#82",
    summary="Create or replace the draft",
)
FLOWS_DELETE_DRAFT = flows.delete(
    "delete_draft",
    "/v2/flows/{flow_id}/draft",
    Empty(),
    status=204,
    ref="#83",
    summary="Discard the draft",
)
FLOWS_VERSIONS = flows.get(
    "versions",
    "/v2/flows/{flow_id}/versions",
    Paged("flow-version", 50),
    ref="#84",
    summary="A flow's history",
)
FLOWS_VERSION = flows.get(
    "version",
    "/v2/flows/{flow_id}/versions/{version_hash}",
    One("flow-version"),
    ref="#85",
    summary="One version",
)
FLOWS_SNAPSHOTS = flows.get(
    "snapshots",
    "/v2/flows/{flow_id}/snapshots",
    Many("snapshot"),
    ref="#95",
    summary="Every step's snapshot",
)
FLOWS_GET_SNAPSHOT = flows.get(
    "get_snapshot",
    "/v2/flows/{flow_id}/snapshots/{step_id}",
    One("snapshot"),
    ref="#96",
    summary="One step's snapshot",
)
FLOWS_UPDATE_SNAPSHOT = flows.patch(
    "update_snapshot",
    "/v2/flows/{flow_id}/snapshots/{step_id}",
    One("snapshot"),
    body="snapshot",
    ref="#97",
    summary="Replace a step's snapshot",
)
FLOWS_CREATE_SNAPSHOT = flows.post(
    "create_snapshot",
    "/v2/flows/{flow_id}/snapshots",
    One("snapshot"),
    status=201,
    body="snapshot",
    ref="#98",
    summary="Store a snapshot for a step",
)
FLOWS_DELETE_SNAPSHOT = flows.delete(
    "delete_snapshot",
    "/v2/flows/{flow_id}/snapshots/{step_id}",
    Empty(),
    status=204,
    ref="#99",
    summary="Remove a step's snapshot",
)
# Known from the OpenAPI draft (§4.4) and from release notes after 2022 (§4.5): their
# request and answer shapes are unverified, each modelled on its nearest documented sibling.
FLOWS_RUN_NOW = flows.post(
    "run_now",
    "/v2/flows/{flow_id}/run-now",
    Empty(),
    status=202,
    ref="§4.4",
    summary="Run an active flow once, now (shape as for stop)",
)
FLOWS_SUSPEND = flows.post(
    "suspend",
    "/v2/flows/{flow_id}/suspend",
    Empty(),
    status=202,
    ref="§4.4",
    summary="Suspend an active flow (shape as for stop)",
)
FLOWS_LIST_DELETED = flows.get(
    "list_deleted",
    "/v2/flows/deleted",
    Paged("flow", 50),
    ref="§4.5",
    summary="A workspace's flows deleted lately (shape as for the flow list)",
)
FLOWS_RESTORE = flows.post(
    "restore",
    "/v2/flows/{flow_id}/restore",
    One("flow"),
    ref="§4.5",
    summary="Restore a flow deleted lately (answer as for get)",
)
FLOWS_SUBSCRIPTIONS = flows.get(
    "subscriptions",
    "/v2/flows/{flow_id}/subscriptions",
    Many("flow-subscription"),
    ref="§4.5",
    summary="Who gets a flow's error notifications (shape as for snapshots)",
)
FLOWS_SUBSCRIBE = flows.post(
    "subscribe",
    "/v2/flows/{flow_id}/subscriptions",
    One("flow-subscription"),
    status=201,
    body="flow-subscription",
    ref="§4.5",
    summary="Subscribe to a flow's error notifications (shape as for snapshots)",
)
FLOWS_UNSUBSCRIBE = flows.delete(
    "unsubscribe",
    "/v2/flows/{flow_id}/subscriptions/{subscription_id}",
    Empty(),
    status=204,
    ref="§4.5",
    summary="End an error subscription (as for a snapshot)",
)
FLOWS_THREAD_STATS = flows.get(
    "thread_stats",
    "/v2/threads/stats",
    One("thread-stats"),
    ref="§4.5",
    summary="Messages per day of a workspace's flows (shape as for queue stats)",
)

executions = Area("executions")
EXECUTIONS_VERIFY_CREDENTIAL = executions.post(
    "verify_credential",
    "/v2/components/{component_id}/versions/{version}/verify-credential",
    Scheduled("execution-result"),
    status=202,
    body="verify-credential",
    ref="#86",
    summary="Schedule a credential check",
)
EXECUTIONS_DYNAMIC_METADATA = executions.post(
    "dynamic_metadata",
    "/v2/components/{component_id}/versions/{version}/dynamic-metadata",
    Scheduled("execution-result"),
    status=202,
    body="dynamic-metadata",
    ref="#87",
    summary="Schedule a module's metadata",
)
EXECUTIONS_SELECT_MODEL = executions.post(
    "select_model",
    "/v2/components/{component_id}/versions/{version}/select-model",
    Scheduled("execution-result"),
    status=202,
    body="select-model",
    ref="#88",
    summary="Schedule a select field's options",
)
EXECUTIONS_POLL = executions.get(
    "poll",
    "/v2/exec/poll/{execution_id}",
    Polled(),
    ref="#89",
    summary="Is the execution done? (303 to the result)",
)
EXECUTIONS_RESULT = executions.get(
    "result",
    "/v2/exec/result/{execution_id}",
    One("execution-result"),
    ref="#90",
    summary="The execution's result (409 until ready)",
)

data_samples = Area("data_samples")
DATA_SAMPLES_GET = data_samples.get(
    "get",
    "/v2/data-samples/{data_sample_id}",
    One("data-sample"),
    ref="#91",
    summary="One data sample",
)
DATA_SAMPLES_LIST = data_samples.get(
    "list", "/v2/data-samples", Many("data-sample"), ref="#92", summary="Several by id"
)
DATA_SAMPLES_CREATE = data_samples.post(
    "create",
    "/v2/data-samples",
    One("data-sample"),
    status=201,
    body="data-sample",
    ref="#93",
    summary="Record a sample",
)
DATA_SAMPLES_UPDATE = data_samples.patch(
    "update",
    "/v2/data-samples/{data_sample_id}",
    One("data-sample"),
    body="data-sample",
    ref="#94",
    summary="Replace a sample's result",
)

topics = Area("topics")
TOPICS_CREATE = topics.post(
    "create",
    "/v2/workspaces/{workspace_id}/topics",
    One("topic"),
    status=201,
    body="topic",
    ref="#100",
    summary="Create a Pub/Sub topic",
)
TOPICS_GET = topics.get(
    "get",
    "/v2/workspaces/{workspace_id}/topics/{topic_id}",
    One("topic"),
    ref="#101",
    summary="One topic",
)
TOPICS_LIST = topics.get(
    "list",
    "/v2/workspaces/{workspace_id}/topics",
    Many("topic"),
    ref="#102",
    summary="A workspace's topics, by name with search",
)
TOPICS_UPDATE = topics.patch(
    "update",
    "/v2/workspaces/{workspace_id}/topics/{topic_id}",
    One("topic"),
    body="topic",
    ref="#103",
    summary="Rename a topic or replace its schema",
)
TOPICS_DELETE = topics.delete(
    "delete",
    "/v2/workspaces/{workspace_id}/topics/{topic_id}",
    Empty(),
    status=204,
    ref="#104",
    summary="Delete a topic",
)

_PLAIN = {"codec": "plain"}

logs = Area("logs")
LOGS_LIST = logs.get(
    "list", "/v2/logs", Plain(), ref="#113", summary="A workspace's log lines", **_PLAIN
)

platform_stats = Area("platform_stats")
PLATFORM_STATS_QUEUES = platform_stats.get(
    "queues",
    "/v2/stats/queues/{flow_id}",
    One("flow-queue-stats"),
    ref="#114",
    summary="Messages waiting in the input queue of each step of a flow",
)
PLATFORM_STATS_WORKSPACES = platform_stats.get(
    "workspaces",
    "/v2/stats/workspaces",
    Many("workspace-stats"),
    ref="#115",
    summary="Workspaces with their flows and the components the flows use",
)

quota_usages = Area("quota_usages")
QUOTA_USAGES_CONTRACT = quota_usages.get(
    "contract",
    "/v2/quota-usages/contracts/{contract_id}",
    Plain(),
    ref="#116",
    summary="Memory and CPU a contract used in a period",
    **_PLAIN,
)
QUOTA_USAGES_CONTRACT_HISTORY = quota_usages.get(
    "contract_history",
    "/v2/quota-usages/contracts/{contract_id}/history",
    Plain(),
    ref="#117",
    summary="A contract's usage day by day (or month by month)",
    **_PLAIN,
)
QUOTA_USAGES_WORKSPACE = quota_usages.get(
    "workspace",
    "/v2/quota-usages/workspaces/{workspace_id}",
    Plain(),
    ref="#118",
    summary="Memory, CPU and flows of a workspace in a period",
    **_PLAIN,
)
QUOTA_USAGES_WORKSPACE_HISTORY = quota_usages.get(
    "workspace_history",
    "/v2/quota-usages/workspaces/{workspace_id}/history",
    Plain(),
    ref="#119",
    summary="A workspace's usage day by day (or month by month)",
    **_PLAIN,
)
QUOTA_USAGES_WORKSPACE_FLOWS = quota_usages.get(
    "workspace_flows",
    "/v2/quota-usages/workspaces/{workspace_id}/flows",
    Plain(),
    ref="#120",
    summary="The usage of each flow of a workspace in a period",
    **_PLAIN,
)
QUOTA_USAGES_FLOW_HISTORY = quota_usages.get(
    "flow_history",
    "/v2/quota-usages/flows/{flow_id}/history",
    Plain(),
    ref="#121",
    summary="A flow's usage day by day (or month by month)",
    **_PLAIN,
)
QUOTA_USAGES_LIMITS = quota_usages.get(
    "limits",
    "/v2/quotas/limits",
    Plain(),
    ref="§4.5",
    summary="A contract's monthly quota limits (shape unverified: as for #116)",
    **_PLAIN,
)
QUOTA_USAGES_USAGES = quota_usages.get(
    "usages",
    "/v2/quotas/usages",
    Plain(),
    ref="§4.5",
    summary="What a contract used of its quotas this month (shape unverified: as for #116)",
    **_PLAIN,
)
QUOTA_USAGES_MESSAGES_HISTORY = quota_usages.get(
    "messages_history",
    "/v2/runtime-quota-usages/contracts/{contract_id}/messages-usage/history",
    Plain(),
    ref="§4.5",
    summary="A contract's messages day by day or month by month (shape unverified: as for #117)",
    **_PLAIN,
)

resources = Area("resources")
RESOURCES_STORAGE_SIGNED_URL = resources.post(
    "storage_signed_url",
    "/v2/resources/storage/signed-url",
    Plain(),
    ref="#122",
    summary="A signed URL pair to put and get an attachment",
    **_PLAIN,
)

ssh_keys = Area("ssh_keys")
SSH_KEYS_LIST = ssh_keys.get(
    "list", "/v2/sshkeys", Many("sshkey"), ref="#123", summary="The caller's SSH keys"
)
SSH_KEYS_CREATE = ssh_keys.post(
    "create",
    "/v2/sshkeys",
    One("sshkey"),
    status=201,
    body="sshkey",
    ref="#124",
    summary="Add an SSH key",
)
SSH_KEYS_DELETE = ssh_keys.delete(
    "delete", "/v2/sshkeys/{key_id}", Empty(), status=204, ref="#125", summary="Remove an SSH key"
)

tenants = Area("tenants")
TENANTS_CREATE = tenants.post(
    "create",
    "/v2/tenants",
    One("tenant"),
    status=201,
    body="tenant",
    ref="#126",
    summary="Create a tenant: its domains, branding and feature flags",
)
TENANTS_UPDATE = tenants.patch(
    "update",
    "/v2/tenants/{tenant_id}",
    One("tenant"),
    body="tenant",
    ref="#127",
    summary="Change a tenant's attributes",
)
TENANTS_LIST = tenants.get("list", "/v2/tenants", Many("tenant"), ref="#128", summary="The tenants")
TENANTS_GET = tenants.get(
    "get", "/v2/tenants/{tenant_id}", One("tenant"), ref="#129", summary="One tenant"
)
TENANTS_DELETE = tenants.delete(
    "delete",
    "/v2/tenants/{tenant_id}",
    Empty(),
    status=204,
    ref="#130",
    summary="Delete a tenant that has no contracts",
)
TENANTS_ROLES = tenants.get(
    "roles",
    "/v2/tenants/{tenant_id}/roles",
    One("tenant-policy"),
    ref="#131",
    summary="The roles of a tenant and their permissions",
)
TENANTS_UPDATE_ROLES = tenants.patch(
    "update_roles",
    "/v2/tenants/{tenant_id}/roles",
    One("tenant-policy"),
    body="tenant-policy",
    ref="#132",
    summary="Replace the roles of a tenant",
)
TENANTS_UPDATE_MEMBER = tenants.patch(
    "update_member",
    "/v2/tenants/{tenant_id}/members/{user_id}",
    One("tenant-member"),
    body="tenant-member",
    ref="#138",
    summary="Grant (roles tenant-admin) or revoke (no roles) Tenant Admin",
)

permissions = Area("permissions")
PERMISSIONS_GET = permissions.get(
    "get",
    "/v2/permissions",
    One("permissions"),
    ref="#133",
    summary="Every permission a role can grant (service permissions left out)",
)

tenant_certificates = Area("tenant_certificates")
TENANT_CERTIFICATES_CREATE = tenant_certificates.post(
    "create",
    "/v2/tenants/{tenant_id}/certificates",
    One("certificate"),
    status=201,
    body="certificate",
    ref="#134",
    summary="Add an SSL certificate (JSON, or a multipart/form-data PEM file)",
)
TENANT_CERTIFICATES_GET = tenant_certificates.get(
    "get",
    "/v2/tenants/{tenant_id}/certificates/{certificate_id}",
    One("certificate"),
    ref="#135",
    summary="An SSL certificate's metadata (never its keys)",
)
TENANT_CERTIFICATES_UPDATE = tenant_certificates.patch(
    "update",
    "/v2/tenants/{tenant_id}/certificates/{certificate_id}",
    One("certificate"),
    body="certificate",
    ref="#136",
    summary="Replace an SSL certificate and its key",
)
TENANT_CERTIFICATES_DELETE = tenant_certificates.delete(
    "delete",
    "/v2/tenants/{tenant_id}/certificates/{certificate_id}",
    Empty(),
    status=204,
    ref="#137",
    summary="Delete an SSL certificate",
)

oauth_clients = Area("oauth_clients")
OAUTH_CLIENTS_CREATE = oauth_clients.post(
    "create",
    "/v2/tenants/{tenant_id}/oauth-clients",
    One("oauth-client"),
    status=201,
    body="oauth-client",
    ref="#139",
    summary="Add a tenant's OAuth client for a component (one per component)",
)
OAUTH_CLIENTS_LIST = oauth_clients.get(
    "list",
    "/v2/tenants/{tenant_id}/oauth-clients",
    Many("oauth-client"),
    ref="#140",
    summary="A tenant's OAuth clients, by component",
)
OAUTH_CLIENTS_GET = oauth_clients.get(
    "get",
    "/v2/tenants/{tenant_id}/oauth-clients/{oauth_client_id}",
    One("oauth-client"),
    ref="#141",
    summary="One OAuth client of a tenant",
)
OAUTH_CLIENTS_UPDATE = oauth_clients.patch(
    "update",
    "/v2/tenants/{tenant_id}/oauth-clients/{oauth_client_id}",
    One("oauth-client"),
    body="oauth-client",
    ref="#142",
    summary="Change an OAuth client's id, secret or component",
)
OAUTH_CLIENTS_DELETE = oauth_clients.delete(
    "delete",
    "/v2/tenants/{tenant_id}/oauth-clients/{oauth_client_id}",
    Empty(),
    status=204,
    ref="#143",
    summary="Delete an OAuth client of a tenant",
)

openid_providers = Area("openid_providers")
OPENID_PROVIDERS_CREATE = openid_providers.post(
    "create",
    "/v2/tenants/{tenant_id}/openid/providers",
    One("openid-provider"),
    status=201,
    body="openid-provider",
    ref="#144",
    summary="Add an OpenID Connect provider to a tenant",
)
OPENID_PROVIDERS_LIST = openid_providers.get(
    "list",
    "/v2/tenants/{tenant_id}/openid/providers",
    Many("openid-provider"),
    ref="#145",
    summary="A tenant's OpenID Connect providers",
)
OPENID_PROVIDERS_GET = openid_providers.get(
    "get",
    "/v2/tenants/{tenant_id}/openid/providers/{provider_id}",
    One("openid-provider"),
    ref="#146",
    summary="One OpenID Connect provider",
)
OPENID_PROVIDERS_UPDATE = openid_providers.patch(
    "update",
    "/v2/tenants/{tenant_id}/openid/providers/{provider_id}",
    One("openid-provider"),
    body="openid-provider",
    ref="#147",
    summary="Change an OpenID Connect provider",
)
OPENID_PROVIDERS_DELETE = openid_providers.delete(
    "delete",
    "/v2/tenants/{tenant_id}/openid/providers/{provider_id}",
    Empty(),
    status=204,
    ref="#148",
    summary="Delete an OpenID Connect provider",
)

saml_providers = Area("saml_providers")
SAML_PROVIDERS_CREATE = saml_providers.post(
    "create",
    "/v2/tenants/{tenant_id}/saml/providers",
    One("saml-provider"),
    status=201,
    body="saml-provider",
    ref="#149",
    summary="Add a SAML 2.0 identity provider to a tenant",
)
SAML_PROVIDERS_LIST = saml_providers.get(
    "list",
    "/v2/tenants/{tenant_id}/saml/providers",
    Many("saml-provider"),
    ref="#150",
    summary="A tenant's SAML 2.0 identity providers",
)
SAML_PROVIDERS_GET = saml_providers.get(
    "get",
    "/v2/tenants/{tenant_id}/saml/providers/{provider_id}",
    One("saml-provider"),
    ref="#151",
    summary="One SAML 2.0 identity provider",
)
SAML_PROVIDERS_UPDATE = saml_providers.patch(
    "update",
    "/v2/tenants/{tenant_id}/saml/providers/{provider_id}",
    One("saml-provider"),
    body="saml-provider",
    ref="#152",
    summary="Change a SAML 2.0 identity provider",
)
SAML_PROVIDERS_DELETE = saml_providers.delete(
    "delete",
    "/v2/tenants/{tenant_id}/saml/providers/{provider_id}",
    Empty(),
    status=204,
    ref="#153",
    summary="Delete a SAML 2.0 identity provider",
)

recipes = Area("recipes")
RECIPES_CREATE = recipes.post(
    "create",
    "/v2/recipes",
    One("recipe"),
    status=201,
    body="recipe",
    ref="#105",
    summary="Create a recipe (visible in its workspace)",
)
RECIPES_EXPORT_FLOW = recipes.post(
    "export_flow",
    "/v2/flows/{flow_id}/export-to-recipe",
    One("recipe"),
    status=201,
    body="flow-export-to-recipe-config",
    ref="#106",
    summary="Make a recipe of a flow (the documented path)",
)
RECIPES_EXPORT = recipes.post(
    "export",
    "/v2/flows/export-to-recipe",
    One("recipe"),
    status=201,
    body="flow-export-to-recipe-config",
    ref="§4.5",
    summary="Make a recipe of a flow (the path since 2023)",
)
RECIPES_GET = recipes.get(
    "get", "/v2/recipes/{recipe_id}", One("recipe"), ref="#107", summary="One recipe"
)
RECIPES_LIST = recipes.get(
    "list",
    "/v2/recipes",
    Paged("recipe", 50),
    ref="#108",
    summary="The recipes a workspace may use, with search and their deployments",
)
RECIPES_UPDATE = recipes.patch(
    "update",
    "/v2/recipes/{recipe_id}",
    One("recipe"),
    body="recipe",
    ref="#109",
    summary="Change a recipe's info, declarations or flow templates",
)
# The body is {"data": {"visibility": ...}}, not a JSON:API resource: it has no type.
RECIPES_SET_VISIBILITY = recipes.patch(
    "set_visibility",
    "/v2/recipes/{recipe_id}/visibility",
    One("recipe"),
    ref="#110",
    summary="Share a recipe with its contract, the tenant or everyone (or no longer)",
)
# The answer lists the new flows in a "data" object that is no resource: plain JSON.
RECIPES_ACTIVATE = recipes.post(
    "activate",
    "/v2/recipes/{recipe_id}/activate",
    Plain(),
    status=201,
    body="recipe-activation-config",
    codec="plain",
    ref="#111",
    summary="Create flows from a recipe's templates",
)
RECIPES_DELETE = recipes.delete(
    "delete",
    "/v2/recipes/{recipe_id}",
    Empty(),
    status=204,
    ref="#112",
    summary="Delete a recipe that is not shared",
)
RECIPES_SYNC_DEPLOYMENT = recipes.post(
    "sync_deployment",
    "/v2/recipe-deployments/{deployment_id}/sync",
    One("recipe-deployment"),
    ref="§4.5",
    summary="Bring a deployment's flows up to its recipe's templates",
)
RECIPES_DELETE_DEPLOYMENT = recipes.delete(
    "delete_deployment",
    "/v2/recipe-deployments/{deployment_id}",
    Empty(),
    status=204,
    ref="§4.5",
    summary="Unlink a deployment from its flows (they stay)",
)

AREAS = (
    users,
    contracts,
    workspaces,
    teams,
    components,
    credentials,
    auth_clients,
    secrets,
    flows,
    executions,
    data_samples,
    topics,
    logs,
    platform_stats,
    quota_usages,
    resources,
    ssh_keys,
    tenants,
    permissions,
    tenant_certificates,
    oauth_clients,
    openid_providers,
    saml_providers,
    recipes,
)
