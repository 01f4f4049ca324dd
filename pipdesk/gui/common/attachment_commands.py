"""What the evidence files lists do: attach files, remove one, open one, save one elsewhere.

A list of files sits at a :class:`Place` of the plan (the plan itself, a concern, a check-in, the
outcome). A file's bytes go into the plan book before the plan names it; then the plan changes as
one undoable step, with one reason on an issued plan however many files are attached at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from pipdesk.domain import Attachment, PipdeskError, Plan, Problem, vocabulary
from pipdesk.gui.common import attachment_files
from pipdesk.gui.common.attachment_dialog import AttachmentDialog
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.reason import change_with_reason
from pipdesk.gui.common.session import PlanSession
from pipdesk.store.attachments import too_large

#: The revision field of a change to a plan's files.
ATTACHMENTS_FIELD = "attachments"
NOT_ATTACHED = "The file was not attached"


@dataclass(frozen=True)
class Place:
    """Where a list of files is: ``locate`` finds it in a plan (None when the place is gone), ``words`` says it."""

    locate: Callable[[Plan], list[Attachment] | None]
    words: str


def _files_line(attachments: Sequence[Attachment]) -> str:
    return ", ".join(f"“{a.name}”" for a in attachments)


def _change(
    session: PlanSession,
    prompter: Prompts,
    parent: QWidget | None,
    text: str,
    edit: Callable[[Plan], None],
    old: str | None,
    new: str | None,
    change: str,
) -> list[Problem] | None:
    """One undoable step; on an issued plan, with a reason kept as a revision of the plan's files."""
    return change_with_reason(
        session, prompter, parent, text, edit, field=ATTACHMENTS_FIELD, old=old, new=new, change=change
    )


def attachable_size(prompter: Prompts, path: Path) -> int | None:
    """The size of the file at ``path``; None, said to the person, when it is a folder, cannot be read,
    or is too large (nothing of it is read)."""
    try:
        if not path.is_file():
            prompter.warning(NOT_ATTACHED, f"{path.name}: only files can be attached, not folders.")
            return None
        size = path.stat().st_size
    except OSError as error:
        prompter.warning(NOT_ATTACHED, f"{path.name} could not be read ({error.strerror or error}).")
        return None
    refused = too_large(size)
    if refused is not None:
        prompter.warning(NOT_ATTACHED, f"{path.name}: {refused}.")
        return None
    return size


def _described(
    session: PlanSession, prompter: Prompts, parent: QWidget | None, today: dt.date, path: Path
) -> Attachment | None:
    """Ask what the file at ``path`` is, then keep its bytes in the plan book; the attachment, or None."""
    size = attachable_size(prompter, path)
    if size is None:  # refused before any question
        return None
    dialog = AttachmentDialog(path.name, size, today, parent)
    try:
        if not prompter.run_dialog(dialog):
            return None
        try:
            data = path.read_bytes()
            digest = session.book.add_attachment_content(data)  # refuses a file grown past the limit
        except OSError as error:
            prompter.warning(NOT_ATTACHED, f"{path.name} could not be read ({error.strerror or error}).")
            return None
        except PipdeskError as error:
            prompter.warning(NOT_ATTACHED, f"{path.name}: {error}.")
            return None
        return dialog.attachment(digest).model_copy(update={"size": len(data)})
    finally:
        dialog.deleteLater()


def attach_files(
    session: PlanSession,
    prompter: Prompts,
    parent: QWidget | None,
    today: dt.date,
    place: Place,
    paths: Sequence[Path],
) -> list[Problem] | None:
    """Attach the files at ``paths`` to ``place``, each described in turn; None when none was attached."""
    added = [a for a in (_described(session, prompter, parent, today, path) for path in paths) if a is not None]
    if not added:
        return None
    names = _files_line(added)
    text = "Attach file" if len(added) == 1 else "Attach files"

    def apply(plan: Plan) -> None:
        files = place.locate(plan)
        if files is None:
            raise PipdeskError(f"{place.words[:1].upper()}{place.words[1:]} is no longer in the plan")
        files.extend(added)

    change = f"{text} to {place.words}: {names} ({vocabulary.count(len(added), 'file')})"
    return _change(session, prompter, parent, text, apply, None, names, change)


def remove_file(
    session: PlanSession, prompter: Prompts, parent: QWidget | None, place: Place, row: int
) -> list[Problem] | None:
    """Remove the file at ``row`` of ``place`` (undoable; the plan book keeps its bytes until it is next opened)."""
    files = place.locate(session.plan) or []
    removed = files[row]

    def apply(plan: Plan) -> None:
        found = place.locate(plan)
        if found is not None:
            del found[row]

    named = _files_line([removed])
    return _change(session, prompter, parent, "Remove file", apply, named, None, f"Remove from {place.words}: {named}")


def _content(session: PlanSession, prompter: Prompts, attachment: Attachment, title: str) -> bytes | None:
    try:
        return session.book.attachment_content(attachment.sha256)
    except PipdeskError as error:
        prompter.warning(title, str(error))
        return None


def open_file(session: PlanSession, prompter: Prompts, attachment: Attachment) -> None:
    """Open a private copy of the file with the system's program for its type."""
    title = "The file could not be opened"
    data = _content(session, prompter, attachment, title)
    if data is None:
        return
    try:
        opened = attachment_files.open_copy(attachment, data)
    except OSError as error:
        prompter.warning(title, f"A private copy of {attachment.name} could not be written ({error.strerror}).")
        return
    if not opened:
        prompter.warning(title, f"No program on this computer opens {attachment.name}. Save it and open it yourself.")


def save_file_as(session: PlanSession, prompter: Prompts, attachment: Attachment) -> Path | None:
    """Save the file's exact bytes where the person says; the path, or None."""
    path = prompter.save_file("Save evidence file as", attachment.name, "All files (*)")
    if path is None:
        return None
    data = _content(session, prompter, attachment, "The file was not saved")
    if data is None:
        return None
    try:
        attachment_files.save_copy(path, data)
    except PipdeskError as error:
        prompter.warning("The file was not saved", str(error))
        return None
    return path
