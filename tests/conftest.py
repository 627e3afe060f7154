"""Shared test helpers: where the third-party corpus lives (read at run time only)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"


def shared_dir(*parts: str) -> Path:
    """Return a folder of ../shared; skip when absent locally, fail loudly on CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must have ../shared beside the clone")
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture
def seed_dir() -> Path:
    return shared_dir("corpus", "seed")


@pytest.fixture
def dev_dir() -> Path:
    return shared_dir("corpus", "dev")
