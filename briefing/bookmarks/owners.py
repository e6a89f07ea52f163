"""Who a bookmark belongs to: owners, and who "you" are.

As in git, you say who you are (``[user]`` in config.toml: ``name`` and an
optional ``email``) and your id follows from it: the email if set, else the
name. The same person on two machines is therefore the same owner, and
nothing has to be copied between them. With no ``[user]`` table the name is
the login name.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MAX_OWNER_CHARS", "NOBODY", "Owner", "owner_from", "whoami"]

# Longer than any name or address; short enough that 10,000 owners in one
# hostile file stay small.
MAX_OWNER_CHARS = 200


@dataclass(frozen=True, slots=True)
class Owner:
    """A person: ``id`` says who (compared), ``name`` is what is shown."""

    id: str
    name: str

    @property
    def label(self) -> str:
        """The name, with the id after it when they differ ("Ann <ann@x.org>")."""
        if not self.name or self.name == self.id:
            return self.id
        return f"{self.name} <{self.id}>"


# The owner of an entry not yet given one (never written to a file).
NOBODY = Owner("", "")


def owner_from(name: str, email: str | None = None) -> Owner:
    """The owner a person is, from the name and email they give.

    Spaces are normalised and an email is compared without case, so that
    "ann@X.org " and "ann@x.org" are one person. Raises ValueError if the
    result is empty or too long.
    """
    name = " ".join(name.split())
    address = "".join((email or "").split()).lower()
    owner = Owner(address or name, name or address)
    if not owner.id:
        raise ValueError("a name cannot be empty")
    if len(owner.id) > MAX_OWNER_CHARS or len(owner.name) > MAX_OWNER_CHARS:
        raise ValueError(f"a name or email is longer than {MAX_OWNER_CHARS} characters")
    return owner


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in the environment or the password database
        return "me"


def whoami() -> tuple[Owner, str]:
    """You, and where that comes from (for ``bookmarks whoami``)."""
    from briefing.storage.config import config_path, load_settings

    path = config_path()
    settings = load_settings(path)
    if settings.user_name or settings.user_email:
        try:
            return owner_from(settings.user_name or "", settings.user_email), f"[user] in {path}"
        except ValueError:
            pass  # reported by load_settings' problems; fall back to the login name
    return owner_from(_login_name()), f"your login name (set [user] name in {path})"
