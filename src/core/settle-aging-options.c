/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-aging-private.h"

/* Aging options: the basis and the bucket edges a book saves as its defaults, and
 * the per-row bucketing both the report and the drill-down share, so a cell and its
 * invoices can never disagree. */

static const int default_edges[SETTLE_AGING_N_EDGES] = { 30, 60, 90 };
/* settings "aging.edges" and options_save write exactly three. */
G_STATIC_ASSERT (SETTLE_AGING_N_EDGES == 3);

int
settle_aging_bucket_for_days (const int edges[SETTLE_AGING_N_BUCKETS - 2],
                              int       days)
{
  g_return_val_if_fail (edges != NULL, 0);

  if (days <= 0)
    return 0;
  for (int e = 0; e < SETTLE_AGING_N_EDGES; e++)
    if (days <= edges[e])
      return e + 1;
  return SETTLE_AGING_N_BUCKETS - 1;
}

gboolean
settle_aging_edges_valid (const int   edges[SETTLE_AGING_N_BUCKETS - 2],
                          GError    **error)
{
  for (int e = 0; e < SETTLE_AGING_N_EDGES; e++)
    {
      if (edges[e] < SETTLE_AGING_EDGE_MIN || edges[e] > SETTLE_AGING_EDGE_MAX)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Bucket edge %d is out of range: use %d to %d days"),
                       edges[e], SETTLE_AGING_EDGE_MIN, SETTLE_AGING_EDGE_MAX);
          return FALSE;
        }
      if (e > 0 && edges[e] <= edges[e - 1])
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Bucket edges must go up: %d after %d"), edges[e], edges[e - 1]);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
settle_aging_parse_edges (const char *text,
                          int         edges[SETTLE_AGING_N_BUCKETS - 2],
                          GError    **error)
{
  g_auto(GStrv) parts = NULL;
  int parsed[SETTLE_AGING_N_EDGES];
  guint n;

  g_return_val_if_fail (edges != NULL, FALSE);

  if (text == NULL || text[strspn (text, " \t")] == '\0')
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("No bucket edges given: write %d numbers of days, like “30,60,90”"),
                   SETTLE_AGING_N_EDGES);
      return FALSE;
    }
  parts = g_strsplit (text, ",", -1);
  n = g_strv_length (parts);
  if (n != SETTLE_AGING_N_EDGES)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Bucket edges need %d numbers of days, like “30,60,90”; “%s” has %u"),
                   SETTLE_AGING_N_EDGES, text, n);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      const char *part = g_strstrip (parts[i]);
      guint64 value = 0;

      if (*part == '\0')
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("A bucket edge is missing in “%s”"), text);
          return FALSE;
        }
      /* Digits only: no sign, no decimals, no "30d". */
      if (strspn (part, "0123456789") != strlen (part))
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Bucket edge “%s” is not a whole number of days"), part);
          return FALSE;
        }
      /* Too many digits for 64 bits is out of range too, not "not a number". */
      if (!g_ascii_string_to_unsigned (part, 10, 0, G_MAXUINT64, &value, NULL)
          || value > SETTLE_AGING_EDGE_MAX)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Bucket edge %s is out of range: use %d to %d days"),
                       part, SETTLE_AGING_EDGE_MIN, SETTLE_AGING_EDGE_MAX);
          return FALSE;
        }
      parsed[i] = (int) value;
    }
  if (!settle_aging_edges_valid (parsed, error))
    return FALSE;
  memcpy (edges, parsed, sizeof parsed);
  return TRUE;
}

void
settle_aging_options_init (SettleAgingOptions *options,
                           SettleBook         *book,
                           const GDate        *as_of)
{
  g_autofree char *basis = NULL;
  g_autofree char *edges = NULL;

  g_return_if_fail (options != NULL);
  g_return_if_fail (book == NULL || SETTLE_IS_BOOK (book));
  g_return_if_fail (as_of == NULL || g_date_valid (as_of));

  memset (options, 0, sizeof *options);
  if (as_of != NULL)
    options->as_of = *as_of;
  else
    settle_today (&options->as_of);
  options->basis = SETTLE_AGING_BY_DUE_DATE;
  memcpy (options->edges, default_edges, sizeof default_edges);
  if (book == NULL)
    return;

  /* A setting written by hand or by a newer Settle that does not parse falls back
   * to the default rather than making every report fail. */
  basis = settle_book_get_setting (book, "aging.basis");
  if (g_strcmp0 (basis, "invoice") == 0)
    options->basis = SETTLE_AGING_BY_INVOICE_DATE;
  else if (basis != NULL && strcmp (basis, "due") != 0)
    g_warning ("Ignoring aging.basis “%s”: not “due” or “invoice”", basis);
  edges = settle_book_get_setting (book, "aging.edges");
  if (edges != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!settle_aging_parse_edges (edges, options->edges, &error))
        g_warning ("Ignoring aging.edges: %s", error->message);
    }
}

gboolean
settle_aging_options_save (SettleBook               *book,
                           const SettleAgingOptions *options,
                           GError                  **error)
{
  g_autofree char *edges = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->basis != SETTLE_AGING_BY_DUE_DATE && options->basis != SETTLE_AGING_BY_INVOICE_DATE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Aging can be by due date or by invoice date only"));
      return FALSE;
    }
  if (!settle_aging_edges_valid (options->edges, error))
    return FALSE;
  edges = g_strdup_printf ("%d,%d,%d", options->edges[0], options->edges[1], options->edges[2]);

  if (!settle_book_begin (book, error))
    return FALSE;
  if (!settle_book_set_setting (book, "aging.basis",
                                options->basis == SETTLE_AGING_BY_INVOICE_DATE ? "invoice" : "due",
                                error)
      || !settle_book_set_setting (book, "aging.edges", edges, error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}

void
settle_aging_cutoffs_init (SettleAgingCutoffs       *cutoffs,
                           const SettleAgingOptions *options)
{
  guint32 julian = g_date_get_julian (&options->as_of);

  for (int k = 0; k < SETTLE_AGING_N_BUCKETS - 1; k++)
    {
      int days = k == 0 ? 0 : options->edges[k - 1];
      GDate d;
      g_autofree char *iso = NULL;

      /* Edges reaching before year 1 cut at its first day: nothing is older. */
      g_date_clear (&d, 1);
      g_date_set_julian (&d, julian > (guint32) days ? julian - days : 1);
      iso = settle_date_to_iso (&d);
      g_strlcpy (cutoffs->cut[k], iso, sizeof cutoffs->cut[k]);
    }
}

int
settle_aging_cutoffs_bucket (const SettleAgingCutoffs *cutoffs,
                             const char               *date)
{
  for (int k = 0; k < SETTLE_AGING_N_BUCKETS - 1; k++)
    if (strcmp (date, cutoffs->cut[k]) >= 0)
      return k;
  return SETTLE_AGING_N_BUCKETS - 1;
}
