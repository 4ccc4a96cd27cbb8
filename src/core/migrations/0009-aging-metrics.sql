-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0009: the dashboard (issue 5).
-- Current aging first asks whether anything in the book is dated after the as-of
-- date, and the per-client risk score counts reversed payments of the last year:
-- both look for the latest / recent reversals, which without this index scan every
-- payment (~40 ms on a million). Partial: only reversed payments are indexed.
CREATE INDEX payments_reversed ON payments (reversed_on) WHERE reversed_on IS NOT NULL;

-- An invoice is closed on the day its last live application brought it to zero.
-- Before 0009 a payment or credit note entered later but dated earlier than one
-- already applied closed it on its own (earlier) date, so aging as of a date in
-- between left out an invoice that was still partly open. Repair those.
UPDATE invoices
   SET closed_on = (SELECT MAX (a.date) FROM applications a
                     WHERE a.invoice_id = invoices.id AND a.reversed_on IS NULL)
 WHERE status = 'paid'
   AND closed_on < (SELECT MAX (a.date) FROM applications a
                     WHERE a.invoice_id = invoices.id AND a.reversed_on IS NULL);
