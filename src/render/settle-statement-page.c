/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "settle-client.h"
#include "settle-money.h"
#include "settle-statement-pdf-private.h"

/* The blocks of a statement page, top to bottom. All sizes in points. */

static const SettleRgb ink = { 0.13, 0.14, 0.16 };
static const SettleRgb muted = { 0.40, 0.42, 0.46 };
static const SettleRgb hairline = { 0.85, 0.86, 0.88 };

#define STYLE(size, weight, colour, align, numeric) \
  { NULL, size, PANGO_WEIGHT_##weight, &colour, PANGO_ALIGN_##align, numeric }

static const SettleTextStyle st_company = STYLE (16.0, BOLD, ink, LEFT, FALSE);
static const SettleTextStyle st_company_small = STYLE (10.0, BOLD, ink, LEFT, FALSE);
static const SettleTextStyle st_title = STYLE (26.0, NORMAL, ink, RIGHT, FALSE);
static const SettleTextStyle st_small = STYLE (8.0, NORMAL, muted, LEFT, FALSE);
static const SettleTextStyle st_small_right = STYLE (8.0, NORMAL, muted, RIGHT, FALSE);
static const SettleTextStyle st_label = STYLE (7.5, BOLD, muted, LEFT, FALSE);
static const SettleTextStyle st_head = STYLE (8.0, BOLD, muted, LEFT, FALSE);
static const SettleTextStyle st_head_right = STYLE (8.0, BOLD, muted, RIGHT, FALSE);
static const SettleTextStyle st_detail = STYLE (9.0, NORMAL, ink, LEFT, FALSE);
static const SettleTextStyle st_meta_value = STYLE (9.0, NORMAL, ink, RIGHT, TRUE);
static const SettleTextStyle st_body = STYLE (9.0, NORMAL, ink, LEFT, FALSE);
static const SettleTextStyle st_body_right = STYLE (9.0, NORMAL, ink, RIGHT, TRUE);
static const SettleTextStyle st_body_bold = STYLE (9.0, BOLD, ink, LEFT, FALSE);
static const SettleTextStyle st_body_bold_right = STYLE (9.0, BOLD, ink, RIGHT, TRUE);
static const SettleTextStyle st_client = STYLE (11.0, BOLD, ink, LEFT, FALSE);
static const SettleTextStyle st_box_amount = STYLE (18.0, BOLD, ink, LEFT, TRUE);
static const SettleTextStyle st_section = STYLE (10.5, BOLD, ink, LEFT, FALSE);

/* ---- helpers ---------------------------------------------------------------------- */

static double
text (SettleStatementPage   *p,
      double                 x,
      double                 y,
      double                 width,
      const char            *str,
      const SettleTextStyle *style)
{
  return settle_render_text (p->cr, p->pango, p->draw, x, y, width, str, style, NULL);
}

static double
text_width (SettleStatementPage   *p,
            const char            *str,
            const SettleTextStyle *style)
{
  double width = 0;

  settle_render_text (p->cr, p->pango, FALSE, 0, 0, -1, str, style, &width);
  return width;
}

static SettleTextStyle
accented (const SettleStatementPage *p,
          const SettleTextStyle     *style)
{
  SettleTextStyle copy = *style;

  copy.color = &p->doc->accent;
  return copy;
}

static void
rule (SettleStatementPage *p,
      double               x0,
      double               x1,
      double               y,
      double               line_width,
      const SettleRgb     *color)
{
  if (p->draw)
    settle_render_hline (p->cr, x0, x1, y, line_width, color);
}

static void
append_line (GString    *s,
             const char *line)
{
  g_autofree char *copy = NULL;

  if (settle_text_is_blank (line))
    return;
  copy = g_strstrip (g_strdup (line));
  if (s->len > 0)
    g_string_append_c (s, '\n');
  g_string_append (s, copy);
}

static char *
money_text (const SettleStatementDocument *doc,
            gint64                         amount)
{
  return settle_money_format (settle_money_init (amount, doc->statement->currency));
}

/* Blank rather than "$0.00" in a debit or credit cell. */
static char *
money_cell (const SettleStatementDocument *doc,
            gint64                         amount)
{
  return amount == 0 ? g_strdup ("") : money_text (doc, amount);
}

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? settle_date_to_iso (date) : g_strdup ("—");
}

static const char *
column_heading (int column)
{
  switch (column)
    {
    case COL_DATE:
      return _("Date");
    case COL_REFERENCE:
      return _("Reference");
    case COL_DESCRIPTION:
      return _("Description");
    case COL_DEBIT:
      /* Translators: a statement column: what was billed */
      return _("Charges");
    case COL_CREDIT:
      /* Translators: a statement column: what was paid or credited */
      return _("Payments & credits");
    case COL_BALANCE:
      return _("Balance");
    default:
      g_assert_not_reached ();
    }
}

