/* chronicle — internal: what cluster.c shares with cluster_list.c and
 * cluster_rebuild.c (day numbers, the schema text). Not public API. */
#ifndef CHR_CLUSTER_INT_H
#define CHR_CLUSTER_INT_H

#include <stdint.h>

/* Days since 1970-01-01 of "YYYY-MM-DD..." or INT32_MIN when not a date. */
int32_t chr_cluster_parse_day(const char *s);

/* "YYYY-MM-DD" of a day number, "" for INT32_MIN. */
void chr_cluster_format_day(int32_t day, char buf[11]);

/* CREATE statements of the story tables (IF NOT EXISTS). */
const char *chr_cluster_schema_sql(void);

#endif
