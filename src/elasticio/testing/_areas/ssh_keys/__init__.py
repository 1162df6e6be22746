"""SSH keys of the signed-in user: list, add, delete."""
