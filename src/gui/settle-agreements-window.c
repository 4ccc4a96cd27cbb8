/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-agreement.h"
#include "settle-agreement-editor.h"
#include "settle-agreements-window.h"
#include "settle-format.h"
#include "settle-money.h"

struct _SettleAgreementsWindow
{
  AdwWindow   parent_instance;

  SettleBook *book;
  guint       n_rows;

  GtkStack   *stack;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (SettleAgreementsWindow, settle_agreements_window, ADW_TYPE_WINDOW)

static void
row_activated_cb (AdwActionRow           *row,
                  SettleAgreementsWindow *self)
{
  g_autoptr(GError) error = NULL;
  SettleAgreementEditor *editor;

  /* The per-client editor (also reached from a client's details); it notifies
   * the book when it saves, and the list follows. */
  editor = settle_agreement_editor_new (GTK_WINDOW (self), self->book,
                                        GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row),
                                                                             "settle-client-id")),
                                        GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row),
                                                                             "settle-agreement-id")),
                                        &error);
  if (editor == NULL)
    {
      g_warning ("Cannot open the agreement: %s", error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (editor));
}

static char *
describe (const SettleAgreement *ag)
{
  g_autofree char *start = settle_format_date (&ag->start_date);
  g_autofree char *amount = NULL;
  g_autofree char *span = NULL;
  gint64 total = 0;
  gboolean usage = FALSE;

  for (guint i = 0; i < ag->lines->len; i++)
    {
      SettleAgreementLine *line = g_ptr_array_index (ag->lines, i);
      gint64 net = 0;

      if (line->usage)
        usage = TRUE;
      else if (settle_round_mul_div (line->quantity_milli, line->unit_price, 1000,
                                     SETTLE_ROUND_HALF_UP, &net))
        total += net;
    }
  amount = settle_format_money (total, ag->currency);
  if (g_date_valid (&ag->end_date))
    {
      g_autofree char *end = settle_format_date (&ag->end_date);

      /* Translators: "from 2025-04-01 to 2026-03-31". */
      span = g_strdup_printf (_("from %s to %s"), start, end);
    }
  else
    /* Translators: an agreement with no end date. */
    span = g_strdup_printf (_("from %s"), start);
  /* Translators: "Monthly from 2025-04-01 · $500.00 a period (+ usage) · issued". */
  return g_strdup_printf ("%s %s · %s%s · %s", settle_cycle_label (ag->cycle), span, amount,
                          usage ? _(" + usage") : "",
                          ag->auto_issue ? _("issued automatically") : _("left as drafts"));
}

void
settle_agreements_window_reload (SettleAgreementsWindow *self)
{
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (SETTLE_IS_AGREEMENTS_WINDOW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_rows = 0;
  agreements = settle_agreement_list (self->book, 0, &error);
  if (agreements == NULL)
    {
      g_warning ("Cannot list agreements: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  for (guint i = 0; i < agreements->len; i++)
    {
      SettleAgreement *ag = g_ptr_array_index (agreements, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = describe (ag);
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a client, then the agreement: "Acme Ltd — Managed services". */
      title = g_strdup_printf (_("%s — %s"), ag->client_name, ag->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "settle-agreement-id", GSIZE_TO_POINTER (ag->id));
      g_object_set_data (G_OBJECT (row), "settle-client-id", GSIZE_TO_POINTER (ag->client_id));
      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
      gtk_list_box_append (self->list, row);
      self->n_rows++;
    }
  gtk_stack_set_visible_child_name (self->stack, self->n_rows > 0 ? "list" : "empty");
}

guint
settle_agreements_window_get_n_rows (SettleAgreementsWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_AGREEMENTS_WINDOW (self), 0);
  return self->n_rows;
}

static void
settle_agreements_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SETTLE_TYPE_AGREEMENTS_WINDOW);
  G_OBJECT_CLASS (settle_agreements_window_parent_class)->dispose (object);
}

static void
settle_agreements_window_finalize (GObject *object)
{
  SettleAgreementsWindow *self = SETTLE_AGREEMENTS_WINDOW (object);

  g_clear_object (&self->book);
  G_OBJECT_CLASS (settle_agreements_window_parent_class)->finalize (object);
}

static void
settle_agreements_window_class_init (SettleAgreementsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_agreements_window_dispose;
  object_class->finalize = settle_agreements_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-agreements-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementsWindow, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
settle_agreements_window_init (SettleAgreementsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SettleAgreementsWindow *
settle_agreements_window_new (GtkWindow  *parent,
                              SettleBook *book)
{
  SettleAgreementsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  self = g_object_new (SETTLE_TYPE_AGREEMENTS_WINDOW, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  g_signal_connect_object (book, "changed", G_CALLBACK (settle_agreements_window_reload), self,
                           G_CONNECT_SWAPPED);
  settle_agreements_window_reload (self);
  return self;
}
