/* chronicle CLI — what `run` prints after ingesting: every story with its
 * timeline once the story and timeline stages exist; until then, the
 * articles with their dates. */
#include <sqlite3.h>

#include "cli.h"

int cli_print_overview(cli_opts *g, chr_store *st);

int cli_print_overview(cli_opts *g, chr_store *st)
{
    (void)g;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(chr_store_sqlite(st),
                           "SELECT id, coalesce(pub_date,'unknown'), coalesce(pub_date_source,''),"
                           " coalesce(outlet,'-'), source,"
                           " (SELECT count(*) FROM timexes t WHERE t.article_id = a.id)"
                           " FROM articles a ORDER BY pub_date, id",
                           -1, &q, NULL) != SQLITE_OK)
        return EXIT_FATAL;
    printf("%5s  %-10s %-9s %-12s %6s  %s\n", "ID", "PUBLISHED", "(FROM)", "OUTLET", "DATES", "SOURCE");
    while (sqlite3_step(q) == SQLITE_ROW)
        printf("%5lld  %-10s %-9s %-12.12s %6d  %s\n", (long long)sqlite3_column_int64(q, 0),
               sqlite3_column_text(q, 1), sqlite3_column_text(q, 2), sqlite3_column_text(q, 3),
               sqlite3_column_int(q, 5), sqlite3_column_text(q, 4));
    sqlite3_finalize(q);
    return EXIT_OK;
}
