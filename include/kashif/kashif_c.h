/* kashif C API: people, organizations, places, money and dates in Arabic text, from C or any
 * language with a C foreign-function interface.
 *
 *   kashif_extractor* extractor = NULL;
 *   if (kashif_extractor_create(NULL, &extractor) != KASHIF_OK) {
 *     fprintf(stderr, "%s\n", kashif_last_error());
 *     return 1;
 *   }
 *   kashif_result* result = NULL;
 *   kashif_extract(extractor, text, strlen(text), &result);
 *   for (size_t i = 0; i < kashif_result_size(result); ++i) {
 *     const kashif_entity* e = kashif_result_entity(result, i);
 *     printf("%s %zu-%zu %s\n", kashif_entity_type_label(e->type), e->begin, e->end,
 *            e->canonical);
 *   }
 *   kashif_result_free(result);
 *   kashif_extractor_free(extractor);
 *
 * Ownership and lifetimes
 *  - Every object the caller receives through a `**out` parameter (kashif_options,
 *    kashif_extractor, kashif_result) is owned by the caller and released with the matching
 *    *_free function. Every *_free function accepts NULL.
 *  - kashif_entity structs and every string they point to are owned by the kashif_result they
 *    came from and stay valid, unchanged, until kashif_result_free(result). Copy what you need
 *    to keep longer. Never free them yourself.
 *  - The extractor does not keep a pointer to the options or the text: the options may be freed
 *    right after kashif_extractor_create(), the text right after kashif_extract().
 *  - Strings returned by kashif_version(), kashif_status_name() and kashif_entity_type_label()
 *    are static.
 *
 * Errors
 *  - Fallible functions return a kashif_status. On failure the out parameter is set to NULL and
 *    kashif_last_error() returns a message saying why (e.g. "people.tsv:3: unknown type 'PPL'").
 *    That message belongs to the calling thread and stays valid until that thread's next failing
 *    kashif call.
 *  - No C++ exception ever leaves this API; allocation failure is reported as
 *    KASHIF_OUT_OF_MEMORY.
 *
 * Thread safety
 *  - A kashif_extractor is immutable: kashif_extract() may be called on the same extractor
 *    from any number of threads at once. A kashif_options or kashif_result must not be modified
 *    or freed while another thread uses it; reading one result from several threads is fine.
 *
 * Text
 *  - Input is UTF-8 given as pointer + byte length (no NUL terminator needed). Any byte
 *    sequence is accepted: invalid UTF-8 bytes act as separators and never shift an offset.
 *  - `begin` / `end` are byte offsets into that input, half-open, and never include a
 *    proclitic (in "وواشنطن" the place starts after "و").
 *  - Entities come sorted by `begin` and never overlap.
 */
#ifndef KASHIF_KASHIF_C_H_
#define KASHIF_KASHIF_C_H_

#include <stddef.h>

#include "kashif/export.h"
#include "kashif/version.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kashif_status {
  KASHIF_OK = 0,
  KASHIF_INVALID_ARGUMENT = 1, /* a bad option, a NULL where a value is needed, a bad TSV line */
  KASHIF_NOT_FOUND = 2,        /* a file that does not exist */
  KASHIF_IO_ERROR = 3,         /* a file that exists but cannot be read */
  KASHIF_INTERNAL = 4,         /* a bug in kashif; please report it */
  KASHIF_OUT_OF_MEMORY = 5
} kashif_status;

/* The values match kashif::EntityType in the C++ API. */
typedef enum kashif_entity_type {
  KASHIF_PER = 0,
  KASHIF_ORG = 1,
  KASHIF_LOC = 2,
  KASHIF_MONEY = 3,
  KASHIF_DATE = 4,
  KASHIF_PERCENT = 5,
  KASHIF_TIME = 6, /* a clock time */
  KASHIF_CUSTOM = 7 /* a user pattern's match: kashif_entity.label is the user's label */
} kashif_entity_type;

/* Bit for one type in a type mask, e.g. KASHIF_TYPE_BIT(KASHIF_PER) | KASHIF_TYPE_BIT(KASHIF_LOC). */
#define KASHIF_TYPE_BIT(type) (1u << (unsigned)(type))
#define KASHIF_ALL_TYPES 0x7Fu

