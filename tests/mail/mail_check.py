#!/usr/bin/python3
# SPDX-License-Identifier: EUPL-1.2
"""Reads .eml files back with Python's own e-mail parser, as a mail client
would, and prints what a reader sees: mail_check.py FILE...

For each message: the headers decoded, the tree of its parts, each
attachment's name, type and size, and the calendar part's METHOD, UID and
attendees. Then what must hold for any message cls writes, checked on the
raw bytes: CRLF line ends only (no bare LF, no bare CR), headers in ASCII
(non-ASCII names and subjects encoded, RFC 2047), lines of at most 998
octets, exactly the expected headers (nothing a name or a subject could
have added), and the text parts decoding to UTF-8. A broken rule prints a
line starting with "PROBLEM".
"""
import email
import email.policy
import re
import sys

EXPECTED = {"from", "to", "reply-to", "subject", "date", "message-id", "mime-version", "content-type"}


def check_raw(path, raw):
    problems = []
    if re.search(rb"(?<!\r)\n", raw):
        problems.append("a bare LF")
    if re.search(rb"\r(?!\n)", raw):
        problems.append("a bare CR")
    head = raw.split(b"\r\n\r\n", 1)[0]
    try:
        head.decode("ascii")
    except UnicodeDecodeError:
        problems.append("non-ASCII bytes in the headers")
    if any(len(line) > 998 for line in raw.split(b"\r\n")):
        problems.append("a line over 998 octets")
    names = {m.group(1).lower().decode() for m in re.finditer(rb"^([A-Za-z-]+):", head, re.M)}
    if names - EXPECTED:
        problems.append("unexpected headers: " + ", ".join(sorted(names - EXPECTED)))
    for p in problems:
        print(f"PROBLEM {path}: {p}")


def tree(part, depth=0):
    out = ["  " * depth + part.get_content_type()]
    if part.is_multipart():
        for sub in part.iter_parts():
            out += tree(sub, depth + 1)
    return out


def main(paths):
    for path in paths:
        raw = open(path, "rb").read()
        check_raw(path, raw)
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        print(f"== {path}")
        for h in ("From", "Reply-To", "To", "Subject", "Date", "Message-ID"):
            if msg[h] is not None:
                print(f"{h}: {msg[h]}")
        print("parts: " + " / ".join(t.strip() for t in tree(msg)))
        body = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        text = body.get_content() if body else ""
        print(f"text: {len(text.splitlines())} lines, first: {text.splitlines()[0] if text else ''}")
        if html is None or "<html" not in html.get_content():
            print(f"PROBLEM {path}: no HTML document")
        for att in msg.iter_attachments():
            data = att.get_payload(decode=True)
            line = f"attachment: {att.get_filename()} ({att.get_content_type()}, {len(data)} bytes)"
            if att.get_content_type() == "text/calendar":
                line += f" method={att.get_param('method')}"
                ics = data.decode("utf-8").replace("\r\n ", "")  # unfolded
                for prop in ics.split("\r\n"):
                    name = re.split("[;:]", prop, 1)[0]
                    if name in ("METHOD", "UID", "ORGANIZER", "ATTENDEE"):
                        line += f"\n  {prop}"
            if att.get_content_type() == "application/pdf" and not data.startswith(b"%PDF-"):
                print(f"PROBLEM {path}: {att.get_filename()} is not a PDF")
            print(line)


main(sys.argv[1:])
