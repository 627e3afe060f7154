"""Property-based tests of the JSON API from its own OpenAPI schema (schemathesis).

Generated requests, valid and invalid, go to a real server on 127.0.0.1; no
answer may be a 5xx, and answers must match the documented status codes and
response schemas. Kept small (a few examples per operation) so it runs in seconds.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from web_fixtures import build_store, serve


@pytest.fixture(scope="module")
def api_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    fixture = build_store(tmp_path_factory.mktemp("schema") / "turnover.db")
    with serve(fixture.db) as url:
        yield url


@pytest.fixture(scope="module")
def api_schema(api_url: str) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{api_url}/api/openapi.json")


OPERATIONS = [
    ("GET", "/api/facts"),
    ("GET", "/api/targets"),
    ("GET", "/api/targets/{target_id}"),
    ("GET", "/api/pairs"),
    ("GET", "/api/pairs/{pair}"),
    ("GET", "/api/articles"),
    ("POST", "/api/articles"),
    ("GET", "/api/articles/{article_id}"),
]
"""Every operation of the schema (checked below, so a new endpoint cannot be left out)."""

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_every_operation_is_covered(api_schema: schemathesis.BaseSchema) -> None:
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_server_errors_and_documented_answers(
    api_schema: schemathesis.BaseSchema, method: str, path: str, mode: GenerationMode
) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=10,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS)

    check()
