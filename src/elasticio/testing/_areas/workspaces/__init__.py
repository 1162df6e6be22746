"""Workspaces: the caller's workspaces (paged), one workspace, its members, adding one."""
