"""The ``pipdesk`` command: the main window, and headless commands for plan books and plan files.

Public interface: scripts call these commands as documented in docs/cli.md. Success exits 0;
bad input or a bad file prints a short message on stderr and exits 2, having written nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipdesk import __version__
from pipdesk.domain import PipdeskError, PlanInvalid
from pipdesk.domain.defaults import DEFAULT_SUSTAINED
from pipdesk.store.driver import MIN_PASSPHRASE_LENGTH, sqlite3

if TYPE_CHECKING:
    from pipdesk.domain import Checkin
    from pipdesk.store import PlanBook, PlanSummary
    from pipdesk.store.erasure import ErasureResult

# Each command imports what it uses when it runs (#21): `pipdesk list` loads no ReportLab, `--help`
# no plan book; tests/test_command_imports.py checks every command's imports.

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
#: The output's reader closed it before the end (128 + SIGPIPE, as a Unix tool killed by the signal says).
EXIT_OUTPUT_CLOSED = 141

#: The collector's first threshold while a command runs (Python's default is 700).
_YOUNG_OBJECTS_BEFORE_COLLECTING = 50_000

PASSPHRASE_HELP = "the plan book's passphrase, if it is encrypted: the first line of F (- for standard input)"


class UsageError(PipdeskError):
    """Bad input on the command line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"pipdesk: {message}\n")

    def _check_value(self, action: argparse.Action, value: object) -> None:
        if not isinstance(action, _CommandOrFile):  # a word that names no command may be FILE: checked there
            super()._check_value(action, value)


