"""Resource namespaces of the client, one module per API area."""

from elasticio.resources._auth_clients import AuthClients
from elasticio.resources._components import Components
from elasticio.resources._contracts import Contracts
from elasticio.resources._credentials import Credentials
from elasticio.resources._data_samples import DataSamples
from elasticio.resources._executions import Executions
from elasticio.resources._flows import Flows
from elasticio.resources._logs import Logs
from elasticio.resources._oauth_clients import OAuthClients
from elasticio.resources._permissions import Permissions
from elasticio.resources._quota_usages import QuotaUsages
from elasticio.resources._recipes import Recipes
from elasticio.resources._resources import Resources
from elasticio.resources._secrets import Secrets
from elasticio.resources._sshkeys import SSHKeys
from elasticio.resources._sso_providers import OpenIDProviders, SAMLProviders
from elasticio.resources._stats import PlatformStats
from elasticio.resources._teams import Teams
from elasticio.resources._tenant_certificates import TenantCertificates
from elasticio.resources._tenants import Tenants
from elasticio.resources._topics import Topics
from elasticio.resources._users import Users
from elasticio.resources._v1 import (
    V1,
    V1Accounts,
    V1Components,
    V1Exec,
    V1Hooks,
    V1Recipes,
    V1Repos,
    V1Resources,
    V1SSHKeys,
    V1Tasks,
    V1Teams,
    V1Users,
)
from elasticio.resources._workspaces import Workspaces

__all__ = [
    "V1",
    "AuthClients",
    "Components",
    "Contracts",
    "Credentials",
    "DataSamples",
    "Executions",
    "Flows",
    "Logs",
    "OAuthClients",
    "OpenIDProviders",
    "Permissions",
    "PlatformStats",
    "QuotaUsages",
    "Recipes",
    "Resources",
    "SAMLProviders",
    "SSHKeys",
    "Secrets",
    "Teams",
    "TenantCertificates",
    "Tenants",
    "Topics",
    "Users",
    "V1Accounts",
    "V1Components",
    "V1Exec",
    "V1Hooks",
    "V1Recipes",
    "V1Repos",
    "V1Resources",
    "V1SSHKeys",
    "V1Tasks",
    "V1Teams",
    "V1Users",
    "Workspaces",
]
