# SPDX-License-Identifier: GPL-3.0-or-later
"""An SMTP server that fails on demand, for Settle's email tests.

    /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c settle_smtp_fake.Refuse STAGE REPLY MAILDIR

STAGE is where it misbehaves:
  rcpt  answers REPLY (e.g. "550 5.1.1 No such user") to every RCPT TO
  data  answers REPLY (e.g. "451 4.3.0 Try again later") at the end of the message
  drop  stores the message in MAILDIR, then hangs up without answering: the sender
        cannot know whether it was accepted
Messages that get through are stored in MAILDIR like aiosmtpd.handlers.Mailbox does.
"""

from aiosmtpd.handlers import Mailbox


class Refuse(Mailbox):
    def __init__(self, stage, reply, mail_dir):
        if stage not in ("rcpt", "data", "drop"):
            raise ValueError("STAGE must be rcpt, data or drop")
        super().__init__(mail_dir)
        self.stage = stage
        self.reply = reply

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 3:
            parser.error("expected STAGE REPLY MAILDIR")
        return cls(*args)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.stage == "rcpt":
            return self.reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.stage == "data":
            return self.reply
        result = await super().handle_DATA(server, session, envelope)
        if self.stage == "drop":
            server.transport.abort()
        return result


def _serve_with_auth(port, mail_dir, username, password):
    """A Mailbox server on 127.0.0.1:PORT that requires AUTH PLAIN/LOGIN with the given
    credentials (over plain text: a loopback test only)."""
    import signal
    import threading

    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == username.encode()
              and auth_data.password == password.encode())
        return AuthResult(success=ok, handled=False)

    controller = Controller(Mailbox(mail_dir), hostname="127.0.0.1", port=int(port),
                            authenticator=authenticator, auth_required=True,
                            auth_require_tls=False)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *args: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 6 or sys.argv[1] != "auth":
        sys.exit("usage: settle_smtp_fake.py auth PORT MAILDIR USERNAME PASSWORD")
    _serve_with_auth(*sys.argv[2:])