class _CommandOrFile(argparse._SubParsersAction):  # type: ignore[type-arg]
    """``pipdesk COMMAND ...``, or ``pipdesk FILE``: a plan book to open, or a plan file to import, in the window."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object, option: object = None
    ) -> None:
        assert isinstance(values, list)
        name, *rest = values
        if name in self._name_parser_map:
            return super().__call__(parser, namespace, values, option)  # type: ignore[arg-type]
        if not Path(name).exists():
            commands = ", ".join(self._name_parser_map)
            raise argparse.ArgumentError(self, f"{name!r} is neither a command ({commands}) nor a file")
        if rest:
            raise argparse.ArgumentError(self, f"options go before the file: pipdesk {' '.join(rest)} {name}")
        namespace.file = Path(name)
        return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; ``only``: the command a command line names first, whose parser alone is made
    (its arguments, help and errors the same): argparse took ~7 ms to make every command's, for each command
    (#21). None: every command's (``--help``, ``--version``, a FILE, a mistake)."""
    parser = _Parser(
        prog="pipdesk",
        description="Draft, run and close Performance Improvement Plans. Without a command, opens the main window; "
        "with FILE, opens that plan book in it, or imports that plan file into a plan book you choose.",
    )
    parser.set_defaults(file=None)
    parser.add_argument("--version", action="version", version=f"pipdesk {__version__}")
    parser.add_argument("--db", type=Path, help="the plan book to open (default: plans.pipdesk in your data folder)")
    parser.add_argument("--passphrase-file", type=Path, metavar="F", help=PASSPHRASE_HELP)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND | FILE", parser_class=_Parser, action=_CommandOrFile
    )

    def command(name: str, help_text: str, run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run)
        return sub

    def wanted(*names: str) -> bool:
        return only is None or only in names

    def opens_book(sub: argparse.ArgumentParser, db_help: str = "the plan book (default: your plan book)") -> None:
        sub.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
        sub.add_argument("--passphrase-file", type=Path, metavar="F", default=argparse.SUPPRESS, help=PASSPHRASE_HELP)

    def plan_to_file(sub: argparse.ArgumentParser, output: str) -> None:
        """A plan's number, its plan book, and the file ``output`` (a metavar) to write it to, - for stdout."""
        sub.add_argument("id", type=int, metavar="ID", help="the plan's number, as `pipdesk list` shows it")
        opens_book(sub)
        where = "where to write; - for stdout"
        sub.add_argument("-o", "--output", type=Path, required=True, metavar=output, help=where)

    if wanted("demo"):
        demo = command("demo", "Write a plan book holding the sample plans.", _demo)
        demo.add_argument("--db", type=Path, required=True, default=argparse.SUPPRESS, help="the plan book to write")
        demo.add_argument(
            "--passphrase-file",
            type=Path,
            metavar="F",
            default=argparse.SUPPRESS,
            help=PASSPHRASE_HELP + "; a new plan book is encrypted with it",
        )
        demo.add_argument("--open", action="store_true", help="open the main window on it afterwards")
        demo.add_argument(
            "--plans",
            type=_count,
            metavar="N",
            help="instead of the samples, N generated plans of every status (for trying pipdesk at scale)",
        )
        demo.add_argument("--seed", type=int, default=0, help="with --plans: the same seed gives the same plans")

    if wanted("import"):
        imp = command("import", "Import a plan file (format version 1 or 2) and print the new plan's number.", _import)
        imp.add_argument("file", type=Path, metavar="FILE.json")
        opens_book(imp)

    if wanted("export-json"):
        exp = command("export-json", "Export one plan as a plan file (format version 2).", _export_json)
        plan_to_file(exp, "OUT.json")
        exp.add_argument("--stamp", action="store_true", help="record the export time in the file (exported_at)")

    if wanted("pdf"):
        pdf = command(
            "pdf", "Export a plan, its outcome report, a check-in record or the next meeting's guide as PDF.", _pdf
        )
        pdf.add_argument("document", choices=["plan", "outcome", "checkin", "agenda"], help="which document")
        plan_to_file(pdf, "OUT.pdf")
        pdf.add_argument(
            "--date",
            type=_iso_date,
            metavar="YYYY-MM-DD",
            help="checkin: the check-in of that day; agenda: the next meeting on or after that day (default today)",
        )
        pdf.add_argument("--employee-copy", action="store_true", help="leave out the manager's private notes")
        pdf.add_argument(
            "--password-file", type=Path, metavar="F", help="protect the PDF with the password on the first line of F"
        )
        pdf.add_argument(
            "--sustained",
            type=_sustained,
            default=DEFAULT_SUSTAINED,
            metavar="N",
            help="outcome: the last N measured values must reach the target for 'met' "
            f"(1-10; default {DEFAULT_SUSTAINED})",
        )

    if wanted("ics"):
        plan_to_file(command("ics", "Export a plan's upcoming milestones as a calendar file (.ics).", _ics), "OUT.ics")

    if wanted("verify"):
        verify = command(
            "verify", "Check every plan's audit trail (the hash chains of its saves and of its revisions).", _verify
        )
        opens_book(verify)
        verify.add_argument(
            "--printed",
            metavar="HASH",
            help='also find the save a PDF was printed from: the hash after "Audit trail" in its footer',
        )
        _add_case_file_check(verify)

    if wanted("bundle"):
        _add_bundle(command, opens_book)
    if wanted("erase", "anonymise"):
        _add_retention_commands(command, opens_book, only)
    if wanted("subject-access"):
        _add_subject_access(command, opens_book)

    if wanted("selftest"):
        command(
            "selftest",
            "Check this pipdesk works: offscreen, in a temporary folder, touching none of your data.",
            _selftest,
        )

    if wanted("list"):
        lst = command("list", "List the plans of a plan book.", _list)
        opens_book(lst)
        lst.add_argument("--json", action="store_true", help="print a JSON array instead of a table")

    if wanted("passphrase"):
        secret = command(
            "passphrase", "Set, change or remove a plan book's passphrase (encryption at rest).", _passphrase
        )
        actions = secret.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
        for action, help_text, needs_old, needs_new in (
            ("set", "Encrypt a plain plan book with a new passphrase.", False, True),
            ("change", "Give an encrypted plan book a new passphrase.", True, True),
            ("remove", "Decrypt a plan book: it is stored as plain SQLite again.", True, False),
        ):
            sub = actions.add_parser(action, help=help_text, description=help_text)
            sub.add_argument(
                "--db", type=Path, default=argparse.SUPPRESS, help="the plan book (default: your plan book)"
            )
            if needs_old:
                sub.add_argument(
                    "--passphrase-file",
                    type=Path,
                    metavar="F",
                    required=True,
                    default=argparse.SUPPRESS,
                    help="the current passphrase: the first line of F (- for standard input)",
                )
            if needs_new:
                sub.add_argument(
                    "--new-passphrase-file",
                    type=Path,
                    metavar="F",
                    required=True,
                    help=f"the new passphrase: the first line of F (- for standard input), {MIN_PASSPHRASE_LENGTH} "
                    "characters or more",
                )

    return parser


