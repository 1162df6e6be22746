"""The seeded credentials, data samples, SSH key and showcase flow, as ``Seed`` names them."""

from __future__ import annotations

from elasticio.testing import Emulator
from tests._support.clock import FakeClock


def test_seeded_credentials(emulator: Emulator) -> None:
    """Webhook and petstore credentials in the shared workspace, petstore in the private."""
    seed, platform = emulator.seed, emulator.platform
    for name, credential_id in seed.credential_ids.items():
        credential = platform.credentials[credential_id]
        assert credential.workspace_id == seed.workspace_id
        assert credential.component_id == seed.component_ids[name]
    private = platform.credentials[seed.private_credential_id]
    assert private.workspace_id == seed.private_workspace_id
    assert private.component_id == seed.component_ids["petstore"]


def test_credential_keys_stay_out_of_reprs(emulator: Emulator) -> None:
    """Secrets in credential keys never show in a repr."""
    credential = emulator.platform.credentials[emulator.seed.credential_ids["webhook"]]
    assert "webhook-secret" not in repr(credential)


def test_seeded_samples_and_key(emulator: Emulator) -> None:
    """Data samples of petstore and webhook in the shared workspace; the owner's SSH key."""
    seed, platform = emulator.seed, emulator.platform
    for name, sample_id in seed.data_sample_ids.items():
        sample = platform.data_samples[sample_id]
        assert (sample.workspace_id, sample.component_id) == (
            seed.workspace_id,
            seed.component_ids[name],
        )
    assert platform.ssh_keys[seed.ssh_key_id].user_id == seed.owner.id


def test_showcase_flow(emulator: Emulator) -> None:
    """``Seed.flow_id``: shared workspace, inactive, with a draft and a step_1 snapshot."""
    flow = emulator.platform.flows[emulator.seed.flow_id]
    assert flow.workspace_id == emulator.seed.workspace_id
    assert flow.status == "inactive"
    assert flow.draft is not None
    assert list(flow.snapshots) == ["step_1"]


def test_new_records_come_after_the_flows(emulator: Emulator) -> None:
    """Records seeded later take ids after every flow's, so flow ids did not move."""
    platform = emulator.platform
    last_flow = max(platform.flows)
    later = [*platform.credentials, *platform.data_samples, *platform.ssh_keys]
    assert all(record_id > last_flow for record_id in later)


def test_new_seed_is_deterministic(fake_clock: FakeClock) -> None:
    """Two emulators seed the same credentials, samples and keys."""
    first, second = Emulator(clock=fake_clock), Emulator(clock=fake_clock)
    assert first.seed == second.seed
    assert [k.fingerprint for k in first.platform.ssh_keys.values()] == [
        k.fingerprint for k in second.platform.ssh_keys.values()
    ]
