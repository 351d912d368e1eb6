/*
 * calendar.c: dates, instants, Europe/London and England and Wales bank
 * holidays, and the working-day arithmetic behind every due date (DESIGN §3).
 *
 * Owns: civil-date arithmetic (days since 1970-01-01, proleptic Gregorian),
 * the Europe/London offset rule, bank holidays by rule plus the one-off table
 * below, and the text forms of dates, instants and units.
 * Never: reads the clock, the TZ environment or the host's zoneinfo (no
 * mktime, localtime or tzset), allocates, or does I/O. Every answer is a pure
 * function of its arguments, so every machine and every replay agrees.
 * Called by: the timescale engine (due dates and their explanations), the
 * scheduler, the Lua boundary (working_days(n) and friends) and the CLI.
 *
 * The rules are today's rules applied to every year: BST as harmonised in
 * 1996, the early May holiday as introduced in 1978. Earlier years get the
 * modern rule, which is good enough for a case engine whose cases start in
 * this century.
 */
#include "calendar.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define DAY_SECS 86400
#define MAX_HOLIDAYS 16  /* the size of calendar_bank_holidays' out[] */

/*
 * One-off changes to England and Wales bank holidays since 1995 (gov.uk).
 * Dates are YYYYMMDD so the table reads like the proclamations. A row with
 * `replaces` moves that rule date to `date`; a row with 0 adds an extra day.
 */
static const struct {
	int date;
	int replaces;
	const char *why;
} oneoffs[] = {
	{ 19950508, 19950501, "VE Day 50th anniversary (early May moved)" },
	{ 19991231, 0,        "Millennium" },
	{ 20020603, 0,        "Golden Jubilee" },
	{ 20020604, 20020527, "spring bank holiday moved for the Golden Jubilee" },
	{ 20110429, 0,        "Royal wedding" },
	{ 20120604, 20120528, "spring bank holiday moved for the Diamond Jubilee" },
	{ 20120605, 0,        "Diamond Jubilee" },
	{ 20200508, 20200504, "VE Day 75th anniversary (early May moved)" },
	{ 20220602, 20220530, "spring bank holiday moved for the Platinum Jubilee" },
	{ 20220603, 0,        "Platinum Jubilee" },
	{ 20220919, 0,        "State Funeral of Queen Elizabeth II" },
	{ 20230508, 0,        "Coronation of King Charles III" },
};

/* Floor division, for instants before 1970. */
static int64_t floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/* days_from_civil (H. Hinnant): March-based years make the leap day last. */
int calendar_make_date(int year, int month, int day)
{
	int y = year - (month <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* civil_from_days (H. Hinnant), the inverse of calendar_make_date. */
void calendar_split_date(int date, int *year, int *month, int *day)
{
	int z = date + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int m = mp < 10 ? mp + 3 : mp - 9;

	*day = doy - (153 * mp + 2) / 5 + 1;
	*month = m;
	*year = yoe + era * 400 + (m <= 2);
}

/* ISO weekday: 1 = Monday .. 7 = Sunday. 1970-01-01 was a Thursday. */
int calendar_weekday(int date)
{
	int r = (date % 7 + 7) % 7;
	return (r + 3) % 7 + 1;
}

/* Reads exactly n ASCII digits; stops at the first non-digit (or NUL). */
static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

/* Parses "YYYY-MM-DD" at s without looking past it; 0 ok, -1 bad. */
static int parse_ymd(const char *s, int *date)
{
	int y, m, d;
	if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) ||
	    s[7] != '-' || !digits(s + 8, 2, &d))
		return -1;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*date = calendar_make_date(y, m, d);
	return 0;
}

/* Strict "YYYY-MM-DD": nothing before or after, a real day, 1900..9999. */
int calendar_parse_date(const char *s, int *date)
{
	if (!s || strlen(s) != 10)
		return -1;
	return parse_ymd(s, date);
}

