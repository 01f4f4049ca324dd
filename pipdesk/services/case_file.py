"""The case file for HR: one plan's documents, plan file, attachments and history in one ZIP that can be checked.

:func:`build_case_file` makes it (the command `pipdesk bundle` and File › Export case file… alike);
:func:`check_case_file` checks one against its manifest (`pipdesk verify --bundle`). The members:

- ``plan.pdf``, ``checkins/NN YYYY-MM-DD.pdf`` (every check-in record), ``outcome-report.pdf`` (only
  for a closed plan: an open plan has no outcome to hand over);
- ``plan.json``: the plan file (`pipdesk export-json`, format version 2);
- ``history.csv``: the plan's revisions (UTF-8 with a byte order mark, so spreadsheet programs read it);
- ``attachments/``: every file the plan's attachments name, byte-exact (the employee copy: the
  shareable ones);
- ``manifest.json``: who and what, the plan's audit chain head, and the SHA-256 and size of every other member.

The employee copy leaves out the manager's private notes everywhere: in the check-in records and the
outcome report, in the plan file (blanked) and in the history (a revision of a private note keeps its
date, field and reason, not the note); and it holds only the attachments marked shareable. With a
password the ZIP is AES-256 encrypted (WinZip AES, by pyzipper): the members' contents are
encrypted, their names and sizes are not.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pyzipper

from pipdesk.domain import PipdeskError, Plan, PlanInvalid, Status, vocabulary
from pipdesk.domain.attachments import archive_name, every_attachment
from pipdesk.domain.audit import chain_hash, content_hash
from pipdesk.domain.copies import employee_copy_of
from pipdesk.domain.model import Attachment
from pipdesk.planfile import MAX_PLAN_FILE_BYTES, dump_plan_file, parse_plan_file
from pipdesk.reports import ReportOptions, render_checkin, render_outcome, render_plan
from pipdesk.store import PlanBook
from pipdesk.system.safe_write import write_private_file

FORMAT = "pipdesk-case-file"
VERSION = 1
MANIFEST = "manifest.json"
PLAN_FILE = "plan.json"
HISTORY = "history.csv"
ATTACHMENTS = "attachments"
HISTORY_COLUMNS = ("When", "What changed", "Old", "New", "Reason")
#: What the employee copy's history says where a revision changed a private note.
#: A manifest is small; anything much larger is not one (and is not read whole).
_MAX_MANIFEST_BYTES = 4 * 1024 * 1024
#: More than any member (an attachment is at most 25 MB) or whole case file pipdesk writes: a manifest
#: listing more is not one, and the check never reads more than this.
_MAX_MEMBER_BYTES = 1 << 30
_MAX_CASE_FILE_BYTES = 8 << 30


class NotACaseFile(PipdeskError):
    """A file that is not a case file pipdesk can check: not a ZIP, no manifest, or it cannot be opened."""


@dataclass(frozen=True)
class CaseFileOptions:
    #: Leave out the manager's private notes (PDFs, plan file and history).
    employee_copy: bool = False
    #: Encrypt the ZIP (AES-256); empty or ``None``: no password.
    password: str | None = None
    #: When the case file is made (the manifest's ``created_at``, the PDFs' print date); ``None``: now.
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class CaseFileMade:
    """What :func:`build_case_file` put in the ZIP, for the person to read."""

    data: bytes
    members: tuple[str, ...]
    plan: Plan


def build_case_file(book: PlanBook, plan_id: int, options: CaseFileOptions = CaseFileOptions()) -> CaseFileMade:
    """The case file of plan ``plan_id`` as ZIP bytes. Raises ``PlanNotFound`` when the plan book has no such plan."""
    stored = book.get(plan_id)
    created_at = (options.created_at or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    plan = employee_copy_of(stored) if options.employee_copy else stored
    report = ReportOptions(employee_copy=options.employee_copy, printed_on=created_at.date())
    members: dict[str, bytes] = {"plan.pdf": render_plan(stored, report)}
    for index, checkin in enumerate(stored.checkins):
        members[f"checkins/{index + 1:02d} {checkin.date.isoformat()}.pdf"] = render_checkin(stored, index, report)
    if stored.status is Status.CLOSED:
        members["outcome-report.pdf"] = render_outcome(stored, report)
    members[PLAN_FILE] = dump_plan_file(plan).encode("utf-8")
    members[HISTORY] = history_csv(plan)
    members.update(_attachments(book, plan))
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "plan_id": plan_id,
        "employee": stored.employee.name,
        "title": stored.title,
        "created_at": created_at.isoformat(),
        "copy": "employee" if options.employee_copy else "full",
        "audit": {"content_hash": content_hash(stored), "revisions_chain_hash": chain_hash(stored)},
        "plan_file": {"name": PLAN_FILE, "content_hash": content_hash(plan)},
        "members": [
            {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in members.items()
        ],
    }
    members[MANIFEST] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return CaseFileMade(_zip(members, options.password, created_at), tuple(members), stored)


def write_case_file(
    book: PlanBook, plan_id: int, path: Path | str, options: CaseFileOptions = CaseFileOptions()
) -> CaseFileMade:
    """Build the case file and write it to ``path`` whole or not at all, mode 0600 (``-``: standard output)."""
    made = build_case_file(book, plan_id, options)
    write_private_file(path, made.data)
    return made


def _attachments(book: PlanBook, plan: Plan) -> dict[str, bytes]:
    """The files the plan's attachments name, byte-exact, under ``attachments/`` (named safely, never a path)."""
    return {
        attachment_member(placed.attachment): book.attachment_content(placed.attachment.sha256)
        for placed in every_attachment(plan)
    }