def _add_retention_commands(
    command: Callable[[str, str, Callable[[argparse.Namespace], int]], argparse.ArgumentParser],
    opens_book: Callable[[argparse.ArgumentParser], None],
    only: str | None = None,
) -> None:
    """``erase`` and ``anonymise``: a plan taken out of the plan book and its backups, with a reason logged."""
    for name, help_text, run in (
        (
            "erase",
            "Erase a plan from the plan book and every backup of it, for good; the erasure log keeps the reason.",
            _erase,
        ),
        (
            "anonymise",
            "Replace a plan's names, emails and free text in the plan book and every backup; dates and numbers stay.",
            _anonymise,
        ),
    ):
        if only not in (None, name):
            continue
        sub = command(name, help_text, run)
        sub.add_argument("id", type=int, metavar="ID", help="the plan's number, as `pipdesk list` shows it")
        opens_book(sub)
        sub.add_argument("--reason", required=True, metavar="TEXT", help="why: kept in the plan book's erasure log")
        sub.add_argument(
            "--backups", type=Path, metavar="FOLDER", help="the folder of the plan book's backups (default: pipdesk's)"
        )


#: Every command's name, as build_parser makes them (a test checks they agree): a word that is one is no FILE.
COMMAND_NAMES = (
    "demo",
    "import",
    "export-json",
    "pdf",
    "ics",
    "verify",
    "bundle",
    "erase",
    "anonymise",
    "subject-access",
    "selftest",
    "list",
    "passphrase",
)


#: The window's launch options, as ``argparse.Namespace`` names them.
_WINDOW_OPTIONS = {"--db": "db", "--passphrase-file": "passphrase_file"}


