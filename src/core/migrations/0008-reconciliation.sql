-- SPDX-License-Identifier: GPL-3.0-or-later
-- Reconciliation: bank accounts, imported statements and their lines, processor
-- charges (payouts), the matches a bookkeeper (or auto-accept) confirmed, and the
-- payer hints learned from them.

-- account_id as the bank writes it (IBAN, ACCTID); NULL for most CSV files, so
-- UNIQUE only bites when it is known. auto_accept_score 101 = never.
CREATE TABLE bank_accounts (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL CHECK (length(name) > 0),
  account_id        TEXT UNIQUE,
  currency          TEXT NOT NULL CHECK (length(currency) = 3),
  csv_profile       TEXT,
  auto_accept_score INTEGER NOT NULL DEFAULT 90
                    CHECK (auto_accept_score BETWEEN 0 AND 101),
  created_at        TEXT NOT NULL
);

-- One imported statement (one file may hold several).
CREATE TABLE bank_statements (
  id              INTEGER PRIMARY KEY,
  bank_account_id INTEGER NOT NULL REFERENCES bank_accounts (id),
  file_name       TEXT NOT NULL DEFAULT '',
  format          TEXT NOT NULL DEFAULT '',
  start_date      TEXT,
  end_date        TEXT,
  opening_balance INTEGER,           -- NULL = not given
  closing_balance INTEGER,
  closing_date    TEXT,
  imported_at     TEXT NOT NULL
);
CREATE INDEX bank_statements_by_account ON bank_statements (bank_account_id, id);

-- A line of a statement; amount signed (> 0 money in). The dedupe key (FITID, entry
-- reference or a stable hash) keeps a re-imported overlapping statement from
-- importing a line twice.
CREATE TABLE bank_lines (
  id              INTEGER PRIMARY KEY,
  bank_account_id INTEGER NOT NULL REFERENCES bank_accounts (id),
  statement_id    INTEGER NOT NULL REFERENCES bank_statements (id),
  source_line     INTEGER NOT NULL DEFAULT 0,
  date            TEXT NOT NULL,
  value_date      TEXT,
  amount          INTEGER NOT NULL,
  currency        TEXT NOT NULL CHECK (length(currency) = 3),
  dedupe_key      TEXT NOT NULL,
  payer_name      TEXT,
  payer_account   TEXT,
  reference       TEXT,
  description     TEXT,
  kind            TEXT,
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'matched', 'skipped')),
  match_id        INTEGER REFERENCES reconcile_matches (id),
  UNIQUE (bank_account_id, dedupe_key)
);
CREATE INDEX bank_lines_by_status ON bank_lines (status, bank_account_id, date);
CREATE INDEX bank_lines_by_account ON bank_lines (bank_account_id, date, amount);

-- Processor charges (Stripe export). payout_line_id: the bank line of the payout that
-- paid them out, once matched; payment_id: the card payment recorded for the charge.
CREATE TABLE processor_charges (
  id                   INTEGER PRIMARY KEY,
  processor            TEXT NOT NULL,
  charge_id            TEXT NOT NULL,
  created              TEXT NOT NULL,  -- UTC "YYYY-MM-DDTHH:MM:SSZ"
  amount               INTEGER NOT NULL CHECK (amount >= 0),
  refunded             INTEGER NOT NULL DEFAULT 0 CHECK (refunded >= 0),
  fee                  INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
  currency             TEXT NOT NULL CHECK (length(currency) = 3),
  description          TEXT NOT NULL DEFAULT '',
  customer_email       TEXT NOT NULL DEFAULT '',
  customer_name        TEXT NOT NULL DEFAULT '',
  processor_invoice_id TEXT NOT NULL DEFAULT '',
  status               TEXT NOT NULL DEFAULT '',
  payout_line_id       INTEGER REFERENCES bank_lines (id),
  payment_id           INTEGER REFERENCES payments (id),
  imported_at          TEXT NOT NULL,
  UNIQUE (processor, charge_id)
);
CREATE INDEX processor_charges_unpaid ON processor_charges (currency, created)
  WHERE payout_line_id IS NULL;

-- A confirmed match. Kept after undo (undone_at set) as the history of what was done;
-- matched_to is the text the report shows ("INV-0042, INV-0043 (Acme)").
CREATE TABLE reconcile_matches (
  id           INTEGER PRIMARY KEY,
  line_id      INTEGER NOT NULL REFERENCES bank_lines (id),
  kind         TEXT NOT NULL CHECK (kind IN ('invoices', 'payout', 'payment', 'manual')),
  client_id    INTEGER REFERENCES clients (id),
  score        INTEGER NOT NULL DEFAULT 0,
  reasons      TEXT NOT NULL DEFAULT '',
  matched_to   TEXT NOT NULL DEFAULT '',
  fees         INTEGER NOT NULL DEFAULT 0,
  automatic    INTEGER NOT NULL DEFAULT 0 CHECK (automatic IN (0, 1)),
  hint_name    TEXT,     -- the hint keys this match counted, so undo can take them back
  hint_account TEXT,
  accepted_at  TEXT NOT NULL,
  undone_at    TEXT
);
CREATE INDEX reconcile_matches_by_line ON reconcile_matches (line_id);

-- The payments a live match ties to its bank line: created = 1 when the match
-- recorded the payment (undo deletes it with its applications), 0 when it was
-- recorded by hand before (undo only unties it). A payment is tied to one line.
CREATE TABLE reconcile_ties (
  payment_id INTEGER PRIMARY KEY REFERENCES payments (id),
  match_id   INTEGER NOT NULL REFERENCES reconcile_matches (id),
  created    INTEGER NOT NULL CHECK (created IN (0, 1))
);
CREATE INDEX reconcile_ties_by_match ON reconcile_ties (match_id);

-- Learned from confirmed matches: a normalised payer name ("name:ACME CORP") or payer
-- account ("account:DE89370400440532013000") seen paying for a client, and how often.
CREATE TABLE reconcile_hints (
  key       TEXT NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  count     INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (key, client_id)
);

-- The matcher reads every open invoice of a currency once per run, each client's
-- oldest due first: covering, in that order (100k open invoices: 47 ms -> 22 ms, no
-- sort).
CREATE INDEX invoices_match ON invoices
  (currency, kind, client_id, due_date, issue_date, number, total, amount_paid)
  WHERE status IN ('issued', 'partial');
