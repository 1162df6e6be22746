"""Serve a fresh emulator on a loopback port and run interop/main.js against it.

The official Node client must already be installed (the ``interop`` nox session does it)::

    npm install --prefix DIR --no-save --no-audit --no-fund elasticio-rest-node@2.0.0
    python interop/run.py --client-dir DIR

The seed's ids (no API keys) go to a JSON file for the script; the owner's credentials go
to it through the ``ELASTICIO_API_*`` variables. The exit status is the script's: 0 when
every method passed, 1 when any failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import attrs

from elasticio.testing import Emulator, ServedEmulator

HERE = Path(__file__).resolve().parent
# The whole run takes a few seconds; this only stops a hung one.
TIMEOUT_SECONDS = 600


def seed_ids(emulator: Emulator) -> dict[str, Any]:
    """The seed's ids and e-mail addresses, without the users' API keys, and the fields
    of the seed flow's first step (what the runtime's step config must show)."""
    ids = attrs.asdict(emulator.seed)
    for value in ids.values():
        if isinstance(value, dict):
            value.pop("api_key", None)
    flow = emulator.platform.flows[emulator.seed.flow_id]
    ids["flow_step_1_fields"] = flow.graph["nodes"][0].get("fields", {})
    return ids


def run(client_dir: Path) -> int:
    """Serve, write the seed file, run the script; the script's exit status."""
    node = shutil.which("node")
    if node is None:
        print("interop: node is not on PATH (Node 20 is needed)", file=sys.stderr)
        return 2
    modules = client_dir / "node_modules"
    if not (modules / "elasticio-rest-node").is_dir():
        print(f"interop: no elasticio-rest-node under {modules}", file=sys.stderr)
        return 2
    with (
        ServedEmulator.start_in_thread(Emulator()) as served,
        tempfile.TemporaryDirectory(prefix="elasticio-interop-") as scratch,
    ):
        seed_file = Path(scratch) / "seed.json"
        seed_file.write_text(json.dumps(seed_ids(served.emulator), indent=2))
        env = {**os.environ, **served.environment, "NODE_PATH": str(modules)}
        print(f"interop: emulator at {served.base_url}", flush=True)
        # The command is node from PATH and our own script: no untrusted input.
        command = [node, str(HERE / "main.js"), str(seed_file)]
        finished = subprocess.run(command, env=env, timeout=TIMEOUT_SECONDS)  # noqa: S603
    return finished.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--client-dir",
        type=Path,
        required=True,
        help="the --prefix folder npm installed elasticio-rest-node@2.0.0 into",
    )
    return run(parser.parse_args().client_dir.resolve())


if __name__ == "__main__":
    sys.exit(main())
