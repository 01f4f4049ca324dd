"""The PDF documents: every field of every sample printed, private notes kept private, the public API."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from test_reports_support import EMPLOYEE_COPY, OPTIONS, PRINTED, missing, pdf_text, read

from pipdesk.domain import Plan, Revision
from pipdesk.domain import vocabulary as labels
from pipdesk.domain.audit import content_hash
from pipdesk.domain.progress import series
from pipdesk.reports import (
    DocumentKind,
    ReportError,
    ReportOptions,
    render,
    render_checkin,
    render_outcome,
    render_plan,
)

from conftest import SAMPLE_NAMES, load_sample

PRIVATE_NOTE = "Check with the API team lead that dates are shared earlier."
FULL_COPY_MARK = "Full copy — contains the manager's private notes"


def _people(plan: Plan) -> list[str]:
    found = [plan.employee.name, plan.employee.job_title, plan.employee.department, plan.manager.name]
    if plan.hr_partner is not None:
        found.append(plan.hr_partner.name)
    return [text for text in found if text]


def _has_furniture(pdf: bytes, plan: Plan, document: str) -> bool:
    """Header (confidential, the document) and footer (plan title, print date, page X of Y) on page 1."""
    first = read(pdf).pages[0].extract_text()
    pages = len(read(pdf).pages)
    wanted = ["CONFIDENTIAL", document, f"{plan.title}  ·  Printed {labels.short_date(PRINTED)}", f"Page 1 of {pages}"]
    return all(text in first for text in wanted)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_plan_document_prints_every_field_of_the_plan(name: str) -> None:
    plan = load_sample(name)
    expected = ["Performance Improvement Plan", *_people(plan)]
    expected += [labels.period(plan.start_date, plan.end_date), labels.length(plan.length_days)]
    if plan.issued_on:
        expected.append(labels.long_date(plan.issued_on))
    expected += [plan.summary, plan.context, plan.manager_commitments, plan.employee_commitments, plan.consequences]
    for item in plan.prior_discussions:
        expected += [labels.short_date(item.date), item.note]
    for concern in plan.concerns:
        expected += [concern.area, concern.description]
        for evidence in concern.evidence:
            expected += [labels.short_date(evidence.date), evidence.note]
    for objective in plan.objectives:
        expected += [objective.title, objective.description, objective.metric, labels.baseline_to_target(objective)]
        if objective.due_date:
            expected.append(labels.short_date(objective.due_date))
        linked = plan.concern(objective.concern) if objective.concern else None
        if linked:
            expected.append(linked.area)
    for action in plan.support:
        expected += [action.description, action.owner]
        if action.due_date:
            expected.append(labels.short_date(action.due_date))
    for milestone in plan.milestones:
        expected += [labels.short_date(milestone.date), milestone.title]
    for revision in plan.revisions:
        expected += [labels.revision_field(plan, revision.field), revision.reason]
        expected += [labels.revision_value(revision.old), labels.revision_value(revision.new)]
    expected += ["Acknowledgement of receipt", "it does not mean that the employee agrees", "Witness"]
    pdf = render_plan(plan, OPTIONS)
    assert _has_furniture(pdf, plan, "Performance Improvement Plan")
    assert missing([text for text in expected if text], pdf) == []


def test_plan_document_shows_the_revision_number_when_the_plan_was_revised() -> None:
    carl = load_sample("carl-skills-extended")
    assert len(carl.revisions) == 2
    assert "Revision 2" in pdf_text(render_plan(carl, OPTIONS))
    assert "Revision" not in pdf_text(render_plan(load_sample("alex-delivery-active"), OPTIONS))


def test_plan_document_acknowledgement_says_receipt_not_agreement_with_a_line_for_each_signatory() -> None:
    alex = load_sample("alex-delivery-active")
    text = pdf_text(render_plan(alex, OPTIONS))
    ack = text[text.index("Acknowledgement of receipt") :]
    assert "confirms receipt only" in ack
    for role in ("Employee", "Manager", "HR partner", "Witness"):
        assert role in ack
    assert ack.count("Signature") == 4 and ack.count("Date") == 4 and ack.count("Name") == 4
    assert "acknowledged receipt on 29 September 2026" in ack
    assert alex.acknowledgement is not None
    assert alex.acknowledgement.employee_comment in ack


def test_plan_document_records_a_refusal_to_sign_and_its_witness() -> None:
    alex = load_sample("alex-delivery-active")
    assert alex.acknowledgement is not None
    alex.acknowledgement.refused = True
    alex.acknowledgement.witness = "Priya Raman"
    text = pdf_text(render_plan(alex, OPTIONS))
    assert "declined to sign on 29 September 2026 (witness: Priya Raman)" in text


def test_draft_plan_is_marked_as_not_issued() -> None:
    text = pdf_text(render_plan(load_sample("dmitry-punctuality-draft"), OPTIONS))
    assert "Draft: this plan has not been issued yet" in text
    assert "Not issued yet" in text


@pytest.mark.parametrize("name", [n for n in SAMPLE_NAMES if load_sample(n).checkins])
def test_checkin_record_prints_the_meeting_for_every_checkin(name: str) -> None:
    plan = load_sample(name)
    for index, checkin in enumerate(plan.checkins):
        expected = ["Check-in record", plan.employee.name, plan.manager.name]
        expected += [labels.long_date(checkin.date), labels.checkin_kind(checkin.kind), checkin.attendees]
        expected += [checkin.notes, checkin.wins, checkin.concerns, checkin.employee_comments, checkin.next_steps]
        for progress in checkin.progress:
            objective = plan.objective(progress.objective)
            assert objective is not None
            expected += [
                objective.title,
                labels.quantity(progress.value, objective.unit),
                labels.rating(progress.rating),
            ]
            expected.append(progress.comment)
        expected += ["Signatures", "does not mean agreement"]
        pdf = render_checkin(plan, index, OPTIONS)
        assert _has_furniture(pdf, plan, "Check-in record")
        assert missing([text for text in expected if text], pdf) == [], f"check-in {index}"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_outcome_report_prints_results_history_fairness_and_decision(name: str) -> None:
    plan = load_sample(name)
    expected = ["Outcome report", *_people(plan), plan.summary]
    results = {r.objective: r for r in plan.outcome.results} if plan.outcome else {}
    for objective in plan.objectives:
        expected += [objective.title, f"Baseline: {labels.quantity(objective.baseline, objective.unit)}"]
        expected.append(f"Target: {labels.quantity(objective.target, objective.unit)}")
        points = series(plan, objective.key)
        if points:
            expected.append(f"Final value: {labels.quantity(points[-1][1], objective.unit)}")
        result = results.get(objective.key)
        expected.append(f"Result: {labels.result(result.result if result else None)}")
        if result:
            expected.append(result.comment)
    for checkin in plan.checkins:
        expected += [labels.short_date(checkin.date), checkin.notes]
    expected += ["Fairness check", "support actions delivered", "scheduled up to", "Acknowledgement"]
    expected += ["Changes to the plan", "Decision and follow-up", "Signatures", "Employee (receipt)"]
    if plan.outcome:
        outcome = plan.outcome
        expected += [labels.decision(outcome.decision), labels.follow_up(outcome.follow_up)]
        expected += [outcome.summary, outcome.monitoring, labels.long_date(outcome.decided_on)]
    else:
        expected.append("No outcome recorded yet")
    for revision in plan.revisions:
        expected += [labels.revision_field(plan, revision.field), revision.reason]
    pdf = render_outcome(plan, OPTIONS)
    assert _has_furniture(pdf, plan, "Outcome report")
    assert missing([text for text in expected if text], pdf) == []


def test_outcome_report_lists_the_fairness_gaps() -> None:
    alex = load_sample("alex-delivery-active")
    text = pdf_text(render_outcome(alex, OPTIONS))
    assert "2 of 4 support actions delivered" in text
    assert "Gaps found" in text
    assert "Monthly session with a senior programme manager" in text


def test_closed_plan_outcome_report_is_not_marked_as_undecided() -> None:
    pdf = render_outcome(load_sample("beth-communication-closed"), OPTIONS)
    assert "No outcome recorded yet" not in pdf_text(pdf)
    assert missing(["Successful"], pdf) == []


def test_private_notes_never_appear_in_an_employee_copy() -> None:
    alex = load_sample("alex-delivery-active")
    for pdf in (
        render_plan(alex, EMPLOYEE_COPY),
        render_outcome(alex, EMPLOYEE_COPY),
        *(render_checkin(alex, i, EMPLOYEE_COPY) for i in range(len(alex.checkins))),
    ):
        text = pdf_text(pdf)
        assert "private" not in text.lower()
        assert "Employee copy" in text or "Performance Improvement Plan" in text
        assert missing([PRIVATE_NOTE], pdf) == [PRIVATE_NOTE]


def test_full_copy_carries_the_private_notes_and_says_so_in_the_header() -> None:
    alex = load_sample("alex-delivery-active")
    for pdf in (render_checkin(alex, 1, OPTIONS), render_outcome(alex, OPTIONS)):
        assert missing([PRIVATE_NOTE], pdf) == []
        first_page = read(pdf).pages[0].extract_text()
        assert first_page.index(FULL_COPY_MARK) < first_page.index("CONFIDENTIAL") + 200  # in the header


def test_employee_copy_is_marked_and_full_copy_mark_is_absent() -> None:
    alex = load_sample("alex-delivery-active")
    text = pdf_text(render_checkin(alex, 1, EMPLOYEE_COPY))
    assert "Employee copy" in text
    assert FULL_COPY_MARK not in text


def test_password_protected_pdf_opens_only_with_its_password() -> None:
    alex = load_sample("alex-delivery-active")
    pdf = render_plan(alex, dataclasses.replace(OPTIONS, password="correct horse"))
    reader = read(pdf)
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert encrypt["/V"] >= 2 and encrypt.get("/Length", 40) >= 128  # never the 40-bit default
    assert not read(pdf).decrypt("wrong password")
    with pytest.raises(Exception):  # noqa: B017 (pypdf's error type differs between versions)
        read(pdf).pages[0].extract_text()
    assert read(pdf).decrypt("correct horse")
    assert "Alex Moreno" in pdf_text(pdf, "correct horse")


def test_empty_password_means_no_protection() -> None:
    pdf = render_plan(load_sample("alex-delivery-active"), dataclasses.replace(OPTIONS, password=""))
    assert not read(pdf).is_encrypted


def test_metadata_names_the_document_the_manager_and_the_employee() -> None:
    alex = load_sample("alex-delivery-active")
    meta = read(render_outcome(alex, OPTIONS)).metadata
    assert meta is not None
    assert meta.title == "Outcome report: Delivery predictability"
    assert meta.author == "Dana Whitfield"
    assert meta.subject is not None and "Alex Moreno" in meta.subject


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_fonts_are_embedded_and_no_standard_font_is_used(name: str) -> None:
    plan = load_sample(name)
    documents = [render_plan(plan, OPTIONS), render_outcome(plan, OPTIONS)]
    if plan.checkins:
        documents.append(render_checkin(plan, 0, OPTIONS))
    for pdf in documents:
        fonts = {}
        for page in read(pdf).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                fonts[font["/BaseFont"]] = font
        assert fonts
        for base_font, font in fonts.items():
            assert font["/Subtype"] == "/TrueType", base_font
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{base_font} is not embedded"
        assert any("DejaVuSans" in str(name) for name in fonts)


def test_reproducible_mode_gives_the_same_bytes_twice() -> None:
    alex = load_sample("alex-delivery-active")
    for make in (render_plan, render_outcome, lambda plan, options: render_checkin(plan, 1, options)):
        assert make(alex, OPTIONS) == make(alex, OPTIONS)
    assert render_plan(alex, OPTIONS) != render_plan(alex, dataclasses.replace(OPTIONS, printed_on=dt.date(2027, 1, 1)))


def test_print_date_defaults_to_today() -> None:
    text = pdf_text(render_plan(load_sample("dmitry-punctuality-draft"), ReportOptions()))
    assert f"Printed {labels.short_date(dt.date.today())}" in text


def test_render_dispatches_by_kind() -> None:
    alex = load_sample("alex-delivery-active")
    assert render(DocumentKind.PLAN, alex, OPTIONS) == render_plan(alex, OPTIONS)
    assert render(DocumentKind.OUTCOME, alex, OPTIONS) == render_outcome(alex, OPTIONS)
    assert render(DocumentKind.CHECKIN, alex, OPTIONS, checkin_index=2) == render_checkin(alex, 2, OPTIONS)
    assert render(DocumentKind("checkin"), alex, OPTIONS, 2) == render_checkin(alex, 2, OPTIONS)


def test_checkin_record_refuses_a_checkin_the_plan_does_not_have() -> None:
    alex = load_sample("alex-delivery-active")
    with pytest.raises(ReportError, match="no check-in number 9; it has 8 check-ins"):
        render_checkin(alex, 8, OPTIONS)
    with pytest.raises(ReportError):
        render_checkin(alex, -1, OPTIONS)
    with pytest.raises(ReportError, match="Choose which check-in"):
        render(DocumentKind.CHECKIN, alex, OPTIONS)


def test_checkin_record_numbers_the_meeting_in_date_order() -> None:
    alex = load_sample("alex-delivery-active")
    alex.checkins.reverse()  # stored order is not date order
    assert "3 of 8 held" in pdf_text(render_checkin(alex, 5, OPTIONS))


def test_revision_in_outcome_report_shows_old_and_new_values() -> None:
    carl = load_sample("carl-skills-extended")
    carl.revisions.append(
        Revision(
            at=dt.datetime(2026, 9, 1, tzinfo=dt.UTC),
            field="objectives.reopen.target",
            old="10",
            new="12",
            reason="Typo",
        )
    )
    pdf = render_outcome(carl, OPTIONS)
    assert "Revision 3" in pdf_text(pdf)
    assert missing(["Objective 3 “Fewer reopened tickets”: target", "10 → 12", "Typo"], pdf) == []


# Changes to the plan: in the manager's words, one row for one change, the fairness beside the gaps

AT = dt.datetime(2026, 9, 1, 10, 30, tzinfo=dt.UTC)


def _extended(plan: Plan) -> Plan:
    """The plan with one extension as the extend command keeps it: five revisions, one moment, one reason."""
    reason = "Good progress on reviews; four more weeks to show it holds."
    first = plan.objectives[0]
    plan.revisions += [
        Revision(at=AT, field="end_date", old="2026-12-21", new="2027-01-18", reason=reason),
        Revision(at=AT, field=f"objectives.{first.key}.due_date", old="2026-12-21", new="2027-01-18", reason=reason),
        Revision(at=AT, field="milestones.Mid-plan evaluation.date", old="2026-11-09", new="2026-11-23", reason=reason),
        Revision(at=AT, field="milestones", old=None, new="Check-in", reason=reason),
        Revision(at=AT, field="status", old="active", new="extended", reason=reason),
    ]
    return plan


def test_revision_field_names_what_changed_in_the_managers_words() -> None:
    alex = load_sample("alex-delivery-active")
    first = alex.objectives[0]
    assert labels.revision_field(alex, "milestones.Mid-plan evaluation.date") == "Mid-plan evaluation: date"
    assert labels.revision_field(alex, f"objectives.{first.key}.due_date").startswith("Objective 1 “")
    assert labels.revision_field(alex, f"objectives.{first.key}.due_date").endswith("”: due date")
    assert labels.revision_field(alex, "fairness_check") == "Fairness check"
    assert labels.revision_field(alex, "checkins.2026-11-02") == "Check-in of 2 Nov 2026"
    assert labels.revision_field(alex, "end_date") == "End date"


@pytest.mark.parametrize("render_one", [render_plan, render_outcome], ids=["plan", "outcome"])
def test_changes_to_the_plan_print_no_field_paths_and_one_row_for_one_extension(render_one: object) -> None:
    alex = _extended(load_sample("alex-delivery-active"))
    assert callable(render_one)
    text = " ".join(pdf_text(render_one(alex, OPTIONS)).split())
    for path in ("objectives.", "milestones.Mid", "end_date", "due_date", "fairness_check"):
        assert path not in text
    assert "Mid-plan evaluation: date" in text and "Objective 1 “" in text
    assert "21 Dec 2026 → 18 Jan 2027" in text
    assert text.count("four more weeks to show it holds") == 1


def test_a_long_changed_value_is_cut_short_in_the_table() -> None:
    alex = load_sample("alex-delivery-active")
    long_value = " ".join(f"Sentence {i} of the manager's old commitments." for i in range(300))
    alex.revisions.append(
        Revision(at=AT, field="manager_commitments", old=long_value, new="Weekly coaching.", reason="New")
    )
    pdf = render_outcome(alex, OPTIONS)
    before = render_outcome(load_sample("alex-delivery-active"), OPTIONS)
    assert "Sentence 299" not in pdf_text(pdf)
    assert len(read(pdf).pages) <= len(read(before).pages) + 1


def test_the_managers_explanation_of_the_fairness_gaps_is_printed_beside_the_gaps() -> None:
    alex = load_sample("alex-delivery-active")
    explanation = "The course was cancelled by the provider twice; the mentoring replaced it."
    gaps = " ".join(f"Gap {i}: a support action not delivered on time." for i in range(40))
    alex.revisions.append(Revision(at=AT, field="fairness_check", old=gaps, new=None, reason=explanation))
    text = " ".join(pdf_text(render_outcome(alex, OPTIONS)).split())
    fairness = text[text.index("Fairness check") : text.index("Changes to the plan")]
    assert "Gaps found" in fairness and explanation in fairness
    assert explanation not in text[text.index("Changes to the plan") :]
    assert "Gap 39" not in text


def test_a_plan_with_no_revisions_prints_its_content_hash_not_the_empty_chain() -> None:
    """#16: a draft printed "Audit trail 000…000", the start of an empty chain, which tells a reader nothing."""
    draft = load_sample("dmitry-punctuality-draft")
    assert draft.revisions == []
    footer = [line for line in pdf_text(render_plan(draft, OPTIONS)).splitlines() if line.startswith("Audit trail ")]
    assert footer and all("0" * 16 not in line for line in footer)
    assert {line.split()[-1] for line in footer} == {content_hash(draft)}
