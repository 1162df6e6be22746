"""``whoami``, ``components``, ``credentials``, ``workspaces``, ``contracts`` and
``executions verify-credential`` against the emulator, in process."""

from __future__ import annotations

import json

from elasticio.testing import Emulator
from tests.cli.conftest import Invoke


def test_whoami_names_the_signed_in_user(invoke: Invoke) -> None:
    """``whoami`` prints the caller's email, id and the base URL."""
    result = invoke("whoami")
    assert result.exit_code == 0, result.output
    assert "email: owner@example.com\n" in result.stdout
    assert "base_url: http://127.0.0.1\n" in result.stdout


def test_whoami_with_a_wrong_key_fails_with_the_reason(invoke: Invoke) -> None:
    """An SDK error ends the command with status 1 and its one-line description."""
    result = invoke("whoami", api_key="wrong")
    assert result.exit_code == 1
    assert result.stderr.startswith("elasticio: AuthenticationError: 401")
    assert "wrong" not in result.stderr


def test_components_list_defaults_to_the_only_contract(invoke: Invoke, emulator: Emulator) -> None:
    """Without --contract, the caller's only contract is used; --access filters."""
    result = invoke("components", "list", "--access", "private", "--jsonl")
    assert result.exit_code == 0, result.output
    names = [json.loads(line)["name"] for line in result.stdout.splitlines()]
    assert names == ["petstore"]


def test_components_versions_and_descriptor(invoke: Invoke, emulator: Emulator) -> None:
    """``versions`` lists builds (tab-separated when piped); ``descriptor`` prints JSON."""
    petstore = emulator.seed.component_ids["petstore"]
    versions = invoke("components", "versions", petstore)
    assert versions.exit_code == 0
    assert [line.split("\t")[1] for line in versions.stdout.splitlines()] == ["1", "2"]
    descriptor = json.loads(invoke("components", "descriptor", petstore).stdout)
    assert sorted(descriptor["actions"]) == ["createPetWithPromise", "deletePet"]


def test_credentials_list_prints_no_secrets(invoke: Invoke, emulator: Emulator) -> None:
    """Neither the table nor the JSON carries a credential's keys."""
    secrets = [
        str(value)
        for credential in emulator.platform.credentials.values()
        for value in credential.keys.values()
    ]
    assert secrets
    for output in ((), ("--json",), ("--jsonl",)):
        result = invoke("credentials", "list", "-w", emulator.seed.workspace_id, *output)
        assert result.exit_code == 0, result.output
        assert "Petstore demo key" in result.stdout
        assert not [secret for secret in secrets if secret in result.stdout]
    records = json.loads(
        invoke("credentials", "list", "-w", emulator.seed.workspace_id, "--json").stdout
    )
    assert all("keys" not in record for record in records)


def test_workspaces_and_contracts_list(invoke: Invoke, emulator: Emulator) -> None:
    """Both list what the caller is a member of."""
    workspaces = json.loads(invoke("workspaces", "list", "--json").stdout)
    assert {w["name"] for w in workspaces} == {"Production", "Sandbox"}
    contracts = invoke("contracts", "list").stdout
    assert contracts == f"{emulator.seed.contract_id}\tAcme Integrations\n"


def test_verify_credential_waits_for_the_verdict(invoke: Invoke, emulator: Emulator) -> None:
    """The execution is polled to its result, printed as JSON; fields from a file."""
    petstore = emulator.seed.component_ids["petstore"]
    result = invoke(
        "executions",
        "verify-credential",
        petstore,
        "-w",
        emulator.seed.workspace_id,
        "--fields",
        "@-",
        input='{"apiKey": "s3cret-value"}',
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"verified": True}
    assert "s3cret-value" not in result.output


def test_verify_credential_rejects_fields_that_are_not_an_object(invoke: Invoke) -> None:
    """Bad --fields is a usage error (status 2), before any request."""
    result = invoke("executions", "verify-credential", "c", "-w", "w", "--fields", "[1]")
    assert result.exit_code == 2
    assert "must be a JSON object" in result.stderr
