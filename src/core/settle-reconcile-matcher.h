/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The matcher's indexes, shared by settle-reconcile-index.c (building) and
 * settle-reconcile-match.c (candidates and scores). Not installed. */
#pragma once

#include "settle-reconcile-private.h"

G_BEGIN_DECLS

/* gint64 key -> chain of item indexes (the chain's links live in the caller's items),
 * open addressing: no allocation per item, which keeps building 100k entries cheap. */
typedef struct
{
  gint64 *keys;
  gint32 *heads;  /* -1 = empty slot */
  guint   mask;
} SettleI64Map;

void   settle_i64_map_init    (SettleI64Map *map,
                               guint         n_items);
void   settle_i64_map_clear   (SettleI64Map *map);
/* Prepends item to key's chain; next is the item's link field. */
void   settle_i64_map_insert  (SettleI64Map *map,
                               gint64        key,
                               gint32        item,
                               gint32       *next);
gint32 settle_i64_map_lookup  (const SettleI64Map *map,
                               gint64        key);

typedef struct
{
  SettleId id;
  SettleId client_id;
  guint    client;       /* index in clients */
  char    *number;       /* in numbers */
  char     digits[20];   /* the number's digits, leading zeros kept */
  gint64   value;        /* digits as an integer */
  guint32  issue, due;   /* julian days */
  gint64   open;         /* total − paid, as the run goes */
  gint32   next_amount, next_number, next_id;
  guint    n_same;       /* chain head only: invoices open for this amount */
} SettleMatchInvoice;

typedef struct
{
  SettleId id;
  char    *name;
  char     currency[4];
  char    *norm;         /* normalised name */
  guint    n_tokens;     /* significant name tokens */
  GArray  *invoices;     /* guint indexes in invoices, oldest due first */
} SettleMatchClient;

typedef struct
{
  SettleId id;
  SettleId client_id;
  guint32  date;
  gint64   amount;
  gboolean used;
  gint32   next_amount;
} SettleMatchPayment;

typedef struct
{
  SettleId id;
  guint32  created;      /* julian day (UTC) */
  gint64   net, fee;
  char    *text;         /* description + processor invoice id */
  gboolean used;
  gint32   next_prefix;
} SettleMatchCharge;

typedef struct
{
  guint    client;
  int      count;
  gboolean ambiguous;
} SettleMatchHint;

struct _SettleMatcher
{
  SettleBook  *book;
  char         currency[4];
  GArray      *invoices;      /* SettleMatchInvoice */
  GStringChunk *numbers;
  GArray      *clients;       /* SettleMatchClient */
  GHashTable  *client_index;  /* SettleId -> guint index + 1 */
  SettleI64Map by_amount;     /* open amount -> invoices (as built) */
  SettleI64Map by_number;     /* the number's digits as an integer -> invoices */
  SettleI64Map by_id;         /* invoice id -> invoice */
  guint32      digit_lengths; /* bit n set: some number has n digits */
  GHashTable  *name_tokens;   /* token -> GArray of guint client indexes */
  GHashTable  *name_exact;    /* normalised name -> guint index + 1 */
  GHashTable  *hints;         /* key -> SettleMatchHint */
  GHashTable  *pending;       /* invoice id -> gint64 awaited from pending ACH payments */
  GArray      *payments;      /* SettleMatchPayment */
  SettleI64Map pay_by_amount;
  GArray      *charges;       /* SettleMatchCharge, by created */
  gint64      *prefix;        /* prefix[i] = Σ net of charges[0..i-1] */
  SettleI64Map by_prefix;     /* prefix value -> i */
  gint32      *prefix_next;
  /* Scratch tables, emptied for each line rather than made anew. */
  GHashTable  *scratch_counts, *scratch_done, *scratch_named, *scratch_seen, *scratch_clients;
};

/* How many open invoices have this open amount (kept as accepts change it). */
guint      settle_matcher_count_amount (SettleMatcher *matcher,
                                        gint64         amount);

/* Tokens of free text: upper-case, letters and digits only, split at anything else
 * but '-' (so "INV-000087" stays one token, then loses its dash). */
GPtrArray *settle_match_tokenize (const char *text);
/* The longest run of digits of token into digits (at most 18 + NUL); its length. */
guint      settle_match_digits   (const char *token,
                                  char        digits[20]);
gint64     settle_match_digits_value (const char *digits);
/* Optimal string alignment distance, stopping early once above 1. */
guint      settle_match_distance_le1 (const char *a,
                                      const char *b);
gboolean   settle_match_is_stop_word (const char *token);

/* One line being matched: what its text names, and the candidates so far. */
typedef struct
{
  guint    inv;
  gboolean exact;
} SettleMatchHit;

typedef struct
{
  SettleMatcher         *m;
  const SettleMatchLine *line;
  GPtrArray             *tokens;
  GArray                *hits;          /* SettleMatchHit */
  GHashTable            *named;         /* client index + 1 -> TRUE */
  int                    payer_client;  /* -1 = none */
  int                    hint_client;
  int                    hint_count;
  gboolean               processor_named;
  GPtrArray             *out;
  GHashTable            *seen;          /* candidate key -> SettleMatchSuggestion (in out) */
} SettleMatchCtx;

static inline SettleMatchInvoice *
settle_match_inv_at (SettleMatcher *m,
                     guint          i)
{
  return &g_array_index (m->invoices, SettleMatchInvoice, i);
}

static inline SettleMatchClient *
settle_match_client_at (SettleMatcher *m,
                        guint          i)
{
  return &g_array_index (m->clients, SettleMatchClient, i);
}

/* An invoice issued after the money arrived cannot be what it pays. */
static inline gboolean
settle_match_usable (const SettleMatchCtx     *ctx,
                     const SettleMatchInvoice *inv)
{
  return inv->open > 0 && inv->issue <= ctx->line->julian;
}

/* settle-reconcile-text.c */
/* The digits of tokens[i] when it may be an invoice number, else 0. */
guint    settle_match_number_token        (GPtrArray      *tokens,
                                           guint           i,
                                           char            digits[20]);
void     settle_match_find_numbers        (SettleMatchCtx *ctx);
void     settle_match_find_clients        (SettleMatchCtx *ctx);
/* settle-reconcile-match.c */
void     settle_match_add_reason          (GString        *reasons,
                                           const char     *text);
void     settle_match_add_reason_printf   (GString        *reasons,
                                           const char     *format,
                                           ...) G_GNUC_PRINTF (2, 3);
int      settle_match_client_points       (SettleMatchCtx *ctx,
                                           guint           client,
                                           GString        *reasons);
gboolean settle_match_has_client_evidence (SettleMatchCtx *ctx,
                                           guint           client);
/* Adds s (taking it, and reasons) unless a candidate with the same key scores as
 * well. */
void     settle_match_push                (SettleMatchCtx        *ctx,
                                           SettleMatchSuggestion *s,
                                           const char            *key,
                                           int                    score,
                                           GString               *reasons);
/* settle-reconcile-payouts.c */
void     settle_match_payment_candidates  (SettleMatchCtx *ctx);
void     settle_match_payout_candidates   (SettleMatchCtx *ctx);

G_END_DECLS
