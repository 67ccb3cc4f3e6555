"""The candidate's high-contrast exam screen, measured from what it draws: every text and control at
least WCAG AA 4.5:1 against its background, radio buttons and check boxes visible whether chosen or
not (a chosen one filled, not a tiny grey tick), the answer card's "12⚑" never cut to "…", and the
focus visible from the keyboard."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLabel, QRadioButton, QWidget

from app.demo import demo_people
from app.ui.candidate.station import CandidateStation

PEOPLE = demo_people(8, random.Random(7))
AA = 4.5


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def ratio(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours(image: QImage, left: int = 0, width: int | None = None) -> Counter[int]:
    width = image.width() - left if width is None else width
    columns = range(left, min(image.width(), left + width))
    return Counter(image.pixel(x, y) for x in columns for y in range(image.height()))


def background_and_ink(counts: Counter[int]) -> tuple[QColor, QColor, float]:
    """The commonest colour (the background), the colour of at least a few pixels that stands out
    from it most (the text or the mark), and the share of pixels that stand out at least 4.5:1."""
    background = QColor(counts.most_common(1)[0][0])
    total = sum(counts.values())
    candidates = [QColor(rgb) for rgb, n in counts.items() if n >= 3]
    ink = max(candidates, key=lambda c: ratio(c, background))
    strong = sum(n for rgb, n in counts.items() if ratio(QColor(rgb), background) >= AA)
    return background, ink, strong / total


def grab(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


@pytest.fixture
def exam(qtbot, signed_in, station, answers):
    proctor = signed_in("proctor1")
    sid = next(s.id for s in proctor.proctor.sessions() if s.code == "DEMO-T5")
    proctor.proctor.start_session(sid)
    ticket, _name, number, _ = PEOPLE[3]
    window = CandidateStation(station("PC-04", seated=ticket), min_rules_seconds=0)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.keyClicks(window.login_page.ticket, ticket)
    qtbot.keyClicks(window.login_page.id_number, number)
    qtbot.mouseClick(window.login_page.button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.confirm_page.yes, Qt.MouseButton.LeftButton)
    window.rules_page.read.setChecked(True)
    qtbot.mouseClick(window.rules_page.button, Qt.MouseButton.LeftButton)
    page = window.exam_page
    assert window.stack.currentWidget() is page
    return window, page


def show_kind(page, kind: str) -> None:
    index = next(n for n, item in enumerate(page.flow.items) if item["type"] == kind)
    page.show_question(index)
    QApplication.processEvents()


def low_contrast(page) -> list[str]:
    """Every visible text and control of the page whose drawing stands out less than 4.5:1."""
    out = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or widget.width() < 4 or widget.height() < 4:
            continue
        text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
        if not text.strip():
            continue
        background, ink, _share = background_and_ink(colours(grab(widget)))
        if ratio(ink, background) < AA:
            out.append(f"{type(widget).__name__} {text!r}: {ratio(ink, background):.2f}")
    return out


def indicator(widget: QAbstractButton) -> tuple[float, float]:
    """(contrast, share of pixels standing out) of the radio button's or check box's indicator, the
    square at its left."""
    image = grab(widget)
    background = QColor(colours(image).most_common(1)[0][0])
    box = colours(image, 0, widget.height())
    candidates = [QColor(rgb) for rgb, n in box.items() if n >= 3]
    ink = max(candidates, key=lambda c: ratio(c, background))
    strong = sum(n for rgb, n in box.items() if ratio(QColor(rgb), background) >= AA)
    return ratio(ink, background), strong / sum(box.values())


def test_high_contrast_texts_and_controls_stand_out(qtbot, exam):
    _window, page = exam
    qtbot.mouseClick(page.contrast, Qt.MouseButton.LeftButton)
    assert page.contrast.isChecked()
    page.notice("5 minutes left.")  # the banner too
    show_kind(page, "single")
    radios = page.question.findChildren(QRadioButton)
    qtbot.mouseClick(radios[0], Qt.MouseButton.LeftButton, pos=QPoint(8, radios[0].height() // 2))
    QApplication.processEvents()
    assert low_contrast(page) == []
    # an unchosen radio button is visible (a ring, not black on black), a chosen one filled
    unchosen = indicator(radios[1])
    chosen = indicator(radios[0])
    assert unchosen[0] >= AA and unchosen[1] >= 0.10, unchosen
    assert chosen[0] >= AA and chosen[1] >= 0.30, chosen

    show_kind(page, "multiple")
    boxes = page.question.findChildren(QCheckBox)
    boxes[0].setChecked(True)
    QApplication.processEvents()
    assert low_contrast(page) == []
    unticked, ticked = indicator(boxes[1]), indicator(boxes[0])
    assert unticked[0] >= AA and unticked[1] >= 0.10, unticked
    assert ticked[0] >= AA and ticked[1] >= 0.30, ticked  # not a tiny grey tick


def test_the_answer_card_shows_flags_and_numbers_whole(qtbot, exam):
    _window, page = exam
    page.show_question(11)
    page._toggle_flag()  # "12⚑"
    for contrast in (False, True):
        page.contrast.setChecked(contrast)
        for current in (11, 56):  # flagged and current; "57": two digits, current
            page.show_question(current)
            QApplication.processEvents()
            for n in (11, 56):
                button = page.card.buttons[n]
                assert button.text() == ("12⚑" if n == 11 else "57")
                assert button.sizeHint().width() <= button.width(), (contrast, button.text(), button.sizeHint())


def test_the_focus_is_visible_on_the_exam_screen(qtbot, exam):
    _window, page = exam
    for contrast in (False, True):
        page.contrast.setChecked(contrast)
        show_kind(page, "single")
        radio = page.question.findChildren(QRadioButton)[1]
        page.next_button.setFocus()
        QApplication.processEvents()
        before = grab(radio)
        radio.setFocus()
        QApplication.processEvents()
        assert radio.hasFocus()
        after = grab(radio)
        changed = sum(1 for x in range(after.width()) for y in range(after.height())
                      if after.pixel(x, y) != before.pixel(x, y))  # fmt: skip
        assert changed >= 2 * (after.width() + after.height()), contrast  # a ring around it, not a dotted hint
