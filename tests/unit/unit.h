/* chronicle — minimal unit-test harness shared by tests/unit/test_*.c.
 * Each TEST(name) is one test; a test passes when none of its CHECKs fail.
 * Output is one "ok NAME" / "not ok NAME" line per test (read by
 * tests/run.sh, which prints the "N passed, N failed" total). */
#ifndef CHR_UNIT_H
#define CHR_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failed_checks;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "  %s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);             \
            unit_failed_checks++;                                                                  \
        }                                                                                          \
    } while (0)

#define CHECK_STR(a, b)                                                                            \
    do {                                                                                           \
        const char *unit_a_ = (a), *unit_b_ = (b);                                                 \
        if (!unit_a_ || !unit_b_ || strcmp(unit_a_, unit_b_) != 0) {                               \
            fprintf(stderr, "  %s:%d: CHECK_STR failed: %s = \"%s\", expected \"%s\"\n", __FILE__, \
                    __LINE__, #a, unit_a_ ? unit_a_ : "(null)", unit_b_ ? unit_b_ : "(null)");     \
            unit_failed_checks++;                                                                  \
        }                                                                                          \
    } while (0)

#define CHECK_INT(a, b)                                                                            \
    do {                                                                                           \
        long long unit_a_ = (long long)(a), unit_b_ = (long long)(b);                              \
        if (unit_a_ != unit_b_) {                                                                  \
            fprintf(stderr, "  %s:%d: CHECK_INT failed: %s = %lld, expected %lld\n", __FILE__,     \
                    __LINE__, #a, unit_a_, unit_b_);                                               \
            unit_failed_checks++;                                                                  \
        }                                                                                          \
    } while (0)

typedef void (*unit_fn)(void);

/* Run one test function and print its verdict. */
static inline void unit_run(const char *name, unit_fn fn, int *passed, int *failed)
{
    int before = unit_failed_checks;
    fn();
    if (unit_failed_checks == before) {
        printf("ok %s\n", name);
        (*passed)++;
    } else {
        printf("not ok %s\n", name);
        (*failed)++;
    }
    fflush(stdout);
}

#define TEST(name) static void name(void)
#define RUN(name) unit_run(#name, name, &unit_passed, &unit_failed)
#define UNIT_MAIN_BEGIN                                                                            \
    int main(void)                                                                                 \
    {                                                                                              \
        int unit_passed = 0, unit_failed = 0;
#define UNIT_MAIN_END                                                                              \
    return unit_failed ? 1 : 0;                                                                    \
    }

#endif
