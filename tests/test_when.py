from datetime import date

import pytest

from graph.when import parse_when


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("2021", date(2021, 1, 1), date(2021, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2021-08-15", date(2021, 8, 15), date(2021, 8, 15)),
        ("2021-08..2025-01", date(2021, 8, 1), date(2025, 1, 31)),
        ("2021..", date(2021, 1, 1), date.max),
        ("..2020-06", date.min, date(2020, 6, 30)),
    ],
)
def test_parses_points_and_intervals(text, start, end):
    w = parse_when(text)
    assert (w.start, w.end, w.text) == (start, end, text)


@pytest.mark.parametrize(
    "text,message",
    [
        ("2023-02-30", "not a real date"),
        ("2023-13", "not a real date (month 13)"),
        ("21-08", "is not a date"),
        ("August 2021", "is not a date"),
        ("2025..2021", "ends before it starts"),
        ("..", "is not a date"),
        ("0000", "not a real date"),
        ("\u0662\u0660\u0662\u0663", "is not a date"),  # Arabic-Indic digits: only ASCII digits are dates
    ],
)
def test_rejects_impossible_or_malformed(text, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_when(text)


def test_overlap_and_order():
    assert parse_when("2021-08..2025-01").overlaps(parse_when("2024"))
    assert not parse_when("2020").overlaps(parse_when("2021-01"))
    assert sorted([parse_when("2025"), parse_when("2021-08")])[0].text == "2021-08"
