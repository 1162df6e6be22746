"""Scheduled executions: verify a credential, fetch dynamic metadata or a select model,
then poll for the result."""
