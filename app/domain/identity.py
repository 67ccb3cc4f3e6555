"""Resident identity numbers (GB 11643-1999): validation and masking for exports."""

from __future__ import annotations

import re
from datetime import date

from app.errors import Message

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$")


def check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def id_number_problem(value: str) -> Message | None:
    """Why `value` is not a valid 18-digit identity number, or None when it is."""
    number = value.strip().upper()
    if not _SHAPE.match(number):
        return Message("must be 17 digits followed by a digit or X")
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return Message("the birth date {date} is not a real date", date=number[6:14])
    if born.year < 1900:
        return Message("the birth date {date} is too early", date=number[6:14])
    expected = check_digit(number[:17])
    if number[17] != expected:
        return Message("check digit is {given}, expected {expected}", given=number[17], expected=expected)
    return None


def normalise_id_number(value: str) -> str:
    return value.strip().upper()


def mask_id_number(value: str) -> str:
    """Keep the first 4 and last 4 characters: 370102199001011234 -> 3701**********1234."""
    number = normalise_id_number(value)
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_name(name: str) -> str:
    """张三 -> 张*, 欧阳娜娜 -> 欧***; Latin names keep their first letter."""
    name = name.strip()
    if len(name) <= 1:
        return "*" * len(name)
    return name[0] + "*" * (len(name) - 1)
