"""Quota usages: memory and CPU the flows of a contract, a workspace or one flow used."""
