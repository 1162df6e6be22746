"""Development tasks for elasticio; `nox --list` shows the sessions."""

from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

import nox

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
EXTRAS: dict[str, list[str]] = PYPROJECT["project"]["optional-dependencies"]

nox.options.default_venv_backend = "venv"
nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["tests", "lint", "typecheck"]
# Local loops may opt in to reuse; CI leaves NOX_REUSE unset and always builds fresh envs.
if os.environ.get("NOX_REUSE"):
    nox.options.reuse_existing_virtualenvs = True

# No session names a Python version: each runs on the interpreter that runs nox, because
# CI and the development machines have exactly one (3.11, the floor in requires-python).


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite; extra arguments go to pytest."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session(name="coverage-api")
def coverage_api(session: nox.Session) -> None:
    """Run the whole suite and print the catalog's coverage by area; fail on a gap.

    For each area: entries, how many have an SDK method, an emulator route, an SDK test
    against the emulator, and how many stand in NOT_YET (tests/_support/api_coverage.py).
    """
    if session.posargs:
        # The exercised column counts only when every test ran (tests/_support).
        session.error("the listing needs the whole suite: pass no arguments")
    session.install("-e", ".[test]")
    session.run("pytest", "-q", "--no-header")


@nox.session
def lint(session: nox.Session) -> None:
    """Check lint rules and formatting with ruff."""
    # Only ruff is needed, so the package itself is not built; the pin comes from pyproject.
    session.install(*EXTRAS["lint"])
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check the package, and the typed usage examples as a user would see them."""
    session.install("-e", ".[typecheck]")
    session.run("mypy", "--strict", "src")
    if (ROOT / "tests" / "typing").is_dir():
        session.run("mypy", "--strict", "tests/typing")
    else:
        session.log("tests/typing does not exist yet; skipping the usage check")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site into build/site, failing on any warning."""
    session.install("-e", ".[docs]")
    session.run("mkdocs", "build", "--strict", "--site-dir", "build/site")


# The official Node client, pinned exactly; installed per run into the session's tmp folder.
REST_NODE = "elasticio-rest-node@2.0.0"


@nox.session
def interop(session: nox.Session) -> None:
    """Prove the emulator with a client nobody here wrote: call every method of the official
    Node client (elasticio-rest-node 2.0.0) and every v1 call of the component runtime against
    the emulator on a loopback port; fail if any fails. Needs node (20) and npm on PATH."""
    session.install("-e", ".[emulator]")
    client_dir = Path(session.create_tmp()) / "rest-node"
    session.run(
        "npm",
        "install",
        "--prefix",
        str(client_dir),
        "--no-save",
        "--no-package-lock",
        "--no-audit",
        "--no-fund",
        REST_NODE,
        external=True,
    )
    session.run("python", "interop/run.py", "--client-dir", str(client_dir))


BENCHMARKS = (
    "decode",
    "bulk",
    "overhead",
    "cli_bulk",
    "emulator",
    "startup",
    "models",
    "paging",
    "rate",
)


@nox.session
def bench(session: nox.Session) -> None:
    """Run the benchmarks; ``-- bulk`` picks one, ``-- bulk --flows 100`` passes it options.
    ``cli_bulk`` runs ``elasticio flows start`` on 1,000 flows against a rate-limited
    emulator on a socket; ``emulator`` the emulator's server CPU per request against a
    trivial Starlette app; ``startup`` the time ``import elasticio`` takes."""
    session.install("-e", ".[bench,emulator,cli]")
    names = list(itertools.takewhile(lambda arg: arg in BENCHMARKS, session.posargs))
    arguments = session.posargs[len(names) :]
    if arguments and len(names) != 1:
        session.error(f"name one benchmark ({', '.join(BENCHMARKS)}) before its arguments")
    with tempfile.TemporaryDirectory() as scratch:
        report = os.path.join(scratch, "figures.jsonl")
        for name in names or BENCHMARKS:
            session.run(
                "python", f"bench/{name}.py", *arguments, env={"ELASTICIO_BENCH_REPORT": report}
            )
        session.run("python", "bench/summary.py", report)


@nox.session
def demo(session: nox.Session) -> None:
    """Run the main job: a bulk automation against the emulator on a loopback socket."""
    session.install("-e", ".[demo]")
    session.run("elasticio", "demo", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Fuzz for about 10 minutes: the model and the emulator fuzz tests with many more
    examples, new ones each run (the default test run tries a few, always the same)."""
    session.install("-e", ".[test]")
    session.run(
        "pytest",
        "-q",
        "tests/models/test_fuzz.py",
        *session.posargs,
        env={"ELASTICIO_FUZZ": "long"},
    )
    session.run(
        "pytest", "-q", "tests/testing/test_fuzz.py", "--hypothesis-profile=fuzz", *session.posargs
    )


@nox.session
def soak(session: nox.Session) -> None:
    """Drive 5,000 calls through one client against the emulator on loopback with 429s,
    5xx, dropped connections, latency and random cancellation all on (about a minute,
    two at most); fail on a hang, a leak, a duplicate write or an untyped error.
    Options go to bench/soak.py, e.g. ``-- --seed 7 --requests 20000 --seconds 600``."""
    session.install("-e", ".[emulator]")
    session.run("python", "bench/soak.py", *session.posargs)
