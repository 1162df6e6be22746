"""Contracts: the caller's contracts (paged), one contract, its members."""
