/* chronicle — src/grow.h: the one growable-array helper the modules share
 * (internal, not installed). */
#ifndef CHR_GROW_H
#define CHR_GROW_H

#include <stdlib.h>

/* Grow *arr (of elem-sized items, capacity *cap) so that it holds at least
 * need items, doubling from 16; 0 on success, -1 when out of memory (*arr
 * and *cap unchanged). */
static inline int chr_grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    void *p = realloc(*arr, c * elem);
    if (!p)
        return -1;
    *arr = p;
    *cap = c;
    return 0;
}

#endif
