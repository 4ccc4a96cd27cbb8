/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-book-private.h"
#include "settle-demo.h"
#include "settle-demo-agreements.h"

#define HISTORY_DAYS 548 /* 18 months */


/* The stored form of the demo's terms (settle-terms.h): Net N, or due on receipt. */
static char *
demo_terms_text (int days)
{
  return days == 0 ? g_strdup ("receipt") : g_strdup_printf ("net:%d", days);
}

static const char * const name_first[] = {
  "Harbor", "Summit", "Cedar", "Northwind", "Brightwater", "Pioneer", "Lakeside", "Redwood",
  "Keystone", "Granite", "Evergreen", "Riverbend", "Oakhurst", "Maplewood", "Silverline",
  "Ironwood", "Blue Ridge", "Coastal", "Prairie", "Metro", "Clearview", "Foxglove", "Westgate",
  "Stonebridge", "Juniper", "Copperleaf", "Sandpiper", "Highland", "Bayview", "Aspen",
};
static const char * const name_second[] = {
  "Dental Group", "Family Law", "Logistics", "Realty", "Veterinary Clinic", "Architects",
  "Manufacturing", "Credit Union", "Pediatrics", "Accounting", "Construction",
  "Insurance Agency", "Charter School", "Auto Group", "Chiropractic", "Engineering", "Marketing",
  "Foods", "Medical Imaging", "Title & Escrow", "Physical Therapy", "Wealth Advisors",
};
static const char * const name_suffix[] = { "LLC", "Inc.", "PC", "Co.", "Partners", "Ltd." };
static const char * const streets[] = {
  "Main St", "Oak Ave", "Commerce Dr", "Harbor Blvd", "Industrial Pkwy", "Elm St", "Market St",
  "Lakeview Rd", "Center St", "Park Ave",
};
static const struct { const char *city, *state, *zip; } cities[] = {
  { "Portland", "OR", "97201" }, { "Austin", "TX", "78701" }, { "Denver", "CO", "80202" },
  { "Columbus", "OH", "43215" }, { "Raleigh", "NC", "27601" }, { "Tampa", "FL", "33602" },
  { "Madison", "WI", "53703" }, { "Boise", "ID", "83702" }, { "Albany", "NY", "12207" },
  { "Hartford", "CT", "06103" }, { "Sacramento", "CA", "95814" }, { "Omaha", "NE", "68102" },
};
static const char * const contacts[] = {
  "Maria Lopez", "James Chen", "Priya Patel", "Tom O'Brien", "Aisha Johnson", "Daniel Kim",
  "Sarah Miller", "Luis Hernández", "Emily Nguyen", "Robert Fischer", "Grace Okafor", "Ben Walsh",
};
static const struct { const char *what; gint64 price; gboolean taxed; } hardware[] = {
  { "Dell OptiPlex 7010 workstation", 114900, TRUE },
  { "Lenovo ThinkPad T14 laptop", 139900, TRUE },
  { "Ubiquiti UniFi U6 Pro access point", 18900, TRUE },
  { "Fortinet FortiGate 60F firewall", 79500, TRUE },
  { "APC Smart-UPS 1500VA", 64900, TRUE },
  { "Synology DS923+ NAS with 4 × 8 TB drives", 189000, TRUE },
  { "24-inch Dell P2423 monitor", 23900, TRUE },
};
static const char * const projects[] = {
  "Microsoft 365 migration", "Firewall replacement", "Office move: network cabling",
  "Server virtualisation", "Backup and disaster-recovery rollout", "Wi-Fi site survey and upgrade",
};
static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

/* How a client pays: delay after the due date, in days, and its odds. */
typedef enum
{
  HABIT_PROMPT,  /* a few days early to on time */
  HABIT_TYPICAL, /* up to two weeks late */
  HABIT_LATE,    /* three to ten weeks late */
  HABIT_CHRONIC, /* months late, sometimes never */
} Habit;

typedef struct
{
  SettleId id;
  int      terms;
  Habit    habit;
  guint    weight; /* relative invoice volume */
  gint64   seats;
  gint64   seat_price;
} DemoClient;

