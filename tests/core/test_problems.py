import pytest

from desktop.core.errors import ValidationError
from desktop.core.problems import Problems


def _refuse(value: str) -> str:
    raise ValidationError("Bad {value}.", field="name", value=value)


def test_every_problem_of_a_record_is_kept_and_the_first_raised():
    problems = Problems()
    assert problems.check(str.strip, "  韦明 ") == "韦明"
    assert problems.check(_refuse, "a") is None
    assert problems.check(_refuse, value="b") is None
    assert [error.params["value"] for error in problems.errors] == ["a", "b"]
    with pytest.raises(ValidationError, match="Bad a"):
        problems.raise_first()


def test_no_problems_raise_nothing():
    Problems().raise_first()


def test_a_field_already_named_is_not_named_again():
    problems = Problems()
    problems.check(_refuse, "也许")  # the word in the file, on "name"
    gateway = [ValidationError("Required.", field="name"),
               ValidationError("Required.", field="listed_on")]  # fmt: skip
    problems.add_unnamed(gateway)
    assert [error.field for error in problems.errors] == ["name", "listed_on"]
    assert problems.errors[0].params["value"] == "也许"  # the first, specific one stays
