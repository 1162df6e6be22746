"""The synchronous face of an `Execution`: a handle whose ``result()`` blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from elasticio._literals import ExecutionKind
from elasticio._sync._portal import Portal
from elasticio.models._executions import Execution, ExecutionResult

if TYPE_CHECKING:
    from elasticio._polling import PollPolicy

__all__ = ["SyncExecution"]


class SyncExecution:
    """A scheduled execution, as the synchronous [`Client`][elasticio.Client] returns it:
    ``result()`` polls until the execution is done, blocking.

    Examples:
        >>> from elasticio import Client
        >>> with Client() as client:
        ...     execution = client.executions.verify_credential(
        ...         "COMPONENT_ID", workspace_id="WORKSPACE_ID", fields={"apiKey": "..."}
        ...     )
        ...     outcome = execution.result(timeout=60)
        >>> outcome.result
        {'verified': True}
    """

    __slots__ = ("_execution", "_portal")

    def __init__(self, portal: Portal, execution: Execution) -> None:
        self._portal = portal
        self._execution = execution

    def __repr__(self) -> str:
        # Safe on a half-built object too (a traceback formatted with its locals).
        execution = getattr(self, "_execution", None)
        return f"<SyncExecution {'(empty)' if execution is None else repr(execution)}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SyncExecution):
            return NotImplemented
        return self._execution == other._execution

    def __hash__(self) -> int:
        return hash(self._execution)

    @property
    def execution(self) -> Execution:
        """The async handle this one waits on."""
        return self._execution

    @property
    def id(self) -> str:
        """The execution id."""
        return self._execution.id

    @property
    def poll_url(self) -> httpx.URL:
        """The same-origin URL that is polled."""
        return self._execution.poll_url

    @property
    def kind(self) -> ExecutionKind | None:
        """What was asked (None for a handle made from a bare id)."""
        return self._execution.kind

    def result(
        self, timeout: float | None = None, poll: PollPolicy | None = None
    ) -> ExecutionResult:
        """Wait for the execution to finish and return its result: what
        [`Execution.result`][elasticio.Execution.result] does, blocking.

        Raises:
            ExecutionFailedError: the execution ended in failure; ``reason`` says why.
            PollTimeoutError: the result did not come in time.
        """
        return self._portal.run(self._execution.result(timeout=timeout, poll=poll))
