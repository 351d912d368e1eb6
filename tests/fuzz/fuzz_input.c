/*
 * fuzz_input.c: libFuzzer target for request bodies through action input
 * validation. The bytes are parsed as JSON (as the HTTP layer does) and
 * applied as the input of the reference workflow's actions to a fixed case;
 * a refusal must leave the view untouched, and nothing may crash.
 */
#include <assert.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "def.h"
#include "error.h"
#include "interp.h"
#include "script.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct authority *auth;
static struct definition *def;
static json_t *view;

static void setup(void)
{
	size_t len;
	char *text;
	struct error err = { 0 };
	struct interp_event ev = { 0 };
	json_t *in, *facts;
	text = util_read_file("tests/reference/authorities/testshire.lua", &len);
	assert(text && "run from the repository root");
	auth = script_load_authority("testshire.lua", text, len, NULL, &err);
	free(text);
	text = util_read_file("tests/reference/workflows/testshire/referral.lua", &len);
	def = script_load_definition("referral.lua", text, len, &auth->roles, NULL, &err);
	free(text);
	assert(auth && def);
	in = json_pack("{s:s, s:{s:s, s:b}, s:[{s:s, s:s, s:s, s:s}]}", "workflow", "referral", "data",
		       "referrer", "gp", "consent", 1, "members", "id", "amy", "name", "Amy", "role", "child", "dob", "2015-01-01");
	facts = json_pack("{s:s, s:O, s:{s:{s:s, s:[s], s:s}}}", "today", "2026-01-05", "limits", auth->limits,
			  "users", "7", "name", "Kit", "roles", "key_worker", "team", "north");
	ev.case_id = 1;
	ev.seq = 1;
	ev.at = 1767603600;
	ev.user_id = 1;
	ev.role = "triage_officer";
	ev.kind = "open";
	ev.name = "referral";
	ev.input = in;
	ev.facts = facts;
	assert(interp_apply(auth, def, &view, &ev, NULL, &err) == 0);
	json_decref(in);
	json_decref(facts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *actions[] = { "accept", "decline", "allocate", "review", "raise_concern",
					 "add_record", "extend_timescale" };
	static const char *roles[] = { "triage_officer", "triage_officer", "team_manager", "team_manager",
				       "team_manager", "team_manager", "team_manager" };
	json_t *input, *v, *before, *facts;
	struct error err = { 0 };
	struct interp_event ev = { 0 };
	size_t i;

	if (!def)
		setup();
	input = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, NULL);
	if (!input)
		return 0;
	facts = json_pack("{s:s, s:O, s:I, s:{s:{s:s, s:[s], s:s}}}", "today", "2026-01-06", "limits", auth->limits,
			  "open_cases", (json_int_t)1, "users", "7", "name", "Kit", "roles", "key_worker", "team", "north");
	json_object_set_new(facts, "assignee_children", json_integer(0));
	for (i = 0; i < sizeof actions / sizeof *actions; i++) {
		v = json_incref(view);
		before = json_deep_copy(view);
		ev.case_id = 1;
		ev.seq = 2;
		ev.at = 1767690000;
		ev.user_id = 1;
		ev.role = roles[i];
		ev.kind = strcmp(actions[i], "add_record") == 0 ? "record" : "action";
		ev.name = actions[i];
		ev.input = input;
		ev.facts = facts;
		if (interp_apply(auth, def, &v, &ev, NULL, &err) != 0)
			assert(json_equal(v, before) && "a refusal changed the view");
		json_decref(v);
		json_decref(before);
	}
	json_decref(facts);
	json_decref(input);
	return 0;
}
