"""The exam screen: one question at a time, the answer card, the countdown, the saved state."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.answers import characters_left
from app.ui.widgets.errors import Ask
from app.ui.widgets.labels import counted
from app.ui.widgets.messages import translate_error

BLANK = re.compile(r"_{4,}")
WRITTEN = ("short", "case", "task")
log = logging.getLogger("examdesk.ui.candidate")
AUTOSAVE_MS = 1500
SENDING_MS = 1000  # centre mode: a step not acknowledged within this is said to be only on this PC
BASE_FONT_PT = 13  # the exam text's size at font step 0

# Both looks draw a focus ring a candidate can see from the keyboard. High contrast: white on black,
# controls in yellow, every indicator (radio, check box) drawn with a white ring and filled when chosen;
# every text and control at least 4.5:1 against its background (tests/ui/test_contrast.py measures it).
FOCUS = "#1565c0"
CONTRAST_FOCUS = "#00ffff"
NORMAL_STYLE = f"""
QPushButton:focus {{ border: 3px solid {FOCUS}; border-radius: 4px; padding: 4px 10px; background: #f5f9ff; }}
QRadioButton:focus, QCheckBox:focus {{ border: 2px solid {FOCUS}; border-radius: 4px; background: #e8f1fc; }}
QLineEdit:focus, QPlainTextEdit:focus {{ border: 2px solid {FOCUS}; }}
"""
CONTRAST_STYLE = f"""
QWidget {{ background: #000000; color: #ffffff; }}
QPushButton {{ background: #000000; color: #ffff00; border: 2px solid #ffff00; padding: 4px 10px; }}
QPushButton:checked {{ background: #ffff00; color: #000000; }}
QPushButton:focus {{ border: 3px solid {CONTRAST_FOCUS}; }}
QLineEdit, QPlainTextEdit {{ background: #000000; color: #ffffff; border: 2px solid #ffffff; }}
QLineEdit:focus, QPlainTextEdit:focus {{ border: 3px solid {CONTRAST_FOCUS}; }}
QRadioButton, QCheckBox {{ color: #ffffff; spacing: 10px; padding: 2px; border: 2px solid #000000; }}
QRadioButton:focus, QCheckBox:focus {{ border: 2px solid {CONTRAST_FOCUS}; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: 18px; height: 18px; border: 3px solid #ffffff;
                                                 background: #000000; }}
QRadioButton::indicator {{ border-radius: 12px; }}
QRadioButton::indicator:checked, QCheckBox::indicator:checked {{ background: #ffff00; border-color: #ffff00; }}
QScrollBar {{ background: #000000; border: 1px solid #ffffff; }}
QScrollBar::handle {{ background: #ffffff; }}
"""
# the answer card, per look: (answered background, its text, unanswered background, its text, border)
CARD_COLOURS = {False: ("#2e7d32", "#ffffff", "#ffffff", "#222222", "#6b6b6b"),
                True: ("#ffffff", "#000000", "#000000", "#ffffff", "#ffffff")}  # fmt: skip
FLAG_BORDER = {False: "#c2410c", True: "#ff9900"}
CURRENT_BORDER = {False: FOCUS, True: CONTRAST_FOCUS}
# the other coloured texts, per look: good (saved), bad (not saved, time short), neutral (saving)
TONES = {False: {"good": "#1b5e20", "bad": "#b71c1c", "neutral": "#424242", "banner": "#7a2e00",
                 "banner_bg": "#fff3e0"},
         True: {"good": "#7CFC00", "bad": "#ff8080", "neutral": "#ffffff", "banner": "#ffff00",
                "banner_bg": "#000000"}}  # fmt: skip


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.999))
    return f"{seconds // 3600:d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class AnswerCard(QWidget):
    """A grid of question numbers: answered, unanswered, flagged, current."""

    chosen = Signal(int)
    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setSpacing(4)
        self.buttons: list[QToolButton] = []
        self._state: list[tuple[bool, bool, bool] | None] = []
        self.contrast = False

    def set_contrast(self, on: bool) -> None:
        self.contrast = on
        self._state = [None] * len(self._state)  # every button restyled at the next update

    def build(self, count: int) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons, self._state = [], []
        for n in range(count):
            button = QToolButton()
            button.setText(str(n + 1))
            button.setFixedSize(48, 34)  # room for "57⚑" in the larger fonts of a candidate PC
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _checked=False, i=n: self.chosen.emit(i))
            self.grid.addWidget(button, n // self.COLUMNS, n % self.COLUMNS)
            self.buttons.append(button)
            self._state.append(None)  # styled on the first update

    def update_marks(self, answered: set[int], flagged: set[int], current: int) -> None:
        for n, button in enumerate(self.buttons):
            state = (n in answered, n in flagged, n == current)
            if state == self._state[n]:
                continue  # only restyle what changed: switching questions stays cheap
            self._state[n] = state
            done, flag, here = state
            done_bg, done_fg, open_bg, open_fg, plain = CARD_COLOURS[self.contrast]
            background, color = (done_bg, done_fg) if done else (open_bg, open_fg)
            border = (f"3px solid {CURRENT_BORDER[self.contrast]}" if here
                      else f"3px solid {FLAG_BORDER[self.contrast]}" if flag else f"1px solid {plain}")  # fmt: skip
            # no padding: "12⚑" fits the fixed 40 px (the page's button padding once cut it to "…")
            button.setStyleSheet(
                f"QToolButton {{ background: {background}; color: {color}; border: {border}; padding: 0px; }}"
                f"QToolButton:focus {{ border: 3px dashed {CURRENT_BORDER[self.contrast]}; }}"
            )
            button.setText(f"{n + 1}{'⚑' if flag else ''}")
            button.setAccessibleName(
                self.tr("Question {n}: {state}").format(
                    n=n + 1, state=self.tr("answered") if done else self.tr("not answered")
                )
            )


class QuestionView(QWidget):
    """One question and the controls to answer it. Emits `answered(slot, value)` on each change."""

    answered = Signal(int, object)
    draw_requested = Signal(int)  # an oral task: draw the question card
    attach_requested = Signal(int)  # an observed task: attach a file it produced

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.header = QLabel()
        self.stem = QLabel()
        self.stem.setWordWrap(True)
        self.stem.setTextFormat(Qt.TextFormat.PlainText)
        self.stem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer_area = QWidget()
        self.answer_layout = QVBoxLayout(self.answer_area)
        self.layout_.addWidget(self.header)
        self.layout_.addWidget(self.stem)
        self.layout_.addSpacing(8)
        self.layout_.addWidget(self.answer_area)
        self.layout_.addStretch(1)
        self.slot = -1
        self.kind = ""
        self.group: QButtonGroup | None = None
        self.checks: list[QCheckBox] = []
        self.blanks: list[QLineEdit] = []
        self.editor: QPlainTextEdit | None = None
        self.left: QLabel | None = None  # the characters left for a written answer
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.flush)
        self._labels: list[str] = []

    def _clear(self) -> None:
        while self.answer_layout.count():
            item = self.answer_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone now, not at the next event loop turn
                widget.deleteLater()
        if self.group is not None:
            self.group.deleteLater()
        self.group, self.checks, self.blanks, self.editor, self.left = None, [], [], None, None

    def show_item(self, number: int, total: int, item: dict[str, Any], answer: Any) -> None:
        self.flush()
        self._clear()
        self.slot, self.kind = item["slot"], item["type"]
        names = {
            "single": self.tr("Single choice"), "multiple": self.tr("Multiple choice"),
            "truefalse": self.tr("True or false"), "fill": self.tr("Fill in the blanks"),
            "short": self.tr("Short answer"), "case": self.tr("Case analysis"), "task": self.tr("Skill task"),
        }  # fmt: skip
        self.header.setText(
            counted(self.tr("Question {n} of {total} · {kind} · {points} points").format(
                n=number, total=total, kind=names.get(self.kind, self.kind), points=item.get("points", "")
            ))
        )  # fmt: skip
        self.stem.setText(item["stem"])
        mode = item.get("mode")
        if mode == "oral":
            self._show_oral(item)
        elif mode == "observed":
            self._show_observed(item)
        elif self.kind in ("single", "truefalse"):
            self.group = QButtonGroup(self)
            if self.kind == "single":
                choices = [(label, f"{label}. {text}") for label, text in item["options"]]
            else:
                choices = [(True, self.tr("True")), (False, self.tr("False"))]
            self._labels = [value for value, _ in choices]
            for value, text in choices:
                button = QRadioButton(text)
                button.setChecked(answer == value)
                self.group.addButton(button)
                self.answer_layout.addWidget(button)
            self.group.buttonClicked.connect(self._choice_clicked)
        elif self.kind == "multiple":
            chosen = set(answer or [])
            for label, text in item["options"]:
                box = QCheckBox(f"{label}. {text}")
                box.setChecked(label in chosen)
                box.setProperty("label", label)
                box.toggled.connect(self._multiple_changed)
                self.checks.append(box)
                self.answer_layout.addWidget(box)
        elif self.kind == "fill":
            given = list(answer or [])
            for n in range(max(1, len(BLANK.findall(item["stem"])))):
                edit = QLineEdit(given[n] if n < len(given) else "")
                edit.setPlaceholderText(self.tr("Blank {n}").format(n=n + 1))
                edit.textEdited.connect(lambda _t: self.autosave.start())
                edit.editingFinished.connect(self.flush)
                self.blanks.append(edit)
                self.answer_layout.addWidget(edit)
        else:
            self.editor = QPlainTextEdit(answer or "")
            self.editor.setMinimumHeight(240)
            self.editor.textChanged.connect(self.autosave.start)
            self.answer_layout.addWidget(self.editor)
            self.left = QLabel()
            self.left.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.editor.textChanged.connect(self._count_left)
            self.answer_layout.addWidget(self.left)
            self._count_left()

    def _show_oral(self, item: dict[str, Any]) -> None:
        """现场问答: nothing is typed; the candidate draws a card and answers the examiners aloud."""
        card = item.get("card")
        if card:
            number, pool, question = card
            title = QLabel(self.tr("Question card {number} of {pool}").format(number=number, pool=pool))
            title.setStyleSheet("font-weight: bold;")
            text = QLabel(question)
            text.setObjectName("oral_card")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setStyleSheet("border: 2px solid #1565c0; padding: 12px;")
            hint = QLabel(self.tr("Answer the examiners aloud. Nothing is typed for this task."))
            for widget in (title, text, hint):
                self.answer_layout.addWidget(widget)
        else:
            hint = QLabel(self.tr(
                "This task is an oral question. Draw your question card when the examiners are ready; the card "
                "is chosen for your paper and cannot be drawn again."
            ))  # fmt: skip
            hint.setWordWrap(True)
            button = QPushButton(self.tr("&Draw question card"))
            button.setObjectName("draw_card")
            button.clicked.connect(lambda: self.draw_requested.emit(self.slot))
            self.answer_layout.addWidget(hint)
            self.answer_layout.addWidget(button)

    def _show_observed(self, item: dict[str, Any]) -> None:
        """现场操作 / 模拟操作: performed in front of the examiners, who score it live."""
        form = item.get("form") or self.tr("observed task")
        hint = QLabel(self.tr("{form}: perform this task in front of the examiners; they score it as you work. "
                              "Nothing is typed here. The examiners can see you.").format(form=form))  # fmt: skip
        hint.setWordWrap(True)
        button = QPushButton(self.tr("&Attach a file this task produced…"))
        button.setObjectName("attach_file")
        button.clicked.connect(lambda: self.attach_requested.emit(self.slot))
        self.answer_layout.addWidget(hint)
        self.answer_layout.addWidget(button)

    def _count_left(self) -> None:
        """The characters the written answer still takes (the services refuse longer answers)."""
        if self.editor is None or self.left is None:
            return
        left = characters_left(self.editor.toPlainText())
        self.left.setText(self.tr("{count} characters left").format(count=left))
        self.left.setStyleSheet("color: #c62828; font-weight: bold;" if left < 500 else "color: #555555;")

    def _choice_clicked(self, button: QAbstractButton) -> None:
        assert self.group is not None
        index = self.group.buttons().index(button)
        self.answered.emit(self.slot, self._labels[index])

    def _multiple_changed(self, _checked: bool) -> None:
        chosen = sorted(box.property("label") for box in self.checks if box.isChecked())
        self.answered.emit(self.slot, chosen or None)

    def pending_value(self) -> tuple[bool, Any]:
        """(has unsaved typing, value) for text answers."""
        if self.blanks:
            values = [edit.text().strip() for edit in self.blanks]
            return True, values if any(values) else None
        if self.editor is not None:
            text = self.editor.toPlainText()
            return True, text if text.strip() else None
        return False, None

    def flush(self) -> None:
        """Save typed text now (leaving the question, the autosave timer, or before submitting)."""
        if not self.autosave.isActive() and not (self.blanks or self.editor):
            return
        self.autosave.stop()
        pending, value = self.pending_value()
        if pending and self.slot >= 0:
            self.answered.emit(self.slot, value)

    def choose_option(self, index: int) -> None:
        """Keyboard: the n-th option of the current question."""
        if self.group is not None and 0 <= index < len(self.group.buttons()):
            button = self.group.buttons()[index]
            button.setChecked(True)
            self._choice_clicked(button)
        elif 0 <= index < len(self.checks):
            self.checks[index].toggle()


class ExamPage(QWidget):
    """Renders a CandidateFlow while answering; every change goes through the flow (one service call)."""

    submit_requested = Signal()

    def __init__(self, flow: Any, on_error: Callable[[BaseException], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.flow = flow
        self.on_error = on_error
        self.font_step = 0
        self._saved_values: dict[int, Any] = {}

        self.who = QLabel()
        self.countdown = QLabel()
        big = self.countdown.font()
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        self.countdown.setFont(big)
        self.save_state = QLabel()
        self.save_state.setMinimumWidth(160)
        # centre mode: a step just made is on its way (a worker sends it); "Saving…" until it is
        # acknowledged or this runs out, then "Only on this PC" until the centre has it
        self._sending = QTimer(self)
        self._sending.setSingleShot(True)
        self._sending.setInterval(SENDING_MS)
        self._sending.timeout.connect(lambda: self.set_saved(None))
        smaller = QPushButton(self.tr("A−"))
        larger = QPushButton(self.tr("A+"))
        smaller.setToolTip(self.tr("Smaller text (Ctrl+-)"))
        larger.setToolTip(self.tr("Larger text (Ctrl++)"))
        smaller.clicked.connect(lambda: self.change_font(-1))
        larger.clicked.connect(lambda: self.change_font(+1))
        self.contrast = QPushButton(self.tr("High &contrast"))
        self.contrast.setCheckable(True)
        self.contrast.toggled.connect(self.set_contrast)
        self.submit_button = QPushButton(self.tr("&Submit paper"))
        self.submit_button.clicked.connect(self._request_submit)
        top = QHBoxLayout()
        top.addWidget(self.who)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Time left:")))
        top.addWidget(self.countdown)
        top.addSpacing(16)
        top.addWidget(self.save_state)
        top.addStretch(1)
        for w in (smaller, larger, self.contrast, self.submit_button):
            top.addWidget(w)

        self.question = QuestionView()
        self.question.answered.connect(self._save)
        self.question.draw_requested.connect(self._draw_card)
        self.question.attach_requested.connect(self._attach_file)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.question)
        self.previous_button = QPushButton(self.tr("◀ &Previous"))
        self.flag_button = QPushButton(self.tr("&Flag for review"))
        self.flag_button.setCheckable(True)
        self.next_button = QPushButton(self.tr("&Next ▶"))
        self.previous_button.clicked.connect(lambda: self.show_question(self.flow.current - 1))
        self.next_button.clicked.connect(lambda: self.show_question(self.flow.current + 1))
        self.flag_button.clicked.connect(self._toggle_flag)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.flag_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        left = QVBoxLayout()
        left.addWidget(scroll, 1)
        left.addLayout(nav)

        self.card = AnswerCard()
        self.card.chosen.connect(self.show_question)
        # one entry per line, so a narrow card never wraps in the middle of one
        self.legend = legend = QLabel()
        legend.setWordWrap(True)
        self.keys = QLabel(
            self.tr("Keys: PgUp / PgDn previous / next question · Alt+1…8 choose an option · Ctrl+M flag · "
                    "Ctrl++ / Ctrl+- text size · Tab next control · Alt+S submit")
        )  # fmt: skip
        self.keys.setWordWrap(True)
        card_box = QVBoxLayout()
        card_box.addWidget(QLabel(self.tr("Answer card")))
        card_scroll = QScrollArea()
        card_scroll.setWidgetResizable(True)
        card_scroll.setWidget(self.card)
        card_scroll.setMinimumWidth(294)
        card_box.addWidget(card_scroll, 1)
        card_box.addWidget(legend)
        card_box.addWidget(self.keys)
        right = QWidget()
        right.setLayout(card_box)
        right.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        right.setFixedWidth(312)

        self.banner = QLabel()
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.hide()
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self.banner.hide)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(right)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.banner)
        outer.addLayout(body, 1)

        for keys, slot in (
            ("PgDown", lambda: self.show_question(self.flow.current + 1)),
            ("PgUp", lambda: self.show_question(self.flow.current - 1)),
            ("Ctrl+Right", lambda: self.show_question(self.flow.current + 1)),
            ("Ctrl+Left", lambda: self.show_question(self.flow.current - 1)),
            ("Ctrl+M", self._toggle_flag),
            ("Ctrl++", lambda: self.change_font(+1)),
            ("Ctrl+=", lambda: self.change_font(+1)),
            ("Ctrl+-", lambda: self.change_font(-1)),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the page itself black in high contrast
        self.high_contrast = False
        self.set_contrast(False)
        self.change_font(0)  # exam text starts larger than the desktop default
        for n in range(8):  # Alt+1..8 choose an option without leaving the keyboard
            QShortcut(QKeySequence(f"Alt+{n + 1}"), self, activated=lambda i=n: self.question.choose_option(i))

    # -- rendering --------------------------------------------------------------------------

    def start(self) -> None:
        flow = self.flow
        if flow.identity is not None:
            self.who.setText(self.tr("{name} · ticket {ticket}").format(name=flow.identity.name,
                                                                          ticket=flow.identity.ticket))  # fmt: skip
        self.card.build(len(flow.items))
        self._saved_values = dict(flow.answers)
        self.set_saved(None)
        settings = flow.settings  # as the candidate left them, on this or another station
        if settings.font_size:
            self.font_step = (settings.font_size - BASE_FONT_PT) // 2
            self.change_font(0)
        self.contrast.setChecked(settings.high_contrast)
        self.show_question(flow.current)
        self.tick()

    def show_question(self, index: int) -> None:
        flow = self.flow
        if not flow.items:
            return
        self.question.flush()
        flow.goto(index)
        item = flow.items[flow.current]
        self.question.show_item(flow.current + 1, len(flow.items), item, flow.answers.get(item["slot"]))
        self.flag_button.setChecked(item["slot"] in flow.flagged)
        self.previous_button.setEnabled(flow.current > 0)
        self.next_button.setEnabled(flow.current < len(flow.items) - 1)
        self.card.update_marks(set(flow.answers), flow.flagged, flow.current)
        self._keep_settings()

    def _keep_settings(self) -> None:
        """Font size, contrast and the current question go to the centre: they follow a move."""
        try:
            self.flow.save_settings(font_size=BASE_FONT_PT + 2 * self.font_step,
                                    high_contrast=self.contrast.isChecked())  # fmt: skip
        except Exception:  # the exam goes on; only the settings would not follow a move
            log.warning("the screen settings could not be kept at the centre", exc_info=True)

    def tick(self) -> None:
        left = self.flow.remaining()
        self.countdown.setText(clock_text(left))
        urgent = left <= 5 * 60
        self.countdown.setStyleSheet(f"color: {self.tone('bad')};" if urgent else "")

    def notice(self, text: str, seconds: int = 15) -> None:
        """A banner that does not interrupt typing (time warnings)."""
        self.banner.setText(text)
        self.banner.show()
        self._banner_timer.start(seconds * 1000)

    def set_saved(self, ok: bool | None, detail: str = "") -> None:
        waiting = self.flow.save_status().waiting if self.flow.journal is not None else 0
        if ok is not False and waiting and self._sending.isActive() and self.flow.reachable:
            self.save_state.setText(self.tr("Saving…"))  # on its way, kept on this PC meanwhile
            self._set_save_tone("neutral")
        elif ok is not False and waiting:  # kept on this PC: the centre has not acknowledged it yet
            self.save_state.setText(self.tr("Only on this PC ({count} waiting)").format(count=waiting))
            self._set_save_tone("bad")  # bold, in both looks: it is not at the centre yet
        elif ok is not False and self.flow.journal is not None:
            self.save_state.setText(self.tr("✓ Saved at the centre"))
            self._set_save_tone("good")
        elif ok is None:
            self.save_state.setText(self.tr("All answers saved"))
            self._set_save_tone("good")
        elif ok:
            self.save_state.setText(self.tr("✓ Saved"))
            self._set_save_tone("good")
        else:
            self.save_state.setText(self.tr("✗ Not saved: {reason}").format(reason=detail))
            self._set_save_tone("bad")

    def change_font(self, step: int) -> None:
        self.font_step = max(-2, min(6, self.font_step + step))
        size = BASE_FONT_PT + 2 * self.font_step
        self.question.setStyleSheet(f"QWidget {{ font-size: {size}pt; }}")
        if step:
            self._keep_settings()

    def set_contrast(self, on: bool) -> None:
        self.high_contrast = on
        self.setStyleSheet(CONTRAST_STYLE if on else NORMAL_STYLE)
        self.card.set_contrast(on)
        started = bool(self.card.buttons)  # the page is built before the paper is there
        if started:
            self.card.update_marks(set(self.flow.answers), self.flow.flagged, self.flow.current)
        self.legend.setText(
            self.tr("White: answered\nBlack: not answered\nOrange border ⚑: flagged\nCyan border: this question")
            if on else
            self.tr("Green: answered\nWhite: not answered\nOrange border ⚑: flagged\nBlue border: this question")
        )  # fmt: skip
        tones = TONES[on]
        self.banner.setStyleSheet(f"background: {tones['banner_bg']}; color: {tones['banner']}; font-weight: bold; "
                                  f"padding: 6px; border: 2px solid {tones['banner']};")  # fmt: skip
        if started:
            self.tick()
        self._restyle_save_state()
        self._keep_settings()

    def tone(self, kind: str) -> str:
        """A coloured text's colour in the current look (good, bad, neutral)."""
        return TONES[self.high_contrast][kind]

    def _restyle_save_state(self) -> None:
        kind = self.save_state.property("tone")
        if kind:
            bold = " font-weight: bold;" if kind == "bad" else ""
            self.save_state.setStyleSheet(f"color: {self.tone(kind)};{bold}")

    def _set_save_tone(self, kind: str) -> None:
        self.save_state.setProperty("tone", kind)
        self._restyle_save_state()

    # -- actions ------------------------------------------------------------------------------

    def _save(self, slot: int, value: Any) -> None:
        if self._saved_values.get(slot) == value and (value is not None or slot not in self.flow.answers):
            return  # nothing new to store
        self.save_state.setText(self.tr("Saving…"))
        self._set_save_tone("neutral")
        try:
            self.flow.answer(slot, value)
        except Exception as exc:  # shown on the bar; the candidate can try again
            self.set_saved(False, translate_error(exc))
            self.on_error(exc)
            return
        self._saved_values[slot] = value
        self._step_made()
        self.set_saved(True)  # only now: the step is durably committed (at the centre, or journaled on this PC)
        self.card.update_marks(set(self.flow.answers), self.flow.flagged, self.flow.current)

    def _step_made(self) -> None:
        """Centre mode: a step went to the journal and, the centre answering, on its way to it."""
        if self.flow.journal is not None and self.flow.reachable and self.flow.save_status().waiting:
            self._sending.start()

    def _draw_card(self, slot: int) -> None:
        try:
            self.flow.draw_card(slot)
        except Exception as exc:
            self.on_error(exc)
            return
        self.show_question(self.flow.current)

    def _attach_file(self, slot: int) -> None:
        path = Ask.file(self, self.tr("Attach a file"))
        if not path:
            return
        try:
            content = Path(path).read_bytes()
            self.flow.attach_file(slot, Path(path).name, content)
        except Exception as exc:
            self.on_error(exc)
            return
        self.notice(self.tr("Attached {name}: the examiners can open it.").format(name=Path(path).name))

    def _toggle_flag(self) -> None:
        if not self.flow.items:
            return
        slot = self.flow.items[self.flow.current]["slot"]
        try:
            self.flow.toggle_flag(slot)
        except Exception as exc:
            self.on_error(exc)
        else:
            if self.flow.journal is not None:
                self._step_made()
                self.set_saved(True)
        self.flag_button.setChecked(slot in self.flow.flagged)
        self.card.update_marks(set(self.flow.answers), self.flow.flagged, self.flow.current)

    def _request_submit(self) -> None:
        self.question.flush()
        self.submit_requested.emit()
