"""Suite-wide fixtures: the real Redis and PostgreSQL servers (see tests/servers.py)."""

import pytest

from servers import fresh_postgres_url, fresh_redis_url, mark_server_tests, postgres_url, redis_url

__all__ = ["fresh_postgres_url", "fresh_redis_url", "postgres_url", "redis_url"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_server_tests(items)
