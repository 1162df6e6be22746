"""Developer teams: the caller's teams in a contract, one team; create, set the docker
registry, add and remove members, delete."""
