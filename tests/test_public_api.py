"""The public surface: exported names, version, typing marker and the exception tree."""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import re

import pytest

import elasticio
import elasticio.jsonapi
from elasticio import _errors

# The exact exports, in the order ruff's RUF022 keeps them (constants, then classes, then
# the rest). Changing the public API means changing this list, on purpose.
ELASTICIO_ALL = [
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

JSONAPI_ALL = [
    "UNSET",
    "DecodeError",
    "Document",
    "ErrorObject",
    "Identifier",
    "Linkage",
    "Relationship",
    "RelationshipValue",
    "Resource",
    "Unset",
    "encode_document",
    "encode_resource",
]

# (class, its parent) as drawn in the docstring of elasticio/_errors.py.
HIERARCHY = [
    (elasticio.ElasticioError, Exception),
    (elasticio.UsageError, elasticio.ElasticioError),
    (elasticio.UsageError, ValueError),
    (elasticio.ConfigurationError, elasticio.UsageError),
    (elasticio.DecodeError, elasticio.ElasticioError),
    (elasticio.DecodeError, ValueError),
    (elasticio.PaginationError, elasticio.DecodeError),
    (elasticio.ForeignOriginError, elasticio.ElasticioError),
    (elasticio.PollTimeoutError, elasticio.ElasticioError),
    (elasticio.ExecutionFailedError, elasticio.ElasticioError),
    (elasticio.APIConnectionError, elasticio.ElasticioError),
    (elasticio.APITimeoutError, elasticio.APIConnectionError),
    (elasticio.APIProtocolError, elasticio.ElasticioError),
    (elasticio.ResponseTooLargeError, elasticio.APIProtocolError),
    (elasticio.APIError, elasticio.ElasticioError),
    (elasticio.BadRequestError, elasticio.APIError),
    (elasticio.AuthenticationError, elasticio.APIError),
    (elasticio.PermissionDeniedError, elasticio.APIError),
    (elasticio.NotFoundError, elasticio.APIError),
    (elasticio.ConflictError, elasticio.APIError),
    (elasticio.RateLimitError, elasticio.APIError),
    (elasticio.ServerError, elasticio.APIError),
    (elasticio.UnexpectedStatusError, elasticio.APIError),
]


def drawn_tree() -> list[tuple[str, str]]:
    """The (child, parent) edges of the tree drawn in ``_errors``' docstring."""
    assert _errors.__doc__ is not None
    drawing = _errors.__doc__.split("```")[1]
    edges: list[tuple[str, str]] = []
    parents: list[str] = []
    for line in drawing.strip().splitlines():
        match = re.match(r"^([│ ]*)(?:[├└]── )?(\w+)", line)
        assert match is not None, line
        depth = len(match.group(1)) // 4 + (1 if "──" in line else 0)
        name = match.group(2)
        del parents[depth:]
        if parents:
            edges.append((name, parents[-1]))
        parents.append(name)
    return edges


def test_elasticio_all_is_pinned() -> None:
    """``elasticio.__all__`` is exactly the pinned list: exports never drift silently."""
    assert list(elasticio.__all__) == ELASTICIO_ALL


def test_jsonapi_all_is_pinned() -> None:
    """``elasticio.jsonapi.__all__`` is exactly the pinned list."""
    assert list(elasticio.jsonapi.__all__) == JSONAPI_ALL


@pytest.mark.parametrize("name", ELASTICIO_ALL)
def test_every_elasticio_export_resolves(name: str) -> None:
    """Every name in ``elasticio.__all__`` is an attribute of the package."""
    assert getattr(elasticio, name) is not None


@pytest.mark.parametrize("name", JSONAPI_ALL)
def test_every_jsonapi_export_resolves(name: str) -> None:
    """Every name in ``elasticio.jsonapi.__all__`` is an attribute of the package."""
    assert hasattr(elasticio.jsonapi, name)


def test_shared_names_are_the_same_objects() -> None:
    """Names exported by both packages are one object, so ``except`` clauses agree."""
    assert elasticio.jsonapi.DecodeError is elasticio.DecodeError
    assert elasticio.jsonapi.ErrorObject is elasticio.ErrorObject
    assert elasticio.jsonapi.UNSET is elasticio.UNSET


def test_version_matches_the_installed_distribution() -> None:
    """``elasticio.__version__`` is the string importlib.metadata reports."""
    assert isinstance(elasticio.__version__, str)
    assert elasticio.__version__ == importlib.metadata.version("elasticio")


def test_unknown_attributes_still_raise() -> None:
    """The lazy ``__version__`` hook does not swallow other missing attributes."""
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = elasticio.no_such_name  # type: ignore[attr-defined]


def test_py_typed_ships_in_the_package() -> None:
    """The PEP 561 marker ``py.typed`` sits in the package directory."""
    assert importlib.resources.files("elasticio").joinpath("py.typed").is_file()


@pytest.mark.parametrize(("child", "parent"), HIERARCHY)
def test_exception_hierarchy(child: type[BaseException], parent: type[BaseException]) -> None:
    """Each exception class derives from the parent drawn in ``_errors``' docstring."""
    assert issubclass(child, parent)


def test_the_drawing_is_the_pinned_hierarchy() -> None:
    """The docstring's tree draws exactly the pinned edges between elasticio's classes."""
    pinned = {
        (child.__name__, parent.__name__)
        for child, parent in HIERARCHY
        if parent.__module__ == _errors.__name__
    }
    assert set(drawn_tree()) == pinned


def test_every_drawn_class_is_exported() -> None:
    """Every exception class in the drawing can be imported from ``elasticio``."""
    drawn = {name for edge in drawn_tree() for name in edge}
    assert drawn <= set(ELASTICIO_ALL)
    assert len(drawn) == 21


def test_error_classes_are_distinct_branches() -> None:
    """Sibling branches do not overlap: a decode failure is not an API or usage error."""
    assert not issubclass(elasticio.DecodeError, elasticio.APIError)
    assert not issubclass(elasticio.DecodeError, elasticio.UsageError)
    assert not issubclass(elasticio.ForeignOriginError, elasticio.APIConnectionError)
    assert not issubclass(elasticio.RateLimitError, elasticio.ServerError)
