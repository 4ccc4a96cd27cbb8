-- SPDX-License-Identifier: GPL-3.0-or-later
-- The outbox: every side effect (an email today) is a job written in the same
-- transaction as the change that caused it, and sent later by a worker.
--
-- status:
--   queued   waiting for next_attempt_at (new, or after a transient failure)
--   sending  claimed by a worker (committed before the network call)
--   sent     the server accepted it (sent_at, last_error holds its reply)
--   failed   the server refused it for good (5xx) or it cannot be built
--   dead     transient failures until the retries ran out
--   unknown  the worker stopped after handing the message over and before recording
--            the outcome: it may have been delivered, so it is never resent
--            automatically; the bookkeeper confirms it or resends it.
CREATE TABLE outbox_jobs (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL DEFAULT 'email' CHECK (kind IN ('email')),
  idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) > 0),
  entity          TEXT NOT NULL DEFAULT '',
  entity_id       INTEGER NOT NULL DEFAULT 0,
  mail_to         TEXT NOT NULL,
  mail_cc         TEXT NOT NULL DEFAULT '',
  subject         TEXT NOT NULL,
  body_text       TEXT NOT NULL,
  body_html       TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT 'queued'
                  CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'dead', 'unknown')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  message_id      TEXT NOT NULL,
  claimed_at      TEXT,
  claimed_by      INTEGER,
  created_at      TEXT NOT NULL,
  sent_at         TEXT,
  CHECK (status <> 'sent' OR sent_at IS NOT NULL)
);
CREATE INDEX outbox_jobs_due ON outbox_jobs (status, next_attempt_at, id);
CREATE INDEX outbox_jobs_by_entity ON outbox_jobs (entity, entity_id, id);

-- kind: invoice-pdf (ref = invoice id), statement-pdf (ref = "client_id:FROM:TO"),
-- file (ref = a path). PDFs are drawn when the job is sent.
CREATE TABLE outbox_attachments (
  id       INTEGER PRIMARY KEY,
  job_id   INTEGER NOT NULL REFERENCES outbox_jobs (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('invoice-pdf', 'statement-pdf', 'file')),
  ref      TEXT NOT NULL,
  UNIQUE (job_id, position)
);