static char *
line_cell (const SettleStatementDocument *doc,
           const SettleStatementLine     *line,
           int                            column)
{
  switch (column)
    {
    case COL_DATE:
      return date_text (&line->date);
    case COL_REFERENCE:
      return g_strdup (line->reference ? line->reference : "");
    case COL_DESCRIPTION:
      return g_strdup (line->description);
    case COL_DEBIT:
      return money_cell (doc, line->debit);
    case COL_CREDIT:
      return money_cell (doc, line->credit);
    case COL_BALANCE:
      return money_text (doc, line->balance);
    default:
      g_assert_not_reached ();
    }
}

/* ---- blocks ------------------------------------------------------------------------ */

void
settle_statement_page_columns (SettleStatementPage *p)
{
  SettleStatementDocument *doc = p->doc;
  const SettleStatement *st = doc->statement;
  double fixed = 0, x;

  for (int c = 0; c < N_COLS; c++)
    {
      double w;

      if (c == COL_DESCRIPTION)
        continue;
      w = text_width (p, column_heading (c), &st_head);
      for (guint i = 0; i < st->lines->len; i++)
        {
          g_autofree char *cell = line_cell (doc, g_ptr_array_index (st->lines, i), c);

          w = MAX (w, text_width (p, cell, c == COL_REFERENCE ? &st_body : &st_body_right));
        }
      if (c == COL_BALANCE)
        {
          g_autofree char *open = money_text (doc, st->opening_balance);
          g_autofree char *close = money_text (doc, st->closing_balance);

          w = MAX (w, text_width (p, open, &st_body_bold_right));
          w = MAX (w, text_width (p, close, &st_body_bold_right));
        }
      /* A reference column of long payment references wraps rather than eating the
       * description. */
      if (c == COL_REFERENCE)
        w = MIN (w, 110);
      doc->col_w[c] = ceil (w) + 1;
      fixed += doc->col_w[c] + COLUMN_GAP;
    }
  doc->col_w[COL_DESCRIPTION] = MAX (100, p->right - p->left - fixed);
  x = p->left;
  for (int c = 0; c < N_COLS; c++)
    {
      doc->col_x[c] = x;
      x += doc->col_w[c] + COLUMN_GAP;
    }
}

static double
company_block (SettleStatementPage *p,
               double               y,
               double               width)
{
  const SettleBranding *b = p->doc->branding;
  g_autoptr(GString) details = g_string_new (NULL);
  double ly = y;

  if (p->doc->logo != NULL)
    {
      double w, h;

      settle_logo_fit (p->doc->logo, MIN (width, LOGO_MAX_WIDTH), LOGO_MAX_HEIGHT, &w, &h);
      if (p->draw)
        settle_logo_draw (p->doc->logo, p->cr, p->left, ly, w, h);
      ly += h + 10;
    }
  if (!settle_text_is_blank (b->company_name))
    ly += text (p, p->left, ly, width, b->company_name, &st_company) + 4;
  append_line (details, b->address);
  if (!settle_text_is_blank (b->tax_id))
    {
      g_autofree char *tax = g_strdup_printf (_("Tax ID: %s"), b->tax_id);

      append_line (details, tax);
    }
  append_line (details, b->email);
  append_line (details, b->phone);
  if (details->len > 0)
    ly += text (p, p->left, ly, width, details->str, &st_small);
  return ly - y;
}

