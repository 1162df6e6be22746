"""The integration tests that run again over another transport (tests/integration/test_over_*.py).

A module there calls `rerun_here(globals())` and defines its own ``rig`` fixture: the
tests of `MODULES` then run in it, on that rig. A test that needs the shared fake clock
(``clocked_rig``) stays with the default transport.
"""

from __future__ import annotations

import inspect
from typing import Any

from tests.integration import test_client, test_executions, test_faults, test_resources
from tests.integration.flows import test_flows, test_state

__all__ = ["MODULES", "rerun_here"]

MODULES = (test_client, test_faults, test_resources, test_executions, test_flows, test_state)


def _over_the_shared_clock(test: Any) -> bool:
    return "clocked_rig" in inspect.signature(test).parameters


def rerun_here(namespace: dict[str, Any]) -> None:
    """Put every test of `MODULES` into ``namespace`` (a module's globals), named
    ``<module>__<test>``."""
    for module in MODULES:
        prefix = module.__name__.rsplit(".", 1)[-1]
        for name, test in vars(module).items():
            if name.startswith("test_") and callable(test) and not _over_the_shared_clock(test):
                namespace[f"{prefix}__{name[5:]}"] = test
