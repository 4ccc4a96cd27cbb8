-- SPDX-License-Identifier: GPL-3.0-or-later
-- Historical aging (as of a past date) reads only from indexes.
--
-- Measured on the 1M-invoice demo book (2 cores, SQLite 3.40): 3.1-3.8 s before,
-- most of it in reading every invoice in client order (invoices_by_client plus a
-- table row each) because of an OR on closed_on, and in reading a payments row per
-- payment for the clients' credit. 0.2-0.33 s after (bench/RESULTS.md).

-- Items open on a date: closed after it (or never), issued on or before it. Covering
-- (status included, so the planner needs no table row); settle-aging.c reads it as
-- two range scans (closed_on IS NULL; closed_on > date).
CREATE INDEX invoices_history ON invoices
  (closed_on, issue_date, status, currency, due_date, total, client_id);

-- The two below widen an older index to cover what historical aging reads; they keep
-- its name and leading columns, so every query that used it still can.
-- What was applied to an invoice by a date, and whether it was reversed by then.
DROP INDEX applications_by_invoice;
CREATE INDEX applications_by_invoice ON applications (invoice_id, date, amount, reversed_on);
-- A client's payments received, and not reversed, by a date.
DROP INDEX payments_by_client;
CREATE INDEX payments_by_client ON payments (client_id, date, status, reversed_on, amount);
