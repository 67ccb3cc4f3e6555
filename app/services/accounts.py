"""Staff accounts: the first admin, users and roles, login with lockout, resets."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.api.types import UserView
from app.domain.lockout import LOCK_SECONDS, MAX_FAILURES, Lock, LockReading, LockState, minutes_left, read_lock
from app.security.passwords import hash_password, password_problem, verify_password
from app.security.signing import SigningKey
from app.services.base import SYSTEM, Actor, Conflict, NotFound, PermissionDenied, Service, ServiceError, require_role
from app.services.keys import add_signing_key
from app.store.models import Centre, StaffToken, User

ROLES = ("admin", "proctor", "examiner", "chief")


class LoginFailed(ServiceError):
    code = "login_failed"


class AccountLocked(ServiceError):
    code = "account_locked"



class AccountService(Service):
    def set_up_centre(self, *, code: str, name: str, admin_username: str, admin_password: str) -> Actor:
        """First run: the centre and its first administrator. Refused once any user exists."""
        problem = password_problem(admin_password)
        if problem:
            raise ServiceError("admin password: {problem}", problem=problem)
        with self.action(SYSTEM, "centre.set_up", f"centre:{code}", {"code": code, "name": name}) as s:
            if s.scalar(select(func.count()).select_from(User)):
                raise Conflict("the centre is already set up")
            s.add(Centre(code=code, name=name))
            admin = User(
                username=admin_username, role="admin", display_name=admin_username,
                password_hash=hash_password(admin_password),
            )  # fmt: skip
            s.add(admin)
            key = SigningKey.generate()
            add_signing_key(s, key, key.seal(self.db.cipher), self.db.wall_now())
            s.flush()
            return Actor("admin", admin.id)

    def create_user(self, actor: Actor, *, username: str, role: str, display_name: str, password: str) -> UserView:
        require_role(actor, "admin")
        if role not in ROLES:
            raise ServiceError("role must be one of {roles}", roles=", ".join(ROLES))
        problem = password_problem(password)
        if problem:
            raise ServiceError("password: {problem}", problem=problem)
        with self.action(actor, "user.create", f"user:{username}", {"username": username, "role": role}) as s:
            if s.scalar(select(User).where(User.username == username)):
                raise Conflict("user {user} already exists", user=repr(username))
            user = User(username=username, role=role, display_name=display_name, password_hash=hash_password(password))
            s.add(user)
            s.flush()
            return UserView(user.id, username, role, display_name, False, True)

    def login(self, username: str, password: str) -> Actor:
        return self.login_with(username, password)[0]

    def login_with(self, username: str, password: str, *, station: str = "",
                   on_success: Callable[[Session, User], None] | None = None) -> tuple[Actor, UserView]:  # fmt: skip
        """Five wrong passwords in a row lock the account for 15 minutes on the machine clock
        (app/domain/lockout.py); an admin can unlock. `on_success` runs inside the login's
        transaction (AuthService issues the station's token there: one action, one audit entry)."""
        with self.db.reader() as s:
            user = s.scalar(select(User).where(User.username == username))
            if user is None or not user.active:
                raise LoginFailed("wrong user name or password")
            lock = self._lock_state(user)
            ok = not lock.locked and verify_password(user.password_hash, password)
        if lock.reading is LockReading.OTHER_BOOT:  # measured from now on, on this boot's clock
            with self.action(Actor(user.role, user.id), "user.lock_restarted", f"user:{user.id}", {}) as s:
                self._set_lock(s, user.id, self.db.mono() + LOCK_SECONDS)
        if lock.locked:
            raise AccountLocked("account {user} is locked for {minutes} more minute(s)",
                                user=repr(username), minutes=minutes_left(lock))
        data: dict[str, object] = {"ok": ok, "station": station} if station else {"ok": ok}
        with self.action(Actor(user.role, user.id), "user.login" if ok else "user.login_failed",
                         f"user:{user.id}", data) as s:  # fmt: skip
            row = s.get(User, user.id)
            assert row is not None
            if ok:
                row.failed_logins = 0
                if on_success is not None:
                    on_success(s, row)
            else:
                row.failed_logins += 1
                if row.failed_logins >= MAX_FAILURES:
                    self._set_lock(s, user.id, self.db.mono() + LOCK_SECONDS)
                    row.failed_logins = 0
        if not ok:
            raise LoginFailed("wrong user name or password")
        return Actor(user.role, user.id), UserView(user.id, user.username, user.role, user.display_name, False, True)

    def _lock_state(self, user: User) -> LockState:
        lock = Lock(user.locked_epoch, user.locked_until, user.locked_wall)
        return read_lock(lock, epoch=self.db.epoch, now=self.db.mono(), wall_seconds=self.db.clock.now().timestamp())

    def _set_lock(self, s: Session, user_id: int, until: float) -> None:
        row = s.get(User, user_id)
        assert row is not None
        row.locked_epoch, row.locked_until, row.locked_wall = self.db.epoch, until, self.db.clock.now().timestamp()

    def reset_password(self, actor: Actor, user_id: int, new_password: str) -> None:
        require_role(actor, "admin")
        problem = password_problem(new_password)
        if problem:
            raise ServiceError("password: {problem}", problem=problem)
        with self.action(actor, "user.reset_password", f"user:{user_id}", {}) as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFound("no user {user}", user=user_id)
            user.password_hash = hash_password(new_password)
            user.failed_logins, user.locked_until, user.locked_epoch = 0, 0.0, None

    def unlock(self, actor: Actor, user_id: int) -> None:
        require_role(actor, "admin")
        with self.action(actor, "user.unlock", f"user:{user_id}", {}) as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFound("no user {user}", user=user_id)
            user.failed_logins, user.locked_until, user.locked_epoch = 0, 0.0, None

    def set_active(self, actor: Actor, user_id: int, active: bool) -> None:
        """Deactivate an account (it can no longer sign in; its sign-ins stop working at their next
        call; its history, duties and scores stay) or reactivate it. The last active admin stays, and
        nobody deactivates their own account."""
        require_role(actor, "admin")
        with self.action(actor, "user.activate" if active else "user.deactivate", f"user:{user_id}", {}) as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFound("no user {user}", user=user_id)
            if user.active and active:
                raise Conflict("account {user} is already active", user=repr(user.username))
            if not user.active and not active:
                raise Conflict("account {user} is already deactivated", user=repr(user.username))
            if not active:
                if user.id == actor.id:
                    raise Conflict("you cannot deactivate your own account: another admin can")
                if user.role == "admin":
                    others = s.scalar(select(func.count()).select_from(User).where(
                        User.role == "admin", User.active.is_(True), User.id != user.id))  # fmt: skip
                    if not others:
                        raise Conflict("account {user} is the last active admin: it stays active",
                                       user=repr(user.username))  # fmt: skip
                for token in s.scalars(select(StaffToken).where(StaffToken.user_id == user.id,
                                                                StaffToken.revoked.is_(False))):  # fmt: skip
                    token.revoked = True  # reactivating the account does not bring old sign-ins back
            user.active = active

    def centre(self) -> tuple[str, str]:
        """(code, name) of this centre; empty before set-up. Public: it is printed on every report."""
        with self.db.reader() as s:
            row = s.scalars(select(Centre)).first()
        return (row.code, row.name) if row else ("", "")

    def users(self, actor: Actor) -> list[UserView]:
        if actor.role != "admin":
            raise PermissionDenied("only an admin lists users")
        with self.db.reader() as s:
            return [
                UserView(u.id, u.username, u.role, u.display_name, self._lock_state(u).locked, u.active)
                for u in s.scalars(select(User).order_by(User.id))
            ]
