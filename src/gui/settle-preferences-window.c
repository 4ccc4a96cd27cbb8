/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-client.h"
#include "settle-preferences-private.h"

G_DEFINE_FINAL_TYPE (SettlePreferencesWindow, settle_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* Saving waits until typing pauses, so a name is not written letter by letter. */
#define SAVE_DELAY_MS 400

void
settle_preferences_set_row_error (GtkWidget  *row,
                                  const char *message)
{
  const char *title = g_object_get_data (G_OBJECT (row), "settle-title");

  if (title == NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "settle-title",
                              g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))),
                              g_free);
      title = g_object_get_data (G_OBJECT (row), "settle-title");
    }
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
}

/* ---- company ------------------------------------------------------------------ */

static char *
text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_view_set (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
accent_to_text (const GdkRGBA *rgba,
                char           accent[8])
{
  g_snprintf (accent, 8, "#%02X%02X%02X", (guint) (CLAMP (rgba->red, 0, 1) * 255 + 0.5),
              (guint) (CLAMP (rgba->green, 0, 1) * 255 + 0.5),
              (guint) (CLAMP (rgba->blue, 0, 1) * 255 + 0.5));
}

static void
show_logo (SettlePreferencesWindow *self)
{
  g_autofree char *display = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->logo_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->logo_preview),
                          self->logo_path != NULL && *self->logo_path != '\0');
  if (self->logo_error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->logo_row), "error");
      adw_action_row_set_subtitle (self->logo_row, self->logo_error);
      return;
    }
  if (self->logo_path == NULL || *self->logo_path == '\0')
    {
      gtk_picture_set_filename (self->logo_preview, NULL);
      adw_action_row_set_subtitle (self->logo_row, _("None: the company name is printed instead"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->clear_logo_button), FALSE);
      return;
    }
  display = g_filename_display_name (self->logo_path);
  adw_action_row_set_subtitle (self->logo_row, display);
  gtk_picture_set_filename (self->logo_preview, self->logo_path);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_logo_button), TRUE);
}

static SettleBranding *
company_from_fields (SettlePreferencesWindow *self)
{
  SettleBranding *branding = settle_branding_copy (self->branding);
  GdkRGBA rgba;

#define SET_TEXT(field, value) G_STMT_START { g_free (branding->field); branding->field = (value); } G_STMT_END
  SET_TEXT (company_name, g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  SET_TEXT (tax_id, g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tax_id_row))));
  SET_TEXT (email, g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  SET_TEXT (phone, g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row))));
  SET_TEXT (address, text_view_get (self->address_view));
  SET_TEXT (remit_to, text_view_get (self->remit_to_view));
  SET_TEXT (payment_instructions, text_view_get (self->payment_view));
  SET_TEXT (terms_text, text_view_get (self->terms_text_view));
  SET_TEXT (footer, text_view_get (self->footer_view));
  SET_TEXT (logo_path, g_strdup (self->logo_path != NULL ? self->logo_path : ""));
#undef SET_TEXT
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->accent_button), &rgba);
  accent_to_text (&rgba, branding->accent);
  return branding;
}

static gboolean
branding_equal (const SettleBranding *a,
                const SettleBranding *b)
{
  return g_strcmp0 (a->company_name, b->company_name) == 0
         && g_strcmp0 (a->address, b->address) == 0
         && g_strcmp0 (a->tax_id, b->tax_id) == 0
         && g_strcmp0 (a->email, b->email) == 0
         && g_strcmp0 (a->phone, b->phone) == 0
         && g_strcmp0 (a->logo_path, b->logo_path) == 0
         && g_ascii_strcasecmp (a->accent, b->accent) == 0
         && g_strcmp0 (a->remit_to, b->remit_to) == 0
         && g_strcmp0 (a->payment_instructions, b->payment_instructions) == 0
         && g_strcmp0 (a->terms_text, b->terms_text) == 0
         && g_strcmp0 (a->footer, b->footer) == 0;
}

static gboolean
company_save (SettlePreferencesWindow *self)
{
  g_autoptr(SettleBranding) branding = company_from_fields (self);
  g_autoptr(GError) error = NULL;

  g_strstrip (branding->email);
  if (*branding->email != '\0' && !settle_email_is_valid (branding->email))
    {
      settle_preferences_set_row_error (GTK_WIDGET (self->email_row),
                                        _("Email: enter an address like billing@example.com"));
      return FALSE;
    }
  settle_preferences_set_row_error (GTK_WIDGET (self->email_row), NULL);

  if (branding_equal (branding, self->branding))
    return TRUE;
  if (!settle_branding_save (self->book, branding, &error))
    {
      /* The message names the field; the company group is where it shows. */
      adw_preferences_group_set_description (self->company_group, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->company_group), "error");
      return FALSE;
    }
  adw_preferences_group_set_description (self->company_group,
                                         _("Printed at the top of every invoice and statement."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->company_group), "error");
  settle_branding_free (self->branding);
  self->branding = g_steal_pointer (&branding);
  return TRUE;
}

