"""``client.tenant_certificates``: the SSL certificates of a tenant's domains (API v2)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v2 import (
    TENANT_CERTIFICATES_CREATE,
    TENANT_CERTIFICATES_DELETE,
    TENANT_CERTIFICATES_GET,
    TENANT_CERTIFICATES_UPDATE,
)
from elasticio._errors import UsageError
from elasticio._options import CallOptions
from elasticio.models._tenants import TenantCertificate
from elasticio.resources._base import Namespace

__all__ = ["TenantCertificates"]

_PEM_MEDIA_TYPE = "application/x-pem-file"


class TenantCertificates(Namespace):
    """SSL certificates of a tenant: add, get, replace, delete. A tenant names the
    certificates of its domains in its ``ssl_certificates`` (`client.tenants.update`).

    Examples:
        >>> tenant = await client.tenants.get("TENANT_ID")
        >>> dict(tenant.ssl_certificates)
        {}
    """

    async def create(
        self,
        tenant_id: str,
        *,
        public_key: str | None = None,
        private_key: str | None = None,
        pem: str | bytes | None = None,
        **options: Unpack[CallOptions],
    ) -> TenantCertificate:
        """Add a certificate (``tenants.certificate.create``): either the PEM
        certificate and its private key as ``public_key`` and ``private_key`` (sent as
        JSON), or one PEM file holding both as ``pem`` (sent as ``multipart/form-data``,
        the file in the field ``cert``).

        Raises:
            UsageError: neither both keys nor ``pem`` were given, or both ways were.

        Examples:
            >>> cert = await client.tenant_certificates.create(
            ...     "TENANT_ID",
            ...     public_key="-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n",
            ...     private_key="-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n",
            ... )
            >>> cert.algorithm, cert.private_key is not None
            ('aes-256-cbc', True)
        """
        keys = (public_key, private_key)
        if pem is not None:
            if keys != (None, None):
                raise UsageError("give either pem or public_key and private_key, not both")
            content = pem.encode() if isinstance(pem, str) else bytes(pem)
            return await self._one(
                TENANT_CERTIFICATES_CREATE,
                TenantCertificate,
                files={"cert": ("cert.pem", content, _PEM_MEDIA_TYPE)},
                options=options,
                tenant_id=tenant_id,
            )
        if public_key is None or private_key is None:
            raise UsageError(
                "tenant_certificates.create() needs public_key and private_key, or pem"
            )
        body = self._body(
            TENANT_CERTIFICATES_CREATE,
            attributes={"publicKey": public_key, "privateKey": private_key},
        )
        return await self._one(
            TENANT_CERTIFICATES_CREATE,
            TenantCertificate,
            body=body,
            options=options,
            tenant_id=tenant_id,
        )

    async def get(
        self, tenant_id: str, certificate_id: str, **options: Unpack[CallOptions]
    ) -> TenantCertificate:
        """A certificate's metadata, in ``info`` (``tenants.certificate.get_info``); the
        platform never sends the keys again.

        Examples:
            >>> cert = await client.tenant_certificates.create(
            ...     "TENANT_ID",
            ...     pem="-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"
            ...     "-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n",
            ... )
            >>> found = await client.tenant_certificates.get("TENANT_ID", cert.id)
            >>> found.private_key is None, found.info["fingerPrint"] == cert.info["fingerPrint"]
            (True, True)
        """
        return await self._one(
            TENANT_CERTIFICATES_GET,
            TenantCertificate,
            options=options,
            tenant_id=tenant_id,
            certificate_id=certificate_id,
        )

    async def update(
        self,
        tenant_id: str,
        certificate_id: str,
        *,
        public_key: str,
        private_key: str,
        **options: Unpack[CallOptions],
    ) -> TenantCertificate:
        """Replace a certificate and its private key (``tenants.certificate.edit``);
        the tenant's domains that name it use the new one.

        Examples:
            >>> cert = await client.tenant_certificates.create(
            ...     "TENANT_ID",
            ...     public_key="-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n",
            ...     private_key="-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n",
            ... )
            >>> renewed = await client.tenant_certificates.update(
            ...     "TENANT_ID",
            ...     cert.id,
            ...     public_key="-----BEGIN CERTIFICATE-----\\nMIIC\\n-----END CERTIFICATE-----\\n",
            ...     private_key="-----BEGIN PRIVATE KEY-----\\nMIIF\\n-----END PRIVATE KEY-----\\n",
            ... )
            >>> renewed.info["fingerPrint"] != cert.info["fingerPrint"]
            True
        """
        body = self._body(
            TENANT_CERTIFICATES_UPDATE,
            id=certificate_id,
            attributes={"publicKey": public_key, "privateKey": private_key},
        )
        return await self._one(
            TENANT_CERTIFICATES_UPDATE,
            TenantCertificate,
            body=body,
            options=options,
            tenant_id=tenant_id,
            certificate_id=certificate_id,
        )

    async def delete(
        self, tenant_id: str, certificate_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """Delete a certificate (``tenants.certificate.delete``).

        Examples:
            >>> cert = await client.tenant_certificates.create(
            ...     "TENANT_ID",
            ...     public_key="-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n",
            ...     private_key="-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n",
            ... )
            >>> await client.tenant_certificates.delete("TENANT_ID", cert.id)
        """
        await self._nothing(
            TENANT_CERTIFICATES_DELETE,
            options=options,
            tenant_id=tenant_id,
            certificate_id=certificate_id,
        )
