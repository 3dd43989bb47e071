"""Every printout the program makes, declared once: the command line's ``print`` commands, the
print preview and the screenshot views of printouts are all made from this list.

A new printout is its builder (a function of ``reports.documents`` taking the database, ``out``
and its arguments as keywords, writing the audit log) and its entry here; and its screen's
button, when it has one. A printout the officer may want to edit also names a builder of its
Word document (.docx): the command line's ``--docx`` and the preview's Save as Word make it. The builders are named, not imported: importing them loads the
database and reportlab, which the command line's quick commands (``--version``) do without.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from desktop.core.catalogue import CARD_SELLER_STATUSES
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.limits import SIGNIN_ROWS, CountLimit
from desktop.core.privacy import ADDRESSEE_REASON, FAMILY_NOTICE_REASON, SIGNER_REASON

if TYPE_CHECKING:
    from desktop.db.database import Database

# What an argument holds, which says how the command line reads it:
ID = "id"  # a record's id, as written
COUNT = "count"  # a whole number within the argument's limit
TOPICS = "topics"  # fraud types, comma-separated on the command line
DAY = "day"  # one day, 2026-11-01
PERIOD = "period"  # --from and --to, this year up to today when left out (statistics' period)
AREA = "area"  # an area, named on the command line (--area) by id, code or name
FIGURE = "figure"  # the key of a figure (stats --json)
CHOICE = "choice"  # one of the argument's ``choices``, as written
# Some laptops' records: ("station", NAME) or ("device", ID), None for every laptop's
# (--station or --laptop on the command line, the reports screen's choice of laptops)
LAPTOPS = "laptops"

# The subjects a printout is made of, with the fields its preview's title and file name may
# show (the screen that opens the preview gives them).
TALK = "talk"
WARNING = "warning"
RETURN_CASE = "return_case"  # a person abroad (劝返)
DAYS = "days"
SUBJECT_FIELDS: dict[str | None, frozenset[str]] = {
    TALK: frozenset({"title", "day"}),  # the talk's title and start
    WARNING: frozenset(),
    RETURN_CASE: frozenset(),
    DAYS: frozenset({"first", "last"}),  # the period's first and last day
    None: frozenset(),  # a blank form, or the sheets of an area (the whole jurisdiction's)
}

OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "Validation", "{value} is not a whole number from {low} to {high}."
)
NOT_A_CHOICE = QT_TRANSLATE_NOOP("Validation", "{value} is not one of: {choices}.")


@dataclass(frozen=True)
class Argument:
    """One argument of a printout: ``keyword`` is the builder's, ``flag`` the command line's
    (``--rows``; a positional is named by its metavar, ``TALK_ID``)."""

    keyword: str
    kind: str
    flag: str
    help: str = ""  # the command line's help, context "Cli"
    metavar: str | None = None  # the command line's name for an option's value
    required: bool = False
    default: Any = None
    limit: CountLimit | None = None
    choices: tuple[str, ...] = ()  # what a CHOICE may be
    label: str = ""  # the preview's name for it, context "PdfPreview" (a COUNT is offered there)
    # A COUNT without a default: the preview's words for leaving it to the builder.
    automatic: str = ""
    # An ID the command line also takes in the words people have for the record: WARNING (its
    # reference number, 预警编号) or TALK (its title, with --date when one title is used twice).
    names: str | None = None

    @property
    def positional(self) -> bool:
        return not self.flag.startswith("-")

    def check(self, value: Any) -> None:
        """Refuse a value outside the argument's limit or choices (``ValidationError`` naming
        the flag)."""
        if self.limit is not None and value is not None and not self.limit.holds(value):
            raise ValidationError(
                OUT_OF_RANGE, field=self.flag, value=value,
                low=self.limit.low, high=self.limit.high,
            )  # fmt: skip
        if self.choices and value is not None and value not in self.choices:  # None: not given
            raise ValidationError(
                NOT_A_CHOICE, field=self.flag, value=value, choices=", ".join(self.choices)
            )


@dataclass(frozen=True)
class Printout:
    """A printout: its command-line name, how it is built, and what it shows of people."""

    name: str  # the `print` sub-command; the screenshot view, when ``view``
    help: str  # the command line's help, context "Cli"
    builder: str  # the function of reports.documents that builds it
    arguments: tuple[Argument, ...] = ()
    subject: str | None = None  # TALK, WARNING, RETURN_CASE, DAYS or None (a blank form)
    # The preview's title (context "PdfPreview") and file name, with the subject's fields; a
    # printout with a ``screen`` has them.
    title: str = ""
    filename: str = ""
    masked: bool = False  # shows personal data, masked
    reveal: bool = False  # may show it in full, with a reason (--full/--reason; a "reveal")
    # Names its addressee in full whenever it prints (a form the resident keeps) and masks the
    # rest: each print is also logged as a reveal with this reason, which nobody types.
    addressee_reason: str = ""
    audit_action: str = "print"
    progress: bool = False  # the builder reports its progress (``progress(done, total)``)
    screen: str | None = None  # the page it is printed from
    view: bool = False  # the screenshot command has a view of its preview
    # The function of reports.documents writing it as a Word document the officer can edit
    # (.docx, with the same arguments), when it has that form too.
    docx: str = ""

    @property
    def build(self) -> Callable[..., Any]:
        from desktop.reports import documents  # the database and reportlab, only when printing

        return getattr(documents, self.builder)

    @property
    def build_docx(self) -> Callable[..., Any]:
        from desktop.reports import documents

        return getattr(documents, self.docx)

    @property
    def docx_filename(self) -> str:
        """The Word document's file name (its PDF's, ending in .docx)."""
        return self.filename.rsplit(".", 1)[0] + ".docx"

    @property
    def count(self) -> Argument | None:
        """The whole number the preview lets the officer change (the sign-in sheet's rows)."""
        return next((argument for argument in self.arguments if argument.kind == COUNT), None)


def make(
    database: Database,
    name: str,
    out: Path | BinaryIO,
    values: dict[str, Any],
    *,
    full: bool = False,
    reason: str = "",
    progress: Callable[[int, int], None] | None = None,
    docx: bool = False,
) -> Any:
    """Build printout ``name`` into ``out`` from ``values`` (by the arguments' keywords),
    checking each against its limit first; personal data in full only where it may be.
    ``docx``: as the Word document, for a printout that has one."""
    printout = PRINTOUTS[name]
    if docx and not printout.docx:
        raise ValueError(f"{name} has no Word form")
    for argument in printout.arguments:
        if argument.keyword in values:
            argument.check(values[argument.keyword])
    extra: dict[str, Any] = {}
    if printout.reveal:
        extra.update(full=full, reason=reason)
    if printout.progress:
        extra["progress"] = progress
    build = printout.build_docx if docx else printout.build
    return build(database, out=out, **values, **extra)


_TALK_ID = Argument(
    "talk_id",
    ID,
    "TALK",
    QT_TRANSLATE_NOOP(
        "Cli", "the talk's id, or its title (with --date when it has been used twice)"
    ),
    required=True,
    names=TALK,
)
_WARNING_ID = Argument(
    "warning_id",
    ID,
    "WARNING",
    QT_TRANSLATE_NOOP("Cli", "the warning's id or its reference number (预警编号, YJ2026000102)"),
    required=True,
    names=WARNING,
)
# A card seller's statuses, and the register's views of them (REGISTER_VIEWS of documents,
# not imported: see the module's description).
_REGISTER_STATUSES = (*CARD_SELLER_STATUSES, "open", "ended", "all")
# The sheets of persons abroad: an area's (by either place), on A4 or A3, both landscape.
_RETURN_AREA = Argument("area_id", AREA, "--area")
_PAPER = Argument(
    "paper",
    CHOICE,
    "--paper",
    QT_TRANSLATE_NOOP("Cli", "the paper, landscape: a4 or a3 (default a4)"),
    metavar="PAPER",
    default="a4",
    choices=("a4", "a3"),
)

PRINTOUTS: dict[str, Printout] = {
    printout.name: printout
    for printout in (
        Printout(
            "signin",
            QT_TRANSLATE_NOOP("Cli", "the sign-in sheet of a talk"),
            "print_signin_sheet",
            (
                _TALK_ID,
                Argument(
                    "rows",
                    COUNT,
                    "--rows",
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "blank rows to print ({low} to {high}; default: the talk's expected "
                        "attendance, in whole pages)",
                    ),
                    default=None,
                    limit=SIGNIN_ROWS,
                    label=QT_TRANSLATE_NOOP("PdfPreview", "Blank rows"),
                    automatic=QT_TRANSLATE_NOOP("PdfPreview", "By expected attendance"),
                ),  # fmt: skip
            ),
            subject=TALK,
            title=QT_TRANSLATE_NOOP("PdfPreview", "Sign-in sheet — {title}"),
            filename="签到表-{day:%Y%m%d}.pdf",
            screen="talks",
            view=True,
        ),
        Printout(
            "handout",
            QT_TRANSLATE_NOOP("Cli", "a handout for a talk or for chosen fraud types"),
            "print_handout",
            (
                Argument(
                    "talk_id",
                    ID,
                    "--talk",
                    QT_TRANSLATE_NOOP("Cli", "the talk's id or its title"),
                    metavar="TALK",
                    names=TALK,
                ),
                Argument(
                    "topics",
                    TOPICS,
                    "--topics",
                    QT_TRANSLATE_NOOP("Cli", "fraud types, e.g. customer_service,investment"),
                    metavar="T1,T2",
                ),  # fmt: skip
            ),
            subject=TALK,
            title=QT_TRANSLATE_NOOP("PdfPreview", "Handout — {title}"),
            filename="宣传单-{day:%Y%m%d}.pdf",
            screen="talks",
            view=True,
        ),
        Printout(
            "notice",
            QT_TRANSLATE_NOOP(
                "Cli",
                "the dissuasion notice of a warning, in two copies; it names the resident in"
                " full (logged as a reveal), the rest masked",
            ),
            "print_notice",
            (_WARNING_ID,),
            subject=WARNING,
            title=QT_TRANSLATE_NOOP("PdfPreview", "Dissuasion notice"),
            filename="劝阻告知书.pdf",
            masked=True,
            addressee_reason=ADDRESSEE_REASON,
            screen="warnings",
        ),
        Printout(
            "case",
            QT_TRANSLATE_NOOP("Cli", "the record of a warning with its contact timeline"),
            "print_case_record",
            (_WARNING_ID,),
            subject=WARNING,
            title=QT_TRANSLATE_NOOP("PdfPreview", "Case record"),
            filename="预警处置记录.pdf",
            masked=True,
            reveal=True,
            screen="warnings",
        ),
        Printout(
            "visit-form",
            QT_TRANSLATE_NOOP("Cli", "a blank visit-record form"),
            "print_visit_form",
        ),
        Printout(
            "schedule",
            QT_TRANSLATE_NOOP("Cli", "the talks of a period, for the notice board"),
            "print_schedule",
            (
                Argument(
                    "first",
                    DAY,
                    "--from",
                    QT_TRANSLATE_NOOP("Cli", "the first day (2026-11-01)"),
                    metavar="DATE",
                    required=True,
                ),  # fmt: skip
                Argument(
                    "last",
                    DAY,
                    "--to",
                    QT_TRANSLATE_NOOP("Cli", "the last day, included"),
                    metavar="DATE",
                    required=True,
                ),  # fmt: skip
            ),
            subject=DAYS,
            title=QT_TRANSLATE_NOOP("PdfPreview", "Schedule of talks {first} – {last}"),
            filename="安排表-{first:%Y%m%d}-{last:%Y%m%d}.pdf",
            screen="talks",
        ),
        Printout(
            "briefing",
            QT_TRANSLATE_NOOP("Cli", "the work briefing of a period"),
            "print_briefing",
            (
                Argument("period", PERIOD, "--from"),
                Argument("area_id", AREA, "--area"),
                Argument("laptops", LAPTOPS, "--station"),
                Argument(
                    "ranking_figure",
                    FIGURE,
                    "--rank-by",
                    QT_TRANSLATE_NOOP("Cli", "the figure the ranking uses (a key of stats --json)"),
                    metavar="FIGURE",
                    default="dissuaded",
                ),  # fmt: skip
            ),
            subject=DAYS,
            title=QT_TRANSLATE_NOOP("PdfPreview", "Work briefing {first} – {last}"),
            filename="工作简报-{first:%Y%m%d}-{last:%Y%m%d}.pdf",
            progress=True,
            screen="reports",
            view=True,
            docx="print_briefing_docx",
        ),
        Printout(
            "card-interview",
            QT_TRANSLATE_NOOP(
                "Cli",
                "the record of a card seller's interview (约谈训诫笔录) for the resident to sign;"
                " it names the resident in full (logged as a reveal), the rest masked",
            ),
            "print_interview_record",
            (Argument("interview_id", ID, "INTERVIEW_ID", required=True),),
            title=QT_TRANSLATE_NOOP("PdfPreview", "Interview record"),
            filename="约谈训诫笔录.pdf",
            masked=True,
            addressee_reason=SIGNER_REASON,
            screen="cards",
        ),
        Printout(
            "card-pledge",
            QT_TRANSLATE_NOOP(
                "Cli",
                "the pledge (承诺书) a card seller signs, in two copies; it names the resident in"
                " full (logged as a reveal), the rest masked",
            ),
            "print_pledge",
            (Argument("card_seller_id", ID, "CARD_SELLER_ID", required=True),),
            title=QT_TRANSLATE_NOOP("PdfPreview", "Pledge"),
            filename="承诺书.pdf",
            masked=True,
            addressee_reason=SIGNER_REASON,
            screen="cards",
        ),
        Printout(
            "card-register",
            QT_TRANSLATE_NOOP(
                "Cli", "the register of card sellers (涉两卡人员登记台账) of an area"
            ),
            "print_card_register",
            (
                Argument("area_id", AREA, "--area"),
                Argument(
                    "first",
                    DAY,
                    "--from",
                    QT_TRANSLATE_NOOP("Cli", "listed from this day (2026-11-01)"),
                    metavar="DATE",
                ),  # fmt: skip
                Argument(
                    "last",
                    DAY,
                    "--to",
                    QT_TRANSLATE_NOOP("Cli", "listed up to this day, included"),
                    metavar="DATE",
                ),  # fmt: skip
                Argument(
                    "status",
                    CHOICE,
                    "--status",
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "only this status, or open (not handed over or closed), ended, all"
                        " (the default)",
                    ),
                    metavar="STATUS",
                    choices=_REGISTER_STATUSES,
                ),  # fmt: skip
            ),
            title=QT_TRANSLATE_NOOP("PdfPreview", "Register of card sellers"),
            filename="涉两卡人员登记台账.pdf",
            masked=True,
            reveal=True,
            screen="cards",
        ),
        Printout(
            "return-ledger",
            QT_TRANSLATE_NOOP(
                "Cli",
                "the ledger of the persons abroad of an area (劝返工作台账), names masked",
            ),
            "print_return_ledger",
            (_RETURN_AREA, _PAPER),
            title=QT_TRANSLATE_NOOP("PdfPreview", "Ledger of persons abroad"),
            filename="劝返工作台账.pdf",
            masked=True,
            reveal=True,
        ),
        Printout(
            "return-notice",
            QT_TRANSLATE_NOOP(
                "Cli",
                "the notice to the family of a person abroad (劝返告知书); it names the person"
                " in full (logged as a reveal), the ID number masked",
            ),
            "print_return_notice",
            (Argument("case_id", ID, "CASE_ID", required=True),),
            subject=RETURN_CASE,
            title=QT_TRANSLATE_NOOP("PdfPreview", "Notice to the family"),
            filename="劝返告知书.pdf",
            masked=True,
            addressee_reason=FAMILY_NOTICE_REASON,
        ),
        Printout(
            "return-board",
            QT_TRANSLATE_NOOP(
                "Cli", "the board of persons abroad (劝返挂图): counts by area and status"
            ),
            "print_return_board",
            (_RETURN_AREA, _PAPER),
            title=QT_TRANSLATE_NOOP("PdfPreview", "Board of persons abroad"),
            filename="劝返挂图.pdf",
        ),
        Printout(
            "visit-tally",
            QT_TRANSLATE_NOOP(
                "Cli",
                "the blank tally sheet of a door-to-door round (入户走访登记表), for a community"
                " or any",
            ),
            "print_visit_tally",
            (Argument("area_id", AREA, "--area"),),
            title=QT_TRANSLATE_NOOP("PdfPreview", "Door-to-door tally sheet"),
            filename="入户走访登记表.pdf",
        ),
        Printout(
            "fraud-free-board",
            QT_TRANSLATE_NOOP(
                "Cli",
                "the board of fraud-free community creation (无诈社区创建挂图): communities by"
                " criteria",
            ),
            "print_creation_board",
            (Argument("area_id", AREA, "--area"), _PAPER),
            title=QT_TRANSLATE_NOOP("PdfPreview", "Board of fraud-free communities"),
            filename="无诈社区创建挂图.pdf",
        ),
        Printout(
            "fraud-free-trend",
            QT_TRANSLATE_NOOP(
                "Cli",
                "the trend of fraud-free communities (无诈社区创建趋势): the figures month by month"
                " over twelve months, with their chart",
            ),
            "print_fraud_free_trend",
            (
                Argument("area_id", AREA, "--area"),
                Argument(
                    "last",
                    DAY,
                    "--to",
                    QT_TRANSLATE_NOOP(
                        "Cli", "the twelve months to the month of this day (default today)"
                    ),
                    metavar="DATE",
                ),  # fmt: skip
            ),
            title=QT_TRANSLATE_NOOP("PdfPreview", "Trend of fraud-free communities"),
            filename="无诈社区创建趋势.pdf",
        ),
        Printout(
            "fraud-free-sheet",
            QT_TRANSLATE_NOOP(
                "Cli",
                "the assessment sheet (创建验收表) of a community, or of each community of an area:"
                " every criterion, its value and its evidence",
            ),
            "print_assessment_sheet",
            (Argument("area_id", AREA, "--area"),),
            title=QT_TRANSLATE_NOOP("PdfPreview", "Assessment sheets"),
            filename="无诈社区创建验收表.pdf",
        ),
    )
}
