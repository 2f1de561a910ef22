"""The one module that reads mkdocs-static-i18n's internals checks them first: a version
without them stops the build with one line naming the installed version (issue 13)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from prirucka.mkdocs import i18n_adapter


def test_the_installed_version_has_what_we_read():
    config = load_config(str(FIXTURES / "tiny" / "mkdocs.yml"))
    i18n_adapter.verify(config)  # no error with the supported version
    assert i18n_adapter.build_languages(config) == ["cs", "en"]


def test_a_version_without_it_is_named():
    config = load_config(str(FIXTURES / "tiny" / "mkdocs.yml"))
    plugin = config.plugins["i18n"]
    del plugin.building  # what a future release might rename
    with pytest.raises(PluginError) as raised:
        i18n_adapter.verify(config)
    message = str(raised.value)
    assert "mkdocs-static-i18n 1.3" in message and "`building`" in message
    assert "pip install 'mkdocs-static-i18n>=1.3,<1.4'" in message
