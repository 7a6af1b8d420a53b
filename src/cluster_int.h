/* chronicle — internal: what cluster.c shares with the other cluster_*.c
 * files (day numbers). Not public API. */
#ifndef CHR_CLUSTER_INT_H
#define CHR_CLUSTER_INT_H

#include <stdint.h>

/* Days since 1970-01-01 of "YYYY-MM-DD..." or INT32_MIN when not a date. */
int32_t chr_cluster_parse_day(const char *s);

/* "YYYY-MM-DD" of a day number, "" for INT32_MIN. */
void chr_cluster_format_day(int32_t day, char buf[11]);

/* Entry i of a stored centroid (8 bytes each: term id then weight, both
 * little-endian; entries ascend by term). */
void chr_cluster_blob_get(const unsigned char *blob, size_t i, uint32_t *term, float *w);

#endif
