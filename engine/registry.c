/*
 * registry.c: the authorities and workflow definitions a service runs, and
 * its lifetime (service_open, service_reload, service_close).
 *
 * Loading is staged: every file is read, validated (stdlib/dsl.lua through
 * script.c) and written to the store in one transaction, and the registry in
 * memory changes only after that commits. Definition versions are kept for
 * as long as the service runs: a case is pinned to its version, and older
 * versions are loaded from the store on demand. Must never: change the
 * registry when the store did not commit, or free a version a case may use.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "def.h"
#include "error.h"
#include "script.h"
#include "service.h"
#include "readlog.h"
#include "service_impl.h"
#include "store.h"
#include "util.h"

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Load one file's text. */
static char *slurp(const char *path, size_t *len, struct error *err)
{
	char *text = util_read_file(path, len);
	if (!text)
		error_set(err, ERR_INVALID, "unreadable", "%s: cannot read the file", path);
	return text;
}

struct definition *service_load_definition_file(const struct authority *a, const char *path,
						json_t *diag, struct error *err)
{
	size_t len;
	char *text = slurp(path, &len, err);
	struct definition *d;
	if (!text)
		return NULL;
	d = script_load_definition(path, text, len, &a->roles, diag, err);
	free(text);
	if (d)
		script_definition_pin(d, a->id);
	return d;
}

/*
 * Loading is staged: every authority and workflow file is read, validated
 * and written to the store in one transaction, and only after it commits is
 * the registry in memory changed. A reload that fails anywhere leaves both
 * the store and the registry as they were.
 */
struct staged {
	struct authority **auth;
	size_t nauth;
	struct definition **defs;
	size_t ndefs;
};

static void staged_free(struct staged *st)
{
	size_t i;
	for (i = 0; i < st->nauth; i++)
		authority_free(st->auth[i]);
	for (i = 0; i < st->ndefs; i++)
		def_free(st->defs[i]);
	free(st->auth);
	free(st->defs);
	memset(st, 0, sizeof *st);
}

static int stage_authority(struct service *svc, const char *path, struct staged *st, json_t *diag,
			   struct error *err)
{
	size_t len, i;
	char *text = slurp(path, &len, err);
	struct authority *a;

	if (!text)
		return -1;
	a = script_load_authority(path, text, len, diag, err);
	free(text);
	if (!a)
		return -1;
	st->auth = xrealloc(st->auth, (st->nauth + 1) * sizeof *st->auth);
	st->auth[st->nauth++] = a;
	if (store_authority_put(svc->store, a->id, a->name, a->config, err))
		return -1;
	for (i = 0; i < a->workflows.n; i++) {
		char *wpath = xasprintf("%s/workflows/%s/%s.lua", svc->root, a->id, a->workflows.v[i]);
		struct definition *d = service_load_definition_file(a, wpath, diag, err);
		free(wpath);
		if (!d)
			return -1;
		st->defs = xrealloc(st->defs, (st->ndefs + 1) * sizeof *st->defs);
		st->defs[st->ndefs++] = d;
		if (store_definition_put(svc->store, d, (int64_t)time(NULL), err))
			return -1;
	}
	for (i = 0; svc->demo && i < a->ndemo; i++) {
		json_t *roles = json_array();
		int64_t id;
		size_t j;
		int rc;
		for (j = 0; j < a->demo[i].roles.n; j++)
			json_array_append_new(roles, json_string(a->demo[i].roles.v[j]));
		rc = store_user_add(svc->store, a->id, a->demo[i].name, roles, a->demo[i].team,
				    a->demo[i].token, 1, NULL, &id, err);
		json_decref(roles);
		if (rc)
			return -1;
	}
	return 0;
}

/* Move what was staged (and committed) into the registry. */
static void adopt(struct service *svc, struct staged *st)
{
	size_t i, j;
	for (i = 0; i < st->nauth; i++) {
		struct authority *a = st->auth[i];
		for (j = 0; j < svc->nauth; j++)
			if (strcmp(svc->auth[j]->id, a->id) == 0)
				break;
		if (j < svc->nauth) {
			authority_free(svc->auth[j]);
			svc->auth[j] = a;
		} else {
			svc->auth = xrealloc(svc->auth, (svc->nauth + 1) * sizeof *svc->auth);
			svc->auth[svc->nauth++] = a;
		}
	}
	for (i = 0; i < st->ndefs; i++) {
		struct definition *d = st->defs[i], *same = NULL;
		for (j = 0; j < svc->ndefs; j++) {
			if (strcmp(svc->defs[j]->hash, d->hash) == 0)
				same = svc->defs[j];
			else if (strcmp(svc->defs[j]->authority, d->authority) == 0 && strcmp(svc->defs[j]->id, d->id) == 0)
				svc->defs[j]->current = 0;
		}
		if (same) {
			/* the same version is loaded already: it stays, and is current */
			same->current = 1;
			def_free(d);
			continue;
		}
		d->current = 1;
		svc->defs = xrealloc(svc->defs, (svc->ndefs + 1) * sizeof *svc->defs);
		svc->defs[svc->ndefs++] = d;
	}
	free(st->auth);
	free(st->defs);
	memset(st, 0, sizeof *st);
}

