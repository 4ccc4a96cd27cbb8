/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-aging.h"
#include "settle-book.h"
#include "settle-dashboard.h"

G_BEGIN_DECLS

/* The aging report (buckets per client with totals) and the metrics (headline figures,
 * DSO/CEI/ADD with their definitions, per-client behaviour, trend, 13-week forecast),
 * charts included, as one PDF. Atomic, like every PDF of the render layer; the book
 * gives the company name and logo. */
gboolean settle_dashboard_write_pdf (SettleBook            *book,
                                     const SettleDashboard *dashboard,
                                     const char            *path,
                                     GError               **error);
gboolean settle_aging_write_pdf     (SettleBook              *book,
                                     const SettleAgingReport *report,
                                     const char              *path,
                                     GError                 **error);

/* How the PDF and the CLI table write a day figure in hundredths ("42.17 days") and
 * a basis-point percentage ("85.23 %"); "—" when not defined. */
char    *settle_report_format_days    (gboolean defined,
                                       gint64   days_x100);
char    *settle_report_format_percent (gboolean defined,
                                       gint64   bp);

G_END_DECLS
