"""Auth clients: registered globally or in a tenant, contract or workspace; listed and
read from a scope, created, updated, deleted (not while secrets use them)."""
