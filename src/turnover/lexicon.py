"""Loading the language tables the extractor knows (dateparser-style data files).

The words live in ``turnover/data/<lang>/*.json``; adding an alias, a currency
word or a trade verb is a data change. This module only loads and caches them.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_LANGUAGE = "en"


@cache
def load_table(name: str, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """Return the parsed JSON table ``data/<language>/<name>.json``."""
    path = resources.files("turnover") / "data" / language / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))
