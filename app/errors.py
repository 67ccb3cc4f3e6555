"""The one root of errors that users see.

`UserFacingError` carries a message that is shown as it is (file, row or field named);
anything else escaping to the top level is a bug and is reported as such.

A refusal is data, not only English: it carries its `template` (the English sentence with
{placeholders}, the stable message id, like a gettext msgid: app/ui/widgets/messages.py lists
each one for translation), its `params` (placeholder -> value, all text) and a `code` from its
class ("not_found", "conflict", ...). Screens translate by the template with the params; they
never parse the English.

A value that is itself a message, or a list of messages ("question 2: {problem}", "not ready:
{waiting}"), is passed as a `Message` or a list of them: `params[key]` then holds their English
text (so `template.format(**params)` is always the English message) and `parts[key]` the messages
themselves, each translated by its own template. Parts of a placeholder are joined with "; ",
except under `LINES`: a refusal made of several findings, one per line (template "{lines}").
Everything is JSON-able: `Message.as_dict()` / `Message.from_dict()`, and
`UserFacingError.message` is the error's own `Message`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

LINES = "{lines}"  # the template of a refusal that is its parts, one per line; its placeholder is "lines"


def join_parts(key: str, texts: Sequence[str]) -> str:
    """How the parts of one placeholder are joined in the English message."""
    return ("\n" if key == "lines" else "; ").join(texts)


class Message(str):
    """An English message that also carries its template, its values and its nested messages.

    It *is* the English text (a `str`), so functions that return a message as text can return one
    and their callers see no difference; a screen reads `template`, `params` and `parts`."""

    template: str
    params: dict[str, str]
    parts: dict[str, tuple[Message, ...]]

    def __new__(cls, template: str, /, **values: object) -> Message:
        params: dict[str, str] = {}
        parts: dict[str, tuple[Message, ...]] = {}
        for key, value in values.items():
            if isinstance(value, Message):
                parts[key] = (value,)
                params[key] = str.__str__(value)
            elif isinstance(value, list | tuple) and value and all(isinstance(v, Message) for v in value):
                parts[key] = tuple(value)
                params[key] = join_parts(key, [str.__str__(v) for v in value])
            else:
                params[key] = str(value)
        text = template.format(**params) if values else template
        self = super().__new__(cls, text)
        self.template, self.params, self.parts = template, params, parts
        return self

    def __str__(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {self.params!r})"

    def __reduce__(self) -> Any:
        return (_from_dict, (self.as_dict(),))

    def as_dict(self) -> dict[str, Any]:
        """{"template": ..., "params": {...}} and, when there are nested messages, "parts": {key: [...]}."""
        out: dict[str, Any] = {"template": self.template, "params": dict(self.params)}
        if self.parts:
            out["parts"] = {key: [p.as_dict() for p in parts] for key, parts in self.parts.items()}
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Message:
        values: dict[str, object] = dict(data.get("params", {}))
        for key, parts in data.get("parts", {}).items():
            values[key] = [cls.from_dict(p) for p in parts]
        return cls(data["template"], **values)


def _from_dict(data: Mapping[str, Any]) -> Message:
    return Message.from_dict(data)


class UserFacingError(Exception):
    """An error caused by input or environment, explained in its message.

    `UserFacingError(template, **params)`: the template is the English sentence with {placeholders}
    (listed in app/ui/widgets/messages.py), the message is the template filled in. A plain message
    (an f-string, or a `Message` made elsewhere) works too: a `Message` keeps its template and
    params, a plain text is its own template with no params."""

    code = "error"

    def __init__(self, template: str, /, **params: object):
        message = template if isinstance(template, Message) and not params else Message(template, **params)
        super().__init__(str(message))
        self.message = message

    @property
    def template(self) -> str:
        return self.message.template

    @property
    def params(self) -> dict[str, str]:
        return self.message.params

    @property
    def parts(self) -> dict[str, tuple[Message, ...]]:
        return self.message.parts

    def as_dict(self) -> dict[str, Any]:
        """The refusal as JSON-able data: its code, template, params (and parts)."""
        return {"code": self.code, **self.message.as_dict()}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file: where it is and what is wrong."""

    source: str  # file path, or a description of the input
    line: int | None  # 1-based line in the source, when known
    location: str  # the field path inside the source, e.g. "items[3] (OLS-1).key"
    message: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.location}: {self.message}" if self.location else f"{where}: {self.message}"


class DataFileError(UserFacingError):
    """One or more problems in data files; nothing from them was used. Their messages come from the
    file readers as text (Problem.message): screens translate them by matching the templates."""

    code = "data_file"

    def __init__(self, problems: Sequence[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.source, p.line or 0, p.location))
        super().__init__("\n".join(str(p) for p in self.problems))