static int load_all(struct service *svc, json_t *diag, struct error *err)
{
	char *dir = xasprintf("%s/authorities", svc->root);
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	struct staged st = { 0 };
	int rc = 0;

	if (!d) {
		error_set(err, ERR_INVALID, "no_authorities", "%s: cannot open the directory", dir);
		free(dir);
		return -1;
	}
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l > 4 && strcmp(e->d_name + l - 4, ".lua") == 0) {
			names = xrealloc(names, (n + 1) * sizeof *names);
			names[n++] = xasprintf("%s/%s", dir, e->d_name);
		}
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	if (store_begin(svc->store, err) == 0) {
		for (i = 0; i < n && rc == 0; i++)
			rc = stage_authority(svc, names[i], &st, diag, err);
		if (rc == 0)
			rc = store_commit(svc->store, err);
		else
			store_rollback(svc->store);
	} else {
		rc = -1;
	}
	if (rc == 0)
		adopt(svc, &st);
	staged_free(&st);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(dir);
	return rc;
}

int service_open(const struct service_options *opt, struct service **out, json_t *diag,
		 struct error *err)
{
	struct service *svc = xcalloc(1, sizeof *svc);
	struct store_options so = { .synchronous_normal = opt->synchronous_normal };

	*out = NULL;
	svc->cache = xcalloc(VIEW_CACHE, sizeof *svc->cache);
	svc->root = xstrdup(opt->root ? opt->root : ".");
	svc->demo = opt->demo;
	svc->virtual_clock = opt->virtual_clock;
	svc->now = opt->start ? opt->start : (int64_t)time(NULL);
	svc->reads = readlog_new();
	if (store_open(opt->db, &so, &svc->store, err) || load_all(svc, diag, err) ||
	    (opt->read_writer && readlog_start(svc->reads, opt->db, &so, err))) {
		service_close(svc);
		return -1;
	}
	if (opt->read_writer) {
		struct error werr = { 0 };
		store_autocheckpoint(svc->store, READLOG_BACKSTOP);   /* the read log's thread checkpoints */
		/*
		 * The WAL the server's commits will write, zero-filled now, as
		 * PostgreSQL fills its WAL segments ahead: its commits overwrite
		 * blocks the file has instead of growing it (store_wal_reserve). A
		 * full disk here is reported and the server starts all the same.
		 */
		if (opt->wal_reserve && store_wal_reserve(svc->store, opt->wal_reserve, &werr))
			fprintf(stderr, "casework: %s\n", werr.message);
	}

	*out = svc;
	return 0;
}

void service_close(struct service *svc)
{
	size_t i;
	if (!svc)
		return;
	readlog_free(svc->reads, svc->store);
	for (i = 0; svc->cache && i < VIEW_CACHE; i++)
		json_decref(svc->cache[i].view);
	free(svc->cache);
	for (i = 0; i < svc->ndefs; i++)
		def_free(svc->defs[i]);
	for (i = 0; i < svc->nauth; i++)
		authority_free(svc->auth[i]);
	free(svc->defs);
	free(svc->auth);
	free(svc->root);
	store_close(svc->store);
	free(svc);
}

struct store *service_store(struct service *svc)
{
	return svc->store;
}

int service_reload(struct service *svc, json_t *diag, struct error *err)
{
	return load_all(svc, diag, err);
}

const struct authority *service_authority(struct service *svc, const char *id)
{
	size_t i;
	for (i = 0; id && i < svc->nauth; i++)
		if (strcmp(svc->auth[i]->id, id) == 0)
			return svc->auth[i];
	return NULL;
}

const struct authority *service_authority_at(struct service *svc, size_t i)
{
	return i < svc->nauth ? svc->auth[i] : NULL;
}

struct definition *service_definition(struct service *svc, const char *authority,
				      const char *workflow)
{
	size_t i;
	for (i = 0; i < svc->ndefs; i++) {
		struct definition *d = svc->defs[i];
		if (d->current && strcmp(d->authority, authority) == 0 && strcmp(d->id, workflow) == 0)
			return d;
	}
	return NULL;
}

struct definition *service_definition_by_hash(struct service *svc, const char *hash,
					      struct error *err)
{
	size_t i, len;
	char *auth = NULL, *path = NULL, *source = NULL;
	const struct authority *a;
	struct definition *d = NULL;

	for (i = 0; i < svc->ndefs; i++)
		if (strcmp(svc->defs[i]->hash, hash) == 0)
			return svc->defs[i];
	if (store_definition_get(svc->store, hash, &auth, &path, &source, err))
		return NULL;
	a = service_authority(svc, auth);
	if (!a) {
		error_set(err, ERR_INTERNAL, "no_authority", "definition %s belongs to unknown authority %s", hash, auth);
		goto done;
	}
	len = strlen(source);
	/* A stored version was checked against the roles of its day: today's may differ. */
	d = script_load_definition(path, source, len, NULL, NULL, err);
	if (!d)
		goto done;
	script_definition_pin(d, auth);
	if (strcmp(d->hash, hash) != 0) {
		error_set(err, ERR_INTERNAL, "definition_changed", "stored definition %.12s no longer hashes to itself", hash);
		def_free(d);
		d = NULL;
		goto done;
	}
	svc->defs = xrealloc(svc->defs, (svc->ndefs + 1) * sizeof *svc->defs);
	svc->defs[svc->ndefs++] = d;
done:
	free(auth);
	free(path);
	free(source);
	return d;
}

