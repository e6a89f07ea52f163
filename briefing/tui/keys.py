"""How a binding's keys are shown, with the user's keymap applied."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding

__all__ = ["KeyDisplay", "keys_label"]

KeyDisplay = Callable[[Binding], str]


def keys_label(binding: Binding, keymap: dict[str, str], display: KeyDisplay) -> str:
    """The keys that trigger ``binding`` now (the user's keymap applied)."""
    keys = keymap.get(binding.id or "", binding.key)
    if binding.key_display and keys == binding.key:
        return binding.key_display
    return ", ".join(
        display(Binding(key.strip(), binding.action)) for key in keys.split(",") if key.strip()
    )
