"""Typed models of the platform's resources, structured from JSON:API documents."""

from elasticio.models._auth import AuthClient, AuthSecret
from elasticio.models._components import (
    Component,
    ComponentDescriptor,
    ComponentEnv,
    ComponentVersion,
)
from elasticio.models._contracts import (
    Contract,
    ContractInvite,
    ContractMember,
    ContractPolicy,
    ContractRole,
)
from elasticio.models._credentials import Credential
from elasticio.models._data_samples import DataSample
from elasticio.models._executions import Execution, ExecutionResult
from elasticio.models._flow_activity import FlowSubscription, ThreadStats, ThreadStatsDay
from elasticio.models._flows import (
    Flow,
    FlowDraft,
    FlowEdge,
    FlowGraph,
    FlowNode,
    FlowVersion,
    Snapshot,
)
from elasticio.models._logs import LogLine, LogPage
from elasticio.models._quota_usages import MessagesUsage, QuotaLimits, QuotaUsage
from elasticio.models._recipes import Recipe, RecipeActivation, RecipeDeployment, RecipeVisibility
from elasticio.models._resources import SignedUrl
from elasticio.models._sshkeys import SSHKey
from elasticio.models._sso import OAuthClient, OpenIDProvider, SAMLProvider
from elasticio.models._stats import (
    FlowComponentStats,
    FlowQueueStats,
    FlowStats,
    StepQueueStats,
    WorkspaceStats,
)
from elasticio.models._teams import Team
from elasticio.models._tenants import (
    PermissionSet,
    Tenant,
    TenantCertificate,
    TenantMember,
    TenantPolicy,
)
from elasticio.models._topics import Topic
from elasticio.models._users import OpenIDIdentity, User
from elasticio.models._v1 import (
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
)
from elasticio.models._workspaces import (
    Workspace,
    WorkspaceInvite,
    WorkspaceMember,
)

__all__ = [
    "AuthClient",
    "AuthSecret",
    "Component",
    "ComponentDescriptor",
    "ComponentEnv",
    "ComponentVersion",
    "Contract",
    "ContractInvite",
    "ContractMember",
    "ContractPolicy",
    "ContractRole",
    "Credential",
    "DataSample",
    "Execution",
    "ExecutionResult",
    "Flow",
    "FlowComponentStats",
    "FlowDraft",
    "FlowEdge",
    "FlowGraph",
    "FlowNode",
    "FlowQueueStats",
    "FlowStats",
    "FlowSubscription",
    "FlowVersion",
    "LogLine",
    "LogPage",
    "MessagesUsage",
    "OAuthClient",
    "OpenIDIdentity",
    "OpenIDProvider",
    "PermissionSet",
    "QuotaLimits",
    "QuotaUsage",
    "Recipe",
    "RecipeActivation",
    "RecipeDeployment",
    "RecipeVisibility",
    "SAMLProvider",
    "SSHKey",
    "SignedUrl",
    "Snapshot",
    "StepQueueStats",
    "Team",
    "Tenant",
    "TenantCertificate",
    "TenantMember",
    "TenantPolicy",
    "ThreadStats",
    "ThreadStatsDay",
    "Topic",
    "User",
    "V1Accepted",
    "V1Account",
    "V1Component",
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
]