double
settle_statement_page_title (SettleStatementPage *p,
                             double               y)
{
  const SettleStatement *st = p->doc->statement;
  g_autofree char *from = date_text (&st->from);
  g_autofree char *to = date_text (&st->to);
  /* Translators: a period of dates, "2026-01-01 – 2026-03-31" */
  g_autofree char *period = g_strdup_printf (_("%s – %s"), from, to);
  g_autofree char *heading = g_utf8_strup (_("Statement for"), -1);
  g_autofree char *due = money_text (p->doc, st->closing_balance);
  g_autofree char *as_of = g_strdup_printf (_("As of %s"), to);
  g_autoptr(GString) client = g_string_new (NULL);
  SettleTextStyle title_style = accented (p, &st_title);
  SettleTextStyle amount_style = st_box_amount;
  double left_w = (p->right - p->left) - META_WIDTH - 24;
  double meta_x = p->right - META_WIDTH;
  double y0 = y, ly = y, ry = y, box_x = p->right - BOX_WIDTH, box_h = 0, label_drop;
  gboolean draw = p->draw;
  struct { const char *label; const char *value; } meta[] = {
    { _("Statement date"), to },
    { _("Period"), period },
    { _("Currency"), st->currency },
  };

  ly += company_block (p, ly, left_w);

  /* Translators: the title of a statement of account */
  ry += text (p, meta_x, ry, META_WIDTH, _("Statement"), &title_style) + 6;
  label_drop = settle_render_baseline (p->pango, &st_meta_value)
               - settle_render_baseline (p->pango, &st_small);
  for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
    {
      double h = text (p, meta_x, ry + label_drop, 100, meta[i].label, &st_small) + label_drop;

      h = MAX (h, text (p, meta_x + 100, ry, META_WIDTH - 100, meta[i].value, &st_meta_value));
      ry += h + 2.5;
    }

  ly = MAX (ly, ry) + 14;
  rule (p, p->left, p->right, ly, 1.2, &p->doc->accent);
  ly += 20;
  y = ly;

  ly += text (p, p->left, ly, box_x - p->left - 20, heading, &st_label) + 4;
  ly += text (p, p->left, ly, box_x - p->left - 20, st->client_name, &st_client) + 2;
  append_line (client, st->client_address);
  if (client->len > 0)
    ly += text (p, p->left, ly, box_x - p->left - 20, client->str, &st_detail);

  if (text_width (p, due, &amount_style) > BOX_WIDTH - 28)
    amount_style.size *= (BOX_WIDTH - 30) / text_width (p, due, &amount_style);
  for (int pass = 0; pass < 2; pass++)
    {
      double by = y + 12;

      p->draw = pass == 1 && draw;
      if (p->draw)
        {
          settle_render_rounded_rect (p->cr, box_x, y, BOX_WIDTH, box_h, 4);
          cairo_set_source_rgba (p->cr, p->doc->accent.r, p->doc->accent.g, p->doc->accent.b,
                                 0.07);
          cairo_fill (p->cr);
        }
      by += text (p, box_x + 14, by, BOX_WIDTH - 28,
                  st->closing_balance < 0 ? _("Credit balance") : _("Amount due"), &st_small) + 2;
      by += text (p, box_x + 14, by, BOX_WIDTH - 28, due, &amount_style) + 2;
      by += text (p, box_x + 14, by, BOX_WIDTH - 28, as_of, &st_small);
      box_h = by + 12 - y;
    }
  p->draw = draw;

  return MAX (ly, y + box_h) + 22 - y0;
}

double
settle_statement_page_continued (SettleStatementPage *p,
                                 double               y)
{
  const SettleStatement *st = p->doc->statement;
  double half = (p->right - p->left) / 2, h;
  /* Translators: the running header of a statement's later pages */
  g_autofree char *what = g_strdup_printf (_("Statement for %s (continued)"), st->client_name);

  h = text (p, p->left, y, half, p->doc->branding->company_name, &st_company_small);
  h = MAX (h, text (p, p->left + half, y + 1, half, what, &st_small_right));
  rule (p, p->left, p->right, y + h + 6, 0.8, &p->doc->accent);
  return h + 22;
}

double
settle_statement_page_header (SettleStatementPage *p,
                              double               y)
{
  const SettleStatementDocument *doc = p->doc;
  double h = 0;

  for (int c = 0; c < N_COLS; c++)
    h = MAX (h, text (p, doc->col_x[c], y, doc->col_w[c], column_heading (c),
                      c <= COL_DESCRIPTION ? &st_head : &st_head_right));
  rule (p, p->left, p->right, y + h + 4, 0.8, &ink);
  return h + 5;
}

/* The opening and closing rows: a label across the text columns and a balance. */
double
settle_statement_page_balance (SettleStatementPage *p,
                               double               y,
                               const char          *label,
                               const GDate         *date,
                               gint64               balance)
{
  const SettleStatementDocument *doc = p->doc;
  g_autofree char *when = date_text (date);
  g_autofree char *amount = money_text (doc, balance);
  double h;

  h = text (p, doc->col_x[COL_DATE], y + ROW_PAD, doc->col_w[COL_DATE], when, &st_body_bold);
  h = MAX (h, text (p, doc->col_x[COL_REFERENCE], y + ROW_PAD,
                    doc->col_x[COL_BALANCE] - doc->col_x[COL_REFERENCE] - COLUMN_GAP, label,
                    &st_body_bold));
  h = MAX (h, text (p, doc->col_x[COL_BALANCE], y + ROW_PAD, doc->col_w[COL_BALANCE], amount,
                    &st_body_bold_right));
  h += 2 * ROW_PAD;
  rule (p, p->left, p->right, y + h - 0.25, 0.5, &hairline);
  return h;
}

