"""Credentials: a workspace's list (by component), one, create, update, delete."""
