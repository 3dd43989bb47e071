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