static void
company_load (SettlePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  GdkRGBA rgba;

  g_clear_pointer (&self->branding, settle_branding_free);
  self->branding = settle_branding_load (self->book, &error);
  if (self->branding == NULL)
    {
      g_warning ("Cannot read the company settings: %s", error->message);
      self->branding = settle_branding_new ();
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->branding->company_name);
  gtk_editable_set_text (GTK_EDITABLE (self->tax_id_row), self->branding->tax_id);
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), self->branding->email);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), self->branding->phone);
  text_view_set (self->address_view, self->branding->address);
  text_view_set (self->remit_to_view, self->branding->remit_to);
  text_view_set (self->payment_view, self->branding->payment_instructions);
  text_view_set (self->terms_text_view, self->branding->terms_text);
  text_view_set (self->footer_view, self->branding->footer);
  if (!gdk_rgba_parse (&rgba, self->branding->accent))
    gdk_rgba_parse (&rgba, SETTLE_BRANDING_DEFAULT_ACCENT);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->accent_button), &rgba);
  g_free (self->logo_path);
  self->logo_path = g_strdup (self->branding->logo_path);
  show_logo (self);
}

gboolean
settle_preferences_window_set_logo (SettlePreferencesWindow *self,
                                    const char              *path)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SETTLE_IS_PREFERENCES_WINDOW (self), FALSE);

  g_clear_pointer (&self->logo_error, g_free);
  if (path != NULL && *path != '\0'
      && settle_branding_logo_format (path, &error) == SETTLE_LOGO_NONE)
    {
      /* The previous logo stays; nothing is saved. */
      self->logo_error = g_strdup (error != NULL ? error->message : _("Logo: not a PNG or SVG file"));
      show_logo (self);
      return FALSE;
    }
  g_free (self->logo_path);
  self->logo_path = g_strdup (path != NULL ? path : "");
  show_logo (self);
  settle_preferences_schedule_save (self);
  return TRUE;
}

const char *
settle_preferences_window_get_logo_error (SettlePreferencesWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_PREFERENCES_WINDOW (self), NULL);
  return self->logo_error;
}

static void
logo_response_cb (GtkNativeDialog         *chooser,
                  int                      response,
                  SettlePreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        settle_preferences_window_set_logo (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_logo_cb (SettlePreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PNG and SVG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (logo_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
clear_logo_cb (SettlePreferencesWindow *self)
{
  settle_preferences_window_set_logo (self, NULL);
}

/* ---- saving ---------------------------------------------------------------------- */

gboolean
settle_preferences_window_save (SettlePreferencesWindow *self)
{
  gboolean company_ok, invoicing_ok;

  g_return_val_if_fail (SETTLE_IS_PREFERENCES_WINDOW (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->book == NULL)
    return FALSE;
  company_ok = company_save (self);
  invoicing_ok = settle_preferences_invoicing_save (self);
  if (company_ok || invoicing_ok)
    settle_book_notify_changed (self->book);
  return company_ok && invoicing_ok;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  SettlePreferencesWindow *self = user_data;

  self->save_id = 0;
  settle_preferences_window_save (self);
  return G_SOURCE_REMOVE;
}

void
settle_preferences_schedule_save (SettlePreferencesWindow *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
field_changed_cb (SettlePreferencesWindow *self)
{
  if (self->loading)
    return;
  settle_preferences_invoicing_update (self);
  settle_preferences_schedule_save (self);
}

static gboolean
close_request_cb (SettlePreferencesWindow *self)
{
  /* Closing with a field in red would lose what was typed without a word: say so
   * once, and close on the second try. */
  if (!settle_preferences_window_save (self) && !self->close_warned)
    {
      AdwToast *toast = adw_toast_new (_("Fields marked in red are not saved. Close again to "
                                         "discard them."));

      self->close_warned = TRUE;
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
      return TRUE;
    }
  return FALSE;
}

GtkWidget *
settle_preferences_window_get_widget (SettlePreferencesWindow *self,
                                      const char              *id)
{
  g_return_val_if_fail (SETTLE_IS_PREFERENCES_WINDOW (self), NULL);
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                    SETTLE_TYPE_PREFERENCES_WINDOW, id));
}

/* ---- the type ---------------------------------------------------------------- */

static void
settle_preferences_window_dispose (GObject *object)
{
  SettlePreferencesWindow *self = SETTLE_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  settle_preferences_invoicing_clear (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (settle_preferences_window_parent_class)->dispose (object);
}

static void
settle_preferences_window_finalize (GObject *object)
{
  SettlePreferencesWindow *self = SETTLE_PREFERENCES_WINDOW (object);

  g_clear_object (&self->book);
  g_clear_pointer (&self->branding, settle_branding_free);
  g_free (self->logo_path);
  g_free (self->logo_error);

  G_OBJECT_CLASS (settle_preferences_window_parent_class)->finalize (object);
}

static void
settle_preferences_window_class_init (SettlePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_preferences_window_dispose;
  object_class->finalize = settle_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, company_group);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, tax_id_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, address_view);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, logo_preview);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, clear_logo_button);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, accent_button);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, remit_to_view);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, payment_view);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, terms_text_view);
  gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, footer_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_logo_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_logo_cb);
  settle_preferences_invoicing_class_init (widget_class);
}

static void
settle_preferences_window_init (SettlePreferencesWindow *self)
{
  GtkTextView *views[5];

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  views[0] = self->address_view;
  views[1] = self->remit_to_view;
  views[2] = self->payment_view;
  views[3] = self->terms_text_view;
  views[4] = self->footer_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                             G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  settle_preferences_invoicing_init (self);
}

SettlePreferencesWindow *
settle_preferences_window_new (GtkWindow  *parent,
                               SettleBook *book)
{
  SettlePreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  self = g_object_new (SETTLE_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  self->loading = TRUE;
  company_load (self);
  settle_preferences_invoicing_load (self);
  self->loading = FALSE;
  return self;
}
