/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* A statement line as the importers produce it (io fills these, core stores them). */
typedef struct
{
  guint    source_line;      /* line (CSV/OFX) or Ntry index (CAMT), 1-based, for messages */
  GDate    date;             /* booking/posted date */
  GDate    value_date;       /* invalid when not given */
  gint64   amount;           /* signed minor units: > 0 money in, < 0 money out */
  char     currency[4];
  char    *dedupe_key;       /* "fitid:…", "ref:…" (CAMT AcctSvcrRef/NtryRef) or "hash:…" */
  char    *payer_name;       /* NAME, Dbtr/Nm, CSV payee; NULL when absent */
  char    *payer_account;    /* IBAN/account when given */
  char    *reference;        /* EndToEndId, Strd CdtrRefInf Ref, REFNUM, CHECKNUM */
  char    *description;      /* MEMO, RmtInf/Ustrd, CSV description: free text */
  char    *kind;             /* TRNTYPE, bank tx code, or NULL */
} SettleBankLine;

typedef struct
{
  char      *format;          /* "csv", "ofx", "camt053" */
  char      *account_id;      /* as the bank writes it (IBAN, ACCTID); NULL for most CSV */
  char      *account_name;
  char       currency[4];
  GDate      start, end;      /* statement period (invalid when not given) */
  gboolean   has_opening, has_closing;
  gint64     opening_balance, closing_balance;   /* signed minor units */
  GDate      closing_date;
  GPtrArray *lines;           /* SettleBankLine*, file order */
} SettleBankStatement;

SettleBankLine      *settle_bank_line_new       (void);
void                 settle_bank_line_free      (SettleBankLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleBankLine, settle_bank_line_free)
SettleBankStatement *settle_bank_statement_new  (void);   /* lines array owns its items */
void                 settle_bank_statement_free (SettleBankStatement *statement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleBankStatement, settle_bank_statement_free)
/* Fills line->dedupe_key with "hash:" + SHA-256 hex of "date|amount|currency|payer|description|n"
 * where n counts identical earlier lines of the same file, when the format gives no id. */
void                 settle_bank_line_set_hash_key (SettleBankLine *line,
                                                    guint           nth_identical);

typedef struct
{
  SettleId id;
  char    *name;             /* shown to the user: "Checking ••••1234" or the file's name */
  char    *account_id;       /* settle_bank_account_fingerprint () of the number; NULL when unknown (CSV) */
  char     currency[4];
  char    *csv_profile;      /* the profile the last CSV import used (io's serialised form), or NULL */
  int      auto_accept_score;/* 0–100, default 90; 101 = never auto-accept */
} SettleBankAccount;

#define SETTLE_BANK_AUTO_ACCEPT_DEFAULT 90
#define SETTLE_BANK_AUTO_ACCEPT_NEVER   101

void               settle_bank_account_free   (SettleBankAccount *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleBankAccount, settle_bank_account_free)
/* What the book keeps of an account number (ours or a payer's): "sha256:" and the
 * hash of its letters and digits, so a later statement finds the same account and a
 * payer's account can be recognised, without the number itself being stored. NULL
 * for NULL or empty. */
char              *settle_bank_account_fingerprint (const char *account);
/* Found by account_id, else created (named after name, else the number with
 * every run of five or more digits shown as ••••1234). account_id NULL
 * = the account of that name without an account id, else a new one. */
SettleId           settle_bank_account_ensure (SettleBook  *book,
                                               const char  *account_id,
                                               const char  *name,
                                               const char  *currency,
                                               GError     **error);
SettleBankAccount *settle_bank_account_load   (SettleBook  *book,
                                               SettleId     id,
                                               GError     **error);
/* SettleBankAccount*, by name. */
GPtrArray         *settle_bank_account_list   (SettleBook  *book,
                                               GError     **error);
gboolean           settle_bank_account_set_csv_profile (SettleBook  *book,
                                                        SettleId     id,
                                                        const char  *profile,
                                                        GError     **error);
/* score 0–100, or SETTLE_BANK_AUTO_ACCEPT_NEVER. */
gboolean           settle_bank_account_set_auto_accept (SettleBook  *book,
                                                        SettleId     id,
                                                        int          score,
                                                        GError     **error);

/* Stores the statements in ONE transaction: lines whose (bank account, dedupe_key) is
 * already in the book are skipped and counted as duplicates; nothing is written when any
 * error happens. */
gboolean           settle_bank_statements_store (SettleBook  *book,
                                                 SettleId     bank_account_id,
                                                 const char  *file_name,
                                                 GPtrArray   *statements,
                                                 guint       *imported,
                                                 guint       *duplicates,
                                                 SettleId    *statement_id,
                                                 GError     **error);
/* Book balance of the account = the opening balance of its first imported statement +
 * all its lines dated on or before as_of (NULL = all). */
gboolean           settle_bank_account_balance  (SettleBook  *book,
                                                 SettleId     bank_account_id,
                                                 const GDate *as_of,
                                                 gint64      *balance,
                                                 GError     **error);

/* The closing balance of the account's last imported statement that has one. */
gboolean           settle_bank_account_last_closing (SettleBook *book,
                                                     SettleId    bank_account_id,
                                                     gboolean   *has_closing,
                                                     gint64     *closing_balance,
                                                     GDate      *closing_date,
                                                     GError    **error);

G_END_DECLS
