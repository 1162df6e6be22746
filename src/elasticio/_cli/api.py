"""``elasticio api METHOD PATH``: any request, through the SDK's retries and safety
rules, its answer printed as JSON as the server sent it (as ``gh api`` does for GitHub): a
JSON:API document, or plain JSON (API v1, logs, quota usages, ...). With ``--paginate`` a
list's pages are read as JSON:API documents and printed as one.

Examples:
    ```console
    $ elasticio api GET /v2/users/me
    $ elasticio api GET /v1/teams/
    $ elasticio api GET /v2/flows --query workspace_id=WORKSPACE_ID --paginate
    $ elasticio api PATCH /v2/flows/FLOW_ID --data @patch.json
    ```
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import click
import httpx

from elasticio import AsyncClient
from elasticio._cli.context import Connection, fail, pass_connection, run_with_client
from elasticio._cli.output import print_json
from elasticio.jsonapi import Document, Identifier, Relationship, Resource

__all__ = ["api", "document_json"]

_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def _identifier(identifier: Identifier) -> dict[str, Any]:
    return {"type": identifier.type, "id": identifier.id}


def _relationship(relationship: Relationship) -> dict[str, Any]:
    result: dict[str, Any] = dict(relationship.extra)
    if relationship.has_data:
        data = relationship.data
        if isinstance(data, tuple):
            result["data"] = [_identifier(i) for i in data]
        else:
            result["data"] = None if data is None else _identifier(data)
    for member in ("links", "meta"):
        if value := getattr(relationship, member):
            result[member] = dict(value)
    return result


def _resource(resource: Resource) -> dict[str, Any]:
    result: dict[str, Any] = {"type": resource.type}
    if resource.id is not None:
        result["id"] = resource.id
    result["attributes"] = dict(resource.attributes)
    if resource.relationships:
        result["relationships"] = {
            name: _relationship(r) for name, r in resource.relationships.items()
        }
    for member in ("links", "meta"):
        if value := getattr(resource, member):
            result[member] = dict(value)
    return {**result, **resource.extra}


def document_json(document: Document) -> dict[str, Any]:
    """A decoded document back as JSON values: data, included, meta, links and any
    other top-level member (a plain-JSON object answer comes back whole)."""
    result: dict[str, Any] = dict(document.extra)
    if document.has_data:
        data = document.data
        if isinstance(data, tuple):
            result["data"] = [_resource(r) for r in data]
        else:
            result["data"] = None if data is None else _resource(data)
    if document.included:
        result["included"] = [_resource(r) for r in document.included]
    for member in ("meta", "links", "jsonapi"):
        if value := getattr(document, member):
            result[member] = dict(value)
    return result


def _body(text: str | None) -> Any:
    if text is None:
        return None
    if text.startswith("@"):
        with click.open_file(text[1:], encoding="utf-8") as source:
            text = source.read()
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise click.BadParameter(f"not JSON: {exc}", param_hint="--data") from exc


def _query(pairs: tuple[str, ...]) -> list[tuple[str, str]]:
    query = []
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--query")
        query.append((key, value))
    return query


def _next_page(client: AsyncClient, document: Document, params: dict[str, Any]) -> Any:
    """The path and query of the page after ``document``, or None."""
    if not document.primary:
        return None
    link = document.links.get("next")
    if isinstance(link, Mapping):
        link = link.get("href")
    if isinstance(link, str) and link:
        url = client.base_url.join(link)
        if (url.scheme, url.host, url.port) != (
            client.base_url.scheme,
            client.base_url.host,
            client.base_url.port,
        ):
            fail(f"the next page is on another origin ({url.host}); not followed")
        return url.path, httpx.QueryParams(url.query)
    total = document.meta.get("total_pages")
    page = document.meta.get("page") or params.get("page[number]", 1)
    page = int(page) if str(page).isdigit() else 1
    if isinstance(total, int) and page < total:
        return None, {**params, "page[number]": page + 1}
    return None


@click.command()
@click.argument("method", type=click.Choice(_METHODS, case_sensitive=False))
@click.argument("path")
@click.option("--data", "-d", metavar="JSON|@FILE", help="The request body ('@-': stdin).")
@click.option("--query", "-q", multiple=True, metavar="KEY=VALUE", help="A query parameter.")
@click.option("--paginate", is_flag=True, help="Follow the pages of a list: one document.")
@pass_connection
def api(
    connection: Connection,
    method: str,
    path: str,
    data: str | None,
    query: tuple[str, ...],
    paginate: bool,
) -> None:
    """Send any request to the API and print its answer as JSON, with the SDK's retries
    (a write is re-sent only when it surely did not arrive). PATH starts with '/'. With
    --paginate, a GET follows every page and prints one document with all the data.

    \b
    Examples:
      elasticio api GET /v2/flows -q workspace_id=WORKSPACE_ID -q 'filter[status]=active'
    """
    if not path.startswith("/"):
        raise click.BadParameter("must start with '/', e.g. /v2/users/me", param_hint="PATH")
    body = _body(data)
    params: dict[str, Any] = {}
    for key, value in _query(query):
        params.setdefault(key, []).append(value)
    params = {k: v[0] if len(v) == 1 else v for k, v in params.items()}

    async def work(client: AsyncClient) -> Any:
        if not paginate:
            # The answer as the server sent it: a JSON:API document, or plain JSON (API
            # v1, logs, quota usages, ...).
            return await client.request_json(method, path, params=params, json=body)
        document = await client.request(method, path, params=params, json=body)
        result = document_json(document)
        if not isinstance(result.get("data"), list):
            return result
        pages, page_path, page_params = 1, path, params
        while (following := _next_page(client, document, page_params)) is not None:
            if pages >= client.max_pages:
                fail(f"stopped after {pages} pages (the client's max_pages)")
            page_path = following[0] or page_path
            page_params = dict(following[1])
            document = await client.request(method, page_path, params=page_params)
            result["data"] += document_json(document).get("data") or []
            pages += 1
        result["meta"] = {**result.get("meta", {}), "pages_fetched": pages}
        result.pop("links", None)
        return result

    print_json(run_with_client(connection, work))
