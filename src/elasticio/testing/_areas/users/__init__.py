"""Users: ``/v2/users/me``, one user, the tenant's users (paged)."""
