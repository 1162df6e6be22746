"""Auth secrets of a workspace: list (by user, by auth client), one, create, refresh,
update, delete."""
