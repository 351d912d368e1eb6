/*
 * error.c: filling struct error, and the single kind -> HTTP status map.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void fill(struct error *err, enum error_kind kind, const char *code,
		 const char *field, const char *fmt, va_list ap)
{
	memset(err, 0, sizeof *err);
	err->kind = kind;
	snprintf(err->code, sizeof err->code, "%s", code ? code : "error");
	if (field)
		snprintf(err->field, sizeof err->field, "%s", field);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
}

int error_set(struct error *err, enum error_kind kind, const char *code,
	      const char *fmt, ...)
{
	va_list ap;
	if (err) {
		va_start(ap, fmt);
		fill(err, kind, code, NULL, fmt, ap);
		va_end(ap);
	}
	return -1;
}

int error_field(struct error *err, enum error_kind kind, const char *code,
		const char *field, const char *fmt, ...)
{
	va_list ap;
	if (err) {
		va_start(ap, fmt);
		fill(err, kind, code, field, fmt, ap);
		va_end(ap);
	}
	return -1;
}

void error_clear(struct error *err)
{
	if (err)
		memset(err, 0, sizeof *err);
}

int error_http_status(enum error_kind kind)
{
	switch (kind) {
	case ERR_NONE: return 200;
	case ERR_BAD_REQUEST: return 400;
	case ERR_UNAUTHORIZED: return 401;
	case ERR_FORBIDDEN: return 403;
	case ERR_NOT_FOUND: return 404;
	case ERR_METHOD: return 405;
	case ERR_CONFLICT: return 409;
	case ERR_TOO_LARGE: return 413;
	case ERR_INVALID: return 422;
	case ERR_UNAVAILABLE: return 503;
	case ERR_SCRIPT:
	case ERR_INTERNAL: return 500;
	}
	return 500;
}

const char *error_kind_name(enum error_kind kind)
{
	static const char *names[] = {
		"none", "bad_request", "unauthorized", "forbidden", "not_found",
		"method_not_allowed", "conflict", "too_large", "invalid",
		"script", "unavailable", "internal"
	};
	return (unsigned)kind < sizeof names / sizeof *names ? names[kind] : "internal";
}
