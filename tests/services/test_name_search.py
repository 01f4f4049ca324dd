"""Names found in text as a person would find them: case, accents, character forms, scripts, whole words."""

from __future__ import annotations

import pytest

from pipdesk.services.name_search import NameMatcher, replace_names, sentences_naming


@pytest.mark.parametrize(
    "text",
    [
        "Alex Moreno attended.",
        "ALEX MORENO attended.",
        "Álex Moréno attended.",  # accents
        "Ａｌｅｘ　Ｍｏｒｅｎｏ attended.",  # full-width forms (NFKC)
        "Alex\nMoreno attended.",  # a line break between the words
        "mail alex.moreno@example.com",
        "(Alex Moreno)",
    ],
)
def test_the_full_name_is_found_whatever_its_case_accents_or_form(text: str) -> None:
    assert NameMatcher(["Alex Moreno"]).found_in(text)


@pytest.mark.parametrize(
    "text", ["Alexander Moreno", "Alex Morenoff", "Alexis Moreno", "Moreno Alex", "Alex", "Αλεξάνδρα Παππά"]
)
def test_only_whole_words_in_order_match(text: str) -> None:
    assert not NameMatcher(["Alex Moreno"]).found_in(text)


def test_a_first_name_alone_matches_only_the_whole_word() -> None:
    matcher = NameMatcher(["Alex"])
    assert matcher.found_in("Alex said so.")
    assert not matcher.found_in("Alexander said so.")


def test_names_in_other_scripts_are_found_case_insensitively() -> None:
    assert NameMatcher(["Дмитрий Иванов"]).found_in("Встреча: ДМИТРИЙ ИВАНОВ опоздал.")
    assert NameMatcher(["Ελένη"]).found_in("Η ΕΛΈΝΗ ήταν εκεί")  # the accent on capital Epsilon folds away
    assert NameMatcher(["محمد"]).found_in("حضر مُحَمَّد الاجتماع")  # vowel marks fold away


def test_a_name_in_a_script_without_spaces_is_found_inside_a_run_of_characters() -> None:
    assert NameMatcher(["山田太郎"]).found_in("会議に山田太郎さんが出席した。")


def test_spans_point_at_the_characters_written() -> None:
    text = "Notes: Ｊｏｓé moreno came."
    (start, end), *_ = NameMatcher(["José Moreno"]).spans(text)
    assert text[start:end] == "Ｊｏｓé moreno"


def test_sentences_naming_keep_only_those_with_the_name() -> None:
    text = "Carl was upset. Alex Moreno asked for a break.\nNext steps agreed."
    assert sentences_naming(NameMatcher(["Alex Moreno"]), text) == ["Alex Moreno asked for a break."]


def test_other_names_are_replaced_but_the_person_asking_stays() -> None:
    keep = NameMatcher(["Alex Moreno"])
    others = [(NameMatcher(["Alex Jensen"]), "[the employee]"), (NameMatcher(["Jensen"]), "[the employee]")]
    assert (
        replace_names("Alex Jensen and Alex Moreno met; Jensen left.", others, keep)
        == "[the employee] and Alex Moreno met; [the employee] left."
    )