void
settle_demo_options_init (SettleDemoOptions *options)
{
  memset (options, 0, sizeof *options);
  options->n_clients = 40;
  options->n_invoices = 2000;
  options->seed = 1;
  g_date_clear (&options->today, 1);
  strcpy (options->currency, "USD");
}

static int
pick (GRand *rand, int n)
{
  return g_rand_int_range (rand, 0, n);
}

static gboolean
chance (GRand *rand, int percent_tenths)
{
  return g_rand_int_range (rand, 0, 1000) < percent_tenths;
}

static char *
iso (const GDate *date)
{
  return settle_date_to_iso (date);
}

static char *
stamp (const GDate *date,
       int          hour)
{
  return g_strdup_printf ("%04u-%02u-%02uT%02d:%02d:00Z", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date), hour, (hour * 7) % 60);
}

typedef struct
{
  SettleBook *book;
  GError    **error;
  gboolean    failed;
} Ctx;

static sqlite3_stmt *
prep (Ctx *ctx, const char *sql)
{
  sqlite3_stmt *stmt;

  if (ctx->failed)
    return NULL;
  stmt = settle_book_prepare (ctx->book, sql, ctx->error);
  if (stmt == NULL)
    ctx->failed = TRUE;
  return stmt;
}

static SettleId
run (Ctx *ctx, sqlite3_stmt *stmt)
{
  if (stmt == NULL || ctx->failed)
    return 0;
  if (!settle_book_step_done (ctx->book, stmt, ctx->error))
    {
      ctx->failed = TRUE;
      return 0;
    }
  return sqlite3_last_insert_rowid (settle_book_get_db (ctx->book));
}

static void
log_activity (Ctx        *ctx,
              const char *at,
              const char *entity,
              SettleId    id,
              const char *action,
              const char *detail)
{
  sqlite3_stmt *stmt = prep (ctx, "INSERT INTO activity (at, actor, entity, entity_id, action, "
                                  "detail) VALUES (?1, 'demo', ?2, ?3, ?4, ?5)");
  if (stmt == NULL)
    return;
  settle_bind_text (stmt, 1, at);
  settle_bind_text (stmt, 2, entity);
  sqlite3_bind_int64 (stmt, 3, id);
  settle_bind_text (stmt, 4, action);
  settle_bind_text (stmt, 5, detail ? detail : "");
  run (ctx, stmt);
}

static void
make_clients (Ctx                     *ctx,
              GRand                   *rand,
              const SettleDemoOptions *opt,
              const GDate             *start,
              DemoClient              *clients)
{
  static const int terms_choice[] = { 30, 30, 30, 30, 30, 15, 15, 0, 45, 60 };
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *created = stamp (start, 8);

  for (guint c = 0; c < opt->n_clients; c++)
    {
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;
      g_autofree char *address = NULL;
      g_autofree char *slug = NULL;
      const char *contact = contacts[pick (rand, G_N_ELEMENTS (contacts))];
      int city = pick (rand, G_N_ELEMENTS (cities));
      int roll = pick (rand, 100);
      sqlite3_stmt *stmt;

      name = g_strdup_printf ("%s %s %s", name_first[pick (rand, G_N_ELEMENTS (name_first))],
                              name_second[pick (rand, G_N_ELEMENTS (name_second))],
                              name_suffix[pick (rand, G_N_ELEMENTS (name_suffix))]);
      for (int n = 2; g_hash_table_contains (used, name); n++)
        {
          char *numbered = g_strdup_printf ("%s (%s %d)", name, cities[city].city, n);
          g_free (name);
          name = numbered;
        }
      g_hash_table_add (used, g_strdup (name));
      slug = g_ascii_strdown (name, -1);
      g_strcanon (slug, "abcdefghijklmnopqrstuvwxyz", '\0');
      slug[MIN (strlen (slug), 16)] = '\0';
      email = g_strdup_printf ("ap@%s.example.com", *slug ? slug : "client");
      address = g_strdup_printf ("%d %s\n%s, %s %s", 100 + pick (rand, 9800),
                                 streets[pick (rand, G_N_ELEMENTS (streets))], cities[city].city,
                                 cities[city].state, cities[city].zip);

      clients[c].terms = terms_choice[pick (rand, G_N_ELEMENTS (terms_choice))];
      clients[c].habit = roll < 40 ? HABIT_PROMPT : roll < 75 ? HABIT_TYPICAL
                                   : roll < 93 ? HABIT_LATE : HABIT_CHRONIC;
      clients[c].weight = 1 + pick (rand, 10);
      clients[c].seats = 5 + pick (rand, 80);
      clients[c].seat_price = (95 + pick (rand, 8) * 10) * 100;

      stmt = prep (ctx, "INSERT INTO clients (name, contact_name, email, phone, address, state, "
                        "country, terms_days, currency, tax_id, notes, created_at, terms) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'US', ?7, ?8, ?9, '', ?10, ?11)");
      if (stmt == NULL)
        return;
      settle_bind_text (stmt, 1, name);
      settle_bind_text (stmt, 2, contact);
      settle_bind_text (stmt, 3, email);
      {
        g_autofree char *phone = g_strdup_printf ("(555) %03d-%04d", pick (rand, 1000),
                                                  pick (rand, 10000));
        settle_bind_text (stmt, 4, phone);
      }
      settle_bind_text (stmt, 5, address);
      settle_bind_text (stmt, 6, cities[city].state);
      sqlite3_bind_int (stmt, 7, clients[c].terms);
      settle_bind_text (stmt, 8, opt->currency);
      {
        g_autofree char *tax_id = g_strdup_printf ("%02d-%07d", 10 + pick (rand, 89),
                                                   pick (rand, 10000000));
        settle_bind_text (stmt, 9, tax_id);
      }
      settle_bind_text (stmt, 10, created);
      /* Clients off the book's Net 30 carry their own terms, as the window shows them. */
      if (clients[c].terms != 30)
        {
          g_autofree char *terms = demo_terms_text (clients[c].terms);
          settle_bind_text (stmt, 11, terms);
        }
      clients[c].id = run (ctx, stmt);
      log_activity (ctx, created, "client", clients[c].id, "created", name);
    }
}