typedef enum kashif_date_bias {
  KASHIF_DATE_BIAS_PAST = 0,  /* a bare weekday is the most recent one (news style); default */
  KASHIF_DATE_BIAS_FUTURE = 1 /* the next one (scheduling style) */
} kashif_date_bias;

typedef enum kashif_hijri_calendar {
  KASHIF_HIJRI_UMM_AL_QURA = 0, /* Saudi Arabia's official calendar; default */
  KASHIF_HIJRI_CIVIL = 1        /* the tabular / civil calendar */
} kashif_hijri_calendar;

typedef enum kashif_calendar {
  KASHIF_CALENDAR_GREGORIAN = 0,
  KASHIF_CALENDAR_HIJRI = 1
} kashif_calendar;

/* One entity. Owned by its kashif_result (see "Ownership" above). Fields may be added at the
 * end in later versions; never allocate or copy this struct by value across versions. */
typedef struct kashif_entity {
  kashif_entity_type type;
  size_t begin; /* byte offset of the first byte in the input */
  size_t end;   /* one past the last byte */
  /* The normalized, proclitic-free name (UTF-8, NUL-terminated). Never NULL. */
  const char* canonical;
  /* KASHIF_MONEY only (NULL otherwise): the exact amount as a decimal string without grouping
   * or exponent ("324000000000", "20.43"), and the ISO 4217 code ("USD"), which is NULL when
   * the text names no identifiable currency. */
  const char* money_amount;
  const char* money_currency;
  /* KASHIF_DATE only (NULL otherwise): the TIMEX3 value ("2022-02-27", "XXXX-WXX-4", ranges
   * "START/END"), and the Gregorian date or interval it resolves to ("YYYY-MM-DD", "YYYY-MM",
   * "YYYY", "YYYY-Www", "START/END"), NULL when it cannot be computed (e.g. a relative date
   * without a reference date). */
  const char* date_timex;
  const char* date_resolved;
  kashif_calendar date_calendar; /* meaningful for KASHIF_DATE only */
  /* KASHIF_MONEY ranges only ("بين 3 و5 ملايين دولار"): the high end in the same form as
   * money_amount, which is then the low end; NULL for one amount. */
  const char* money_upper_amount;
  /* KASHIF_PERCENT only (NULL otherwise): the number of percent as an exact decimal string
   * ("3.5" for "3.5%"), and for a range the high end (NULL for one percentage; percent_value is
   * then the low end). */
  const char* percent_value;
  const char* percent_upper_value;
  /* KASHIF_TIME only (NULL otherwise): the TIMEX3 clock time ("T16:00", "2025-04-02T19:00"
   * when the day is known), and the zone the text names ("GMT", "Asia/Riyadh"), NULL when none
   * is named. */
  const char* time_timex;
  const char* time_zone;
  /* The label output shows: "PER" ... "DATE", or the user's label for KASHIF_CUSTOM ("EMAIL").
   * Never NULL. */
  const char* label;
} kashif_entity;

typedef struct kashif_options kashif_options;
typedef struct kashif_extractor kashif_extractor;
typedef struct kashif_result kashif_result;

/* The library version, "MAJOR.MINOR.PATCH". Compare with KASHIF_VERSION_STRING to detect a
 * header / library mismatch. */
KASHIF_EXPORT const char* kashif_version(void);
/* "ok", "invalid argument", "not found", "i/o error", "internal", "out of memory". */
KASHIF_EXPORT const char* kashif_status_name(kashif_status status);
/* "PER", "ORG", "LOC", "MONEY", "DATE", "CUSTOM" (a user pattern: its own label is in
 * kashif_entity.label); "?" for a value outside the enum. */
KASHIF_EXPORT const char* kashif_entity_type_label(kashif_entity_type type);
/* The message of this thread's last failing call; "" if none failed yet. */
KASHIF_EXPORT const char* kashif_last_error(void);

/* ---- Options: defaults are every type, no reference date, past bias, Umm al-Qura, built-in
 * gazetteers on, no user gazetteer. ---- */