double
settle_statement_page_line (SettleStatementPage *p,
                            double               y,
                            int                  index)
{
  const SettleStatementDocument *doc = p->doc;
  const SettleStatementLine *line = g_ptr_array_index (doc->statement->lines, index);
  double h = 0;

  for (int c = 0; c < N_COLS; c++)
    {
      g_autofree char *cell = line_cell (doc, line, c);

      h = MAX (h, text (p, doc->col_x[c], y + ROW_PAD, doc->col_w[c], cell,
                        c <= COL_DESCRIPTION ? &st_body : &st_body_right));
    }
  h += 2 * ROW_PAD;
  rule (p, p->left, p->right, y + h - 0.25, 0.5, &hairline);
  return h;
}

double
settle_statement_page_aging (SettleStatementPage *p,
                             double               y)
{
  const SettleStatement *st = p->doc->statement;
  g_autofree char *to = date_text (&st->to);
  /* Translators: %s is a date */
  g_autofree char *heading = g_strdup_printf (_("What is open as of %s"), to);
  const char *labels[] = {
    _("Current"), _("1–30 days"), _("31–60 days"), _("61–90 days"), _("Over 90 days"),
    _("Unapplied credit"), _("Amount due"),
  };
  gint64 values[G_N_ELEMENTS (labels)];
  guint n = G_N_ELEMENTS (labels);
  double y0 = y, cell_w, h = 0, vh = 0;
  guint shown = 0;

  for (int i = 0; i < 5; i++)
    values[i] = st->aging[i];
  values[5] = -st->unapplied_credit;
  values[6] = st->closing_balance;

  y += text (p, p->left, y, -1, heading, &st_section) + 6;
  shown = st->unapplied_credit != 0 ? n : n - 1;
  cell_w = (p->right - p->left - (shown - 1) * COLUMN_GAP) / shown;
  for (guint i = 0, k = 0; i < n; i++)
    {
      double x;

      if (i == 5 && st->unapplied_credit == 0)
        continue;
      x = p->left + k * (cell_w + COLUMN_GAP);
      h = MAX (h, text (p, x, y, cell_w, labels[i], &st_head_right));
      k++;
    }
  rule (p, p->left, p->right, y + h + 4, 0.8, &ink);
  y += h + 9;
  for (guint i = 0, k = 0; i < n; i++)
    {
      g_autofree char *value = NULL;
      SettleTextStyle style = i == n - 1 ? accented (p, &st_body_bold_right) : st_body_right;
      double x;

      if (i == 5 && st->unapplied_credit == 0)
        continue;
      x = p->left + k * (cell_w + COLUMN_GAP);
      value = money_text (p->doc, values[i]);
      vh = MAX (vh, text (p, x, y, cell_w, value, &style));
      k++;
    }
  y += vh;
  return y - y0;
}

/* Where to send the money; 0 high when the book says nothing about it. */
double
settle_statement_page_remit (SettleStatementPage *p,
                             double               y)
{
  const SettleBranding *b = p->doc->branding;
  double y0 = y;

  if (!settle_text_is_blank (b->remit_to) || !settle_text_is_blank (b->payment_instructions))
    {
      double half = (p->right - p->left - COLUMN_GAP) / 2, lh = 0, rh = 0;

      if (!settle_text_is_blank (b->remit_to))
        {
          g_autofree char *label = g_utf8_strup (_("Remit to"), -1);

          lh = text (p, p->left, y, half, label, &st_label) + 2;
          lh += text (p, p->left, y + lh, half, b->remit_to, &st_detail);
        }
      if (!settle_text_is_blank (b->payment_instructions))
        {
          g_autofree char *label = g_utf8_strup (_("Payment instructions"), -1);
          double x = settle_text_is_blank (b->remit_to) ? p->left : p->left + half + COLUMN_GAP;

          rh = text (p, x, y, half, label, &st_label) + 2;
          rh += text (p, x, y + rh, half, b->payment_instructions, &st_detail);
        }
      y += MAX (lh, rh);
    }
  return y - y0;
}

void
settle_statement_page_footer (SettleStatementPage *p,
                              int                  page_index,
                              int                  n_pages,
                              double               y)
{
  const SettleBranding *b = p->doc->branding;
  g_autofree char *page_text = g_strdup_printf (_("Page %d of %d"), page_index + 1, n_pages);
  g_autofree char *note = NULL;
  const double page_w = 90;

  if (!settle_text_is_blank (b->footer))
    note = g_strdup (b->footer);
  else if (!settle_text_is_blank (b->email))
    /* Translators: %s is an email address */
    note = g_strdup_printf (_("Questions about this statement? Write to %s."), b->email);
  else
    note = g_strdup (_("Please contact us with any question about this statement."));

  rule (p, p->left, p->right, y, 0.5, &hairline);
  y += 7;
  text (p, p->left, y, p->right - p->left - page_w - COLUMN_GAP, note, &st_small);
  text (p, p->right - page_w, y, page_w, page_text, &st_small_right);
}