def attachment_member(attachment: Attachment) -> str:
    """Where an attached file goes in the ZIP: ``attachments/3f2a9c1d0b7e-Plan signed.pdf`` (see ``archive_name``)."""
    return f"{ATTACHMENTS}/{archive_name(attachment)}"


def history_csv(plan: Plan) -> bytes:
    """The plan's revisions, one a row: when (ISO 8601), what changed (as the window says it), old, new, reason."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HISTORY_COLUMNS)
    for revision in plan.revisions:
        writer.writerow(
            [
                revision.at.isoformat(),
                *map(
                    _cell,
                    (
                        vocabulary.revision_field(plan, revision.field),
                        vocabulary.revision_value(revision.old),
                        vocabulary.revision_value(revision.new),
                        revision.reason,
                    ),
                ),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(text: str) -> str:
    """Text a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) starts with an apostrophe."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _zip(members: dict[str, bytes], password: str | None, created_at: dt.datetime) -> bytes:
    buffer = io.BytesIO()
    encryption = {"encryption": pyzipper.WZ_AES} if password else {}
    with pyzipper.AESZipFile(buffer, "w", compression=pyzipper.ZIP_DEFLATED, **encryption) as archive:
        if password:
            archive.setpassword(password.encode("utf-8"))
            archive.setencryption(pyzipper.WZ_AES, nbits=256)
        for name, data in members.items():
            info = archive.zipinfo_cls(name, date_time=created_at.timetuple()[:6])
            info.compress_type = pyzipper.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


# Checking a case file


class MemberProblem(NamedTuple):
    """A member that differs from the manifest: ``changed``, ``missing`` or ``extra``, and why in words."""

    name: str
    kind: str
    detail: str


@dataclass(frozen=True)
class CaseFileCheck:
    """What :func:`check_case_file` found: the manifest and every member that differs from it."""

    manifest: dict[str, Any]
    members: int
    problems: list[MemberProblem] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


_READ_FAILURES = (zipfile.BadZipFile, pyzipper.BadZipFile, zlib.error, RuntimeError, ValueError, EOFError, OSError)


def check_case_file(path: Path, password: str | None = None) -> CaseFileCheck:
    """Check the case file at ``path`` against its manifest: every member listed with the right SHA-256 and
    size, none missing, none extra, and the plan file read with the content hash the manifest gives.

    Raises :class:`NotACaseFile` for a file that is not a case file (or cannot be opened: encrypted
    without ``password``, a wrong password, a password for a case file that has none).
    """
    archive = _open_archive(path)
    with archive:
        infos = archive.infolist()
        encrypted = any(info.flag_bits & 0x1 for info in infos)
        if encrypted and not password:
            raise NotACaseFile(f"{path}: is encrypted; its password is needed to check it")
        if password and not encrypted:
            raise NotACaseFile(f"{path}: is not encrypted; check it without a password")
        if password:
            archive.setpassword(password.encode("utf-8"))
        manifest = _read_manifest(archive, path)
        listed = {entry["name"]: entry for entry in manifest["members"]}
        problems: list[MemberProblem] = []
        for name, entry in listed.items():
            problems += _member_problems(archive, name, entry)
        seen: set[str] = set()
        for info in infos:
            if info.filename == MANIFEST and MANIFEST not in seen:
                seen.add(MANIFEST)
            elif info.filename in seen:
                problems.append(MemberProblem(info.filename, "extra", "is in the case file twice"))
            elif info.filename not in listed:
                problems.append(MemberProblem(info.filename, "extra", "is not listed in the manifest"))
            seen.add(info.filename)
        if not any(problem.name == PLAN_FILE for problem in problems):
            problems += _plan_file_problems(archive, manifest)
    return CaseFileCheck(manifest=manifest, members=len(listed), problems=problems)


def _open_archive(path: Path) -> pyzipper.AESZipFile:
    try:
        if Path(path).is_dir():
            raise NotACaseFile(f"{path}: is a folder, not a case file")
        return pyzipper.AESZipFile(path)
    except FileNotFoundError:
        raise NotACaseFile(f"{path}: no such file") from None
    except (zipfile.BadZipFile, pyzipper.BadZipFile, EOFError, ValueError):
        raise NotACaseFile(f"{path}: is not a case file (it is not a ZIP file)") from None
    except OSError as error:
        raise NotACaseFile(f"{path}: cannot be read ({error.strerror})") from None


