"""Stats: the input queues of a flow's steps, and the workspaces' inventory of flows."""
