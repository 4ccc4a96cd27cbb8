/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The look of an invoice page: sizes, colours, text styles and the small drawing
 * helpers that settle-invoice-page.c and settle-invoice-page-money.c share.
 * Private to src/render/. */

#include <glib/gi18n.h>

#include "settle-invoice-pdf-private.h"
#include "settle-render-text.h"

#define COLUMN_GAP 14.0
#define ROW_PAD     5.5
#define META_WIDTH 210.0
#define BOX_WIDTH  200.0
#define LOGO_MAX_WIDTH  170.0
#define LOGO_MAX_HEIGHT  54.0
#define QR_SIZE          92.0

G_GNUC_UNUSED static const SettleRgb ink = { 0.13, 0.14, 0.16 };
G_GNUC_UNUSED static const SettleRgb muted = { 0.40, 0.42, 0.46 };
G_GNUC_UNUSED static const SettleRgb hairline = { 0.85, 0.86, 0.88 };
G_GNUC_UNUSED static const SettleRgb paid_green = { 0.11, 0.50, 0.27 };
G_GNUC_UNUSED static const SettleRgb void_red = { 0.76, 0.11, 0.14 };
G_GNUC_UNUSED static const SettleRgb partial_amber = { 0.68, 0.40, 0.02 };

#define STYLE(size, weight, colour, align, numeric) \
  { NULL, size, PANGO_WEIGHT_##weight, &colour, PANGO_ALIGN_##align, numeric }

G_GNUC_UNUSED static const SettleTextStyle st_company = STYLE (16.0, BOLD, ink, LEFT, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_company_small = STYLE (10.0, BOLD, ink, LEFT, FALSE);
/* Drawn in the document's accent colour (see accented ()). */
G_GNUC_UNUSED static const SettleTextStyle st_title = STYLE (26.0, NORMAL, ink, RIGHT, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_small = STYLE (8.0, NORMAL, muted, LEFT, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_small_right =
  STYLE (8.0, NORMAL, muted, RIGHT, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_small_center =
  STYLE (8.0, NORMAL, muted, CENTER, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_label = STYLE (7.5, BOLD, muted, LEFT, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_head = STYLE (8.0, BOLD, muted, LEFT, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_head_right = STYLE (8.0, BOLD, muted, RIGHT, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_detail = STYLE (9.0, NORMAL, ink, LEFT, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_meta_value = STYLE (9.0, NORMAL, ink, RIGHT, TRUE);
G_GNUC_UNUSED static const SettleTextStyle st_body = STYLE (9.5, NORMAL, ink, LEFT, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_body_right = STYLE (9.5, NORMAL, ink, RIGHT, TRUE);
G_GNUC_UNUSED static const SettleTextStyle st_body_bold = STYLE (9.5, BOLD, ink, LEFT, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_body_bold_right = STYLE (9.5, BOLD, ink, RIGHT, TRUE);
G_GNUC_UNUSED static const SettleTextStyle st_due_label = STYLE (10.5, BOLD, ink, LEFT, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_due_value = STYLE (10.5, BOLD, ink, RIGHT, TRUE);
G_GNUC_UNUSED static const SettleTextStyle st_client = STYLE (11.0, BOLD, ink, LEFT, FALSE);
G_GNUC_UNUSED static const SettleTextStyle st_box_amount = STYLE (18.0, BOLD, ink, LEFT, TRUE);
G_GNUC_UNUSED static const SettleTextStyle st_section = STYLE (10.5, BOLD, ink, LEFT, FALSE);

/* ---- small helpers -------------------------------------------------------------- */

static inline SettleTextStyle
accented (const SettleInvoicePage *p,
          const SettleTextStyle   *style)
{
  SettleTextStyle copy = *style;

  copy.color = &p->doc->accent;
  return copy;
}

static inline double
text (SettleInvoicePage     *p,
      double                 x,
      double                 y,
      double                 width,
      const char            *str,
      const SettleTextStyle *style)
{
  return settle_render_text_cached (p->doc->text_cache, p->cr, p->pango, p->draw, x, y, width,
                                    str, style, NULL);
}

static inline double
text_width (SettleInvoicePage     *p,
            const char            *str,
            const SettleTextStyle *style)
{
  double width = 0;

  settle_render_text_cached (p->doc->text_cache, p->cr, p->pango, FALSE, 0, 0, -1, str, style,
                             &width);
  return width;
}

static inline void
rule (SettleInvoicePage *p,
      double             x0,
      double             x1,
      double             y,
      double             line_width,
      const SettleRgb   *color)
{
  if (p->draw)
    settle_render_hline (p->cr, x0, x1, y, line_width, color);
}

static inline void
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

static inline char *
money_text (const SettleInvoiceDocument *doc,
            gint64                       amount)
{
  return settle_money_format (settle_money_init (amount, doc->invoice->currency));
}

static inline char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? settle_date_to_iso (date) : g_strdup ("—");
}

static inline char *
terms_text (const SettleInvoice *invoice)
{
  return settle_terms_describe (&invoice->terms);
}

static inline char *
rate_text (int tax_rate_bp)
{
  g_autofree char *number = NULL;

  if (tax_rate_bp == 0)
    return g_strdup ("—");
  number = settle_format_fixed (tax_rate_bp, 2, TRUE);
  /* Translators: a tax rate, e.g. "8.25 %" */
  return g_strdup_printf (_("%s %%"), number);
}
