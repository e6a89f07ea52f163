from __future__ import annotations

from pathlib import Path

import pytest

from briefing.storage.config import ConfigError, load_settings, save_setting


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "none.toml")
    assert settings.theme is None and settings.sentences == 3 and not settings.problems


def test_values_and_problems(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        'theme = "nord"\n[summary]\nalgorithm = "lead"\nsentences = 0\n'
        '[keymap]\n"reader.help" = "h"\n"list.down" = 3\n'
    )
    settings = load_settings(path)
    assert settings.theme == "nord" and settings.algorithm == "lead"
    assert settings.sentences == 3  # 0 is refused, the default stays
    assert settings.keymap == {"reader.help": "h"}
    assert len(settings.problems) == 2


def test_broken_toml_is_reported_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("theme = [unclosed\n")
    settings = load_settings(path)
    assert settings.theme is None
    assert settings.problems and "not valid TOML" in settings.problems[0]


def test_save_keeps_comments_and_never_overwrites_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('# mine\n[keymap]\n"reader.help" = "h"\n')
    save_setting("theme", "nord", path)
    text = path.read_text()
    assert "# mine" in text and load_settings(path).theme == "nord"
    assert load_settings(path).keymap == {"reader.help": "h"}
    path.write_text("theme = [broken\n")
    with pytest.raises(ConfigError):
        save_setting("theme", "dracula", path)
    assert path.read_text() == "theme = [broken\n"


def test_user_folders_are_platformdirs_own(monkeypatch: pytest.MonkeyPatch) -> None:
    # config.py applies the XDG rule itself on Linux (platformdirs costs a
    # one-shot command several ms to import): the answers must not differ.
    import platformdirs

    from briefing.storage.config import cache_dir, config_path, data_dir

    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)
    cases = [
        ("XDG_CONFIG_HOME", platformdirs.user_config_path, lambda: config_path().parent),
        ("XDG_DATA_HOME", platformdirs.user_data_path, data_dir),
        ("XDG_CACHE_HOME", platformdirs.user_cache_path, cache_dir),
    ]
    for variable, theirs, ours in cases:
        for value in (None, "", "relative/not/allowed", "/tmp/xdg-elsewhere"):
            if value is None:
                monkeypatch.delenv(variable, raising=False)
            else:
                monkeypatch.setenv(variable, value)
            assert ours() == theirs("briefing", appauthor=False), (variable, value)
