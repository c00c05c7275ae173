/* Diagnostics: one line each, "file:line:col: error: ..." where a location is known. */
#ifndef KLP_CCP_DIAG_H
#define KLP_CCP_DIAG_H

#include <stdarg.h>

void diag_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_error_at(const char *file, unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_warning_at(const char *file, unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_note_at(const char *file, unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Warnings reported so far (struct strlist from util.h), for the report. */
struct strlist;
const struct strlist *diag_warnings(void);

/* Number of errors reported so far (the run fails if non-zero). */
unsigned diag_error_count(void);

#endif
