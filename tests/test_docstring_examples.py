"""The examples in the package's docstrings run and show what they claim.

Examples that talk to a client (``await``, ``client.``) are run against the emulator by
``tests/docs`` instead, without comparing what they print; every other docstring's
examples run here with doctest, their output compared, module by module.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import elasticio


def package_modules() -> list[str]:
    names = [elasticio.__name__]
    for info in pkgutil.walk_packages(elasticio.__path__, prefix=f"{elasticio.__name__}."):
        names.append(info.name)
    return sorted(names)


MODULES = package_modules()


def needs_a_client(source: str) -> bool:
    return "await " in source or "client." in source or "async " in source


def test_the_walk_finds_the_package() -> None:
    """The list below covers the core, the models, the resources and the emulator."""
    for name in ("elasticio._http", "elasticio.models._declare", "elasticio.testing"):
        assert name in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    """Each module's runnable docstring examples pass."""
    module: ModuleType = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module, name):
        if not any(needs_a_client(example.source) for example in test.examples):
            runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, f"{results.failed} docstring example(s) failed in {name}"