def window_launch(argv: Sequence[str]) -> argparse.Namespace | None:
    """``pipdesk [--db B] [--passphrase-file F] [FILE]``, the window's launch, read without building a parser (each
    launch paid ~6 ms for every command's parser, then ~3 ms for a small one: argparse's messages load
    ``gettext``'s locale, its help formatter ``shutil``; #21). It takes what argparse takes (``--db=B``, a unique
    abbreviation such as ``--d B``, ``-`` as a value); None for anything else (a command, ``--help``, ``--version``,
    an option twice, a value that looks like an option, a mistake), which :func:`build_parser`'s parser reads
    and answers as before."""
    found: dict[str, Path] = {}
    file: Path | None = None
    words = iter(argv)
    for word in words:
        if file is not None:  # FILE comes last: the whole parser says "options go before the file"
            return None
        if not word.startswith("-") or word == "-":
            file = Path(word)
            continue
        name, equals, value = word.partition("=")
        matches = [option for option in _WINDOW_OPTIONS if len(name) > 2 and option.startswith(name)]
        if len(matches) != 1 or matches[0] in found:
            return None
        if not equals:
            following = next(words, None)
            if following is None or (following.startswith("-") and following != "-"):
                return None
            value = following
        found[matches[0]] = Path(value)
    if file is not None and (str(file) in COMMAND_NAMES or not file.exists()):
        return None
    return argparse.Namespace(
        command=None, file=file, **{name: found.get(option) for option, name in _WINDOW_OPTIONS.items()}
    )


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    args = window_launch(words) or build_parser(words[0] if words and words[0] in COMMAND_NAMES else None).parse_args(
        words
    )
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    thresholds = gc.get_threshold()
    if not getattr(args, "open", False):  # `demo --open` goes on as the window
        # A command is a short process making many objects (modules, rows) and few cycles: the collector's
        # default ran ~140 times, ~50 ms of a 0.5 s `pipdesk list` or `pdf`; now once or twice (#21). The
        # window's launch likewise, until its first paint (run_app then sets them back).
        gc.set_threshold(_YOUNG_OBJECTS_BEFORE_COLLECTING, *thresholds[1:])
    from pipdesk.store.connection import explain_database_error, set_lock_holder

    holder = set_lock_holder(f"the command pipdesk {args.command}") if run is not None else None
    try:
        if run is None:
            return _open_window(args.db, _book_passphrase(args), args.file, collecting=thresholds)
        code = run(args)
        sys.stdout.flush()  # here, so that a reader gone away (below) is not said at exit as a fault
        return code
    except BrokenPipeError:  # `pipdesk list | head`: the reader took what it wanted and closed the pipe
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more is written, not even at exit
        return EXIT_OUTPUT_CLOSED
    except PlanInvalid as error:
        _say(str(error))
        return EXIT_BAD_INPUT
    except PipdeskError as error:
        _say(f"pipdesk: {error}")
        return EXIT_BAD_INPUT
    except sqlite3.Error as error:  # a write the plan book refused: rolled back, nothing half-saved
        _say(f"pipdesk: nothing was changed: {explain_database_error(error)}")
        return EXIT_BAD_INPUT
    except UnicodeDecodeError:  # every other input is decoded where it is read: this is text in the plan book
        _say("pipdesk: the plan book holds text that is not UTF-8: it is damaged; restore it from a backup")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a fault in pipdesk: a short line here, the traceback in the log
        from pipdesk.system.diagnostics import log_unexpected_error

        log_path = log_unexpected_error(error)
        _say(f"pipdesk: unexpected error ({type(error).__name__}: {error}); details in {log_path}")
        return EXIT_FAILED
    finally:
        gc.set_threshold(*thresholds)  # as they were: main() also runs inside other programs (and tests)
        if holder is not None:
            set_lock_holder(holder)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _book_path(args: argparse.Namespace) -> Path:
    from pipdesk.store.connection import default_plan_book_path

    return Path(args.db) if args.db is not None else default_plan_book_path()


def _book_passphrase(args: argparse.Namespace) -> str | None:
    path = getattr(args, "passphrase_file", None)
    return _read_secret(Path(path), "passphrase") if path is not None else None


def _open_book(args: argparse.Namespace, *, create: bool = False) -> PlanBook:
    from pipdesk.store.plan_book import PlanBook

    book = PlanBook.open(_book_path(args), create=create, passphrase=_book_passphrase(args))
    _clean_up_leftovers(book)
    return book


def _clean_up_leftovers(book: PlanBook) -> None:
    """What a pipdesk stopped mid-task left beside the plan book or among its backups goes, said on stderr."""
    from pipdesk.store.connection import default_backups_folder
    from pipdesk.store.leftovers import clean_up_leftovers, say_removed

    if removed := clean_up_leftovers(book, default_backups_folder()):
        _say(f"pipdesk: {say_removed(removed)}")


def _open_window(
    db: Path | None,
    passphrase: str | None = None,
    file: Path | None = None,
    collecting: tuple[int, int, int] | None = None,
) -> int:
    from pipdesk.gui.shell.app import run_app  # Qt is loaded only when a window is wanted

    # Without --db: the plan book used last, else the default one.
    return run_app(db, passphrase, file, collecting=collecting)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of plans, found {text!r}") from None
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(f"expected 1 to 1000000 plans, found {value}")
    return value


