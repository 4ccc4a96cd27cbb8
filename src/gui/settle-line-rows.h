/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* The rows of an editor whose body is a list of lines (an agreement's lines, a
 * project's milestones): each line a non-activatable row of a GtkListBox whose child
 * holds the line's entries, with the caller's struct of those widgets kept on it. */

/* A box for a line's fields, with the rows' padding. */
GtkWidget *settle_line_rows_box        (GtkOrientation  orientation);
/* An entry appended to box, with a placeholder, an accessible label and a width;
 * one that does not expand keeps that width. */
GtkEntry  *settle_line_rows_add_entry  (GtkWidget      *box,
                                        const char     *placeholder,
                                        const char     *accessible,
                                        int             width_chars,
                                        gboolean        expand);
/* A flat trash button appended to box that takes its row out of the list when
 * clicked; handlers connected to "clicked" afterwards run once the row is gone. */
GtkButton *settle_line_rows_add_remove (GtkWidget      *box,
                                        const char     *tooltip,
                                        const char     *accessible);
/* Appends a row holding child to list, with widgets kept on it (freed with g_free). */
GtkWidget *settle_line_rows_append     (GtkListBox     *list,
                                        GtkWidget      *child,
                                        gpointer        widgets);
/* The widgets kept on row, or on the row at index (NULL past the end). */
gpointer   settle_line_rows_get        (GtkWidget      *row);
gpointer   settle_line_rows_nth        (GtkListBox     *list,
                                        guint           index);
/* A line's field by name (what the editors' get_field functions hand to tests): where
 * the widget's pointer sits in the caller's struct of widgets. */
typedef struct
{
  const char *name;
  gsize       offset;
} SettleLineRowsField;

/* The field called name of the line at index; NULL when there is no such line or
 * field. */
GtkWidget *settle_line_rows_find_field (GtkListBox                *list,
                                        guint                      index,
                                        const SettleLineRowsField *fields,
                                        guint                      n_fields,
                                        const char                *name);
/* Calls callback (swapped: data first) whenever one of the NULL-terminated widgets
 * changes: an editable's text, a drop-down's selection, a check button, a button's
 * click. */
void       settle_line_rows_watch      (GCallback       callback,
                                        gpointer        data,
                                        gpointer        first_widget,
                                        ...) G_GNUC_NULL_TERMINATED;
/* Shows date as YYYY-MM-DD in editable; an invalid date leaves it as it is. */
void       settle_line_rows_show_date  (GtkEditable    *editable,
                                        const GDate    *date);
/* Marks widget wrong ("error" style, message as its accessible description), and
 * takes the mark off again. */
void       settle_line_rows_mark       (GtkWidget      *widget,
                                        const char     *message);
void       settle_line_rows_unmark     (GtkWidget      *widget);
/* The editor window's title, with "client, in currency" under it. */
void       settle_line_rows_set_title  (AdwWindowTitle *window_title,
                                        const char     *title,
                                        const char     *client_name,
                                        const char     *currency);

G_END_DECLS
