/*
 * calendar.h: dates, instants and the working-day arithmetic of DESIGN.md §3.
 *
 * A *date* is a local calendar date in Europe/London, held as days since
 * 1970-01-01 (int). An *instant* is seconds since the Unix epoch, UTC
 * (int64_t). Europe/London is computed by rule (GMT, BST from 01:00 UTC on the
 * last Sunday of March to 01:00 UTC on the last Sunday of October), never from
 * the host's TZ database, so every machine and every replay agrees.
 *
 * England and Wales bank holidays are computed by rule for any year (New
 * Year's Day, Good Friday, Easter Monday, early May, spring, summer, Christmas
 * and Boxing Day, with substitute days) plus a table of one-off changes since
 * 1995. An authority adds its own closure days through struct calendar.
 *
 * Pure functions: no I/O, no clock, no allocation except where stated.
 */
#ifndef CASEWORK_CALENDAR_H
#define CASEWORK_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

enum calendar_unit {
	UNIT_WORKING_DAYS,
	UNIT_DAYS,
	UNIT_WEEKS,
	UNIT_MONTHS,
	UNIT_HOURS
};

/* An authority's calendar: bank-holiday region plus declared closure days. */
struct calendar {
	const int *closures;   /* sorted ascending dates; borrowed, not owned */
	size_t nclosures;
};

/* "YYYY-MM-DD", strictly (a real date, years 1900..9999). 0 ok, -1 bad. */
int calendar_parse_date(const char *s, int *date);
/* Writes "YYYY-MM-DD" and NUL into out (at least 11 bytes). */
void calendar_format_date(int date, char *out);
int calendar_make_date(int year, int month, int day);        /* no validation */
void calendar_split_date(int date, int *year, int *month, int *day);
int calendar_weekday(int date);                              /* 1 = Monday .. 7 = Sunday */

/* England and Wales bank holidays in year, ascending, into out[16]; returns count. */
int calendar_bank_holidays(int year, int *out);
int calendar_is_bank_holiday(int date);
/* Mon-Fri, not a bank holiday, not a closure day of cal (cal may be NULL). */
int calendar_is_working_day(const struct calendar *cal, int date);
/* The nth working day after date (date itself is day 0, working or not). n >= 0. */
int calendar_add_working_days(const struct calendar *cal, int date, int n);
/* Same day-of-month n months later, clamped to the month's last day. */
int calendar_add_months(int date, int n);

/* Local date (Europe/London) of an instant. */
int calendar_local_date(int64_t instant);
/* The instant of local wall-clock time h:m:s on date (Europe/London). */
int64_t calendar_local_instant(int date, int h, int m, int s);
/* UTC offset in seconds (0 or 3600) in force at instant in Europe/London. */
int calendar_london_offset(int64_t instant);

/*
 * The due instant for "within n <unit> of anchor" per DESIGN.md §3: for day
 * units 23:59:59 local on the resulting date; for hours anchor + n*3600.
 */
int64_t calendar_due(const struct calendar *cal, int64_t anchor,
		     enum calendar_unit unit, int n);

/*
 * Non-working weekdays (bank holidays and closures) strictly after from and up
 * to and including to, written to out (at most max); returns how many there
 * are (may exceed max). Used to explain a due date.
 */
int calendar_skipped(const struct calendar *cal, int from, int to, int *out, int max);

/*
 * Instants: accepts "YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)" and a bare
 * "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" read as Europe/London local time
 * (a bare date is 09:00 local). 0 ok, -1 bad.
 */
int calendar_parse_instant(const char *s, int64_t *instant);
/*
 * "Up to and including": a bare date means 23:59:59 Europe/London that day
 * (as-of views, due-before filters, expected due dates); anything else is
 * read as calendar_parse_instant reads it. 0 ok, -1 bad.
 */
int calendar_parse_until(const char *s, int64_t *instant);
/* Writes "YYYY-MM-DDTHH:MM:SSZ" and NUL into out (at least 21 bytes). */
void calendar_format_instant(int64_t instant, char *out);

/* "working_days", "working-days", "days", "weeks", "months", "hours" -> unit. 0 ok, -1 bad. */
int calendar_parse_unit(const char *s, enum calendar_unit *unit);
const char *calendar_unit_name(enum calendar_unit unit);  /* "working_days" ... */

#endif
