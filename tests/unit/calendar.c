/*
 * tests/unit/calendar.c: engine/calendar.c against the gov.uk bank holiday
 * lists, the Europe/London rule and DESIGN §3's due-date table.
 *
 * Hermetic: no clock, no files. TZ is set to a foreign zone first so that any
 * accidental use of libc time zones shows up as a wrong answer.
 */
#include "calendar.h"
#include "tap.h"

#include <stdlib.h>
#include <time.h>

/* A date literal; an unparseable literal is a bug in the test. */
static int D(const char *s)
{
	int d = 0;
	if (calendar_parse_date(s, &d) != 0) {
		printf("Bail out! bad date literal %s\n", s);
		exit(255);
	}
	return d;
}

static int64_t I(const char *s)
{
	int64_t t = 0;
	if (calendar_parse_instant(s, &t) != 0) {
		printf("Bail out! bad instant literal %s\n", s);
		exit(255);
	}
	return t;
}

static const char *fmt_date(int d)
{
	static char buf[4][11];
	static int i;
	i = (i + 1) % 4;
	calendar_format_date(d, buf[i]);
	return buf[i];
}

static const char *fmt_instant(int64_t t)
{
	static char buf[4][21];
	static int i;
	i = (i + 1) % 4;
	calendar_format_instant(t, buf[i]);
	return buf[i];
}

/* A year's holidays as "YYYY-MM-DD YYYY-MM-DD ...", for readable diffs. */
static const char *holidays(int year)
{
	static char buf[16 * 11 + 1];
	int h[16], n = calendar_bank_holidays(year, h);
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, fmt_date(h[i]));
	}
	return buf;
}

static void test_dates(void)
{
	is_int(calendar_make_date(1970, 1, 1), 0, "epoch is day 0");
	is_int(calendar_make_date(2000, 1, 1), 10957, "2000-01-01 is day 10957");
	is_int(calendar_make_date(1900, 1, 1), -25567, "1900-01-01 is day -25567");
	is_int(calendar_weekday(0), 4, "1970-01-01 was a Thursday");
	is_int(calendar_weekday(D("2025-04-18")), 5, "2025-04-18 is a Friday");
	is_int(calendar_weekday(D("1900-01-01")), 1, "1900-01-01 was a Monday");
	is_int(calendar_weekday(D("2026-12-26")), 6, "2026-12-26 is a Saturday");
	is_int(calendar_weekday(D("2022-12-25")), 7, "2022-12-25 is a Sunday");

	int bad = 0, prev = calendar_make_date(1899, 12, 31);
	for (int d = D("1900-01-01"); d <= D("2400-12-31"); d++) {
		int y, m, dd, back = 0;
		char s[11];
		calendar_split_date(d, &y, &m, &dd);
		calendar_format_date(d, s);
		if (calendar_make_date(y, m, dd) != d || d != prev + 1 ||
		    calendar_parse_date(s, &back) != 0 || back != d ||
		    calendar_weekday(d) != calendar_weekday(prev) % 7 + 1)
			bad++;
		prev = d;
	}
	is_int(bad, 0, "every day 1900..2400 splits, formats and parses back");

	static const char *const good[] = { "2024-02-29", "2000-02-29",
		"1900-01-01", "9999-12-31", "2025-12-31", "2025-04-30" };
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		int d = -1;
		ok(calendar_parse_date(good[i], &d) == 0 &&
		   strcmp(fmt_date(d), good[i]) == 0, "parse date %s", good[i]);
	}
	static const char *const reject[] = { "2025-02-29", "1900-02-29",
		"2100-02-29", "2025-02-30", "2025-04-31", "2025-2-3", "2025-02-3",
		"2025-13-01", "2025-00-10", "2025-01-00", "2025-01-32",
		"2025-01-01x", "2025-01-01 ", " 2025-01-01", "1899-12-31",
		"20250101", "2025/01/01", "+025-01-01", "2025-01-01T09:00Z", "",
		"garbage" };
	for (size_t i = 0; i < sizeof reject / sizeof reject[0]; i++) {
		int d = 12345;
		ok(calendar_parse_date(reject[i], &d) == -1 && d == 12345,
		   "reject date '%s'", reject[i]);
	}
	int d = 12345;
	ok(calendar_parse_date(NULL, &d) == -1, "reject NULL date");
}

