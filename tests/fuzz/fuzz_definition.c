/*
 * fuzz_definition.c: libFuzzer target for the definition loader and the DSL's
 * validation: any text, loaded as a workflow file, either yields a
 * definition or file:line diagnostics; it never crashes the engine, never
 * escapes the sandbox's budget, and never leaks.
 */
#include <stdint.h>
#include <stdlib.h>

#include "def.h"
#include "error.h"
#include "script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char manager[] = "manager", worker[] = "worker";
	static char *roles_v[] = { manager, worker, NULL };
	struct strlist roles = { roles_v, 2 };
	struct error err = { 0 };
	json_t *diag = json_array();
	struct definition *d = script_load_definition("fuzz.lua", (const char *)data, size, &roles, diag, &err);
	def_free(d);
	json_decref(diag);
	return 0;
}
