"""The admin's actions on a PostgreSQL centre's synchronous standby, audited (app/centre/standby.py
does the PostgreSQL side; docs/centre.md, "The standby").

Detaching must work while the standby is dead, when every commit waits: the setting is changed
first, outside any transaction (ALTER SYSTEM is not transactional and waits for no standby), and
only then is the audit entry written, a commit that no longer waits.
"""

from __future__ import annotations

from collections.abc import Callable

from app.api.types import StandbyStatus
from app.services.base import Actor, Service, ServiceError, require_role

Watch = Callable[[], StandbyStatus | None]  # the centre service's latest reading, read at once


class StandbyService(Service):
    def status(self, actor: Actor, watch: Watch | None) -> StandbyStatus | None:
        require_role(actor, "admin", "proctor")
        return watch() if watch is not None else None

    def _url(self) -> str:
        url = self.db.engine.url
        if url.get_backend_name() != "postgresql":
            raise ServiceError("a SQLite centre has no standby: it copies its store to a second disk instead")
        return url.render_as_string(hide_password=False)

    def detach(self, actor: Actor, watch: Watch | None) -> StandbyStatus:
        """Commits stop waiting for a standby, then the audit entry `centre.standby_detach`."""
        from app.centre import standby

        require_role(actor, "admin")
        url = self._url()
        before = standby.state(url)
        standby.detach(url)
        with self.action(actor, "centre.standby_detach", "centre:standby",
                         {"was": before.synchronous_names, "replicas": [r.name for r in before.replicas]}):  # fmt: skip
            pass
        return self._now(url, watch)

    def attach(self, actor: Actor, name: str, watch: Watch | None) -> StandbyStatus:
        """Commits wait for the standby `name` again (refused unless it streams), audited as
        `centre.standby_attach` (that commit is the first to wait for it)."""
        from app.centre import standby

        require_role(actor, "admin")
        url = self._url()
        standby.attach(url, name)
        with self.action(actor, "centre.standby_attach", "centre:standby", {"name": name}):
            pass
        return self._now(url, watch)

    @staticmethod
    def _now(url: str, watch: Watch | None) -> StandbyStatus:
        from app.centre import standby

        found = watch() if watch is not None else None
        if found is not None:
            return found
        state = standby.state(url)
        report = "lost" if state.held else ("ok" if state.synchronous else "off")
        return StandbyStatus(report, "", state.synchronous_names,
                             ", ".join(f"{r.name} {r.state}/{r.sync_state}" for r in state.replicas))  # fmt: skip
