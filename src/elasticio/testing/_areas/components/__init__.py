"""Components: repositories of developer teams, their builds and descriptors, their
environment variables."""