typedef struct
{
  char  *description;
  gint64 qty_milli;
  gint64 price;
  int    tax_bp;
} DemoLine;

/* One invoice's lines, by kind: recurring, project, hardware or usage. */
static guint
make_lines (GRand            *rand,
            const DemoClient *client,
            const GDate      *issue,
            DemoLine         *lines)
{
  int kind = pick (rand, 100);
  guint n = 0;
  const char *month = months[g_date_get_month (issue) - 1];
  guint year = g_date_get_year (issue);

  if (kind < 60)
    {
      lines[n++] = (DemoLine) { g_strdup_printf ("Managed services, %s %u: %" G_GINT64_FORMAT
                                                 " seats", month, year, client->seats),
                                client->seats * 1000, client->seat_price, 0 };
      if (chance (rand, 500))
        lines[n++] = (DemoLine) { g_strdup_printf ("Microsoft 365 Business Premium, %s %u",
                                                   month, year),
                                  client->seats * 1000, 2200, 0 };
      if (chance (rand, 300))
        lines[n++] = (DemoLine) { g_strdup ("Backup storage overage (GB)"),
                                  (50 + pick (rand, 900)) * 1000, 12, 0 };
    }
  else if (kind < 75)
    {
      const char *project = projects[pick (rand, G_N_ELEMENTS (projects))];
      lines[n++] = (DemoLine) { g_strdup_printf ("%s: milestone %d", project, 1 + pick (rand, 3)),
                                (4 + pick (rand, 36)) * 1000, 16500, 0 };
      if (chance (rand, 400))
        lines[n++] = (DemoLine) { g_strdup ("After-hours engineering (1.5×)"),
                                  (1 + pick (rand, 8)) * 500, 24750, 0 };
    }
  else if (kind < 90)
    {
      int items = 1 + pick (rand, 3);
      for (int i = 0; i < items; i++)
        {
          int h = pick (rand, G_N_ELEMENTS (hardware));
          lines[n++] = (DemoLine) { g_strdup (hardware[h].what), (1 + pick (rand, 6)) * 1000,
                                    hardware[h].price, 825 };
        }
      lines[n++] = (DemoLine) { g_strdup ("Setup and deployment"), (1 + pick (rand, 4)) * 1000,
                                14500, 0 };
    }
  else
    {
      lines[n++] = (DemoLine) { g_strdup_printf ("Help desk hours beyond plan, %s %u", month, year),
                                (1 + pick (rand, 40)) * 250, 12500, 0 };
    }
  return n;
}

