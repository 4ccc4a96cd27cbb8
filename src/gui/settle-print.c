/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "settle-invoice-pdf.h"
#include "settle-print.h"

static void
begin_print_cb (GtkPrintOperation     *operation,
                GtkPrintContext       *context,
                SettleInvoiceDocument *doc)
{
  int n_pages;

  /* The same size is passed to draw_page(), so the cached layout is reused. */
  n_pages = settle_invoice_document_get_n_pages (doc, gtk_print_context_get_cairo_context (context),
                                                 gtk_print_context_get_width (context),
                                                 gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation     *operation,
              GtkPrintContext       *context,
              int                    page_nr,
              SettleInvoiceDocument *doc)
{
  settle_invoice_document_draw_page (doc, gtk_print_context_get_cairo_context (context), page_nr,
                                     gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));
}

GtkPrintOperation *
settle_print_operation_new (SettleBook *book,
                            SettleId    invoice_id,
                            GError    **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPaperSize) letter = NULL;
  g_autofree char *job_name = NULL;
  SettleInvoiceDocument *doc;
  const SettleInvoice *invoice;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (invoice_id != SETTLE_ID_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = settle_invoice_document_new (book, invoice_id, error);
  if (doc == NULL)
    return NULL;
  invoice = settle_invoice_document_get_invoice (doc);

  operation = gtk_print_operation_new ();
  /* The render layer works in points from the paper's corner, as on the PDF. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Letter is what the PDF uses; the dialog can change it, and the document
   * paginates again for whatever paper is chosen. */
  page_setup = gtk_page_setup_new ();
  letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, letter);
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  /* Translators: the print job's name, with the invoice number. */
  job_name = g_strdup_printf (_("Invoice %s"),
                              invoice->number != NULL ? invoice->number : _("Draft"));
  gtk_print_operation_set_job_name (operation, job_name);

  g_object_set_data_full (G_OBJECT (operation), "settle-invoice-document", doc,
                          (GDestroyNotify) settle_invoice_document_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), doc);

  return g_steal_pointer (&operation);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Cannot Print Invoice"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  /* A run that finished inside gtk_print_operation_run() is handled there. */
  if (g_object_get_data (G_OBJECT (operation), "settle-async") == NULL)
    return;
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (parent, error);
    }
  g_object_unref (operation);
}

void
settle_print_invoice (GtkWindow  *parent,
                      SettleBook *book,
                      SettleId    invoice_id)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SETTLE_IS_BOOK (book));

  operation = settle_print_operation_new (book, invoice_id, &error);
  if (operation == NULL)
    {
      show_error (parent, error);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), parent, 0);
  else
    g_signal_connect (operation, "done", G_CALLBACK (done_cb), NULL);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      /* Released in ::done. */
      g_object_set_data (G_OBJECT (operation), "settle-async", GINT_TO_POINTER (TRUE));
      return;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (parent, error);
  g_object_unref (operation);
}
