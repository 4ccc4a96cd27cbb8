-- SPDX-License-Identifier: GPL-3.0-or-later
-- Invoicing: terms, number series with yearly reset, catalogue, tax rates, line
-- discounts, credit notes.

-- Terms are stored as text ("net:30", "receipt", "eom:15", "proximo:10:25", with an
-- optional ";discount:10:200"). NULL on a client = the book default (setting 'terms');
-- NULL on an invoice of an older book = "net:" || terms_days.
ALTER TABLE clients ADD COLUMN terms TEXT;
ALTER TABLE invoices ADD COLUMN terms TEXT;
ALTER TABLE invoices ADD COLUMN kind TEXT NOT NULL DEFAULT 'invoice'
  CHECK (kind IN ('invoice', 'credit-note'));
-- A credit note points at the invoice it credits.
ALTER TABLE invoices ADD COLUMN original_id INTEGER REFERENCES invoices (id);
ALTER TABLE invoices ADD COLUMN pay_link TEXT NOT NULL DEFAULT '';
-- Filled by billing runs (agreements come in a later migration; no foreign key here).
ALTER TABLE invoices ADD COLUMN agreement_id INTEGER;
CREATE INDEX invoices_by_original ON invoices (original_id) WHERE original_id IS NOT NULL;
-- Credit notes by client, for the credit a client had on a date (historical aging).
CREATE INDEX invoices_credit_notes ON invoices (client_id, issue_date, total)
  WHERE kind = 'credit-note';

CREATE TABLE tax_rates (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL CHECK (length(name) > 0),
  rate_bp INTEGER NOT NULL UNIQUE CHECK (rate_bp >= 0 AND rate_bp <= 100000)
);

CREATE TABLE catalogue_items (
  id          INTEGER PRIMARY KEY,
  sku         TEXT NOT NULL UNIQUE CHECK (length(sku) > 0),
  name        TEXT NOT NULL CHECK (length(name) > 0),
  description TEXT NOT NULL DEFAULT '',
  unit_price  INTEGER NOT NULL,
  currency    TEXT NOT NULL CHECK (length(currency) = 3),
  tax_rate_bp INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_bp >= 0 AND tax_rate_bp <= 100000),
  kind        TEXT NOT NULL DEFAULT 'service'
              CHECK (kind IN ('service', 'hardware', 'project', 'usage')),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL
);
CREATE INDEX catalogue_items_by_name ON catalogue_items (name COLLATE NOCASE, id);

ALTER TABLE invoice_lines ADD COLUMN item_id INTEGER REFERENCES catalogue_items (id);
ALTER TABLE invoice_lines ADD COLUMN discount_bp INTEGER NOT NULL DEFAULT 0
  CHECK (discount_bp >= 0 AND discount_bp <= 10000);

ALTER TABLE number_series ADD COLUMN yearly_reset INTEGER NOT NULL DEFAULT 0
  CHECK (yearly_reset IN (0, 1));
-- The year of the last number given (0 = none yet); a yearly series restarts at 1
-- when it gives a number in a later year.
ALTER TABLE number_series ADD COLUMN year INTEGER NOT NULL DEFAULT 0;
INSERT INTO number_series (name, prefix, next_value, width) VALUES ('credit-note', 'CN-', 1, 6);

-- Applications now come from a payment or from a credit note (exactly one). Rebuilt
-- because SQLite cannot relax NOT NULL in place.
CREATE TABLE applications_new (
  id             INTEGER PRIMARY KEY,
  payment_id     INTEGER REFERENCES payments (id),
  credit_note_id INTEGER REFERENCES invoices (id),
  invoice_id     INTEGER NOT NULL REFERENCES invoices (id),
  client_id      INTEGER NOT NULL REFERENCES clients (id),
  date           TEXT NOT NULL,
  amount         INTEGER NOT NULL CHECK (amount > 0),
  CHECK ((payment_id IS NULL) <> (credit_note_id IS NULL))
);
INSERT INTO applications_new (id, payment_id, invoice_id, client_id, date, amount)
  SELECT id, payment_id, invoice_id, client_id, date, amount FROM applications;
DROP TABLE applications;
ALTER TABLE applications_new RENAME TO applications;
CREATE INDEX applications_by_invoice ON applications (invoice_id, date);
CREATE INDEX applications_by_payment ON applications (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX applications_by_credit_note ON applications (credit_note_id)
  WHERE credit_note_id IS NOT NULL;
CREATE INDEX applications_by_date ON applications (date, client_id, amount);

-- Rates the book already uses stay valid; a few usual ones are added.
INSERT OR IGNORE INTO tax_rates (name, rate_bp) VALUES
  ('No tax', 0),
  ('Reduced 5 %', 500),
  ('Sales tax 8.25 %', 825),
  ('VAT 20 %', 2000);
INSERT OR IGNORE INTO tax_rates (name, rate_bp)
  SELECT printf ('Tax %d.%02d %%', tax_rate_bp / 100, tax_rate_bp % 100), tax_rate_bp
  FROM (SELECT DISTINCT tax_rate_bp FROM invoice_lines);

-- The book default terms follow the old terms_days setting; clients whose own
-- terms_days differed keep them as an override.
INSERT INTO settings (key, value)
  SELECT 'terms', 'net:' || COALESCE ((SELECT value FROM settings WHERE key = 'terms_days'), '30');
UPDATE clients SET terms = 'net:' || terms_days
  WHERE terms_days <> CAST (COALESCE ((SELECT value FROM settings WHERE key = 'terms_days'), '30') AS INTEGER);
