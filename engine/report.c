/*
 * report.c: the timeliness report and the chronology view (issue: auditors).
 * Reads case views through the store; writes nothing.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "def.h"
#include "error.h"
#include "service.h"
#include "store.h"
#include "util.h"

/* Working days after `from` up to and including `to` (0 if to <= from). */
static int working_days_between(const struct calendar *cal, int from, int to)
{
	int n = 0, d;
	for (d = from + 1; d <= to; d++)
		if (calendar_is_working_day(cal, d))
			n++;
	return n;
}

static int int_cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Nearest-rank percentile of a sorted array. */
static int percentile(const int *v, size_t n, int p)
{
	size_t rank;
	if (!n)
		return 0;
	rank = (size_t)((p * n + 99) / 100);
	return v[rank ? rank - 1 : 0];
}

struct bucket {
	char *workflow, *name, *what;
	int line;
	int met, met_late, breached, pending, cancelled;
	int *late;
	size_t nlate;
};

json_t *report_timeliness(struct service *svc, const char *authority, int64_t from, int64_t to,
			  struct error *err)
{
	const struct authority *a = service_authority(svc, authority);
	struct case_filter f = { .authority = authority };
	json_t *ids, *id, *rows, *out;
	struct bucket *b = NULL;
	size_t nb = 0, i, j;
	int today = calendar_local_date(service_now(svc));

	if (!a) {
		error_set(err, ERR_NOT_FOUND, "not_found", "no authority %s", authority ? authority : "(none)");
		return NULL;
	}
	ids = store_case_ids(service_store(svc), &f, err);
	if (!ids)
		return NULL;
	json_array_foreach(ids, i, id) {
		json_t *view = store_case_view(service_store(svc), authority, json_integer_value(id), NULL), *t;
		const char *wf = json_string_value(json_object_get(view, "workflow"));
		json_array_foreach(json_object_get(view, "timescales"), j, t) {
			const char *name = json_string_value(json_object_get(t, "name"));
			const char *st = json_string_value(json_object_get(t, "status"));
			int64_t due = json_integer_value(json_object_get(t, "due_epoch"));
			size_t k;
			struct bucket *x = NULL;
			if ((from && due < from) || (to && due > to))
				continue;
			for (k = 0; k < nb; k++)
				if (strcmp(b[k].workflow, wf) == 0 && strcmp(b[k].name, name) == 0)
					x = &b[k];
			if (!x) {
				b = xrealloc(b, (nb + 1) * sizeof *b);
				x = &b[nb++];
				memset(x, 0, sizeof *x);
				x->workflow = xstrdup(wf);
				x->name = xstrdup(name);
				x->what = xstrdup(json_string_value(json_object_get(t, "what")));
				x->line = (int)json_integer_value(json_object_get(t, "line"));
			}
			if (strcmp(st, "met") == 0) {
				x->met++;
			} else if (strcmp(st, "pending") == 0) {
				x->pending++;
			} else if (strcmp(st, "cancelled") == 0) {
				x->cancelled++;
			} else {
				int due_date = calendar_local_date(due);
				int end = strcmp(st, "met_late") == 0
					? calendar_local_date(json_integer_value(json_object_get(t, "met_at_epoch"))) : today;
				if (strcmp(st, "met_late") == 0)
					x->met_late++;
				else
					x->breached++;
				x->late = xrealloc(x->late, (x->nlate + 1) * sizeof *x->late);
				x->late[x->nlate++] = working_days_between(&a->cal, due_date, end);
			}
		}
		json_decref(view);
	}
	rows = json_array();
	for (i = 0; i < nb; i++) {
		if (b[i].nlate)
			qsort(b[i].late, b[i].nlate, sizeof *b[i].late, int_cmp);
		json_array_append_new(rows, json_pack("{s:s, s:s, s:s, s:s, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i}",
			"authority", authority, "workflow", b[i].workflow, "timescale", b[i].name,
			"what", b[i].what ? b[i].what : b[i].name, "line", b[i].line,
			"met", b[i].met, "met_late", b[i].met_late, "breached", b[i].breached,
			"pending", b[i].pending, "cancelled", b[i].cancelled,
			"lateness_median_working_days", percentile(b[i].late, b[i].nlate, 50),
			"lateness_p90_working_days", percentile(b[i].late, b[i].nlate, 90)));
		free(b[i].workflow);
		free(b[i].name);
		free(b[i].what);
		free(b[i].late);
	}
	free(b);
	json_decref(ids);
	out = json_pack("{s:s, s:o}", "authority", authority, "rows", rows);
	if (from)
		json_object_set_new(out, "from", json_integer(from));
	if (to)
		json_object_set_new(out, "to", json_integer(to));
	return out;
}

char *report_timeliness_csv(const json_t *report)
{
	size_t i, len = 0, cap = 4096;
	char *out = xmalloc(cap);
	json_t *r;
	static const char header[] = "authority,workflow,timescale,line,met,met_late,breached,pending,cancelled,"
				     "lateness_median_working_days,lateness_p90_working_days\n";
	memcpy(out, header, sizeof header);
	len = sizeof header - 1;
	json_array_foreach(json_object_get(report, "rows"), i, r) {
		char row[1024];
		int n = snprintf(row, sizeof row, "%s,%s,%s,%lld,%lld,%lld,%lld,%lld,%lld,%lld,%lld\n",
			json_string_value(json_object_get(r, "authority")), json_string_value(json_object_get(r, "workflow")),
			json_string_value(json_object_get(r, "timescale")), (long long)json_integer_value(json_object_get(r, "line")),
			(long long)json_integer_value(json_object_get(r, "met")), (long long)json_integer_value(json_object_get(r, "met_late")),
			(long long)json_integer_value(json_object_get(r, "breached")), (long long)json_integer_value(json_object_get(r, "pending")),
			(long long)json_integer_value(json_object_get(r, "cancelled")),
			(long long)json_integer_value(json_object_get(r, "lateness_median_working_days")),
			(long long)json_integer_value(json_object_get(r, "lateness_p90_working_days")));
		if (len + (size_t)n + 1 > cap) {
			cap = 2 * (len + (size_t)n + 1);
			out = xrealloc(out, cap);
		}
		memcpy(out + len, row, (size_t)n + 1);
		len += (size_t)n;
	}
	return out;
}

json_t *report_chronology(struct service *svc, const char *authority, int64_t case_id,
			  struct error *err)
{
	json_t *view = store_case_view(service_store(svc), authority, case_id, err), *c, *e, *out;
	size_t i;
	if (!view)
		return NULL;
	c = json_deep_copy(json_object_get(view, "chronology"));
	if (!c)
		c = json_array();
	json_array_foreach(c, i, e) {
		struct user u = { 0 };
		int64_t by = json_integer_value(json_object_get(e, "by"));
		if (by && store_user_get(service_store(svc), json_string_value(json_object_get(view, "authority")), by, &u, NULL) == 0) {
			json_object_set_new(e, "who", json_string(u.name));
			user_clear(&u);
		} else {
			json_object_set_new(e, "who", json_string(by ? "unknown user" : "casework (timer)"));
		}
	}
	out = json_pack("{s:I, s:O, s:O, s:o}", "case", (json_int_t)case_id, "workflow", json_object_get(view, "workflow"),
			"state", json_object_get(view, "state"), "chronology", c);
	json_decref(view);
	return out;
}
