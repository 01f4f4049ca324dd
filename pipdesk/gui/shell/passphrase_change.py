"""Setting, changing and removing the open plan book's passphrase from the window (File menu): the plan
book is rewritten by ``store/encryption.py`` and reopened with the new passphrase; backups taken
before it had one are offered for deletion."""

from __future__ import annotations

from pathlib import Path

from pipdesk.domain import PipdeskError, vocabulary
from pipdesk.gui.shell.book import PlanBooks, busy
from pipdesk.gui.shell.passphrase_dialog import PassphraseDialog, PassphraseTask
from pipdesk.store import encryption
from pipdesk.store.backups import list_backups
from pipdesk.store.connection import passphrase_of
from pipdesk.store.driver import normalized
from pipdesk.store.leftovers import find_leftovers, remove_leftovers


def change_passphrase(books: PlanBooks, task: PassphraseTask) -> bool:
    """Set, change or remove the open plan book's passphrase; the plan book is reopened with the new one."""
    book = books.window.book
    assert book is not None and book.path is not None
    if not books.window.save_status.may_leave(books.prompter, "change the passphrase", "Go on without saving"):
        return False
    path, old = book.path, passphrase_of(book.db.conn)
    dialog = PassphraseDialog(task, path.name, books.parent_widget)
    while True:
        if not books.prompter.run_dialog(dialog):
            return False
        if task is PassphraseTask.SET or normalized(dialog.current() or "") == normalized(old or ""):
            break
        dialog.say_wrong()
    new = dialog.new()
    plan_id = books.window.session.plan_id if books.window.session else None
    books.window.close_book()
    try:
        with busy():
            encryption.change_passphrase(path, old, new)
    except PipdeskError as error:
        books.prompter.warning("The passphrase was not changed", str(error))
        new = old  # the plan book is as it was
    if not books.open(path, passphrase=new, back_up=False):
        return False
    if plan_id is not None:
        books.window.select_plan(plan_id)
    if new == old:
        return False
    # A backup with the new passphrase before any other backup is offered for deletion.
    books.back_up("with the new passphrase")
    done = {
        PassphraseTask.SET: "is encrypted now",
        PassphraseTask.CHANGE: "opens with the new passphrase now",
        PassphraseTask.REMOVE: "is no longer encrypted",
    }
    books.say(f"{path.name} {done[task]}", 10000)
    if task is PassphraseTask.SET:
        _offer_to_delete_plain_backups(books, path)
    return True


def _offer_to_delete_plain_backups(books: PlanBooks, path: Path) -> None:
    """Backups taken before the passphrase was set can be read by anyone who gets them: offer to delete them.

    With them, unencrypted files a pipdesk stopped mid-task left (an unfinished backup, say) and
    that could not be removed on opening, each said for what it is.
    """
    plain = [b for b in list_backups(books.backups_folder, path.stem) if not b.encrypted]
    stray = [left for left in find_leftovers(path, books.backups_folder) if left.unencrypted]
    if not plain and not stray:
        return
    text = (
        f"{vocabulary.count(len(plain), 'backup')} of {path.name} {vocabulary.agreeing(len(plain), 'was', 'were')} "
        "taken before it had a passphrase: anyone who gets "
        f"them can read them. An encrypted backup was just taken. Delete the unencrypted ones from "
        f"{books.backups_folder}?"
        if plain
        else f"Files left by a pipdesk stopped mid-task hold {path.name}'s plans unencrypted. Delete them?"
    )
    if stray:
        text += "\n\nAlso left unencrypted by a pipdesk stopped mid-task:\n" + "\n".join(
            f"• {left.describe()}" for left in stray
        )
    if books.prompter.confirm("Unencrypted backups", text, "Delete them"):
        for backup in plain:
            backup.path.unlink(missing_ok=True)
        assert books.window.book is not None
        gone = remove_leftovers(books.window.book, stray)
        also = f" and {vocabulary.count(len(gone), 'unencrypted leftover')}" if gone else ""
        books.say(f"Deleted {vocabulary.count(len(plain), 'unencrypted backup')}{also} of {path.name}", 10000)