static void test_easter(void)
{
	/* Easter Sunday; Good Friday and Easter Monday must be the holidays and
	 * the Friday a week earlier must not (a week after may be early May). */
	static const char *const sundays[] = { "2000-04-23", "2001-04-15",
		"2002-03-31", "2003-04-20", "2004-04-11", "2005-03-27",
		"2006-04-16", "2007-04-08", "2008-03-23", "2009-04-12",
		"2010-04-04", "2011-04-24", "2012-04-08", "2013-03-31",
		"2014-04-20", "2015-04-05", "2016-03-27", "2017-04-16",
		"2018-04-01", "2019-04-21", "2020-04-12", "2021-04-04",
		"2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20",
		"2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01",
		"2030-04-21", "2038-04-25", "2285-03-22", "1943-04-25" };
	for (size_t i = 0; i < sizeof sundays / sizeof sundays[0]; i++) {
		int e = D(sundays[i]);
		ok(calendar_weekday(e) == 7 && calendar_is_bank_holiday(e - 2) &&
		   calendar_is_bank_holiday(e + 1) && !calendar_is_bank_holiday(e - 9),
		   "Easter %s: Good Friday and Easter Monday", sundays[i]);
	}
}

static void test_bank_holidays(void)
{
	static const struct { int year; const char *list; } gov[] = {
		{ 1995, "1995-01-02 1995-04-14 1995-04-17 1995-05-08 1995-05-29 1995-08-28 1995-12-25 1995-12-26" },
		{ 1999, "1999-01-01 1999-04-02 1999-04-05 1999-05-03 1999-05-31 1999-08-30 1999-12-27 1999-12-28 1999-12-31" },
		{ 2002, "2002-01-01 2002-03-29 2002-04-01 2002-05-06 2002-06-03 2002-06-04 2002-08-26 2002-12-25 2002-12-26" },
		{ 2011, "2011-01-03 2011-04-22 2011-04-25 2011-04-29 2011-05-02 2011-05-30 2011-08-29 2011-12-26 2011-12-27" },
		{ 2012, "2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 2012-12-25 2012-12-26" },
		{ 2016, "2016-01-01 2016-03-25 2016-03-28 2016-05-02 2016-05-30 2016-08-29 2016-12-26 2016-12-27" },
		{ 2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28" },
		{ 2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28" },
		{ 2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27" },
		{ 2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26" },
		{ 2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26" },
		{ 2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26" },
		{ 2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28" },
		{ 2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28" },
	};
	for (size_t i = 0; i < sizeof gov / sizeof gov[0]; i++)
		is_str(holidays(gov[i].year), gov[i].list, "bank holidays %d",
		       gov[i].year);

	static const char *const moved[] = { "1995-05-01", "2002-05-27",
		"2012-05-28", "2020-05-04", "2022-05-30" };
	for (size_t i = 0; i < sizeof moved / sizeof moved[0]; i++)
		ok(!calendar_is_bank_holiday(D(moved[i])),
		   "%s was moved, not a holiday", moved[i]);
	ok(calendar_is_bank_holiday(D("2023-05-08")), "Coronation 2023-05-08");
	ok(calendar_is_bank_holiday(D("2022-09-19")), "State funeral 2022-09-19");
	ok(!calendar_is_bank_holiday(D("2025-05-08")), "2025-05-08 is not a holiday");
	ok(!calendar_is_bank_holiday(D("2026-12-26")), "Saturday 2026-12-26 is not itself the holiday");

	int bad = 0;
	for (int y = 1900; y <= 2500; y++) {
		int h[16], n = calendar_bank_holidays(y, h);
		int extra = y == 1999 || y == 2002 || y == 2011 || y == 2012 ||
			    y == 2023 ? 1 : y == 2022 ? 2 : 0;
		if (n != 8 + extra)
			bad++;
		for (int i = 0; i < n; i++) {
			int yy, m, d;
			calendar_split_date(h[i], &yy, &m, &d);
			if (yy != y || calendar_weekday(h[i]) > 5 ||
			    (i && h[i] <= h[i - 1]) || !calendar_is_bank_holiday(h[i]))
				bad++;
		}
	}
	is_int(bad, 0, "1900..2500: right count, ascending, all weekdays, in year");
}

static void test_working_days(void)
{
	is_str(fmt_date(calendar_add_working_days(NULL, D("2025-04-17"), 3)),
	       "2025-04-24", "2025-04-17 + 3 working days over Easter");
	is_str(fmt_date(calendar_add_working_days(NULL, D("2026-12-24"), 1)),
	       "2026-12-29", "2026-12-24 + 1: Boxing Day substituted to 28th");
	is_str(fmt_date(calendar_add_working_days(NULL, D("2022-06-01"), 1)),
	       "2022-06-06", "2022-06-01 + 1 over the Platinum Jubilee");
	is_str(fmt_date(calendar_add_working_days(NULL, D("2020-05-07"), 1)),
	       "2020-05-11", "2020-05-07 + 1 over VE Day");
	is_str(fmt_date(calendar_add_working_days(NULL, D("2025-06-04"), 0)),
	       "2025-06-04", "n = 0 returns the date");
	is_str(fmt_date(calendar_add_working_days(NULL, D("2025-06-07"), 0)),
	       "2025-06-07", "n = 0 on a Saturday returns the Saturday");
	is_str(fmt_date(calendar_add_working_days(NULL, D("2025-06-07"), 1)),
	       "2025-06-09", "Saturday anchor is day 0: +1 is Monday");
	is_str(fmt_date(calendar_add_working_days(NULL, D("2025-06-08"), 1)),
	       "2025-06-09", "Sunday anchor is day 0: +1 is Monday");
	is_str(fmt_date(calendar_add_working_days(NULL, D("2025-04-18"), 1)),
	       "2025-04-22", "Good Friday anchor is day 0: +1 is Tuesday");
	is_str(fmt_date(calendar_add_working_days(NULL, D("2025-06-02"), 20)),
	       "2025-06-30", "2025-06-02 + 20 working days");
	is_str(fmt_date(calendar_add_working_days(NULL, D("2025-06-09"), -1)),
	       "2025-06-06", "negative n walks back");
	ok(calendar_is_working_day(NULL, D("2025-06-04")), "Wednesday works");
	ok(!calendar_is_working_day(NULL, D("2025-06-07")), "Saturday does not");
	ok(!calendar_is_working_day(NULL, D("2025-12-25")), "Christmas does not");

	/* Closures: sorted, some on weekends, more than one for bsearch. */
	int closed[] = { D("2025-08-01"), D("2025-12-27"), D("2025-12-29"),
			 D("2025-12-30"), D("2025-12-31"), D("2026-02-16") };
	struct calendar cal = { closed, sizeof closed / sizeof closed[0] };
	is_str(fmt_date(calendar_add_working_days(NULL, D("2025-12-24"), 1)),
	       "2025-12-29", "no closures: 2025-12-24 + 1 = 29th");
	is_str(fmt_date(calendar_add_working_days(&cal, D("2025-12-24"), 1)),
	       "2026-01-02", "closures 29-31 Dec skipped");
	is_str(fmt_date(calendar_add_working_days(&cal, D("2026-02-13"), 1)),
	       "2026-02-17", "closure 2026-02-16 (last in table) skipped");
	is_str(fmt_date(calendar_add_working_days(&cal, D("2025-07-31"), 1)),
	       "2025-08-04", "closure 2025-08-01 (first in table) skipped");
	ok(!calendar_is_working_day(&cal, D("2025-12-30")), "closure is not working");
	ok(calendar_is_working_day(&cal, D("2025-12-23")), "day before is working");
	struct calendar empty = { NULL, 0 };
	ok(calendar_is_working_day(&empty, D("2025-12-30")), "empty calendar");

	int out[8];
	int n = calendar_skipped(&cal, D("2025-12-24"), D("2026-01-02"), out, 8);
	is_int(n, 6, "skipped count 2025-12-24..2026-01-02 with closures");
	char list[128] = "";
	for (int i = 0; i < n && i < 8; i++) {
		strcat(list, i ? " " : "");
		strcat(list, fmt_date(out[i]));
	}
	is_str(list, "2025-12-25 2025-12-26 2025-12-29 2025-12-30 2025-12-31 2026-01-01",
	       "skipped lists holidays and weekday closures, not weekends");
	is_int(calendar_skipped(NULL, D("2025-04-17"), D("2025-04-24"), out, 1), 2,
	       "skipped over Easter counts 2 even when max is 1");
	is_str(fmt_date(out[0]), "2025-04-18", "and writes the first");
	out[1] = -99999;
	calendar_skipped(NULL, D("2025-04-17"), D("2025-04-24"), out, 1);
	is_int(out[1], -99999, "and writes nothing past max");
	is_int(calendar_skipped(NULL, D("2025-04-18"), D("2025-04-21"), out, 8), 1,
	       "skipped excludes from, includes to");
	is_str(fmt_date(out[0]), "2025-04-21", "that one is Easter Monday");
	is_int(calendar_skipped(NULL, D("2025-06-02"), D("2025-06-30"), NULL, 0), 0,
	       "no holidays in June 2025");
}

static void test_months(void)
{
	static const struct { const char *from; int n; const char *to; } cases[] = {
		{ "2025-01-31", 1, "2025-02-28" }, { "2024-01-31", 1, "2024-02-29" },
		{ "2025-01-15", 1, "2025-02-15" }, { "2025-11-30", 3, "2026-02-28" },
		{ "2025-08-31", 1, "2025-09-30" }, { "2025-03-31", -1, "2025-02-28" },
		{ "2024-02-29", 12, "2025-02-28" }, { "2025-06-10", 0, "2025-06-10" },
		{ "2025-10-31", 14, "2026-12-31" }, { "2025-01-10", -13, "2023-12-10" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		is_str(fmt_date(calendar_add_months(D(cases[i].from), cases[i].n)),
		       cases[i].to, "%s %+d months", cases[i].from, cases[i].n);
}

static void test_london(void)
{
	is_int(calendar_london_offset(I("2026-03-29T00:59:59Z")), 0, "GMT until 01:00Z 2026-03-29");
	is_int(calendar_london_offset(I("2026-03-29T01:00:00Z")), 3600, "BST from 01:00Z 2026-03-29");
	is_int(calendar_london_offset(I("2026-10-25T00:59:59Z")), 3600, "BST until 01:00Z 2026-10-25");
	is_int(calendar_london_offset(I("2026-10-25T01:00:00Z")), 0, "GMT from 01:00Z 2026-10-25");
	is_int(calendar_london_offset(I("2025-03-30T01:00:00Z")), 3600, "BST starts 2025-03-30");
	is_int(calendar_london_offset(I("2025-03-23T12:00:00Z")), 0, "GMT a week before");
	is_int(calendar_london_offset(I("2025-10-26T00:30:00Z")), 3600, "BST ends 2025-10-26");
	is_str(fmt_date(calendar_local_date(I("2025-06-01T23:30:00Z"))), "2025-06-02",
	       "23:30Z in summer is the next local day");
	is_str(fmt_date(calendar_local_date(I("2025-12-01T23:30:00Z"))), "2025-12-01",
	       "23:30Z in winter is the same local day");
	is_str(fmt_date(calendar_local_date(I("1969-12-31T12:00:00Z"))), "1969-12-31",
	       "local date before the epoch rounds down");
	is_str(fmt_instant(calendar_local_instant(D("2026-03-29"), 1, 30, 0)),
	       "2026-03-29T01:30:00Z", "gap: 01:30 local shifts forward to 02:30 BST");
	is_str(fmt_instant(calendar_local_instant(D("2026-03-29"), 0, 59, 59)),
	       "2026-03-29T00:59:59Z", "just before the gap is GMT");
	is_str(fmt_instant(calendar_local_instant(D("2026-03-29"), 2, 0, 0)),
	       "2026-03-29T01:00:00Z", "02:00 after the gap is BST");
	is_str(fmt_instant(calendar_local_instant(D("2026-10-25"), 1, 30, 0)),
	       "2026-10-25T00:30:00Z", "overlap: 01:30 local is the first (BST) one");
	is_str(fmt_instant(calendar_local_instant(D("2026-10-25"), 0, 59, 59)),
	       "2026-10-24T23:59:59Z", "before the overlap is BST");
	is_str(fmt_instant(calendar_local_instant(D("2026-10-25"), 2, 0, 0)),
	       "2026-10-25T02:00:00Z", "02:00 after the overlap is GMT");
}

static void test_due(void)
{
	is_str(fmt_instant(calendar_due(NULL, I("2025-06-02T10:00:00Z"), UNIT_DAYS, 3)),
	       "2025-06-05T22:59:59Z", "summer: 23:59:59 BST is 22:59:59Z");
	is_str(fmt_instant(calendar_due(NULL, I("2025-01-06T10:00:00Z"), UNIT_DAYS, 1)),
	       "2025-01-07T23:59:59Z", "winter: 23:59:59 GMT");
	is_str(fmt_instant(calendar_due(NULL, I("2025-04-17T10:00:00+01:00"), UNIT_WORKING_DAYS, 3)),
	       "2025-04-24T22:59:59Z", "3 working days over Easter");
	is_str(fmt_instant(calendar_due(NULL, I("2025-06-01T23:30:00Z"), UNIT_WORKING_DAYS, 1)),
	       "2025-06-03T22:59:59Z", "anchor's local date (Mon 2 June) is day 0");
	is_str(fmt_instant(calendar_due(NULL, I("2025-06-04T15:00:00Z"), UNIT_WORKING_DAYS, 0)),
	       "2025-06-04T22:59:59Z", "0 working days: end of the anchor's day");
	is_str(fmt_instant(calendar_due(NULL, I("2026-03-27T10:00:00Z"), UNIT_WORKING_DAYS, 1)),
	       "2026-03-30T22:59:59Z", "working day across the clocks going forward");
	is_str(fmt_instant(calendar_due(NULL, I("2025-03-03T10:00:00Z"), UNIT_WEEKS, 2)),
	       "2025-03-17T23:59:59Z", "2 weeks in winter");
	is_str(fmt_instant(calendar_due(NULL, I("2025-03-20T10:00:00Z"), UNIT_WEEKS, 2)),
	       "2025-04-03T22:59:59Z", "2 weeks across the clocks going forward");
	is_str(fmt_instant(calendar_due(NULL, I("2025-01-31T12:00:00Z"), UNIT_MONTHS, 1)),
	       "2025-02-28T23:59:59Z", "1 month from 31 January clamps");
	is_str(fmt_instant(calendar_due(NULL, I("2025-07-15T12:00:00Z"), UNIT_MONTHS, 3)),
	       "2025-10-15T22:59:59Z", "3 months to a BST date");
	is_str(fmt_instant(calendar_due(NULL, I("2026-03-28T12:00:00Z"), UNIT_HOURS, 24)),
	       "2026-03-29T12:00:00Z", "24 hours across 2026-03-29 is exact elapsed time");
	is_str(fmt_instant(calendar_due(NULL, I("2026-03-28T12:00"), UNIT_HOURS, 72)),
	       "2026-03-31T12:00:00Z", "72 hours from local noon (GMT)");
	is_str(fmt_instant(calendar_due(NULL, I("2026-10-24T12:00"), UNIT_HOURS, 24)),
	       "2026-10-25T11:00:00Z", "24 hours from local noon (BST) across the clocks going back");
	int closed[] = { D("2025-06-03") };
	struct calendar cal = { closed, 1 };
	is_str(fmt_instant(calendar_due(&cal, I("2025-06-02T09:00"), UNIT_WORKING_DAYS, 1)),
	       "2025-06-04T22:59:59Z", "calendar_due honours closures");
}

static void test_instants(void)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "2025-06-02T10:00:00Z", "2025-06-02T10:00:00Z" },
		{ "2025-06-02T10:00Z", "2025-06-02T10:00:00Z" },
		{ "2025-06-02T10:00:00+01:00", "2025-06-02T09:00:00Z" },
		{ "2025-06-02T10:00-05:30", "2025-06-02T15:30:00Z" },
		{ "2025-06-02T10:00:00-00:00", "2025-06-02T10:00:00Z" },
		{ "2025-12-31T23:30:00-01:00", "2026-01-01T00:30:00Z" },
		{ "2025-06-02", "2025-06-02T08:00:00Z" },
		{ "2025-01-02", "2025-01-02T09:00:00Z" },
		{ "2025-06-02T10:00", "2025-06-02T09:00:00Z" },
		{ "2025-01-02T10:00:30", "2025-01-02T10:00:30Z" },
		{ "2025-06-02T00:30", "2025-06-01T23:30:00Z" },
		{ "1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z" },
		{ "1900-01-01T00:00:00Z", "1900-01-01T00:00:00Z" },
		{ "9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t t = 0;
		int rc = calendar_parse_instant(cases[i].in, &t);
		is_str(rc == 0 ? fmt_instant(t) : "(rejected)", cases[i].out,
		       "instant %s", cases[i].in);
	}
	is_int(I("1970-01-01T00:00:00Z"), 0, "epoch instant is 0");
	is_str(fmt_instant(-1), "1969-12-31T23:59:59Z", "format before the epoch");

	static const char *const reject[] = { "", "garbage", "2025-06-02T",
		"2025-06-02T10", "2025-06-02T10:0Z", "2025-06-02T1:00Z",
		"2025-06-02T24:00Z", "2025-06-02T10:60Z", "2025-06-02T10:00:60Z",
		"2025-06-02T10:00:00+24:00", "2025-06-02T10:00:00+01:60",
		"2025-06-02T10:00:00+0100", "2025-06-02T10:00:00+01",
		"2025-06-02T10:00:00Zjunk", "2025-06-02T10:00:00 ",
		"2025-06-02 10:00Z", "2025-06-02t10:00Z", "2025-06-02T10:00z",
		"2025-02-30T10:00Z", "2025-06-02x", "2025-06-02T10:00:00.000Z",
		"2025-06-02T10:00:00+01:00x", "1899-12-31T23:00:00Z",
		"2025-06-02T-1:00Z" };
	for (size_t i = 0; i < sizeof reject / sizeof reject[0]; i++) {
		int64_t t = 42;
		ok(calendar_parse_instant(reject[i], &t) == -1 && t == 42,
		   "reject instant '%s'", reject[i]);
	}
	int64_t t = 42;
	ok(calendar_parse_instant(NULL, &t) == -1, "reject NULL instant");

	int bad = 0;
	for (int64_t x = I("2025-01-01T00:00:00Z"); x < I("2027-01-01T00:00:00Z"); x += 3599) {
		char s[21];
		int64_t back = 0;
		calendar_format_instant(x, s);
		if (calendar_parse_instant(s, &back) != 0 || back != x)
			bad++;
	}
	is_int(bad, 0, "format/parse round trip every 3599 s over 2025-2026");
}

static void test_units(void)
{
	static const struct { const char *name; enum calendar_unit unit; } good[] = {
		{ "working_days", UNIT_WORKING_DAYS }, { "working-days", UNIT_WORKING_DAYS },
		{ "working_day", UNIT_WORKING_DAYS }, { "working-day", UNIT_WORKING_DAYS },
		{ "days", UNIT_DAYS }, { "day", UNIT_DAYS }, { "weeks", UNIT_WEEKS },
		{ "week", UNIT_WEEKS }, { "months", UNIT_MONTHS }, { "month", UNIT_MONTHS },
		{ "hours", UNIT_HOURS }, { "hour", UNIT_HOURS },
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		enum calendar_unit u = UNIT_HOURS == good[i].unit ? UNIT_DAYS : UNIT_HOURS;
		ok(calendar_parse_unit(good[i].name, &u) == 0 && u == good[i].unit,
		   "unit %s", good[i].name);
	}
	static const char *const bad[] = { "", "Days", "working days", "fortnight",
		"dayss", "working_days ", "workingdays" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		enum calendar_unit u = UNIT_WEEKS;
		ok(calendar_parse_unit(bad[i], &u) == -1 && u == UNIT_WEEKS,
		   "reject unit '%s'", bad[i]);
	}
	enum calendar_unit u = UNIT_WEEKS;
	ok(calendar_parse_unit(NULL, &u) == -1, "reject NULL unit");
	static const char *const names[] = { "working_days", "days", "weeks",
		"months", "hours" };
	for (int i = UNIT_WORKING_DAYS; i <= UNIT_HOURS; i++) {
		enum calendar_unit back = (enum calendar_unit)-1;
		is_str(calendar_unit_name((enum calendar_unit)i), names[i], "unit name %d", i);
		ok(calendar_parse_unit(calendar_unit_name((enum calendar_unit)i), &back) == 0 &&
		   back == (enum calendar_unit)i, "unit name %s parses back", names[i]);
	}
}

int main(void)
{
	/* Anything that consulted libc time zones would now be off by hours. */
	setenv("TZ", "America/New_York", 1);
	tzset();

	test_dates();
	test_easter();
	test_bank_holidays();
	test_working_days();
	test_months();
	test_london();
	test_due();
	test_instants();
	test_units();
	return done_testing();
}
