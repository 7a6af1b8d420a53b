/* chronicle — calendar arithmetic shared by the stages (internal, not a
 * public API): days since 1970-01-01 of a proleptic Gregorian date, by
 * H. Hinnant's days_from_civil. Page dates, time expressions, the
 * pipeline's publication dates and the story window all count days so. */
#ifndef CHR_CIVIL_H
#define CHR_CIVIL_H

static inline long chr_civil_days(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

#endif
