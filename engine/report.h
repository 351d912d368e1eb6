/*
 * report.h: auditors' reports over the case views of one authority.
 */
#ifndef CASEWORK_REPORT_H
#define CASEWORK_REPORT_H

#include <jansson.h>
#include <stdint.h>

struct service;
struct error;

/*
 * Timeliness of every timescale due in [from, to] (0 = unbounded), by
 * workflow and timescale: met on time, met late, breached (unmet), still
 * pending, cancelled, and the median and 90th percentile lateness in working
 * days (met-late ones to when they were met, breached ones to now). New reference.
 */
json_t *report_timeliness(struct service *svc, const char *authority, int64_t from, int64_t to,
			  struct error *err);
/* A case's chronology with the actors' names; NULL (404) outside authority. */
json_t *report_chronology(struct service *svc, const char *authority, int64_t case_id,
			  struct error *err);
/* Timeliness as CSV; caller frees. */
char *report_timeliness_csv(const json_t *report);

#endif
