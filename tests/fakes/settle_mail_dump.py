# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints a received message as JSON and saves its attachments, for Settle's tests.

    /usr/bin/python3 settle_mail_dump.py MESSAGE_FILE ATTACHMENT_DIR

Parsed with Python's strict email policy, so a malformed header or MIME part shows up
as a defect in the output.
"""

import email
import email.policy
import json
import os
import sys


def main():
    path, out_dir = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        raw = f.read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    defects = [str(d) for d in msg.defects]
    result = {
        "from": str(msg["From"]),
        "to": str(msg["To"]),
        "cc": str(msg["Cc"] or ""),
        "rcpt_to": str(msg["X-RcptTo"] or ""),
        "mail_from": str(msg["X-MailFrom"] or ""),
        "subject": str(msg["Subject"]),
        "date": str(msg["Date"]),
        "message_id": str(msg["Message-ID"]),
        "content_type": msg.get_content_type(),
        "text": "",
        "html": "",
        "attachments": [],
    }
    for part in msg.walk():
        defects += [str(d) for d in part.defects]
        if part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment":
            name = part.get_filename()
            target = os.path.join(out_dir, "attachment-%d.bin" % len(result["attachments"]))
            with open(target, "wb") as f:
                f.write(part.get_payload(decode=True))
            result["attachments"].append(
                {"filename": name, "content_type": part.get_content_type(), "path": target})
        elif part.get_content_type() == "text/plain":
            result["text"] = part.get_content()
        elif part.get_content_type() == "text/html":
            result["html"] = part.get_content()
    result["defects"] = defects
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