/* Writes v as exactly n digits (no NUL); snprintf cannot prove the width. */
static void put_digits(char *out, unsigned v, int n)
{
	while (n-- > 0) {
		out[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* out must hold 11 bytes. Years outside 0..9999 are out of domain. */
void calendar_format_date(int date, char *out)
{
	int y, m, d;
	calendar_split_date(date, &y, &m, &d);
	memcpy(out, "YYYY-MM-DD", 11);
	put_digits(out, (unsigned)y, 4);
	put_digits(out + 5, (unsigned)m, 2);
	put_digits(out + 8, (unsigned)d, 2);
}

static int first_weekday(int y, int m, int wd)
{
	int first = calendar_make_date(y, m, 1);
	return first + (wd - calendar_weekday(first) + 7) % 7;
}

static int last_weekday(int y, int m, int wd)
{
	int last = calendar_make_date(y, m, days_in_month(y, m));
	return last - (calendar_weekday(last) - wd + 7) % 7;
}

/* Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
static int easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int n = h + l - 7 * m + 114;
	return calendar_make_date(y, n / 31, n % 31 + 1);
}

static int ymd_date(int yyyymmdd)
{
	return calendar_make_date(yyyymmdd / 10000, yyyymmdd / 100 % 100,
				  yyyymmdd % 100);
}

/*
 * All England and Wales bank holidays of year, ascending, into out (at least
 * 16 entries); returns the count. Rule dates first, then the one-off table
 * moves or adds days, then an insertion sort (ten entries at most).
 */
int calendar_bank_holidays(int year, int *out)
{
	int n = 0;
	int ny = calendar_make_date(year, 1, 1), w = calendar_weekday(ny);
	int xmas = calendar_make_date(year, 12, 25), e = easter(year);

	out[n++] = w == 6 ? ny + 2 : w == 7 ? ny + 1 : ny;
	out[n++] = e - 2;                             /* Good Friday */
	out[n++] = e + 1;                             /* Easter Monday */
	out[n++] = first_weekday(year, 5, 1);         /* early May */
	out[n++] = last_weekday(year, 5, 1);          /* spring */
	out[n++] = last_weekday(year, 8, 1);          /* summer */
	switch (calendar_weekday(xmas)) {
	case 5:  /* Boxing Day on Saturday: substitute Monday 28th */
		out[n++] = xmas;
		out[n++] = xmas + 3;
		break;
	case 6:  /* Christmas on Saturday: Monday 27th and Tuesday 28th */
		out[n++] = xmas + 2;
		out[n++] = xmas + 3;
		break;
	case 7:  /* Christmas on Sunday: Boxing Day Monday, substitute Tuesday */
		out[n++] = xmas + 1;
		out[n++] = xmas + 2;
		break;
	default:
		out[n++] = xmas;
		out[n++] = xmas + 1;
		break;
	}

	for (size_t i = 0; i < sizeof oneoffs / sizeof oneoffs[0]; i++) {
		if (oneoffs[i].date / 10000 != year)
			continue;
		int day = ymd_date(oneoffs[i].date), j = n;
		if (oneoffs[i].replaces) {
			int old = ymd_date(oneoffs[i].replaces);
			for (j = 0; j < n && out[j] != old; j++)
				;
			assert(j < n);  /* the table names a rule date that exists */
		}
		if (j == n) {
			assert(n < MAX_HOLIDAYS);
			n++;
		}
		out[j] = day;
	}

	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && out[j - 1] > out[j]; j--) {
			int t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return n;
}

/* A year's holidays, so day-by-day walks compute each year once. */
struct holiday_cache {
	int year;
	int n;
	int days[MAX_HOLIDAYS];
};

static int cached_holiday(struct holiday_cache *c, int date)
{
	int y, m, d;
	calendar_split_date(date, &y, &m, &d);
	if (c->n < 0 || c->year != y) {
		c->year = y;
		c->n = calendar_bank_holidays(y, c->days);
	}
	for (int i = 0; i < c->n; i++)
		if (c->days[i] == date)
			return 1;
	return 0;
}

/* 1 if date is an England and Wales bank holiday, else 0. */
int calendar_is_bank_holiday(int date)
{
	struct holiday_cache c = { .n = -1 };
	return cached_holiday(&c, date);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int is_closure(const struct calendar *cal, int date)
{
	if (!cal || !cal->closures || cal->nclosures == 0)
		return 0;
	return bsearch(&date, cal->closures, cal->nclosures, sizeof(int),
		       cmp_int) != NULL;
}

static int working(const struct calendar *cal, struct holiday_cache *c, int date)
{
	return calendar_weekday(date) <= 5 && !cached_holiday(c, date) &&
	       !is_closure(cal, date);
}

/* Monday to Friday, not a bank holiday, not a closure of cal (may be NULL). */
int calendar_is_working_day(const struct calendar *cal, int date)
{
	struct holiday_cache c = { .n = -1 };
	return working(cal, &c, date);
}

/*
 * The nth working day after date; date itself is day 0 whatever it is, so
 * n = 0 returns date. A negative n walks backwards (the |n|th working day
 * before date) rather than failing, so a bad script value cannot crash us.
 */
int calendar_add_working_days(const struct calendar *cal, int date, int n)
{
	struct holiday_cache c = { .n = -1 };
	int step = n < 0 ? -1 : 1;
	long left = labs((long)n);

	while (left > 0) {
		date += step;
		if (working(cal, &c, date))
			left--;
	}
	return date;
}

/* Same day-of-month n months later (n may be negative), clamped to month end. */
int calendar_add_months(int date, int n)
{
	int y, m, d;
	calendar_split_date(date, &y, &m, &d);
	long t = (long)y * 12 + (m - 1) + n;
	int ny = (int)floordiv(t, 12), nm = (int)(t - (long)ny * 12) + 1;
	int dim = days_in_month(ny, nm);
	return calendar_make_date(ny, nm, d < dim ? d : dim);
}

/* BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
 * Sunday of October (start inclusive, end exclusive); GMT otherwise. */
int calendar_london_offset(int64_t instant)
{
	int y, m, d;
	calendar_split_date((int)floordiv(instant, DAY_SECS), &y, &m, &d);
	int64_t start = (int64_t)last_weekday(y, 3, 7) * DAY_SECS + 3600;
	int64_t end = (int64_t)last_weekday(y, 10, 7) * DAY_SECS + 3600;
	return instant >= start && instant < end ? 3600 : 0;
}

/* The Europe/London calendar date on which instant falls. */
int calendar_local_date(int64_t instant)
{
	return (int)floordiv(instant + calendar_london_offset(instant), DAY_SECS);
}

/*
 * Local wall-clock h:m:s on date as a UTC instant. Try BST first, then GMT.
 * Overlap (last Sunday of October, 01:00-01:59 local happens twice): BST
 * wins, so the answer is the first occurrence. Gap (last Sunday of March,
 * 01:00-01:59 local never happens): neither reading is self-consistent and
 * we read it as GMT, i.e. shift forward by the gap (01:30 -> 02:30 BST), as
 * java.time and RFC 5545 do. Both choices are deterministic.
 */
int64_t calendar_local_instant(int date, int h, int m, int s)
{
	int64_t local = (int64_t)date * DAY_SECS + h * 3600 + m * 60 + s;
	if (calendar_london_offset(local - 3600) == 3600)
		return local - 3600;
	return local;
}

/* "Within n <unit> of anchor" (DESIGN §3): day units end at 23:59:59 local
 * on the resulting date, counted from the anchor's local date; hours are
 * exact elapsed time, so they ignore wall-clock changes. */
int64_t calendar_due(const struct calendar *cal, int64_t anchor,
		     enum calendar_unit unit, int n)
{
	int date = calendar_local_date(anchor);

	switch (unit) {
	case UNIT_HOURS:
		return anchor + (int64_t)n * 3600;
	case UNIT_WORKING_DAYS:
		date = calendar_add_working_days(cal, date, n);
		break;
	case UNIT_DAYS:
		date += n;
		break;
	case UNIT_WEEKS:
		date += 7 * n;
		break;
	case UNIT_MONTHS:
		date = calendar_add_months(date, n);
		break;
	}
	return calendar_local_instant(date, 23, 59, 59);
}

/* Non-working weekdays in (from, to]; writes at most max, returns the total. */
int calendar_skipped(const struct calendar *cal, int from, int to, int *out,
		     int max)
{
	struct holiday_cache c = { .n = -1 };
	int count = 0;

	for (int d = from + 1; d <= to; d++) {
		if (calendar_weekday(d) > 5 || working(cal, &c, d))
			continue;
		if (count < max)
			out[count] = d;
		count++;
	}
	return count;
}

/*
 * Instants, strictly: "YYYY-MM-DD" (09:00 local), "YYYY-MM-DDTHH:MM[:SS]"
 * (local), or that followed by "Z" or "+HH:MM"/"-HH:MM" (RFC 3339 offsets,
 * hours 00..23). Upper-case T and Z only; no fractional seconds, no leap
 * seconds. 0 ok (sets *instant), -1 bad (leaves it alone).
 */
int calendar_parse_instant(const char *s, int64_t *instant)
{
	int date, hh, mi, ss = 0, oh, om;
	const char *p;

	if (!s || strlen(s) < 10 || parse_ymd(s, &date) != 0)
		return -1;
	p = s + 10;
	if (*p == '\0') {
		*instant = calendar_local_instant(date, 9, 0, 0);
		return 0;
	}
	if (*p != 'T' || !digits(p + 1, 2, &hh) || p[3] != ':' ||
	    !digits(p + 4, 2, &mi))
		return -1;
	p += 6;
	if (*p == ':') {
		if (!digits(p + 1, 2, &ss))
			return -1;
		p += 3;
	}
	if (hh > 23 || mi > 59 || ss > 59)
		return -1;

	int64_t utc = (int64_t)date * DAY_SECS + hh * 3600 + mi * 60 + ss;
	if (*p == '\0') {
		*instant = calendar_local_instant(date, hh, mi, ss);
		return 0;
	}
	if (p[0] == 'Z' && p[1] == '\0') {
		*instant = utc;
		return 0;
	}
	if ((*p == '+' || *p == '-') && digits(p + 1, 2, &oh) && p[3] == ':' &&
	    digits(p + 4, 2, &om) && p[6] == '\0' && oh <= 23 && om <= 59) {
		int off = oh * 3600 + om * 60;
		*instant = *p == '+' ? utc - off : utc + off;
		return 0;
	}
	return -1;
}

/* "YYYY-MM-DDTHH:MM:SSZ" into out (21 bytes), always UTC. */
void calendar_format_instant(int64_t instant, char *out)
{
	int64_t days = floordiv(instant, DAY_SECS);
	int secs = (int)(instant - days * DAY_SECS);

	calendar_format_date((int)days, out);
	memcpy(out + 10, "THH:MM:SSZ", 11);
	put_digits(out + 11, (unsigned)(secs / 3600), 2);
	put_digits(out + 14, (unsigned)(secs / 60 % 60), 2);
	put_digits(out + 17, (unsigned)(secs % 60), 2);
}

static const struct {
	const char *name;
	enum calendar_unit unit;
} unit_names[] = {
	{ "working_days", UNIT_WORKING_DAYS },
	{ "working-days", UNIT_WORKING_DAYS },
	{ "working_day",  UNIT_WORKING_DAYS },
	{ "working-day",  UNIT_WORKING_DAYS },
	{ "days",         UNIT_DAYS },
	{ "day",          UNIT_DAYS },
	{ "weeks",        UNIT_WEEKS },
	{ "week",         UNIT_WEEKS },
	{ "months",       UNIT_MONTHS },
	{ "month",        UNIT_MONTHS },
	{ "hours",        UNIT_HOURS },
	{ "hour",         UNIT_HOURS },
};

/* Unit from its name (exact, lower case; singular, plural, - or _). */
int calendar_parse_unit(const char *s, enum calendar_unit *unit)
{
	for (size_t i = 0; s && i < sizeof unit_names / sizeof unit_names[0]; i++)
		if (strcmp(s, unit_names[i].name) == 0) {
			*unit = unit_names[i].unit;
			return 0;
		}
	return -1;
}

/* The canonical name of unit: a static string, not owned by the caller. */
const char *calendar_unit_name(enum calendar_unit unit)
{
	switch (unit) {
	case UNIT_WORKING_DAYS: return "working_days";
	case UNIT_DAYS:         return "days";
	case UNIT_WEEKS:        return "weeks";
	case UNIT_MONTHS:       return "months";
	case UNIT_HOURS:        return "hours";
	}
	return "unknown";
}

int calendar_parse_until(const char *s, int64_t *instant)
{
	int date;
	if (calendar_parse_date(s, &date) == 0) {
		*instant = calendar_local_instant(date, 23, 59, 59);
		return 0;
	}
	return calendar_parse_instant(s, instant);
}
