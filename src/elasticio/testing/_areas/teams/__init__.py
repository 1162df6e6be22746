"""Developer teams: the caller's teams in a contract, one team."""
