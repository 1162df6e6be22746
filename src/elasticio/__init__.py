"""elasticio: an async Python SDK for the elastic.io integration platform REST API.

Examples:
    >>> from elasticio import AsyncClient
    >>> async with AsyncClient(email="me@example.com", api_key="...") as client:  # doctest: +SKIP
    ...     async for component in client.components.list(contract_id="CONTRACT_ID"):
    ...         print(component.name)
"""

import importlib
import logging
from typing import TYPE_CHECKING, Any

from elasticio._errors import (
    APIConnectionError,
    APIError,
    APIProtocolError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    DecodeError,
    ElasticioError,
    ErrorObject,
    ExecutionFailedError,
    ForeignOriginError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    PollTimeoutError,
    RateLimitError,
    ResponseTooLargeError,
    ServerError,
    UnexpectedStatusError,
    UsageError,
)
from elasticio._literals import (
    ComponentAccess,
    ExecutionKind,
    FlowSort,
    FlowStatus,
    FlowType,
    Include,
    V1ExecutionType,
)

# The rest loads on first use (module __getattr__ below), so that `import elasticio` costs
# little more than its dependencies; type checkers and documentation read these imports.
if TYPE_CHECKING:
    from elasticio._aiohttp import AiohttpTransport
    from elasticio._bulk import BulkResult, Outcome, run_bounded
    from elasticio._client import AsyncClient, ClientStats
    from elasticio._direct.transport import DirectTransport
    from elasticio._http import Response
    from elasticio._options import CallOptions, ListOptions
    from elasticio._pacing import RatePolicy
    from elasticio._pagination import Page, Paginator
    from elasticio._paths import segment
    from elasticio._polling import PollPolicy
    from elasticio._raw import RawResponse
    from elasticio._retry import RetryPolicy
    from elasticio._sync import Client, SyncExecution, SyncPaginator
    from elasticio.jsonapi import UNSET
    from elasticio.models import (
        AuthClient,
        AuthSecret,
        Component,
        ComponentDescriptor,
        ComponentEnv,
        ComponentVersion,
        Contract,
        ContractInvite,
        ContractMember,
        ContractPolicy,
        ContractRole,
        Credential,
        DataSample,
        Execution,
        ExecutionResult,
        Flow,
        FlowComponentStats,
        FlowDraft,
        FlowEdge,
        FlowGraph,
        FlowNode,
        FlowQueueStats,
        FlowStats,
        FlowSubscription,
        FlowVersion,
        LogLine,
        LogPage,
        MessagesUsage,
        OAuthClient,
        OpenIDIdentity,
        OpenIDProvider,
        PermissionSet,
        QuotaLimits,
        QuotaUsage,
        Recipe,
        RecipeActivation,
        RecipeDeployment,
        RecipeVisibility,
        SAMLProvider,
        SignedUrl,
        Snapshot,
        SSHKey,
        StepQueueStats,
        Team,
        Tenant,
        TenantCertificate,
        TenantMember,
        TenantPolicy,
        ThreadStats,
        ThreadStatsDay,
        Topic,
        User,
        V1Accepted,
        V1Account,
        V1Component,
        V1Recipe,
        V1RecipeActivation,
        V1Repo,
        V1SSHKey,
        V1Step,
        V1Task,
        V1Team,
        V1User,
        Workspace,
        WorkspaceInvite,
        WorkspaceMember,
        WorkspaceStats,
    )


__all__ = [
    "UNSET",
    "APIConnectionError",
    "APIError",
    "APIProtocolError",
    "APITimeoutError",
    "AiohttpTransport",
    "AsyncClient",
    "AuthClient",
    "AuthSecret",
    "AuthenticationError",
    "BadRequestError",
    "BulkResult",
    "CallOptions",
    "Client",
    "ClientStats",
    "Component",
    "ComponentAccess",
    "ComponentDescriptor",
    "ComponentEnv",
    "ComponentVersion",
    "ConfigurationError",
    "ConflictError",
    "Contract",
    "ContractInvite",
    "ContractMember",
    "ContractPolicy",
    "ContractRole",
    "Credential",
    "DataSample",
    "DecodeError",
    "DirectTransport",
    "ElasticioError",
    "ErrorObject",
    "Execution",
    "ExecutionFailedError",
    "ExecutionKind",
    "ExecutionResult",
    "Flow",
    "FlowComponentStats",
    "FlowDraft",
    "FlowEdge",
    "FlowGraph",
    "FlowNode",
    "FlowQueueStats",
    "FlowSort",
    "FlowStats",
    "FlowStatus",
    "FlowSubscription",
    "FlowType",
    "FlowVersion",
    "ForeignOriginError",
    "Include",
    "ListOptions",
    "LogLine",
    "LogPage",
    "MessagesUsage",
    "NotFoundError",
    "OAuthClient",
    "OpenIDIdentity",
    "OpenIDProvider",
    "Outcome",
    "Page",
    "PaginationError",
    "Paginator",
    "PermissionDeniedError",
    "PermissionSet",
    "PollPolicy",
    "PollTimeoutError",
    "QuotaLimits",
    "QuotaUsage",
    "RateLimitError",
    "RatePolicy",
    "RawResponse",
    "Recipe",
    "RecipeActivation",
    "RecipeDeployment",
    "RecipeVisibility",
    "Response",
    "ResponseTooLargeError",
    "RetryPolicy",
    "SAMLProvider",
    "SSHKey",
    "ServerError",
    "SignedUrl",
    "Snapshot",
    "StepQueueStats",
    "SyncExecution",
    "SyncPaginator",
    "Team",
    "Tenant",
    "TenantCertificate",
    "TenantMember",
    "TenantPolicy",
    "ThreadStats",
    "ThreadStatsDay",
    "Topic",
    "UnexpectedStatusError",
    "UsageError",
    "User",
    "V1Accepted",
    "V1Account",
    "V1Component",
    "V1ExecutionType",
    "V1Recipe",
    "V1RecipeActivation",
    "V1Repo",
    "V1SSHKey",
    "V1Step",
    "V1Task",
    "V1Team",
    "V1User",
    "Workspace",
    "WorkspaceInvite",
    "WorkspaceMember",
    "WorkspaceStats",
    "run_bounded",
    "segment",
]

# A library logs; the application decides where the lines go.
logging.getLogger("elasticio").addHandler(logging.NullHandler())


# Where the names loaded on first use live; every other name in __all__ is a model.
_LAZY = {
    "AiohttpTransport": "elasticio._aiohttp",
    "AsyncClient": "elasticio._client",
    "BulkResult": "elasticio._bulk",
    "CallOptions": "elasticio._options",
    "ClientStats": "elasticio._client",
    "DirectTransport": "elasticio._direct.transport",
    "ListOptions": "elasticio._options",
    "Outcome": "elasticio._bulk",
    "Page": "elasticio._pagination",
    "Paginator": "elasticio._pagination",
    "PollPolicy": "elasticio._polling",
    "RatePolicy": "elasticio._pacing",
    "RawResponse": "elasticio._raw",
    "Response": "elasticio._http",
    "RetryPolicy": "elasticio._retry",
    "Client": "elasticio._sync",
    "SyncExecution": "elasticio._sync",
    "SyncPaginator": "elasticio._sync",
    "UNSET": "elasticio.jsonapi",
    "run_bounded": "elasticio._bulk",
    "segment": "elasticio._paths",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from elasticio._version import version

        return version()
    if name not in __all__:
        raise AttributeError(f"module 'elasticio' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY.get(name, "elasticio.models")), name)
    globals()[name] = value  # found once; later reads do not come back here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