def _demo(args: argparse.Namespace) -> int:
    from pipdesk.services.samples import add_demo_plans, add_generated_plans
    from pipdesk.store.connection import check_integrity
    from pipdesk.store.plan_book import PlanBook

    path = Path(args.db)
    passphrase = _book_passphrase(args)
    if args.plans:
        with PlanBook.open(path, passphrase=passphrase) as book:
            check_integrity(book.db, path)
            written = add_generated_plans(book, args.plans, seed=args.seed)
        print(f"Wrote {written} generated plans to {path}")
        return _open_window(path, passphrase) if args.open else EXIT_OK
    with PlanBook.open(path, passphrase=passphrase) as book:
        check_integrity(book.db, path)
        added = add_demo_plans(book)
    if added:
        print(f"Wrote {len(added)} sample plans to {path}")
    else:
        print(f"{path} already holds the sample plans")
    if args.open:
        return _open_window(path, passphrase)
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from pipdesk.services.plan_files import read_attachment_files, read_plan_file
    from pipdesk.store.connection import check_integrity

    try:
        plan = read_plan_file(Path(args.file))
        files = read_attachment_files(Path(args.file), plan)
    except PlanInvalid as error:
        raise PlanInvalid(error.problems, intro=f"{args.file}: not imported") from None
    with _open_book(args, create=True) as book:
        check_integrity(book.db, _book_path(args))
        for data in files.values():
            book.add_attachment_content(data)
        plan_id = book.add(plan)
    print(plan_id)
    return EXIT_OK


def _export_json(args: argparse.Namespace) -> int:
    from pipdesk.services.plan_files import write_plan_file

    with _open_book(args) as book:  # open while writing: the output is checked against the open plan book
        plan = book.get(args.id)  # a plan not there: PlanNotFound, said as bad input
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0) if args.stamp else None
        write_plan_file(args.output, plan, exported_at=stamp, attachment_content=book.attachment_content)
    return EXIT_OK


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else dt.date.fromisoformat("invalid")
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, found {text!r}") from None


def _read_secret(path: Path, what: str = "password") -> str:
    """The first line of ``path`` (``-``: standard input): a secret never goes on a command line, where others see."""
    try:
        if str(path) == "-":
            first_line = sys.stdin.readline().splitlines()[:1]
        else:
            first_line = path.read_text(encoding="utf-8-sig").splitlines()[:1]  # -sig: as Notepad saves it
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot be read ({getattr(error, 'strerror', None) or error})") from None
    secret = first_line[0] if first_line else ""
    if not secret:
        raise UsageError(f"{path}: the first line is empty; it should hold the {what}")
    return secret


def _pdf(args: argparse.Namespace) -> int:
    from pipdesk.reports import DocumentKind, ReportError, ReportOptions, render
    from pipdesk.system.safe_write import write_private_file

    if args.date is not None and args.document not in {"checkin", "agenda"}:
        raise UsageError("--date goes with `pdf checkin` and `pdf agenda` only")
    password = _read_secret(args.password_file) if args.password_file else None
    with _open_book(args) as book:  # open while writing: the output is checked against the open plan book
        plan = book.get_to_print(args.id)  # not validated again: no pydantic (domain/plain.py, #21)
        index = None
        if args.document == "checkin":
            index = _checkin_index(plan.checkins, args.date)
        options = ReportOptions(employee_copy=args.employee_copy, password=password, sustained=args.sustained)
        try:
            data = render(DocumentKind(args.document), plan, options, checkin_index=index, on=args.date)
        except ReportError as error:
            raise UsageError(str(error)) from None
        write_private_file(args.output, data)
    return EXIT_OK


