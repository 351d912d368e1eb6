/*
 * fuzz_dates.c: libFuzzer target for the calendar's parsers. Whatever the
 * bytes, parsing must not crash, and anything accepted must round-trip
 * through the formatter to the same value.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[32];
	int date, again;
	int64_t t, t2;
	enum calendar_unit u;
	memcpy(s, data, size);
	s[size] = '\0';
	if (calendar_parse_date(s, &date) == 0) {
		calendar_format_date(date, buf);
		assert(calendar_parse_date(buf, &again) == 0 && again == date);
		/* the arithmetic on any accepted date terminates and moves forward */
		assert(calendar_add_working_days(NULL, date, 3) > date);
		assert(calendar_add_months(date, 1) > date);
	}
	if (calendar_parse_instant(s, &t) == 0) {
		calendar_format_instant(t, buf);
		assert(calendar_parse_instant(buf, &t2) == 0 && t2 == t);
	}
	(void)calendar_parse_unit(s, &u);
	free(s);
	return 0;
}