static int
payment_delay (GRand *rand,
               Habit  habit)
{
  switch (habit)
    {
    case HABIT_PROMPT:
      return -5 + pick (rand, 7);
    case HABIT_TYPICAL:
      return pick (rand, 16);
    case HABIT_LATE:
      return 20 + pick (rand, 50);
    case HABIT_CHRONIC:
    default:
      return chance (rand, 150) ? 100000 : 45 + pick (rand, 110);
    }
}

static const char * const method_names[] = { "ach", "ach", "ach", "check", "check", "card",
                                             "card", "wire", "ach", "cash" };

static SettleId
insert_payment (Ctx        *ctx,
                GRand      *rand,
                SettleId    client_id,
                const char *date,
                gint64      amount,
                const char *currency)
{
  const char *method = method_names[pick (rand, G_N_ELEMENTS (method_names))];
  g_autofree char *reference = NULL;
  sqlite3_stmt *stmt;
  gint64 fee = 0;

  if (strcmp (method, "check") == 0)
    reference = g_strdup_printf ("Check %d", 1000 + pick (rand, 9000));
  else if (strcmp (method, "card") == 0)
    {
      reference = g_strdup_printf ("ch_%08x", g_rand_int (rand));
      fee = (amount * 29 + 500) / 1000 + 30; /* 2.9 % + 30¢, half-up on the tenth */
    }
  else
    reference = g_strdup_printf ("%s %06d", strcmp (method, "wire") == 0 ? "WIRE" : "ACH",
                                 pick (rand, 1000000));
  stmt = prep (ctx, "INSERT INTO payments (client_id, date, amount, currency, method, reference, "
                    "fee, status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'settled', ?8)");
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, client_id);
  settle_bind_text (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, amount);
  settle_bind_text (stmt, 4, currency);
  settle_bind_text (stmt, 5, method);
  settle_bind_text (stmt, 6, reference);
  sqlite3_bind_int64 (stmt, 7, MIN (fee, amount));
  {
    g_autofree char *created = g_strconcat (date, "T15:00:00Z", NULL);
    settle_bind_text (stmt, 8, created);
  }
  return run (ctx, stmt);
}

static void
insert_application (Ctx        *ctx,
                    SettleId    payment_id,
                    SettleId    invoice_id,
                    SettleId    client_id,
                    const char *date,
                    gint64      amount)
{
  sqlite3_stmt *stmt = prep (ctx, "INSERT INTO applications (payment_id, invoice_id, client_id, "
                                  "date, amount) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  sqlite3_bind_int64 (stmt, 2, invoice_id);
  sqlite3_bind_int64 (stmt, 3, client_id);
  settle_bind_text (stmt, 4, date);
  sqlite3_bind_int64 (stmt, 5, amount);
  run (ctx, stmt);
}

/* Issue dates spread over the history, oldest first so numbers follow dates. */
static guint16 *
make_issue_days (GRand *rand,
                 guint  n)
{
  guint counts[HISTORY_DAYS] = { 0 };
  guint16 *days = g_new (guint16, MAX (n, 1));
  guint k = 0;

  for (guint i = 0; i < n; i++)
    {
      /* More invoices near month starts, as recurring billing does. */
      int d = pick (rand, HISTORY_DAYS);
      if (chance (rand, 350))
        d = (d / 30) * 30;
      counts[d]++;
    }
  for (guint d = 0; d < HISTORY_DAYS; d++)
    for (guint c = 0; c < counts[d]; c++)
      days[k++] = d;
  return days;
}

/* Indexes are rebuilt once at the end of a big load rather than kept row by row. */
static GPtrArray *
drop_indexes (Ctx *ctx)
{
  GPtrArray *saved = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = prep (ctx, "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                  "AND sql IS NOT NULL AND tbl_name IN ('invoices', "
                                  "'invoice_lines', 'payments', 'applications', 'activity')");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return saved;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, settle_column_dup (stmt, 0));
      g_ptr_array_add (saved, settle_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < names->len && !ctx->failed; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (char *) names->pdata[i]);
      if (!settle_book_exec (ctx->book, sql, ctx->error))
        ctx->failed = TRUE;
    }
  return saved;
}