def _sustained(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 10:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to 10, found {text!r}")
    return value


def _checkin_index(checkins: Sequence[Checkin], day: dt.date | None) -> int:
    """The latest check-in, or the (last) one held on ``day``."""
    if not checkins:
        raise UsageError("this plan has no check-ins yet")
    if day is None:
        return max(range(len(checkins)), key=lambda i: (checkins[i].date, i))
    matches = [i for i, checkin in enumerate(checkins) if checkin.date == day]
    if not matches:
        held = ", ".join(sorted({c.date.isoformat() for c in checkins}))
        raise UsageError(f"no check-in on {day.isoformat()}; this plan's check-ins are on {held}")
    return matches[-1]


def _ics(args: argparse.Namespace) -> int:
    from pipdesk.services.calendar import export_calendar

    with _open_book(args) as book:
        events = export_calendar(book, args.id, Path(args.output), dt.date.today())
    if str(args.output) != "-":  # standard output holds the calendar alone
        print(f"Wrote {events} upcoming milestones to {args.output}")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from pipdesk.domain import vocabulary

    if getattr(args, "bundle", None) is not None:
        return _verify_case_file(args)
    if getattr(args, "password_file", None) is not None:
        raise UsageError("--password-file goes with --bundle (a case file's password)")
    printed = getattr(args, "printed", None)
    with _open_book(args) as book:
        trails = book.verify_audit_trails()
        found = book.saves_of_content(printed.strip().lower()) if printed else []
    broken = [t for t in trails if not t.intact]
    for trail in trails:
        where = f"plan {trail.plan_id} ({trail.employee}, {trail.title})" if trail.employee else f"plan {trail.plan_id}"
        if trail.intact:
            saves = f"{vocabulary.count(trail.revisions, 'revision')}, {vocabulary.count(trail.saves, 'save')}"
            print(f"ok      {where}: {saves}, chain intact")
            continue
        reasons = []
        if trail.broken_at is not None:
            reasons.append(
                f"revision {trail.broken_at + 1} of {trail.revisions} ({trail.broken_revision}) does not match "
                "its recorded hash; it, or one before it, was changed outside pipdesk"
            )
        if trail.problem is not None:
            reasons.append(trail.problem)
        print(f"BROKEN  {where}: {'; and '.join(reasons)}")
    print(f"{len(trails) - len(broken)} of {len(trails)} audit trails intact")
    if printed:
        for saved in found:
            later = vocabulary.count(saved.later_saves, "later save")
            current = "what it holds now" if saved.later_saves == 0 else later
            print(f"printed {printed}: plan {saved.plan_id} as saved on {saved.at[:10]}; {current}")
        if not found:
            print(
                f"NOT FOUND  printed {printed}: no save in this plan book had that content; if the PDF was "
                "printed from this plan book, its record of saves was rewritten since"
            )
    return EXIT_FAILED if broken or (printed and not found) else EXIT_OK


def _add_bundle(
    command: Callable[[str, str, Callable[[argparse.Namespace], int]], argparse.ArgumentParser],
    opens_book: Callable[[argparse.ArgumentParser], None],
) -> None:
    """`pipdesk bundle`: the case file for HR (docs/cli.md)."""
    bundle = command(
        "bundle", "Write a plan's case file for HR: its documents, plan file and history in one ZIP.", _bundle
    )
    bundle.add_argument("id", type=int, metavar="ID", help="the plan's number, as `pipdesk list` shows it")
    opens_book(bundle)
    bundle.add_argument("-o", "--output", type=Path, required=True, metavar="CASE.zip", help="where to write")
    bundle.add_argument("--employee-copy", action="store_true", help="leave out the manager's private notes")
    bundle.add_argument("--password-file", type=Path, metavar="F", help="encrypt the ZIP: the password is line 1 of F")


def _add_case_file_check(verify: argparse.ArgumentParser) -> None:
    """`pipdesk verify --bundle`: a case file checked against its manifest (docs/cli.md)."""
    verify.add_argument(
        "--bundle", type=Path, metavar="CASE.zip", help="instead, check a case file against its manifest"
    )
    verify.add_argument(
        "--password-file", type=Path, metavar="F", help="--bundle: the case file's password, on the first line of F"
    )


def _bundle(args: argparse.Namespace) -> int:
    from pipdesk.domain import vocabulary
    from pipdesk.services.case_file import CaseFileOptions, write_case_file

    password = _read_secret(args.password_file) if args.password_file else None
    options = CaseFileOptions(employee_copy=args.employee_copy, password=password)
    with _open_book(args) as book:  # open while writing: the output is checked against the open plan book
        made = write_case_file(book, args.id, args.output, options)
    if str(args.output) != "-":  # standard output holds the case file alone
        copy = "employee copy" if args.employee_copy else "full copy"
        encrypted = ", encrypted" if password else ""
        what = f"{vocabulary.count(len(made.members) - 1, 'file')} and the manifest, {copy}{encrypted}"
        print(f"Wrote the case file of plan {args.id} ({made.plan.employee.name}) to {args.output}: {what}")
    return EXIT_OK


def _verify_case_file(args: argparse.Namespace) -> int:
    from pipdesk.domain import vocabulary
    from pipdesk.services.case_file import check_case_file

    if getattr(args, "printed", None):
        raise UsageError("--printed goes with a plan book, not with --bundle")
    password = _read_secret(args.password_file) if args.password_file else None
    check = check_case_file(Path(args.bundle), password)
    manifest = check.manifest
    copy = "employee copy" if manifest.get("copy") == "employee" else "full copy"
    print(
        f"case file of plan {manifest.get('plan_id')} ({manifest.get('employee')}, {manifest.get('title')}), "
        f"{copy}, made {manifest.get('created_at')}"
    )
    print(f"plan content hash {manifest['audit']['content_hash']}")
    for problem in check.problems:
        print(f"{problem.kind.upper():<8} {problem.name}: {problem.detail}")
    if check.intact:
        print(f"intact: all {vocabulary.count(check.members, 'file')} match the manifest")
        return EXIT_OK
    print(f"NOT INTACT: {vocabulary.count(len(check.problems), 'file')} of the case file differ from its manifest")
    return EXIT_FAILED


def _erase(args: argparse.Namespace) -> int:
    from pipdesk.store.erasure import erase_plan

    return _retention_command(args, erase_plan, "Erased", "from the plan book")


def _anonymise(args: argparse.Namespace) -> int:
    from pipdesk.store.erasure import anonymise_plan

    return _retention_command(args, anonymise_plan, "Anonymised", "in the plan book")


def _retention_command(
    args: argparse.Namespace, act: Callable[[PlanBook, int, str, Path | None], ErasureResult], done: str, where: str
) -> int:
    """Erase or anonymise (``act``) and say what it reached; exit 1 when a backup still holds the plan."""
    from pipdesk.domain import vocabulary
    from pipdesk.store.connection import default_backups_folder

    folder = args.backups if args.backups is not None else default_backups_folder()
    with _open_book(args) as book:
        result = act(book, args.id, args.reason, folder)
    backups = vocabulary.count(len(result.backups_rewritten), "backup")
    initials = result.entry.employee_initials
    print(f"{done} plan {args.id} ({initials}) {where} and {backups}; the erasure log keeps the reason")
    for path, why in result.backups_left:
        _say(f"pipdesk: {path} may still hold plan {args.id}; it could not be rewritten ({why}); delete that backup")
    return EXIT_FAILED if result.backups_left else EXIT_OK


def _add_subject_access(
    command: Callable[[str, str, Callable[[argparse.Namespace], int]], argparse.ArgumentParser],
    opens_book: Callable[[argparse.ArgumentParser], None],
) -> None:
    sub = command(
        "subject-access",
        "Gather everything the plan book holds that names a person into one ZIP (a subject access request).",
        _subject_access,
    )
    sub.add_argument("name", metavar="NAME", help='the person\'s name, as in "Alex Moreno"')
    opens_book(sub)
    sub.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.zip", help="where to write the ZIP")
    sub.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="OTHER",
        help="another name the person goes by (a first name alone, an earlier surname); may be repeated",
    )


