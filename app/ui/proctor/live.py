"""Live changes for the proctor console in centre mode: the centre's event stream, read in a thread.

Each change the centre records in the session (an answer saved, a pause, a submission) arrives as
an event; the console reads the grid again at once instead of waiting for its timed refresh. The
stream resumes after the last change seen when the link drops or the centre restarts.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from app.api.client import Client
from app.api.errors import ApiError

log = logging.getLogger(__name__)
RECONNECT_SECONDS = 2.0


class LiveChanges(QObject):
    """Emits `changed` (on the GUI thread, by Qt's queued connection) for each change of the session."""

    changed = Signal(int)  # the change's sequence number

    def __init__(self, client: Client, session_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.client, self.session_id = client, session_id
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @staticmethod
    def available(client: Client) -> bool:
        return hasattr(client.transport, "changes")

    def start(self) -> None:
        self._thread = threading.Thread(target=self._follow, name=f"live-{self.session_id}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """The thread ends at the next event or keep-alive (daemon: it never holds the app open)."""
        self._stop.set()

    def _follow(self) -> None:
        after = 0
        changes = self.client.transport.changes  # type: ignore[attr-defined]
        while not self._stop.is_set():
            try:
                for change in changes(self.client.token, self.session_id, after):
                    if self._stop.is_set():
                        return
                    after = change.seq
                    self.changed.emit(change.seq)
            except ApiError as exc:
                if exc.code in ("invalid_token", "invalid_station", "permission_denied"):
                    log.warning("live changes of session %s stopped: %s", self.session_id, exc)
                    return  # signed out or revoked: the timed refresh shows the refusal
            except Exception:  # a fault in the stream: the timed refresh still runs
                log.warning("live changes of session %s failed", self.session_id, exc_info=True)
            self._stop.wait(RECONNECT_SECONDS)
