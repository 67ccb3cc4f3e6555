"""`examdesk centre ...` (on the centre server) and `examdesk station enrol` (on each PC)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from app.errors import UserFacingError

DEFAULT_LISTEN = "0.0.0.0:8443"


def _data(args: argparse.Namespace) -> Path:
    from app import paths

    return Path(args.data) if args.data else paths.data_dir()


def _store_url(args: argparse.Namespace) -> str:
    from app.store.database import sqlite_url

    if args.db:
        return str(args.db)
    path = _data(args) / "examdesk.db"
    if not path.exists():
        raise UserFacingError("no store at {path}: create one with 'examdesk store init'", path=str(path))
    return sqlite_url(path)


def cmd_centre_init(args: argparse.Namespace, passphrase: Callable[[], str]) -> int:
    from app.centre import run, tls

    data = _data(args)
    made = run.init(data, args.centre_code, list(args.address), passphrase())
    print(f"centre CA and server certificate written to {made.folder}")
    print(f"stations reach the centre at: {', '.join(args.address)}")
    print(f"CA fingerprint (shown with every enrolment code): {tls.fingerprint(made.ca_pem)}")
    return 0


def cmd_centre_serve(args: argparse.Namespace, passphrase: Callable[[], str]) -> int:
    from app.centre import run

    url = _store_url(args)
    print(f"ExamDesk centre serving {url.split('@')[-1]} on https://{args.listen}", file=sys.stderr, flush=True)
    run.serve(_data(args), url, passphrase(), args.listen, copy_to=Path(args.copy_to) if args.copy_to else None,
              copy_minutes=args.copy_minutes, workers=args.workers)  # fmt: skip
    return 0


def cmd_centre_enrol_code(args: argparse.Namespace, admin: Callable[[argparse.Namespace], object]) -> int:
    from app.centre import run, tls

    certs = tls.CentreTls(_data(args) / run.CENTRE_FOLDER)
    if not certs.exists():
        raise UserFacingError("no centre certificates in {folder}: run 'examdesk centre init' first",
                              folder=str(certs.folder))  # fmt: skip
    args.url = args.db
    with admin(args) as client:  # type: ignore[attr-defined]
        code = client.admin.enrolment_code(args.station)
    shown = tls.display_code(code.secret, certs.ca_pem)
    if args.json:
        print(json.dumps({"station": code.station, "code": shown, "expires_at": code.expires_at}))
    else:
        print(f"enrolment code for {code.station}: {shown}  (single use, until {code.expires_at})")
    return 0


def _pg_url(args: argparse.Namespace) -> str:
    if not args.db:
        raise UserFacingError("give the PostgreSQL store's URL (--db postgresql+psycopg://USER@HOST:PORT/DB)")
    return str(args.db)


def _print_state(found: object) -> None:
    from app.centre.standby import ReplicationState

    assert isinstance(found, ReplicationState)
    role = "standby (in recovery)" if found.in_recovery else "primary"
    waits = f"commits wait for {found.synchronous_names}" if found.synchronous else "commits wait for no standby"
    print(f"this server: {role}; {waits}")
    for replica in found.replicas:
        print(f"  standby {replica.name}: {replica.state}, {replica.sync_state}")
    if found.held:
        print("  HELD: commits are waiting for a standby that does not answer: "
              "'examdesk centre standby detach' lets them go on")  # fmt: skip


def cmd_standby_prepare(args: argparse.Namespace) -> int:
    from app.centre import standby

    for line in standby.prepare_primary(_pg_url(args), args.standby_host):
        print(line)
    return 0


def cmd_standby_init(args: argparse.Namespace) -> int:
    from app.centre import standby

    for line in standby.init_standby(args.primary, Path(args.data), port=args.port, name=args.name,
                                     user=args.user, start=not args.no_start):  # fmt: skip
        print(line)
    print(f"next, on the primary's server: examdesk centre standby attach --db URL --name {args.name}")
    return 0


def cmd_standby_status(args: argparse.Namespace) -> int:
    from app.centre import standby

    found = standby.state(_pg_url(args))
    _print_state(found)
    return 1 if found.held else 0


def cmd_standby_attach(args: argparse.Namespace, admin: Callable[[argparse.Namespace], object]) -> int:
    url = _pg_url(args)
    args.url = url
    with admin(args) as client:  # type: ignore[attr-defined]
        status = client.admin.attach_standby(args.name)
    print(f"commits wait for the standby again: {status.synchronous_names} ({status.detail})")
    return 0


def cmd_standby_detach(args: argparse.Namespace, admin: Callable[[argparse.Namespace], object]) -> int:
    from app.centre import standby

    url = _pg_url(args)
    # first, without signing in: while commits are held, a sign-in (a commit) would wait too
    standby.detach(url)
    print("commits no longer wait for a standby: saves go on on this server alone")
    args.url = url
    with admin(args) as client:  # type: ignore[attr-defined]
        client.admin.detach_standby()  # the audit entry
    print("recorded in the audit log (centre.standby_detach)")
    return 0


def cmd_centre_promote(args: argparse.Namespace) -> int:
    from app.centre import standby

    url = _pg_url(args)
    found = standby.promote(url)
    print("the standby is now the primary; its commits wait for no standby")
    _print_state(found)
    print("now start the centre service here: examdesk centre serve --db URL --data DIR --listen HOST:PORT")
    return 0


def cmd_station_enrol(args: argparse.Namespace) -> int:
    from app import paths
    from app.station.enrolment import enrol

    folder = Path(args.dir) if args.dir else paths.data_dir() / "station"
    code = args.code or os.environ.get("EXAMDESK_ENROLMENT_CODE", "")
    if not code:
        raise UserFacingError("give the enrolment code the admin's screen shows (--code)")
    config = enrol(args.centre, code, args.station, folder)
    print(f"enrolled as {config.station}; centre addresses: {', '.join(config.addresses)}; saved in {folder}")
    return 0


def add_commands(sub: argparse._SubParsersAction, passphrase: Callable[[], str],
                 admin: Callable[[argparse.Namespace], object]) -> argparse._SubParsersAction:  # fmt: skip
    """The `centre` commands, and the `station` group (returned: other station commands join it)."""
    centre = sub.add_parser("centre", help="centre mode: the service every station of the centre uses").add_subparsers(
        dest="action", metavar="ACTION", required=True)  # fmt: skip

    def data(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data", metavar="DIR", help="the centre's data folder (default: the platform's)")

    p = centre.add_parser("init", help="create the centre CA and the server certificate for its addresses")
    p.add_argument("--centre-code", required=True)
    p.add_argument("--address", action="append", required=True, metavar="https://HOST:PORT",
                   help="an address stations use (repeat for every name/IP, and the standby's)")  # fmt: skip
    data(p)
    p.set_defaults(func=lambda a: cmd_centre_init(a, passphrase))
    p = centre.add_parser("serve", help="serve the contract over HTTPS to the centre's stations")
    p.add_argument("--db", metavar="URL", help="the store's database URL (default: the data folder's SQLite store)")
    p.add_argument("--listen", default=DEFAULT_LISTEN, metavar="HOST:PORT")
    p.add_argument("--copy-to", metavar="DIR",
                   help="a SQLite centre: copy the store here (a second disk, another PC's share)")  # fmt: skip
    p.add_argument("--copy-minutes", type=float, default=5.0, metavar="MIN", help="how often (default 5)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes serving the calls (default 1; a large centre: one per core)")  # fmt: skip
    data(p)
    p.set_defaults(func=lambda a: cmd_centre_serve(a, passphrase))
    p = centre.add_parser("enrol-code", help="a one-time code that enrols one station (the admin signs in)")
    p.add_argument("--station", required=True, metavar="SEAT")
    p.add_argument("--admin", default="admin")
    p.add_argument("--json", action="store_true")
    p.add_argument("--db", metavar="URL")
    data(p)
    p.set_defaults(func=lambda a: cmd_centre_enrol_code(a, admin))

    p = centre.add_parser("promote", help="the primary's PC died: make this PC's standby the primary")
    p.add_argument("--db", required=True, metavar="URL", help="the standby's PostgreSQL (the store's URL there)")
    p.set_defaults(func=cmd_centre_promote)

    standby = centre.add_parser("standby", help="a PostgreSQL centre's synchronous standby on a second PC"
                                ).add_subparsers(dest="standby_action", metavar="ACTION", required=True)  # fmt: skip
    p = standby.add_parser("prepare-primary", help="on the primary: WAL, senders and pg_hba.conf for a standby")
    p.add_argument("--db", required=True, metavar="URL", help="the store's PostgreSQL URL (as a superuser)")
    p.add_argument("--standby-host", required=True, metavar="HOST", help="the standby PC's address")
    p.set_defaults(func=cmd_standby_prepare)
    p = standby.add_parser("init", help="on the second PC: copy the primary (pg_basebackup) and start streaming")
    p.add_argument("--primary", required=True, metavar="HOST:PORT", help="the primary's PostgreSQL")
    p.add_argument("--data", required=True, metavar="DIR", help="a new, empty folder for the standby's data")
    p.add_argument("--port", type=int, default=5432, help="the standby's own PostgreSQL port (default 5432)")
    p.add_argument("--name", default="examdesk_standby", help="the name the standby streams under")
    p.add_argument("--user", default="postgres", help="the role it replicates as (password: ~/.pgpass)")
    p.add_argument("--no-start", action="store_true", help="copy and configure only; start it yourself")
    p.set_defaults(func=cmd_standby_init)
    p = standby.add_parser("attach", help="on the primary: commits wait for the standby (it must stream)")
    p.add_argument("--db", required=True, metavar="URL")
    p.add_argument("--name", default="examdesk_standby")
    p.add_argument("--admin", default="admin")
    data(p)
    p.set_defaults(func=lambda a: cmd_standby_attach(a, admin))
    p = standby.add_parser("detach", help="the standby died: commits stop waiting for it (audited)")
    p.add_argument("--db", required=True, metavar="URL")
    p.add_argument("--admin", default="admin")
    data(p)
    p.set_defaults(func=lambda a: cmd_standby_detach(a, admin))
    p = standby.add_parser("status", help="primary or standby, what commits wait for (exit 1: held)")
    p.add_argument("--db", required=True, metavar="URL")
    p.set_defaults(func=cmd_standby_status)

    station = sub.add_parser("station", help="this PC as a station of a centre").add_subparsers(
        dest="action", metavar="ACTION", required=True)  # fmt: skip
    p = station.add_parser("enrol", help="enrol this PC with the centre, once, with the admin's code")
    p.add_argument("--centre", required=True, metavar="https://HOST:PORT")
    p.add_argument("--code", help="the enrolment code (or EXAMDESK_ENROLMENT_CODE)")
    p.add_argument("--station", required=True, metavar="SEAT")
    p.add_argument("--dir", metavar="DIR", help="where the enrolment is kept (default: DATA/station)")
    p.set_defaults(func=cmd_station_enrol)
    return station