def _subject_access(args: argparse.Namespace) -> int:
    from pipdesk.domain import vocabulary
    from pipdesk.services.subject_access import NothingFound, Request, write_subject_access

    request = Request(args.name.strip(), tuple(a.strip() for a in args.also if a.strip()))
    if not request.name:
        raise UsageError("give the person's name")
    with _open_book(args) as book:
        try:
            found = write_subject_access(book, request, Path(args.output))
        except NothingFound as error:
            print(str(error))
            return EXIT_FAILED
    own = sum(1 for f in found if f.own)
    print(
        f"Wrote {args.output}: {vocabulary.count(own, 'plan')} for {request.name} as the employee, "
        f"{vocabulary.count(len(found) - own, 'other plan')} naming them. Review it before you send it."
    )
    return EXIT_OK


def _selftest(args: argparse.Namespace) -> int:
    from pipdesk.gui.shell.selftest import run_selftest

    return run_selftest()


def _passphrase(args: argparse.Namespace) -> int:
    from pipdesk.store.encryption import change_passphrase
    from pipdesk.store.leftovers import say_removed

    path = _book_path(args)
    old_file, new_file = getattr(args, "passphrase_file", None), getattr(args, "new_passphrase_file", None)
    if old_file is not None and new_file is not None and str(old_file) == str(new_file) == "-":
        raise UsageError("only one of --passphrase-file and --new-passphrase-file can be - (standard input)")
    old = _read_secret(Path(old_file), "passphrase") if old_file is not None else None
    new = _read_secret(Path(new_file), "new passphrase") if new_file is not None else None
    if removed := change_passphrase(path, old, new):  # a missing plan book is refused there, as by every command
        _say(f"pipdesk: {say_removed(removed)}")
    done = {"set": "is now encrypted", "change": "has its new passphrase", "remove": "is no longer encrypted"}
    print(f"{path} {done[args.action]}")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    with _open_book(args) as book:
        summaries = book.summaries(search_text=False)  # the list prints no search text
    if args.json:
        print(json_of_flat_objects([s.to_json() for s in summaries]))
    else:
        print(format_table(summaries))
    return EXIT_OK


