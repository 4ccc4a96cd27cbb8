-- SPDX-License-Identifier: GPL-3.0-or-later
-- The first schema of a Settle book. Forward-only: later changes are new files.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE clients (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) > 0),
  contact_name TEXT NOT NULL DEFAULT '',
  email        TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  address      TEXT NOT NULL DEFAULT '',
  state        TEXT NOT NULL DEFAULT '',
  country      TEXT NOT NULL DEFAULT '',
  terms_days   INTEGER NOT NULL DEFAULT 30 CHECK (terms_days >= 0),
  currency     TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
  tax_id       TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT '',
  on_hold      INTEGER NOT NULL DEFAULT 0 CHECK (on_hold IN (0, 1)),
  -- Caches kept by the transactions that change invoices and payments:
  -- balance = sum of open invoice balances, credit = payments not applied.
  balance      INTEGER NOT NULL DEFAULT 0,
  credit       INTEGER NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL
);
CREATE INDEX clients_by_name ON clients (name COLLATE NOCASE, id);
CREATE INDEX clients_by_balance ON clients (balance, id);

-- Further contacts of a client (billing, technical…), each with an email.
CREATE TABLE contacts (
  id        INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  name      TEXT NOT NULL DEFAULT '',
  email     TEXT NOT NULL DEFAULT '',
  role      TEXT NOT NULL DEFAULT 'billing'
);
CREATE INDEX contacts_by_client ON contacts (client_id);

-- Gapless number series; the next number is taken inside the issuing transaction.
CREATE TABLE number_series (
  name       TEXT PRIMARY KEY,
  prefix     TEXT NOT NULL,
  next_value INTEGER NOT NULL CHECK (next_value > 0),
  width      INTEGER NOT NULL DEFAULT 6
);

-- status: draft, issued (open, nothing paid), partial, paid, void.
-- total and amount_paid are caches of the lines and of the applications, kept by
-- the transactions that change those; tests check them (balance = total - paid).
-- closed_on is the date the balance reached zero (or the void date).
CREATE TABLE invoices (
  id            INTEGER PRIMARY KEY,
  client_id     INTEGER NOT NULL REFERENCES clients (id),
  number        TEXT UNIQUE,
  status        TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'issued', 'partial', 'paid', 'void')),
  issue_date    TEXT,
  due_date      TEXT,
  terms_days    INTEGER NOT NULL DEFAULT 30,
  currency      TEXT NOT NULL CHECK (length(currency) = 3),
  rounding      TEXT NOT NULL DEFAULT 'half-up' CHECK (rounding IN ('half-up', 'half-even')),
  tax_rounding  TEXT NOT NULL DEFAULT 'per-line' CHECK (tax_rounding IN ('per-line', 'per-invoice')),
  subtotal      INTEGER NOT NULL DEFAULT 0,
  tax_total     INTEGER NOT NULL DEFAULT 0,
  total         INTEGER NOT NULL DEFAULT 0,
  amount_paid   INTEGER NOT NULL DEFAULT 0,
  po_number     TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  closed_on     TEXT,
  created_at    TEXT NOT NULL,
  CHECK (status = 'draft' OR (number IS NOT NULL AND issue_date IS NOT NULL AND due_date IS NOT NULL))
);
CREATE INDEX invoices_by_client ON invoices (client_id, id);
CREATE INDEX invoices_by_issue ON invoices (issue_date, id);
CREATE INDEX invoices_by_due ON invoices (due_date, id);
CREATE INDEX invoices_by_total ON invoices (total, id);
CREATE INDEX invoices_by_balance ON invoices ((total - amount_paid), id);
CREATE INDEX invoices_by_status ON invoices (status, id);
-- Open items, covering what current aging reads.
CREATE INDEX invoices_open ON invoices (due_date, client_id, total, amount_paid, issue_date, currency)
  WHERE status IN ('issued', 'partial');
-- What historical aging reads: items that were still open after a date.
CREATE INDEX invoices_by_closed ON invoices (closed_on, issue_date, due_date, total, client_id, currency)
  WHERE status <> 'draft';

CREATE TABLE invoice_lines (
  id             INTEGER PRIMARY KEY,
  invoice_id     INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  description    TEXT NOT NULL,
  quantity_milli INTEGER NOT NULL,
  unit_price     INTEGER NOT NULL,
  tax_rate_bp    INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_bp >= 0 AND tax_rate_bp <= 100000),
  net            INTEGER NOT NULL,
  tax            INTEGER NOT NULL,
  UNIQUE (invoice_id, position)
);

-- status: pending (ACH not yet settled), settled, reversed.
CREATE TABLE payments (
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES clients (id),
  date       TEXT NOT NULL,
  amount     INTEGER NOT NULL CHECK (amount > 0),
  currency   TEXT NOT NULL CHECK (length(currency) = 3),
  method     TEXT NOT NULL
             CHECK (method IN ('ach', 'card', 'check', 'wire', 'cash', 'financing')),
  reference  TEXT NOT NULL DEFAULT '',
  fee        INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
  status     TEXT NOT NULL DEFAULT 'settled' CHECK (status IN ('pending', 'settled', 'reversed')),
  reversed_on TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX payments_by_client ON payments (client_id, date);
CREATE INDEX payments_by_date ON payments (date, client_id, amount, status, reversed_on);

-- Applications of payments to invoices (many to many). Money of a payment not
-- applied is the client's credit.
CREATE TABLE applications (
  id         INTEGER PRIMARY KEY,
  payment_id INTEGER NOT NULL REFERENCES payments (id),
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  client_id  INTEGER NOT NULL REFERENCES clients (id),
  date       TEXT NOT NULL,
  amount     INTEGER NOT NULL CHECK (amount > 0)
);
CREATE INDEX applications_by_invoice ON applications (invoice_id, date);
CREATE INDEX applications_by_payment ON applications (payment_id);
CREATE INDEX applications_by_date ON applications (date, client_id, amount);

-- Append-only: who, what, when.
CREATE TABLE activity (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action    TEXT NOT NULL,
  detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activity_by_entity ON activity (entity, entity_id, id);

CREATE TRIGGER activity_no_update BEFORE UPDATE ON activity
BEGIN
  SELECT RAISE (ABORT, 'the activity log is append-only');
END;
CREATE TRIGGER activity_no_delete BEFORE DELETE ON activity
BEGIN
  SELECT RAISE (ABORT, 'the activity log is append-only');
END;

INSERT INTO number_series (name, prefix, next_value, width) VALUES ('invoice', 'INV-', 1, 6);
INSERT INTO settings (key, value) VALUES
  ('company.name', ''),
  ('company.address', ''),
  ('company.tax_id', ''),
  ('company.email', ''),
  ('currency', 'USD'),
  ('terms_days', '30');
