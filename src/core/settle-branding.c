/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "settle-branding.h"
#include "settle-client.h"

/* Settings keys, in the order of the struct. */
#define K_NAME         "company.name"
#define K_ADDRESS      "company.address"
#define K_TAX_ID       "company.tax_id"
#define K_EMAIL        "company.email"
#define K_PHONE        "company.phone"
#define K_LOGO         "brand.logo"
#define K_ACCENT       "brand.accent"
#define K_REMIT_TO     "brand.remit_to"
#define K_INSTRUCTIONS "brand.payment_instructions"
#define K_TERMS_TEXT   "brand.terms_text"
#define K_FOOTER       "brand.footer"

SettleBranding *
settle_branding_new (void)
{
  SettleBranding *b = g_new0 (SettleBranding, 1);

  b->company_name = g_strdup ("");
  b->address = g_strdup ("");
  b->tax_id = g_strdup ("");
  b->email = g_strdup ("");
  b->phone = g_strdup ("");
  b->logo_path = g_strdup ("");
  g_strlcpy (b->accent, SETTLE_BRANDING_DEFAULT_ACCENT, sizeof b->accent);
  b->remit_to = g_strdup ("");
  b->payment_instructions = g_strdup ("");
  b->terms_text = g_strdup ("");
  b->footer = g_strdup ("");
  return b;
}

void
settle_branding_free (SettleBranding *b)
{
  if (b == NULL)
    return;
  g_free (b->company_name);
  g_free (b->address);
  g_free (b->tax_id);
  g_free (b->email);
  g_free (b->phone);
  g_free (b->logo_path);
  g_free (b->remit_to);
  g_free (b->payment_instructions);
  g_free (b->terms_text);
  g_free (b->footer);
  g_free (b);
}

static char *
dup_or_empty (const char *s)
{
  return g_strdup (s != NULL ? s : "");
}

SettleBranding *
settle_branding_copy (const SettleBranding *b)
{
  SettleBranding *copy;

  g_return_val_if_fail (b != NULL, NULL);

  copy = g_new0 (SettleBranding, 1);
  copy->company_name = dup_or_empty (b->company_name);
  copy->address = dup_or_empty (b->address);
  copy->tax_id = dup_or_empty (b->tax_id);
  copy->email = dup_or_empty (b->email);
  copy->phone = dup_or_empty (b->phone);
  copy->logo_path = dup_or_empty (b->logo_path);
  memcpy (copy->accent, b->accent, sizeof copy->accent);
  copy->accent[sizeof copy->accent - 1] = '\0';
  copy->remit_to = dup_or_empty (b->remit_to);
  copy->payment_instructions = dup_or_empty (b->payment_instructions);
  copy->terms_text = dup_or_empty (b->terms_text);
  copy->footer = dup_or_empty (b->footer);
  return copy;
}

static void
take_setting (SettleBook *book,
              const char *key,
              char      **field)
{
  char *value = settle_book_get_setting (book, key);

  if (value == NULL)
    return;
  g_free (*field);
  *field = value;
}

SettleBranding *
settle_branding_load (SettleBook *book,
                      GError    **error)
{
  g_autoptr(SettleBranding) b = NULL;
  g_autofree char *accent = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  b = settle_branding_new ();
  take_setting (book, K_NAME, &b->company_name);
  take_setting (book, K_ADDRESS, &b->address);
  take_setting (book, K_TAX_ID, &b->tax_id);
  take_setting (book, K_EMAIL, &b->email);
  take_setting (book, K_PHONE, &b->phone);
  take_setting (book, K_LOGO, &b->logo_path);
  take_setting (book, K_REMIT_TO, &b->remit_to);
  take_setting (book, K_INSTRUCTIONS, &b->payment_instructions);
  take_setting (book, K_TERMS_TEXT, &b->terms_text);
  take_setting (book, K_FOOTER, &b->footer);

  /* A setting edited by hand into something unreadable falls back to the default
   * rather than making every invoice fail to print. */
  accent = settle_book_get_setting (book, K_ACCENT);
  if (accent != NULL && settle_branding_parse_accent (accent, NULL, NULL, NULL))
    g_strlcpy (b->accent, accent, sizeof b->accent);

  return g_steal_pointer (&b);
}

