#!/usr/bin/python3
# SPDX-License-Identifier: EUPL-1.2
"""A real SMTP server for the tests (aiosmtpd), on 127.0.0.1 and a free
port: smtp_sink.py DIR. Writes the port to DIR/port once it listens, then
each message it receives to DIR/N.eml (as received, with the envelope's
recipients in DIR/N.rcpt), until SIGTERM or SIGINT."""
import os
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
lock = threading.Lock()
count = 0


class Sink:
    async def handle_DATA(self, server, session, envelope):
        global count
        with lock:
            count += 1
            n = count
        with open(os.path.join(out, f"{n}.eml"), "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(os.path.join(out, f"{n}.rcpt"), "w") as f:
            f.write("\n".join(envelope.rcpt_tos) + "\n")
        return "250 Message accepted"


with socket.socket() as s:  # a free port, given back to the server at once
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
controller = Controller(Sink(), hostname="127.0.0.1", port=port)
controller.start()
with open(os.path.join(out, "port.tmp"), "w") as f:
    f.write(str(port))
os.replace(os.path.join(out, "port.tmp"), os.path.join(out, "port"))
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
signal.signal(signal.SIGINT, lambda *_: stop.set())
stop.wait(120)  # never outlives a test that forgot it
controller.stop()
