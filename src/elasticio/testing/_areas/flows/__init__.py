"""Flows: the flows of a workspace, their versions, drafts and step snapshots, starting,
stopping and copying them."""
