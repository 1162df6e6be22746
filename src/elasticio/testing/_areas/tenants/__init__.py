"""Tenants: the emulator's own tenant and those created through the API, their roles,
Tenant Admins, SSL certificates, OAuth clients and single sign-on providers."""
