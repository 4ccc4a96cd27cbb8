/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-bank.h"
#include "settle-csv.h"
#include "settle-import.h"
#include "settle-payout.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_DATE_ORDER_AUTO,  /* from the data; ambiguous -> the fallback, else an error */
  SETTLE_DATE_ORDER_DMY,
  SETTLE_DATE_ORDER_MDY,
  SETTLE_DATE_ORDER_YMD,
} SettleDateOrder;

typedef enum
{
  SETTLE_CSV_ROLE_DATE,
  SETTLE_CSV_ROLE_VALUE_DATE,
  SETTLE_CSV_ROLE_AMOUNT,       /* one signed amount */
  SETTLE_CSV_ROLE_DEBIT,        /* money out */
  SETTLE_CSV_ROLE_CREDIT,       /* money in */
  SETTLE_CSV_ROLE_FLAG,         /* "debit"/"DR"/"S" makes AMOUNT money out */
  SETTLE_CSV_ROLE_PAYER,
  SETTLE_CSV_ROLE_DESCRIPTION,  /* several columns are joined with " " */
  SETTLE_CSV_ROLE_REFERENCE,
  SETTLE_CSV_ROLE_ID,           /* the bank's id of the line: the dedupe key */
  SETTLE_CSV_ROLE_BALANCE,      /* running balance after the line */
  SETTLE_CSV_ROLE_CURRENCY,
  SETTLE_CSV_ROLE_ACCOUNT,      /* lines of several accounts: one statement each */
  SETTLE_CSV_N_ROLES
} SettleCsvRole;

struct _SettleCsvProfile
{
  char           *name;
  char           *title;          /* shown to people; NULL = name */
  char            delimiter;      /* 0 = detect */
  SettleDateOrder date_order;     /* AUTO = detect */
  SettleDateOrder date_fallback;  /* when the data is ambiguous; AUTO = ask for a profile */
  char            decimal;        /* '.' or ','; 0 = detect */
  gboolean        negate;         /* card exports: a positive amount is a charge */
  gboolean        generic;        /* columns found by header words, not exact names */
  char            currency[4];    /* when no currency column */
  /* Per role: header names, '|'-separated, compared case- and accent-insensitively. */
  char           *columns[SETTLE_CSV_N_ROLES];
  /* Header names that must all be there for the profile to be chosen by detection. */
  char           *signature;
};

/* Exact, for money: "1'234.56", "(12.00)", "$1,036.47", "-98,76". decimal '.' or ','. */
gboolean settle_statement_parse_amount (const char *text,
                                        char        decimal,
                                        int         exponent,
                                        gint64     *out,
                                        char      **why);
/* A calendar date in one of the written forms; order decides a/b/yyyy. */
gboolean settle_statement_parse_date   (const char     *text,
                                        SettleDateOrder order,
                                        GDate          *date);
int      settle_statement_currency_exponent (const char *currency);

/* Each returns SettleBankStatement* (or SettleProcessorCharge* for Stripe). */
GPtrArray *settle_statement_csv_parse  (const char             *text,
                                        gsize                   length,
                                        const char             *name,
                                        const SettleCsvProfile *profile,
                                        char                  **profile_used,
                                        gboolean               *is_charges,
                                        GError                **error);
GPtrArray *settle_stripe_csv_parse     (GPtrArray   *records,
                                        guint        header_index,
                                        const char  *name,
                                        GError     **error);
gboolean   settle_stripe_csv_is_header (const GStrv fields);
GPtrArray *settle_ofx_parse            (const char  *data,
                                        gsize        length,
                                        const char  *name,
                                        GError     **error);
GPtrArray *settle_camt_parse           (const char  *data,
                                        gsize        length,
                                        const char  *name,
                                        GError     **error);

SettleCsvProfile *settle_csv_profile_copy (const SettleCsvProfile *profile);
/* The built-in profile whose signature the header row has, else the generic one when it
 * finds a date and an amount there; *header_index = that row. */
SettleCsvProfile *settle_csv_profile_detect (GPtrArray *records,
                                             guint     *header_index);
/* Column of each role in the header row; -1 = absent (several for DESCRIPTION). */
void      settle_csv_profile_resolve (const SettleCsvProfile *profile,
                                      const GStrv             header,
                                      GArray                 *columns[SETTLE_CSV_N_ROLES]);
char     *settle_csv_header_fold     (const char *text);

G_END_DECLS
