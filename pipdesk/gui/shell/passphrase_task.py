"""What a passphrase is asked for: to open a plan book, or to set, change or remove its passphrase.

Apart from the dialog (:mod:`.passphrase_dialog`), so the window's actions name the tasks without loading
the dialog at launch: it loads with an encrypted plan book or the first passphrase command (#21).
"""

from __future__ import annotations

from enum import Enum


class PassphraseTask(Enum):
    OPEN = "open"
    SET = "set"
    CHANGE = "change"
    REMOVE = "remove"
