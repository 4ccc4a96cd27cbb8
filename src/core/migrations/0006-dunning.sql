-- SPDX-License-Identifier: GPL-3.0-or-later
-- Collections: the dunning ladder and its send log, late fees (policy, fee invoices,
-- waivers), instalment plans, disputes and pauses, collections packets, templates.
--
-- Book settings used (absent = the built-in default):
--   dunning.ladder      the default ladder ("-3:email:friendly;0:email:due-today;…")
--   late_fee.policy     the default late-fee policy ("percent:150;grace:5;freq:monthly");
--                       absent or "" = no late fees
--   collections.folder  where collections packets are written

-- Per-client overrides. NULL = the book default; late_fee_policy '' = no fees.
ALTER TABLE clients ADD COLUMN dunning_ladder TEXT;
ALTER TABLE clients ADD COLUMN dunning_opt_out INTEGER NOT NULL DEFAULT 0
  CHECK (dunning_opt_out IN (0, 1));
ALTER TABLE clients ADD COLUMN late_fee_policy TEXT;

-- Per-invoice: disputed and paused items get no reminders and no fees.
ALTER TABLE invoices ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0 CHECK (disputed IN (0, 1));
ALTER TABLE invoices ADD COLUMN dunning_paused INTEGER NOT NULL DEFAULT 0
  CHECK (dunning_paused IN (0, 1));
-- A late fee is its own invoice, linked to the overdue one and to the fee period:
-- the unique index is what makes "never twice per period" hold under any rerun.
ALTER TABLE invoices ADD COLUMN late_fee_of INTEGER REFERENCES invoices (id);
ALTER TABLE invoices ADD COLUMN late_fee_period INTEGER;
CREATE UNIQUE INDEX invoices_late_fee_once ON invoices (late_fee_of, late_fee_period)
  WHERE late_fee_of IS NOT NULL;

CREATE TABLE late_fee_waivers (
  id         INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  period     INTEGER NOT NULL CHECK (period > 0),
  reason     TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (invoice_id, period)
);

CREATE TABLE instalment_plans (
  id          INTEGER PRIMARY KEY,
  invoice_id  INTEGER NOT NULL REFERENCES invoices (id),
  created_on  TEXT NOT NULL,
  interval    TEXT NOT NULL CHECK (interval IN ('monthly', 'days')),
  every_days  INTEGER NOT NULL DEFAULT 0,
  remainder   TEXT NOT NULL CHECK (remainder IN ('last', 'first', 'spread')),
  -- What was paid on the invoice when the plan was made: the plan splits the rest.
  paid_before INTEGER NOT NULL DEFAULT 0,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
  created_at  TEXT NOT NULL
);
-- At most one running plan per invoice.
CREATE UNIQUE INDEX instalment_plans_active ON instalment_plans (invoice_id)
  WHERE status = 'active';

CREATE TABLE instalments (
  plan_id  INTEGER NOT NULL REFERENCES instalment_plans (id) ON DELETE CASCADE,
  number   INTEGER NOT NULL CHECK (number > 0),
  due_date TEXT NOT NULL,
  amount   INTEGER NOT NULL CHECK (amount > 0),
  PRIMARY KEY (plan_id, number)
);

-- The send log: a step is carried out at most once per item. instalment = 0 is the
-- invoice itself; N > 0 is instalment N of the invoice's active plan.
CREATE TABLE dunning_log (
  id            INTEGER PRIMARY KEY,
  invoice_id    INTEGER NOT NULL REFERENCES invoices (id),
  instalment    INTEGER NOT NULL DEFAULT 0 CHECK (instalment >= 0),
  step          INTEGER NOT NULL CHECK (step >= 0),
  template_id   TEXT NOT NULL,
  channel       TEXT NOT NULL CHECK (channel IN ('email', 'letter', 'phone-task')),
  action        TEXT NOT NULL DEFAULT 'none' CHECK (action IN ('none', 'hold', 'collections')),
  done_on       TEXT NOT NULL,
  outbox_job_id INTEGER REFERENCES outbox_jobs (id),
  created_at    TEXT NOT NULL,
  UNIQUE (invoice_id, instalment, step)
);

-- A collections packet is recorded in the step's transaction and written to its
-- folder after the commit (files are not transactional); a pending one is written
-- by the next run.
CREATE TABLE collections_packets (
  id             INTEGER PRIMARY KEY,
  dunning_log_id INTEGER NOT NULL UNIQUE REFERENCES dunning_log (id),
  client_id      INTEGER NOT NULL REFERENCES clients (id),
  invoice_id     INTEGER NOT NULL REFERENCES invoices (id),
  as_of          TEXT NOT NULL,
  folder         TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'written')),
  created_at     TEXT NOT NULL,
  written_at     TEXT
);
CREATE INDEX collections_packets_pending ON collections_packets (status, id);

-- The bookkeeper's edits of the reminder templates; a template not here is the
-- built-in default.
CREATE TABLE dunning_templates (
  template_id TEXT PRIMARY KEY CHECK (length(template_id) > 0),
  subject     TEXT NOT NULL,
  body_text   TEXT NOT NULL,
  body_html   TEXT NOT NULL DEFAULT ''
);
