"""Data samples: one, several by id, create, update (no delete is documented)."""