static void
restore_indexes (Ctx       *ctx,
                 GPtrArray *saved)
{
  for (guint i = 0; i < saved->len && !ctx->failed; i++)
    if (!settle_book_exec (ctx->book, saved->pdata[i], ctx->error))
      ctx->failed = TRUE;
}

static gboolean
book_is_empty (SettleBook *book,
               GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "SELECT (SELECT COUNT (*) FROM clients) + "
                                                  "(SELECT COUNT (*) FROM invoices)", error);
  gboolean empty = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int64 (stmt, 0) == 0;
  sqlite3_reset (stmt);
  if (!empty)
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                 _("The book “%s” already has clients or invoices; demo data goes into a new book"),
                 settle_book_get_path (book));
  return empty;
}

gboolean
settle_demo_generate (SettleBook              *book,
                      const SettleDemoOptions *opt,
                      SettleDemoProgressFunc   progress,
                      gpointer                 user_data,
                      GError                 **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autofree DemoClient *clients = NULL;
  g_autofree guint16 *issue_days = NULL;
  g_autofree guint *cumulative = NULL;
  g_autoptr(GPtrArray) indexes = NULL;
  Ctx ctx = { book, error, FALSE };
  GDate today, start;
  guint total_weight = 0, number = 0;
  gboolean bulk;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (opt != NULL && opt->n_clients > 0, FALSE);

  if (!book_is_empty (book, error))
    return FALSE;

  today = opt->today;
  if (!g_date_valid (&today))
    settle_today (&today);
  start = today;
  g_date_subtract_days (&start, HISTORY_DAYS - 1);
  rand = g_rand_new_with_seed (opt->seed);
  clients = g_new0 (DemoClient, opt->n_clients);
  bulk = opt->n_invoices > 20000;

  /* A big load skips the write-ahead log; the book is new, so a failure deletes nothing. */
  if (bulk)
    settle_book_exec (book, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = -262144", NULL);
  if (!settle_book_begin (book, error))
    return FALSE;

  {
    static const struct { const char *key, *value; } company[] = {
      { "company.name", "Bluefin Managed IT, LLC" },
      { "company.address", "410 Harbor Blvd, Suite 200\nPortland, OR 97201" },
      { "company.tax_id", "EIN 93-1234567" },
      { "company.email", "billing@bluefin-it.example.com" },
      { "company.phone", "(503) 555-0142" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (company) && !ctx.failed; i++)
      ctx.failed = !settle_book_set_setting (book, company[i].key, company[i].value, error);
    if (!ctx.failed)
      ctx.failed = !settle_book_set_setting (book, "currency", opt->currency, error);
  }

  make_clients (&ctx, rand, opt, &start, clients);
  cumulative = g_new (guint, opt->n_clients);
  for (guint c = 0; c < opt->n_clients; c++)
    cumulative[c] = (total_weight += clients[c].weight);
  issue_days = make_issue_days (rand, opt->n_invoices);
  if (bulk)
    indexes = drop_indexes (&ctx);

  for (guint i = 0; i < opt->n_invoices && !ctx.failed; i++)
    {
      DemoLine lines[8];
      guint n_lines, w, c = 0;
      DemoClient *client;
      GDate issue, due, paid_on;
      gint64 subtotal = 0, tax = 0, total, paid = 0;
      g_autofree char *issue_iso = NULL;
      g_autofree char *due_iso = NULL;
      g_autofree char *closed_iso = NULL;
      g_autofree char *number_text = NULL;
      g_autofree char *issued_at = NULL;
      const char *status;
      gboolean is_draft, is_void;
      SettleId invoice_id;
      sqlite3_stmt *stmt;
      int delay;

      w = g_rand_int_range (rand, 0, total_weight);
      while (cumulative[c] <= w)
        c++;
      client = &clients[c];
      issue = start;
      g_date_add_days (&issue, issue_days[i]);
      due = issue;
      g_date_add_days (&due, client->terms);
      n_lines = make_lines (rand, client, &issue, lines);
      for (guint l = 0; l < n_lines; l++)
        {
          /* Round half-up per line, the book's default rule. */
          gint64 net = (lines[l].qty_milli * lines[l].price + 500) / 1000;
          gint64 line_tax = (net * lines[l].tax_bp + 5000) / 10000;
          subtotal += net;
          tax += line_tax;
        }
      total = subtotal + tax;

      is_draft = issue_days[i] >= HISTORY_DAYS - 3 && chance (rand, 100);
      is_void = !is_draft && chance (rand, 5);
      delay = payment_delay (rand, client->habit);
      paid_on = due;
      if (delay > HISTORY_DAYS * 2 || (gint) g_date_get_julian (&due) + delay >
                                          (gint) g_date_get_julian (&today))
        g_date_clear (&paid_on, 1);
      else
        {
          g_date_add_days (&paid_on, MAX (delay, 0));
          if (delay < 0)
            {
              paid_on = due;
              g_date_subtract_days (&paid_on, MIN (-delay, client->terms));
            }
          if (g_date_compare (&paid_on, &issue) < 0)
            paid_on = issue;
        }

      issue_iso = iso (&issue);
      due_iso = iso (&due);
      issued_at = stamp (&issue, 9);
      if (is_draft)
        status = "draft";
      else if (is_void)
        {
          status = "void";
          closed_iso = g_strdup (issue_iso);
        }
      else if (g_date_valid (&paid_on))
        {
          status = "paid";
          paid = total;
          closed_iso = iso (&paid_on);
        }
      else
        status = "issued";
      if (!is_draft)
        number_text = g_strdup_printf ("INV-%06u", ++number);

      stmt = prep (&ctx, "INSERT INTO invoices (client_id, number, status, issue_date, due_date, "
                         "terms_days, currency, subtotal, tax_total, total, amount_paid, closed_on, "
                         "created_at, terms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, ?11, ?12, ?13)");
      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, client->id);
      settle_bind_text (stmt, 2, number_text);
      settle_bind_text (stmt, 3, status);
      settle_bind_text (stmt, 4, is_draft ? NULL : issue_iso);
      settle_bind_text (stmt, 5, is_draft ? NULL : due_iso);
      sqlite3_bind_int (stmt, 6, client->terms);
      settle_bind_text (stmt, 7, opt->currency);
      sqlite3_bind_int64 (stmt, 8, subtotal);
      sqlite3_bind_int64 (stmt, 9, tax);
      sqlite3_bind_int64 (stmt, 10, total);
      settle_bind_text (stmt, 11, closed_iso);
      settle_bind_text (stmt, 12, issued_at);
      {
        g_autofree char *terms = demo_terms_text (client->terms);
        settle_bind_text (stmt, 13, terms);
      }
      invoice_id = run (&ctx, stmt);

      for (guint l = 0; l < n_lines; l++)
        {
          gint64 net = (lines[l].qty_milli * lines[l].price + 500) / 1000;

          stmt = prep (&ctx, "INSERT INTO invoice_lines (invoice_id, position, description, "
                             "quantity_milli, unit_price, tax_rate_bp, net, tax) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
          if (stmt != NULL)
            {
              sqlite3_bind_int64 (stmt, 1, invoice_id);
              sqlite3_bind_int (stmt, 2, l + 1);
              settle_bind_text (stmt, 3, lines[l].description);
              sqlite3_bind_int64 (stmt, 4, lines[l].qty_milli);
              sqlite3_bind_int64 (stmt, 5, lines[l].price);
              sqlite3_bind_int (stmt, 6, lines[l].tax_bp);
              sqlite3_bind_int64 (stmt, 7, net);
              sqlite3_bind_int64 (stmt, 8, (net * lines[l].tax_bp + 5000) / 10000);
              run (&ctx, stmt);
            }
          g_free (lines[l].description);
        }
      log_activity (&ctx, issued_at, "invoice", invoice_id, is_draft ? "created" : "issued",
                    number_text);
      if (is_void)
        log_activity (&ctx, issued_at, "invoice", invoice_id, "voided", "Raised in error");

      if (!is_draft && !is_void)
        {
          /* Some unpaid invoices got part of their money; some paid ones came in two parts;
           * a few payments were more than owed and left a credit. */
          gboolean split = total > 100 && chance (rand, 120);
          g_autofree char *paid_iso = g_date_valid (&paid_on) ? iso (&paid_on) : NULL;

          if (paid == 0 && total > 100 && chance (rand, 150) && issue_days[i] < HISTORY_DAYS - 10)
            {
              GDate part_on = due;
              g_autofree char *part_iso = NULL;
              gint64 part = total / (2 + pick (rand, 3));
              SettleId pay;

              if (g_date_compare (&part_on, &today) > 0)
                part_on = today;
              part_iso = iso (&part_on);
              pay = insert_payment (&ctx, rand, client->id, part_iso, part, opt->currency);
              insert_application (&ctx, pay, invoice_id, client->id, part_iso, part);
              paid = part;
              status = "partial";
              log_activity (&ctx, part_iso, "invoice", invoice_id, "part-paid", NULL);
            }
          else if (paid_iso != NULL)
            {
              gint64 first = split ? total / 2 : total;
              gint64 over = chance (rand, 15) ? 5000 + pick (rand, 20) * 500 : 0;
              SettleId pay;

              if (split)
                {
                  GDate first_on = issue;
                  g_autofree char *first_iso = NULL;
                  int span = (int) g_date_days_between (&issue, &paid_on);

                  g_date_add_days (&first_on, span / 2);
                  first_iso = iso (&first_on);
                  pay = insert_payment (&ctx, rand, client->id, first_iso, first, opt->currency);
                  insert_application (&ctx, pay, invoice_id, client->id, first_iso, first);
                  first = total - first;
                }
              pay = insert_payment (&ctx, rand, client->id, paid_iso, first + over, opt->currency);
              insert_application (&ctx, pay, invoice_id, client->id, paid_iso, first);
              log_activity (&ctx, paid_iso, "invoice", invoice_id, "paid", NULL);
            }
          if (paid != 0 && paid != total)
            {
              stmt = prep (&ctx, "UPDATE invoices SET amount_paid = ?1, status = ?2 WHERE id = ?3");
              if (stmt != NULL)
                {
                  sqlite3_bind_int64 (stmt, 1, paid);
                  settle_bind_text (stmt, 2, status);
                  sqlite3_bind_int64 (stmt, 3, invoice_id);
                  run (&ctx, stmt);
                }
            }
          else if (paid == total)
            {
              stmt = prep (&ctx, "UPDATE invoices SET amount_paid = total WHERE id = ?1");
              if (stmt != NULL)
                {
                  sqlite3_bind_int64 (stmt, 1, invoice_id);
                  run (&ctx, stmt);
                }
            }
        }
      if (progress != NULL && (i % 10000) == 0)
        progress ((double) i / opt->n_invoices * 0.8, user_data);
    }

  if (indexes != NULL)
    restore_indexes (&ctx, indexes);
  if (progress != NULL)
    progress (0.9, user_data);

  /* The caches, from the rows they summarise. */
  if (!ctx.failed)
    ctx.failed = !settle_book_exec (book,
      "UPDATE clients SET "
      " balance = (SELECT COALESCE (SUM (i.total - i.amount_paid), 0) FROM invoices i "
      "   WHERE i.client_id = clients.id AND i.status IN ('issued', 'partial')), "
      " credit = (SELECT COALESCE (SUM (p.amount), 0) FROM payments p "
      "   WHERE p.client_id = clients.id AND p.status <> 'reversed') - "
      "  (SELECT COALESCE (SUM (a.amount), 0) FROM applications a "
      "   WHERE a.client_id = clients.id)", error);
  if (!ctx.failed)
    {
      sqlite3_stmt *stmt = prep (&ctx, "UPDATE number_series SET next_value = ?1 "
                                       "WHERE name = 'invoice'");
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, number + 1);
          run (&ctx, stmt);
        }
    }
  if (ctx.failed)
    {
      settle_book_rollback (book);
      return FALSE;
    }
  if (!settle_book_commit (book, error))
    return FALSE;
  if (!settle_demo_add_agreements (book, opt, error))
    return FALSE;
  if (bulk)
    settle_book_exec (book, "PRAGMA journal_mode = WAL; ANALYZE", NULL);
  else
    settle_book_exec (book, "ANALYZE", NULL);
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
