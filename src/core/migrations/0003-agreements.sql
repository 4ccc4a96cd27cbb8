-- SPDX-License-Identifier: GPL-3.0-or-later
-- Recurring agreements, the billing runs that invoice them, projects and milestones.
-- The billing semantics are described in docs/billing.md.

-- cycle: monthly, quarterly, yearly. alignment: calendar (periods start on billing_day
-- of the month, quarter or year) or anniversary (periods start on the agreement's start
-- day each cycle). terms: NULL = the client's terms, else the stored text of SettleTerms.
CREATE TABLE agreements (
  id           INTEGER PRIMARY KEY,
  client_id    INTEGER NOT NULL REFERENCES clients (id),
  name         TEXT NOT NULL CHECK (length(name) > 0),
  cycle        TEXT NOT NULL CHECK (cycle IN ('monthly', 'quarterly', 'yearly')),
  alignment    TEXT NOT NULL CHECK (alignment IN ('calendar', 'anniversary')),
  billing_day  INTEGER NOT NULL DEFAULT 1 CHECK (billing_day BETWEEN 1 AND 28),
  start_date   TEXT NOT NULL,
  end_date     TEXT,
  currency     TEXT NOT NULL CHECK (length(currency) = 3),
  auto_issue   INTEGER NOT NULL DEFAULT 0 CHECK (auto_issue IN (0, 1)),
  terms        TEXT,
  po_number    TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX agreements_by_client ON agreements (client_id, id);

-- A line is in force from start_date to end_date (NULL = the agreement's own dates):
-- a price or quantity change mid-contract ends one line and starts another.
-- usage = 1: quantity comes from usage_entries, billed in arrears.
CREATE TABLE agreement_lines (
  id             INTEGER PRIMARY KEY,
  agreement_id   INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  item_id        INTEGER REFERENCES catalogue_items (id),
  description    TEXT NOT NULL CHECK (length(description) > 0),
  quantity_milli INTEGER NOT NULL CHECK (quantity_milli >= 0),
  unit_price     INTEGER NOT NULL,
  tax_rate_bp    INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_bp >= 0 AND tax_rate_bp <= 100000),
  usage          INTEGER NOT NULL DEFAULT 0 CHECK (usage IN (0, 1)),
  start_date     TEXT,
  end_date       TEXT,
  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX agreement_lines_by_agreement ON agreement_lines (agreement_id, position);

-- Measured usage of a usage line during the period that starts on period_start.
CREATE TABLE usage_entries (
  id                INTEGER PRIMARY KEY,
  agreement_line_id INTEGER NOT NULL REFERENCES agreement_lines (id) ON DELETE CASCADE,
  period_start      TEXT NOT NULL,
  quantity_milli    INTEGER NOT NULL CHECK (quantity_milli >= 0),
  updated_at        TEXT NOT NULL,
  UNIQUE (agreement_line_id, period_start)
);

-- status: running, finished, failed, cancelled. A run killed mid-way stays 'running'.
CREATE TABLE billing_runs (
  id          INTEGER PRIMARY KEY,
  as_of       TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  status      TEXT NOT NULL DEFAULT 'running'
              CHECK (status IN ('running', 'finished', 'failed', 'cancelled')),
  n_created   INTEGER NOT NULL DEFAULT 0,
  n_issued    INTEGER NOT NULL DEFAULT 0,
  n_skipped   INTEGER NOT NULL DEFAULT 0
);

-- The idempotency key of billing: one row per (agreement, period), written in the same
-- transaction as the invoice it made. invoice_id is NULL when the period had nothing
-- to bill (no usage, no line in force).
CREATE TABLE billed_periods (
  id           INTEGER PRIMARY KEY,
  agreement_id INTEGER NOT NULL REFERENCES agreements (id),
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  invoice_id   INTEGER UNIQUE REFERENCES invoices (id),
  run_id       INTEGER REFERENCES billing_runs (id),
  UNIQUE (agreement_id, period_start)
);

CREATE TABLE projects (
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES clients (id),
  name       TEXT NOT NULL CHECK (length(name) > 0),
  budget     INTEGER NOT NULL DEFAULT 0 CHECK (budget >= 0),
  currency   TEXT NOT NULL CHECK (length(currency) = 3),
  created_at TEXT NOT NULL
);
CREATE INDEX projects_by_client ON projects (client_id, id);

CREATE TABLE milestones (
  id           INTEGER PRIMARY KEY,
  project_id   INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  name         TEXT NOT NULL CHECK (length(name) > 0),
  amount       INTEGER NOT NULL CHECK (amount >= 0),
  due_date     TEXT,
  completed_on TEXT,
  invoice_id   INTEGER UNIQUE REFERENCES invoices (id)
);
CREATE INDEX milestones_by_project ON milestones (project_id, position);
