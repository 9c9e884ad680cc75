#!/usr/bin/python3
# SPDX-License-Identifier: EUPL-1.2
"""Reads an iCalendar file written by `cls ics` back with an independent
parser (python3-icalendar, Debian package) and prints what a calendar client
would see, one event after the other, for the e2e cases to compare.

    ics_check.py FILE.ics [--summary]

It fails (exit 1, message on stderr) when the file breaks RFC 5545 the way
clients notice: a line not ended by CRLF, a line longer than 75 octets, a fold
that splits a UTF-8 character, an event without UID/DTSTAMP/DTSTART, two
events with the same UID, a TZID without its VTIMEZONE, or a VTIMEZONE that
puts a meeting at another instant than the system's zone of the same name
(Europe/Paris, Indian/Reunion…) does.
Times in a zone are printed with their UTC offset as the file's VTIMEZONE
gives it. With --summary it prints only the number of events (for projects
whose content the case does not own).

Run it with /usr/bin/python3: python3-icalendar is a Debian package.
"""
import datetime
import sys
import zoneinfo

import icalendar


def fail(msg):
    print(f"ics_check: {msg}", file=sys.stderr)
    sys.exit(1)


def check_lines(raw):
    if not raw.endswith(b"\r\n"):
        fail("the file does not end with CRLF")
    body = raw[:-2]
    for n, line in enumerate(body.split(b"\r\n"), 1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {n}: a bare LF or CR (lines end with CRLF)")
        if len(line) > 75:
            fail(f"line {n}: {len(line)} octets, more than 75: {line[:40]!r}…")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"line {n}: not UTF-8 on its own (a fold splits a character)")


def as_text(dt):
    if isinstance(dt, datetime.datetime):
        return dt.strftime("%Y-%m-%d %H:%M")
    return dt.strftime("%Y-%m-%d") + " (all day)"


def offset_text(delta):
    minutes = int(delta.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def main():
    args = sys.argv[1:]
    summary = "--summary" in args
    args = [a for a in args if a != "--summary"]
    if len(args) != 1:
        fail("usage: ics_check.py FILE.ics [--summary]")
    raw = open(args[0], "rb").read()
    check_lines(raw)
    cal = icalendar.Calendar.from_ical(raw)
    if cal.name != "VCALENDAR" or str(cal.get("VERSION")) != "2.0" or not cal.get("PRODID"):
        fail("not a VCALENDAR 2.0 with a PRODID")

    # The file's own zones, read as the file defines them (not by name).
    zones = {str(tz["TZID"]): tz.to_tz() for tz in cal.walk("VTIMEZONE")}
    utc = datetime.timezone.utc

    events = cal.walk("VEVENT")
    uids = [str(e.get("UID")) for e in events]
    if len(set(uids)) != len(uids):
        fail("two events with the same UID")
    for ev in events:
        for key in ("UID", "DTSTAMP", "DTSTART"):
            if key not in ev:
                fail(f"an event without {key}")
        if not str(ev["DTSTAMP"].to_ical().decode()).endswith("Z"):
            fail("DTSTAMP is not in UTC")
        lines = [f"event {ev['UID']}"]
        for key in ("DTSTART", "DTEND"):
            if key not in ev:
                continue
            prop = ev[key]
            tzid = prop.params.get("TZID")
            if tzid is None:
                lines.append(f"  {key.lower()}: {as_text(prop.dt)}")
                continue
            if tzid not in zones:
                fail(f"TZID={tzid} without its VTIMEZONE")
            wall = prop.dt.replace(tzinfo=None)
            local = zones[tzid].localize(wall)
            by_file = local.astimezone(utc)
            by_system = wall.replace(tzinfo=zoneinfo.ZoneInfo(tzid)).astimezone(utc)
            if by_file != by_system:
                fail(f"{key} {wall}: the file's VTIMEZONE gives {by_file}, the system's {tzid} gives {by_system}")
            lines.append(f"  {key.lower()}: {as_text(wall)} {tzid} "
                         f"(UTC{offset_text(local.utcoffset())}, {by_file.strftime('%H:%M')} UTC)")
        for key in ("SUMMARY", "LOCATION", "URL"):
            if key in ev:
                lines.append(f"  {key.lower()}: {ev[key]}")
        if "ORGANIZER" in ev:
            o = ev["ORGANIZER"]
            lines.append(f"  organizer: {o.params.get('CN', '')} <{o}>")
        attendees = ev.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        for a in attendees:
            lines.append(f"  attendee {a.params.get('ROLE', '?')}: {a.params.get('CN', '')} <{a}>")
        if "DESCRIPTION" in ev:
            lines.append("  description:")
            lines += ["    " + l if l else "" for l in str(ev["DESCRIPTION"]).split("\n")]
        if not summary:
            print("\n".join(lines))
    if summary:
        print(f"{len(events)} event{'s' if len(events) != 1 else ''}, RFC 5545 lines, zones agree")


if __name__ == "__main__":
    main()