KASHIF_EXPORT kashif_status kashif_options_create(kashif_options** out);
KASHIF_EXPORT void kashif_options_free(kashif_options* options);
/* A mask of KASHIF_TYPE_BIT values; 0 or KASHIF_ALL_TYPES means every type. */
KASHIF_EXPORT kashif_status kashif_options_set_types(kashif_options* options, unsigned type_mask);
/* Resolves relative dates ("أمس", a bare weekday). Fails on a day that does not exist. */
KASHIF_EXPORT kashif_status kashif_options_set_reference_date(kashif_options* options, int year,
                                                              int month, int day);
KASHIF_EXPORT kashif_status kashif_options_clear_reference_date(kashif_options* options);
KASHIF_EXPORT kashif_status kashif_options_set_date_bias(kashif_options* options,
                                                         kashif_date_bias bias);
KASHIF_EXPORT kashif_status kashif_options_set_hijri_calendar(kashif_options* options,
                                                              kashif_hijri_calendar calendar);
/* Non-zero (default) uses the built-in place / organization / person lists. */
KASHIF_EXPORT kashif_status kashif_options_set_builtin_gazetteers(kashif_options* options,
                                                                  int enabled);
/* A TSV file (NAME<TAB>TYPE[<TAB>CANONICAL] per line, TYPE one of PER, ORG, LOC), read by
 * kashif_extractor_create(); a missing or malformed file makes creation fail. */
KASHIF_EXPORT kashif_status kashif_options_add_gazetteer_file(kashif_options* options,
                                                              const char* path);
/* One entry; `canonical` may be NULL (the name itself). `type` must be PER, ORG or LOC; name
 * and canonical must be valid UTF-8 (else KASHIF_INVALID_ARGUMENT). */
KASHIF_EXPORT kashif_status kashif_options_add_gazetteer_entry(kashif_options* options,
                                                               kashif_entity_type type,
                                                               const char* name,
                                                               const char* canonical);

/* A pattern TSV file (LABEL<TAB>PATTERN[<TAB>PRIORITY] per line, RE2 syntax), read by
 * kashif_extractor_create(); a missing or malformed file or a bad pattern makes creation fail
 * with "file:line: reason". */
KASHIF_EXPORT kashif_status kashif_options_add_pattern_file(kashif_options* options,
                                                            const char* path);
/* One pattern: `label` (ASCII letters, digits, _ and -; not a built-in label), an RE2
 * `pattern`, a `priority` 0-255 (90 is the default of the C++ API). Checked by
 * kashif_extractor_create(). */
KASHIF_EXPORT kashif_status kashif_options_add_pattern(kashif_options* options, const char* label,
                                                       const char* pattern, int priority);

/* ---- Extractor ---- */
/* Builds an extractor; `options` may be NULL for the defaults. Reading and compiling the data
 * takes a moment: create one extractor and share it. */
KASHIF_EXPORT kashif_status kashif_extractor_create(const kashif_options* options,
                                                    kashif_extractor** out);
KASHIF_EXPORT void kashif_extractor_free(kashif_extractor* extractor);
/* Frees the calling thread's extraction scratch (kept between kashif_extract() calls on that
 * thread so they need not allocate it again; windows bound it to about 30 MB whatever the
 * text). The next kashif_extract() on this thread allocates it again. Call it before a thread
 * idles for long or ends its work; other threads are not affected. */
KASHIF_EXPORT void kashif_release_thread_scratch(void);

/* Finds the entities in `text[0, length)`. `text` may be NULL only when `length` is 0. Fails
 * only on a bad argument or when memory runs out. */
KASHIF_EXPORT kashif_status kashif_extract(const kashif_extractor* extractor, const char* text,
                                           size_t length, kashif_result** out);
/* The same with a reference date for this call only (e.g. the article's publication date). */
KASHIF_EXPORT kashif_status kashif_extract_with_reference_date(const kashif_extractor* extractor,
                                                               const char* text, size_t length,
                                                               int year, int month, int day,
                                                               kashif_result** out);

/* ---- Result ---- */
KASHIF_EXPORT size_t kashif_result_size(const kashif_result* result);
/* The i-th entity (0 <= i < size), or NULL when i is out of range or result is NULL. */
KASHIF_EXPORT const kashif_entity* kashif_result_entity(const kashif_result* result, size_t i);
KASHIF_EXPORT void kashif_result_free(kashif_result* result);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KASHIF_KASHIF_C_H_ */
