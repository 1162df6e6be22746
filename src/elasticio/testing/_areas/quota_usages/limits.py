"""Each contract's monthly quota limits: the defaults below, or what a test sets.

The platform's figures are unknown (the release notes name the endpoint only), so every
contract starts with the same made-up limits, in the units of the quota usages: memory
as MiB times seconds (``DEFAULT.memory`` is 10 GiB held for 30 days), CPU as milli-CPU
times seconds (5 CPUs for 30 days) and a million messages. `QuotaLimits.set` gives one
contract its own.
"""

from __future__ import annotations

import attrs

from elasticio.testing._areas.contracts.store import Contracts

__all__ = ["DEFAULT", "Limits", "QuotaLimits"]

_MONTH = 30 * 24 * 3600


@attrs.frozen(kw_only=True)
class Limits:
    """A contract's limits for a calendar month."""

    memory: int
    cpu: int
    messages: int


DEFAULT = Limits(memory=10 * 1024 * _MONTH, cpu=5000 * _MONTH, messages=1_000_000)


class QuotaLimits:
    """The quota limits of every contract (see the module's docstring)."""

    def __init__(self, contracts: Contracts) -> None:
        self._contracts = contracts
        self._set: dict[str, Limits] = {}

    def set(
        self,
        contract_id: str,
        *,
        memory: int = DEFAULT.memory,
        cpu: int = DEFAULT.cpu,
        messages: int = DEFAULT.messages,
    ) -> Limits:
        """Give a contract its own limits (``emulator.platform.quota_limits.set(...)``).

        Examples:
            >>> emulator.platform.quota_limits.set(contract_id, messages=10)  # doctest: +SKIP
        """
        contract = self._contracts[contract_id]
        if min(memory, cpu, messages) < 0:
            raise ValueError("quota limits cannot be negative")
        limits = Limits(memory=memory, cpu=cpu, messages=messages)
        self._set[contract.id] = limits
        return limits

    def of(self, contract_id: str) -> Limits:
        """The contract's limits: its own, or the defaults."""
        return self._set.get(contract_id, DEFAULT)
