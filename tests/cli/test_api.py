"""``elasticio api METHOD PATH``: any request, printed as JSON."""

from __future__ import annotations

import json

from elasticio.testing import Emulator
from tests.cli.conftest import Invoke


def test_get_prints_the_document(invoke: Invoke) -> None:
    """A GET prints the JSON:API document: type, id, attributes, links."""
    result = invoke("api", "get", "/v2/users/me")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["data"]["type"] == "user"
    assert document["data"]["attributes"]["email"] == "owner@example.com"


def test_paginate_gathers_every_page(invoke: Invoke, emulator: Emulator) -> None:
    """--paginate follows the pages of a list into one document."""
    query = ("-q", f"workspace_id={emulator.seed.private_workspace_id}", "-q", "page[size]=30")
    one = json.loads(invoke("api", "GET", "/v2/flows", *query).stdout)
    every = json.loads(invoke("api", "GET", "/v2/flows", *query, "--paginate").stdout)
    assert len(one["data"]) == 30
    assert len(every["data"]) == 100
    assert len({flow["id"] for flow in every["data"]}) == 100
    assert every["meta"]["pages_fetched"] == 4


def test_a_write_with_data_from_stdin(invoke: Invoke, emulator: Emulator) -> None:
    """--data @- sends the JSON body read from stdin."""
    body = {
        "data": {"type": "flow", "id": emulator.seed.flow_id, "attributes": {"cron": "5 * * * *"}}
    }
    result = invoke(
        "api", "PATCH", f"/v2/flows/{emulator.seed.flow_id}", "--data", "@-", input=json.dumps(body)
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["data"]["attributes"]["cron"] == "5 * * * *"
    assert emulator.platform.flows[emulator.seed.flow_id].cron == "5 * * * *"


def test_relationships_are_printed(invoke: Invoke, emulator: Emulator) -> None:
    """Relationships come back with their linkage."""
    result = invoke("api", "GET", f"/v2/flows/{emulator.seed.flow_id}")
    relationships = json.loads(result.stdout)["data"]["relationships"]
    assert relationships["workspace"]["data"] == {
        "type": "workspace",
        "id": emulator.seed.workspace_id,
    }


def test_usage_errors(invoke: Invoke) -> None:
    """A path without '/', a bad --query or --data is status 2, with no request sent."""
    assert "must start with '/'" in invoke("api", "GET", "v2/users/me").stderr
    assert "is not KEY=VALUE" in invoke("api", "GET", "/v2/flows", "-q", "x").stderr
    result = invoke("api", "POST", "/v2/flows", "--data", "{nope")
    assert result.exit_code == 2
    assert "not JSON" in result.stderr


def test_api_errors_are_reported(invoke: Invoke) -> None:
    """A 404 is status 1, described on stderr."""
    result = invoke("api", "GET", "/v2/flows/nope")
    assert result.exit_code == 1
    assert "NotFoundError: 404" in result.stderr


def test_a_v1_path_prints_its_plain_json(invoke: Invoke, emulator: Emulator) -> None:
    """A v1 endpoint's answer (here an array) is printed as sent, not as a document."""
    result = invoke("api", "GET", "/v1/teams/")
    assert result.exit_code == 0, result.output
    teams = json.loads(result.stdout)
    assert [team["id"] for team in teams] == [emulator.seed.team_id]


def test_a_plain_v2_endpoint_prints_its_plain_json(invoke: Invoke, emulator: Emulator) -> None:
    """A v2 endpoint the catalog says answers plain JSON (logs) is printed as sent."""
    query = ("-q", f"workspace_id={emulator.seed.workspace_id}")
    result = invoke("api", "GET", "/v2/logs", *query)
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.stdout)) == {"total", "hits"}


def test_a_v1_error_keeps_its_message(invoke: Invoke) -> None:
    """A v1 404 is reported with the platform's message, status 1."""
    result = invoke("api", "DELETE", "/v1/sshkey/nope")
    assert result.exit_code == 1
    assert "nope" in result.stderr
