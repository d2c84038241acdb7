"""The web app's settings: checked when built, read by worker processes from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import TOKEN

from armstrack.extract import Extractor
from armstrack.store import open_store
from armstrack.web.app import BASE_URL_ENV, DB_ENV, MAX_BODY_ENV, TOKEN_ENV, app_from_env
from armstrack.web.settings import MAX_BODY, WebSettings


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://arms.example.org", "https://arms.example.org"),
        ("https://arms.example.org/", "https://arms.example.org"),
        ("http://10.0.0.7:8000/armstrack/", "http://10.0.0.7:8000/armstrack"),
        ("  https://[2001:db8::1]:8443/x ", "https://[2001:db8::1]:8443/x"),
    ],
)
def test_settings_base_url_is_kept_without_its_trailing_slash(given: str, kept: str) -> None:
    assert WebSettings(base_url=given).base_url == kept


@pytest.mark.parametrize(
    "given",
    [
        "arms.example.org",
        "javascript:alert(1)",
        "ftp://arms.example.org",
        "https://",
        "https://arms.example.org/?q=1",
        "https://user:secret@arms.example.org",
    ],
)
def test_settings_base_url_must_be_a_web_address(given: str) -> None:
    with pytest.raises(ValueError, match="base URL"):
        WebSettings(base_url=given)


@pytest.mark.parametrize("size", [0, -1])
def test_settings_max_body_must_be_positive(size: int) -> None:
    with pytest.raises(ValueError, match="max_body"):
        WebSettings(max_body=size)


def test_settings_default_body_cap_is_the_named_constant() -> None:
    assert WebSettings().max_body == MAX_BODY == 10 * 1024 * 1024


def test_settings_workers_read_them_from_the_environment(
    tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "env.db"
    open_store(database, extractor).close()
    monkeypatch.setenv(DB_ENV, str(database))
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    monkeypatch.setenv(BASE_URL_ENV, "https://arms.example.org/")
    monkeypatch.setenv(MAX_BODY_ENV, "100")
    app = app_from_env()
    assert app.state.settings == WebSettings(
        ingest_token=TOKEN, base_url="https://arms.example.org", max_body=100
    )
    with TestClient(app) as client:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        assert client.post("/api/ingest", content=b" " * 101, headers=headers).status_code == 413
    app.state.store.close()


def test_settings_a_bad_body_cap_in_the_environment_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(DB_ENV, "unused.db")
    monkeypatch.setenv(MAX_BODY_ENV, "10MB")
    with pytest.raises(ValueError, match=MAX_BODY_ENV):
        app_from_env()
