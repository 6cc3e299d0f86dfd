"""Fixtures of furet-serve's tests."""
import pytest

from serving import Server, index_corpus


@pytest.fixture
def served(tmp_path):
    """A furet-serve over an index of corpus/, stopped after the test."""
    index = tmp_path / "index"
    index_corpus(index)
    server = Server(index)
    yield server
    if server.process.poll() is None:
        server.stop()