def json_of_flat_objects(items: Sequence[dict[str, object]]) -> str:
    """``json.dumps(items, indent=2, ensure_ascii=False)``, character for character, in about a third of the time.

    Python 3.11's C encoder does not indent, so ``indent=2`` takes the pure-Python one (~0.1 s for
    10,000 plans, a fifth of ``pipdesk list --json``). For objects whose values are all scalars, the
    C encoder writes the same text given separators that carry the line breaks: JSON strings hold no
    raw line break, so a break is a separator, and one right after ``}`` ends an object.
    """
    import json

    flat = all(type(value) in _SCALARS for item in items for value in item.values())
    if not items or not all(items) or not flat:  # nothing to list, an empty object ("{}" on its line), nested
        return json.dumps(items, indent=2, ensure_ascii=False)
    text = json.dumps(items, ensure_ascii=False, separators=(",\n    ", ": "))
    return "[\n  {\n    " + text[2:-2].replace("},\n    {", "\n  },\n  {\n    ") + "\n  }\n]"


_SCALARS = frozenset({str, int, float, bool, type(None)})


def format_table(summaries: Sequence[PlanSummary]) -> str:
    from pipdesk.domain import vocabulary

    if not summaries:
        return "No plans in this plan book."
    header = ("ID", "EMPLOYEE", "TITLE", "STATUS", "PERIOD", "NEXT CHECK-IN")
    rows = [
        (
            str(s.id),
            s.employee,
            s.title,
            vocabulary.status(s.status, s.paused),
            f"{vocabulary.short_date(s.start_date)} – {vocabulary.short_date(s.end_date)}",
            vocabulary.short_date(s.next_checkin),
        )
        for s in summaries
    ]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in (header, *rows)
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