static int
hex_digit (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

gboolean
settle_branding_parse_accent (const char *text,
                              double     *r,
                              double     *g,
                              double     *b)
{
  int v[6];

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (int i = 0; i < 6; i++)
    if ((v[i] = hex_digit (text[i + 1])) < 0)
      return FALSE;
  if (r != NULL)
    *r = (v[0] * 16 + v[1]) / 255.0;
  if (g != NULL)
    *g = (v[2] * 16 + v[3]) / 255.0;
  if (b != NULL)
    *b = (v[4] * 16 + v[5]) / 255.0;
  return TRUE;
}

static gboolean
looks_like_svg (const guint8 *data,
                gsize         len)
{
  g_autofree char *head = g_strndup ((const char *) data, len);

  /* The root element comes after an optional XML prolog, comments and a DOCTYPE. */
  return strstr (head, "<svg") != NULL;
}

SettleLogoFormat
settle_branding_logo_format (const char *path,
                             GError    **error)
{
  static const guint8 png_magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *display = NULL;
  guint8 head[4096];
  FILE *file;
  gsize len;

  g_return_val_if_fail (path != NULL, SETTLE_LOGO_NONE);

  display = g_filename_display_name (path);
  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   /* Translators: the first %s is a file's path, the second why it failed */
                   saved_errno == ENOENT ? _("Logo: the file “%s” does not exist")
                                         : _("Logo: the file “%s” cannot be read: %s"),
                   display, g_strerror (saved_errno));
      return SETTLE_LOGO_NONE;
    }
  len = fread (head, 1, sizeof head, file);
  if (ferror (file))
    {
      int saved_errno = errno;

      fclose (file);
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Logo: the file “%s” cannot be read: %s"), display,
                   g_strerror (saved_errno));
      return SETTLE_LOGO_NONE;
    }
  fclose (file);

  if (len >= sizeof png_magic && memcmp (head, png_magic, sizeof png_magic) == 0)
    return SETTLE_LOGO_PNG;
  if (looks_like_svg (head, len))
    return SETTLE_LOGO_SVG;

  g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
               _("Logo: “%s” is neither a PNG nor an SVG image"), display);
  return SETTLE_LOGO_NONE;
}

gboolean
settle_branding_validate (const SettleBranding *b,
                          GError              **error)
{
  g_return_val_if_fail (b != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!settle_branding_parse_accent (b->accent, NULL, NULL, NULL))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   /* Translators: %s is what was typed; #RRGGBB must stay as it is */
                   _("Accent colour: “%s” is not a colour written as #RRGGBB, e.g. #1A5494"),
                   b->accent);
      return FALSE;
    }
  if (!settle_text_is_blank (b->logo_path) &&
      settle_branding_logo_format (b->logo_path, error) == SETTLE_LOGO_NONE)
    return FALSE;
  if (!settle_text_is_blank (b->email) && !settle_email_is_valid (b->email))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Email: “%s” is not a valid email address"), b->email);
      return FALSE;
    }
  return TRUE;
}

gboolean
settle_branding_save (SettleBook           *book,
                      const SettleBranding *b,
                      GError              **error)
{
  const struct { const char *key; const char *value; } rows[] = {
    { K_NAME, b ? b->company_name : NULL },
    { K_ADDRESS, b ? b->address : NULL },
    { K_TAX_ID, b ? b->tax_id : NULL },
    { K_EMAIL, b ? b->email : NULL },
    { K_PHONE, b ? b->phone : NULL },
    { K_LOGO, b ? b->logo_path : NULL },
    { K_ACCENT, b ? b->accent : NULL },
    { K_REMIT_TO, b ? b->remit_to : NULL },
    { K_INSTRUCTIONS, b ? b->payment_instructions : NULL },
    { K_TERMS_TEXT, b ? b->terms_text : NULL },
    { K_FOOTER, b ? b->footer : NULL },
  };

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (b != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!settle_branding_validate (b, error))
    return FALSE;

  if (!settle_book_begin (book, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (!settle_book_set_setting (book, rows[i].key, rows[i].value ? rows[i].value : "", error))
        {
          settle_book_rollback (book);
          return FALSE;
        }
    }
  return settle_book_commit (book, error);
}
