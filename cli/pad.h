/* chronicle CLI — cli/pad.h: columns in terminal cells, not bytes. */
#ifndef CHR_CLI_PAD_H
#define CHR_CLI_PAD_H

#include <stddef.h>
#include <stdio.h>

/* The display width of s[0..n) (UTF-8) in terminal cells: wide (CJK)
 * characters count two, combining marks none; invalid bytes one each. */
size_t cli_width(const char *s, size_t n);

/* Print s (NUL-terminated UTF-8) in a column `width` cells wide: padded
 * with spaces, or cut at a character boundary when longer and `cut` is set
 * (else printed whole). */
void cli_column(FILE *f, const char *s, size_t width, int cut);

#endif
