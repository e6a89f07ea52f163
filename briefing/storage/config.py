"""Where briefing keeps its files, and the user's settings.

Settings live in ``config.toml`` in the user config dir (platformdirs), or in
the file named by ``BRIEFING_CONFIG``:

    theme = "textual-dark"

    [summary]
    algorithm = "default"
    sentences = 3

    [reader]
    sort = "date"        # "library", "date", "source" or "title"
    list_width = 32      # the list pane's share of the width, in percent
    side_width = 34      # the summary and facts pane's share

    [searches]           # saved searches: name = query (v in the reader)
    "Rail news" = "rail OR train -tag:done"

    [keymap]
    "reader.next_algorithm" = "s,ctrl+s"

    [user]                  # who you are, for shared bookmarks (as in git)
    name = "Ann Lee"
    email = "ann@example.org"

A broken config file never stops the reader: it is reported and the defaults
are used. Saving (the theme, summarizer, summary length, sort and list width,
when they are changed in the reader) keeps the user's comments and layout,
and never overwrites a file that failed to parse.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "ConfigError",
    "Settings",
    "cache_dir",
    "config_path",
    "data_dir",
    "library_setting",
    "load_settings",
    "save_setting",
]

APP_NAME = "briefing"


class ConfigError(Exception):
    """The config file exists but cannot be used (one line for the user)."""


def config_path() -> Path:
    override = os.environ.get("BRIEFING_CONFIG")
    if override:
        return Path(override)
    return _user_dir("XDG_CONFIG_HOME", ".config", "user_config_path") / "config.toml"


def data_dir() -> Path:
    return _user_dir("XDG_DATA_HOME", ".local/share", "user_data_path")


def cache_dir() -> Path:
    return _user_dir("XDG_CACHE_HOME", ".cache", "user_cache_path")


def _user_dir(variable: str, under_home: str, platformdirs_function: str) -> Path:
    """platformdirs' user folder of briefing. On Linux the XDG rule is applied
    directly: importing platformdirs costs a one-shot command such as
    `bookmarks add` several milliseconds (a test checks that the answers agree)."""
    if sys.platform == "linux":
        xdg = os.environ.get(variable, "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / under_home
        return base / APP_NAME
    import platformdirs

    return Path(getattr(platformdirs, platformdirs_function)(APP_NAME))


def library_setting(path: Path | None = None) -> Path | None:
    """``library = "…"`` from config.toml (``~`` expanded, a relative path taken
    from the config file's folder); None when unset or unreadable (the
    reader reports a broken file; the library falls back to its default)."""
    path = path or config_path()
    try:
        value = _read(path).get("library")
    except ConfigError:
        return None
    if not isinstance(value, str) or not value.strip():
        return None
    folder = Path(value.strip()).expanduser()
    return folder if folder.is_absolute() else path.parent / folder


@dataclass
class Settings:
    theme: str | None = None
    algorithm: str = "default"
    sentences: int = 3
    keymap: dict[str, str] = field(default_factory=dict)
    user_name: str | None = None
    user_email: str | None = None
    sort: str = "library"
    list_width: int | None = None  # percent; None: the layout's default
    side_width: int | None = None
    searches: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


SORTS = ("library", "date", "source", "title")
LIST_WIDTHS = range(15, 71)


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read {path}: {error}") from None
    # Imported here, and only when there is a file: `briefing summary` needs
    # this module only for cache_dir().
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path} is not valid TOML: {error}") from None


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; anything unusable is noted in ``problems`` and skipped."""
    path = path or config_path()
    settings = Settings()
    try:
        data = _read(path)
    except ConfigError as error:
        settings.problems.append(str(error))
        return settings
    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip():
        settings.theme = theme.strip()
    elif theme is not None:
        settings.problems.append(f"{path}: theme must be a name in quotes")
    summary = data.get("summary", {})
    if not isinstance(summary, dict):
        settings.problems.append(f"{path}: [summary] must be a table")
    else:
        algorithm = summary.get("algorithm")
        if isinstance(algorithm, str):
            settings.algorithm = algorithm
        sentences = summary.get("sentences")
        if isinstance(sentences, int) and not isinstance(sentences, bool) and sentences > 0:
            settings.sentences = sentences
        elif sentences is not None:
            settings.problems.append(f"{path}: summary.sentences must be a whole number above 0")
    _read_reader(data, settings, path)
    keymap = data.get("keymap", {})
    if isinstance(keymap, dict):
        for binding_id, keys in keymap.items():
            if isinstance(keys, str) and keys.strip():
                settings.keymap[str(binding_id)] = keys
            else:
                settings.problems.append(
                    f'{path}: keymap entry {binding_id!r} must be keys in quotes, e.g. "j,down"'
                )
    else:
        settings.problems.append(f"{path}: [keymap] must be a table of binding ids to keys")
    _read_user(data.get("user", {}), path, settings)
    return settings


def _read_user(user: Any, path: Path, settings: Settings) -> None:
    if not isinstance(user, dict):
        settings.problems.append(f'{path}: [user] must be a table (name = "…", email = "…")')
        return
    for key in ("name", "email"):
        value = user.get(key)
        if isinstance(value, str) and value.strip():
            setattr(settings, f"user_{key}", value.strip())
        elif value is not None:
            settings.problems.append(f"{path}: user.{key} must be text in quotes")


def _read_reader(data: dict[str, Any], settings: Settings, path: Path) -> None:
    """The [reader] table (sort, list width) and the saved [searches]."""
    reader = data.get("reader", {})
    if not isinstance(reader, dict):
        reader = {}
        settings.problems.append(f"{path}: [reader] must be a table")
    sort = reader.get("sort")
    if sort in SORTS:
        settings.sort = sort
    elif sort is not None:
        settings.problems.append(f"{path}: reader.sort must be one of {', '.join(SORTS)}")
    for key in ("list_width", "side_width"):
        width = reader.get(key)
        if isinstance(width, int) and not isinstance(width, bool) and width in LIST_WIDTHS:
            setattr(settings, key, width)
        elif width is not None:
            settings.problems.append(f"{path}: reader.{key} must be a percentage, 15 to 70")
    searches = data.get("searches", {})
    if not isinstance(searches, dict):
        settings.problems.append(f"{path}: [searches] must be a table of names to queries")
        return
    for name, query in searches.items():
        if isinstance(query, str) and query.strip():
            settings.searches[str(name)] = query
        else:
            settings.problems.append(f"{path}: saved search {name!r} must be a query in quotes")


def save_setting(key: str, value: str | int, path: Path | None = None) -> None:
    """Set one setting (``"theme"``, or ``"table.key"`` for one in a table),
    keeping the rest of the file as the user wrote it.

    Raises ConfigError (and leaves the file alone) if the file does not parse.
    """
    import tomlkit  # only when a setting is saved

    from briefing.storage.fsutil import atomic_write_text

    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read {path}, not changed: {error}") from None
    try:
        document = tomlkit.parse(text)
    except tomlkit.exceptions.TOMLKitError as error:
        raise ConfigError(f"{path} is not valid TOML, not changed: {error}") from None
    table_name, _, name = key.rpartition(".")
    if table_name:
        table = document.get(table_name)
        if table is None:
            table = document[table_name] = tomlkit.table()
        elif not isinstance(table, dict):
            raise ConfigError(f"{path}: [{table_name}] is not a table, not changed")
        table[name] = value
    else:
        document[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, tomlkit.dumps(document))