def _read_manifest(archive: pyzipper.AESZipFile, path: Path) -> dict[str, Any]:
    not_one = f"{path}: is not a pipdesk case file"
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        raise NotACaseFile(f"{not_one} (it has no {MANIFEST})") from None
    if info.file_size > _MAX_MANIFEST_BYTES:
        raise NotACaseFile(f"{not_one} (its {MANIFEST} is far too large)")
    try:
        data = archive.read(MANIFEST)
    except RuntimeError as error:
        if "password" in str(error).lower():
            raise NotACaseFile(f"{path}: the password does not open it") from None
        raise NotACaseFile(f"{not_one} (its {MANIFEST} cannot be read)") from None
    except _READ_FAILURES:
        raise NotACaseFile(f"{not_one} (its {MANIFEST} cannot be read)") from None
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise NotACaseFile(f"{not_one} (its {MANIFEST} is not JSON)") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise NotACaseFile(f"{not_one} (its {MANIFEST} is not a case file's manifest)")
    if manifest.get("version") != VERSION:
        raise NotACaseFile(
            f"{path}: is a case file of version {manifest.get('version')!r}; this pipdesk reads {VERSION}"
        )
    if not _sound_manifest(manifest):
        raise NotACaseFile(f"{not_one} (its {MANIFEST} does not list its members as a case file's does)")
    sizes = [entry["size"] for entry in manifest["members"]]
    if any(not 0 <= size <= _MAX_MEMBER_BYTES for size in sizes) or sum(sizes) > _MAX_CASE_FILE_BYTES:
        raise NotACaseFile(f"{not_one} (its {MANIFEST} lists more than a case file holds)")
    return manifest


def _sound_manifest(manifest: dict[str, Any]) -> bool:
    members = manifest.get("members")
    plan_file = manifest.get("plan_file")
    audit = manifest.get("audit")
    return (
        isinstance(members, list)
        and all(
            isinstance(entry, dict)
            and isinstance(entry.get("name"), str)
            and isinstance(entry.get("sha256"), str)
            and isinstance(entry.get("size"), int)
            for entry in members
        )
        and isinstance(plan_file, dict)
        and isinstance(plan_file.get("content_hash"), str)
        and isinstance(audit, dict)
        and isinstance(audit.get("content_hash"), str)
    )


def _member_problems(archive: pyzipper.AESZipFile, name: str, entry: dict[str, Any]) -> list[MemberProblem]:
    try:
        archive.getinfo(name)
    except KeyError:
        return [MemberProblem(name, "missing", "is listed in the manifest but not in the case file")]
    digest, size = hashlib.sha256(), 0
    try:
        with archive.open(name) as member:
            # Never more than the manifest says and one byte: a zip bomb is not read to its end.
            while size <= entry["size"] and (chunk := member.read(min(1 << 20, entry["size"] + 1 - size))):
                digest.update(chunk)
                size += len(chunk)
    except _READ_FAILURES as error:
        return [MemberProblem(name, "changed", f"cannot be read ({error}); it was changed or damaged")]
    if size > entry["size"]:
        return [MemberProblem(name, "changed", f"is larger than the manifest says ({entry['size']} bytes)")]
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        sizes = f"{size} bytes, the manifest says {entry['size']}" if size != entry["size"] else "the same size"
        return [MemberProblem(name, "changed", f"does not match its SHA-256 in the manifest ({sizes})")]
    return []


def _plan_file_problems(archive: pyzipper.AESZipFile, manifest: dict[str, Any]) -> list[MemberProblem]:
    """The plan file read as a plan, with the content hash the manifest gives (for a full copy: the audit head)."""
    name = str(manifest["plan_file"].get("name", PLAN_FILE))
    try:
        with archive.open(name) as member:
            data = member.read(MAX_PLAN_FILE_BYTES + 1)
        if len(data) > MAX_PLAN_FILE_BYTES:
            return [MemberProblem(name, "changed", "is far too large to be a plan file")]
        plan = parse_plan_file(data)
    except KeyError:
        return [MemberProblem(name, "missing", "the plan file is not in the case file")]
    except PlanInvalid:
        return [MemberProblem(name, "changed", "is not a plan file pipdesk can read")]
    except _READ_FAILURES as error:
        return [MemberProblem(name, "changed", f"cannot be read ({error})")]
    listed = {entry["name"]: entry["sha256"] for entry in manifest["members"]}
    unlisted = [
        MemberProblem(member, "missing", "the plan file attaches this file, but the manifest does not list it")
        for member, sha256 in {
            attachment_member(p.attachment): p.attachment.sha256 for p in every_attachment(plan)
        }.items()
        if listed.get(member) != sha256
    ]
    if unlisted:
        return unlisted
    if content_hash(plan) != manifest["plan_file"]["content_hash"]:
        return [MemberProblem(name, "changed", "its content hash is not the one in the manifest")]
    if manifest.get("copy") == "full" and content_hash(plan) != manifest["audit"]["content_hash"]:
        return [MemberProblem(MANIFEST, "changed", "its audit content hash is not the full plan file's")]
    return []
