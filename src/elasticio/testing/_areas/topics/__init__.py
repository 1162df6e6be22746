"""Pub/Sub topics of a workspace: list (search by name), one, create, update, delete."""
