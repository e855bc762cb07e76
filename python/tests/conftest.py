"""Shared fixtures: the command-line tool to compare with and the project's source tree."""

import os
import shutil

import pytest


@pytest.fixture(scope="session")
def kashif_cli():
    """The `kashif` binary of this build (ctest sets KASHIF_CLI), else one on PATH."""
    path = os.environ.get("KASHIF_CLI") or shutil.which("kashif")
    if not path:
        pytest.fail("set KASHIF_CLI to the kashif binary (ctest does)")
    return path


@pytest.fixture(scope="session")
def source_dir():
    return os.environ.get("KASHIF_SOURCE_DIR") or os.path.abspath(
        os.path.join(os.path.dirname(__file__), "..", ".."))
