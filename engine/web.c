/*
 * web.c: the practitioners' HTML pages (issue 8). Not built yet: the table
 * is empty, so every page path answers 404 like any unknown route.
 */
#include "http.h"

const struct route web_routes[] = { { NULL, NULL, NULL, 0, 0 } };
const size_t web_nroutes = 0;
