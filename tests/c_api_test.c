/* Tests the C API from C (this file is compiled by the C compiler), so the header is proven to
 * be valid C and nothing C++ crosses it. Usage: c_api_test <scratch directory>. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kashif/kashif_c.h"

static int failures = 0;

#define CHECK(cond)                                                         \
  do {                                                                      \
    if (!(cond)) {                                                          \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                           \
    }                                                                       \
  } while (0)

#define CHECK_OK(call)                                                                 \
  do {                                                                                 \
    kashif_status check_status_ = (call);                                              \
    if (check_status_ != KASHIF_OK) {                                                  \
      fprintf(stderr, "%s:%d: %s returned %s: %s\n", __FILE__, __LINE__, #call,          \
              kashif_status_name(check_status_), kashif_last_error());                 \
      ++failures;                                                                      \
    }                                                                                  \
  } while (0)

/* Byte offset of the first occurrence of `needle` in `haystack` at or after `from`. */
static size_t OffsetOf(const char* haystack, const char* needle, size_t from) {
  const char* hit = strstr(haystack + from, needle);
  if (hit == NULL) {
    fprintf(stderr, "test bug: '%s' not in '%s'\n", needle, haystack);
    exit(2);
  }
  return (size_t)(hit - haystack);
}

/* Whether `result` holds an entity of `type` spanning exactly `surface` at its first occurrence
 * at or after `from`, with the given canonical form (NULL: don't check). */
static int HasEntity(const kashif_result* result, const char* text, kashif_entity_type type,
                     const char* surface, size_t from, const char* canonical) {
  size_t begin = OffsetOf(text, surface, from);
  size_t end = begin + strlen(surface);
  size_t i;
  for (i = 0; i < kashif_result_size(result); ++i) {
    const kashif_entity* e = kashif_result_entity(result, i);
    if (e->type == type && e->begin == begin && e->end == end) {
      if (canonical != NULL && strcmp(e->canonical, canonical) != 0) {
        fprintf(stderr, "canonical of '%s' is '%s', expected '%s'\n", surface, e->canonical,
                canonical);
        return 0;
      }
      return 1;
    }
  }
  fprintf(stderr, "no %s entity at [%zu, %zu) ('%s'); found:\n", kashif_entity_type_label(type),
          begin, end, surface);
  for (i = 0; i < kashif_result_size(result); ++i) {
    const kashif_entity* e = kashif_result_entity(result, i);
    fprintf(stderr, "  %s [%zu, %zu) %s\n", kashif_entity_type_label(e->type), e->begin, e->end,
            e->canonical);
  }
  return 0;
}

static void TestVersionAndLabels(void) {
  CHECK(strcmp(kashif_version(), KASHIF_VERSION_STRING) == 0);
  CHECK(strcmp(kashif_entity_type_label(KASHIF_PER), "PER") == 0);
  CHECK(strcmp(kashif_entity_type_label(KASHIF_ORG), "ORG") == 0);
  CHECK(strcmp(kashif_entity_type_label(KASHIF_LOC), "LOC") == 0);
  CHECK(strcmp(kashif_entity_type_label(KASHIF_MONEY), "MONEY") == 0);
  CHECK(strcmp(kashif_entity_type_label(KASHIF_DATE), "DATE") == 0);
  CHECK(strcmp(kashif_entity_type_label(KASHIF_PERCENT), "PERCENT") == 0);
  CHECK(strcmp(kashif_entity_type_label(KASHIF_TIME), "TIME") == 0);
  CHECK(KASHIF_PERCENT == 5 && KASHIF_TIME == 6);
  CHECK(strcmp(kashif_entity_type_label((kashif_entity_type)9), "?") == 0);
  CHECK(strcmp(kashif_status_name(KASHIF_NOT_FOUND), "not found") == 0);
}

static void TestDefaultExtractorFindsPlaces(void) {
  const char* text = "غادر الوفد القاهرة صباحا ووصل لروسيا مساء الأحد.";
  kashif_extractor* extractor = NULL;
  kashif_result* result = NULL;
  size_t i;
  CHECK_OK(kashif_extractor_create(NULL, &extractor));
  CHECK(extractor != NULL);
  if (extractor == NULL) return;
  CHECK_OK(kashif_extract(extractor, text, strlen(text), &result));
  CHECK(result != NULL);
  if (result != NULL) {
    CHECK(HasEntity(result, text, KASHIF_LOC, "القاهرة", 0, NULL));
    /* The proclitic ل stays outside the span. */
    CHECK(HasEntity(result, text, KASHIF_LOC, "روسيا", 0, "روسيا"));
    for (i = 0; i + 1 < kashif_result_size(result); ++i) {
      CHECK(kashif_result_entity(result, i)->end <= kashif_result_entity(result, i + 1)->begin);
    }
    for (i = 0; i < kashif_result_size(result); ++i) {
      const kashif_entity* e = kashif_result_entity(result, i);
      CHECK(e->canonical != NULL);
      if (e->type == KASHIF_LOC) {
        CHECK(e->money_amount == NULL && e->money_currency == NULL);
        CHECK(e->date_timex == NULL && e->date_resolved == NULL);
      }
    }
    CHECK(kashif_result_entity(result, kashif_result_size(result)) == NULL);
  }
  kashif_result_free(result);

  /* Empty input and a NULL pointer with length 0 are valid and find nothing. */
  CHECK_OK(kashif_extract(extractor, "", 0, &result));
  CHECK(result != NULL && kashif_result_size(result) == 0);
  kashif_result_free(result);
  CHECK_OK(kashif_extract(extractor, NULL, 0, &result));
  CHECK(result != NULL && kashif_result_size(result) == 0);
  kashif_result_free(result);

  /* The thread's scratch released between calls: the next call works as before. */
  kashif_release_thread_scratch();
  CHECK_OK(kashif_extract(extractor, text, strlen(text), &result));
  CHECK(result != NULL && HasEntity(result, text, KASHIF_LOC, "القاهرة", 0, NULL));
  kashif_result_free(result);

  /* Invalid UTF-8 before a place never shifts its offsets. */
  {
    const char* broken = "\xff\xfe في القاهرة \xc3";
    CHECK_OK(kashif_extract(extractor, broken, strlen(broken), &result));
    CHECK(result != NULL && HasEntity(result, broken, KASHIF_LOC, "القاهرة", 0, NULL));
    kashif_result_free(result);
  }
  kashif_extractor_free(extractor);
}

static void TestUserEntriesAndTypeFilter(void) {
  /* Made-up names, so the built-in lists cannot know them. */
  const char* text = "قال زياد القرنفلي إن شركة نسيم الصحراء للنقل افتتحت فرعا في القاهرة.";
  kashif_options* options = NULL;
  kashif_extractor* extractor = NULL;
  kashif_result* result = NULL;
  CHECK_OK(kashif_options_create(&options));
  if (options == NULL) return;
  CHECK_OK(kashif_options_add_gazetteer_entry(options, KASHIF_PER, "زياد القرنفلي", NULL));
  CHECK_OK(kashif_options_add_gazetteer_entry(options, KASHIF_ORG, "نسيم الصحراء للنقل",
                                              "شركة نسيم الصحراء للنقل"));
  CHECK(kashif_options_add_gazetteer_entry(options, KASHIF_MONEY, "دينار", NULL) ==
        KASHIF_INVALID_ARGUMENT);
  CHECK(strstr(kashif_last_error(), "PER, ORG or LOC") != NULL);
  CHECK(kashif_options_add_gazetteer_entry(options, KASHIF_PER, "", NULL) ==
        KASHIF_INVALID_ARGUMENT);
  /* Names and canonical forms must be valid UTF-8. */
  CHECK(kashif_options_add_gazetteer_entry(options, KASHIF_PER, "زياد\xff", NULL) ==
        KASHIF_INVALID_ARGUMENT);
  CHECK(strstr(kashif_last_error(), "UTF-8") != NULL);
  CHECK(kashif_options_add_gazetteer_entry(options, KASHIF_PER, "زياد", "\xed\xa0\x80") ==
        KASHIF_INVALID_ARGUMENT);
  CHECK_OK(kashif_extractor_create(options, &extractor));
  if (extractor != NULL) {
    CHECK_OK(kashif_extract(extractor, text, strlen(text), &result));
    CHECK(HasEntity(result, text, KASHIF_PER, "زياد القرنفلي", 0, "زياد القرنفلي"));
    CHECK(HasEntity(result, text, KASHIF_ORG, "نسيم الصحراء للنقل", 0,
                    "شركة نسيم الصحراء للنقل"));
    CHECK(HasEntity(result, text, KASHIF_LOC, "القاهرة", 0, NULL));
    kashif_result_free(result);
    kashif_extractor_free(extractor);
  }

  /* Only people. */
  CHECK_OK(kashif_options_set_types(options, KASHIF_TYPE_BIT(KASHIF_PER)));
  CHECK(kashif_options_set_types(options, 0x100u) == KASHIF_INVALID_ARGUMENT);
  CHECK_OK(kashif_extractor_create(options, &extractor));
  if (extractor != NULL) {
    CHECK_OK(kashif_extract(extractor, text, strlen(text), &result));
    CHECK(kashif_result_size(result) == 1);
    CHECK(HasEntity(result, text, KASHIF_PER, "زياد القرنفلي", 0, NULL));
    kashif_result_free(result);
    kashif_extractor_free(extractor);
  }

  /* Without the built-in lists, Cairo is no longer known. */
  CHECK_OK(kashif_options_set_types(options, KASHIF_ALL_TYPES));
  CHECK_OK(kashif_options_set_builtin_gazetteers(options, 0));
  CHECK_OK(kashif_extractor_create(options, &extractor));
  kashif_options_free(options); /* the extractor does not need the options any more */
  if (extractor != NULL) {
    size_t i;
    CHECK_OK(kashif_extract(extractor, text, strlen(text), &result));
    for (i = 0; i < kashif_result_size(result); ++i) {
      CHECK(kashif_result_entity(result, i)->type != KASHIF_LOC);
    }
    CHECK(HasEntity(result, text, KASHIF_PER, "زياد القرنفلي", 0, NULL));
    kashif_result_free(result);
    kashif_extractor_free(extractor);
  }
}

static const kashif_entity* FindAt(const kashif_result* result, const char* text,
                                   const char* surface) {
  size_t begin = OffsetOf(text, surface, 0), i;
  for (i = 0; i < kashif_result_size(result); ++i) {
    const kashif_entity* e = kashif_result_entity(result, i);
    if (e->begin == begin && e->end == begin + strlen(surface)) return e;
  }
  fprintf(stderr, "no entity spanning '%s'\n", surface);
  return NULL;
}

static int StrEq(const char* a, const char* b) { return a != NULL && strcmp(a, b) == 0; }

static void TestMoneyAndDateValues(void) {
  const char* text = "وصل أمس وفد لبحث قرض بقيمة 2.5 مليار دولار و5 ملايين دينار في 15 رمضان 1445 هـ.";
  kashif_options* options = NULL;
  kashif_extractor* plain = NULL;
  kashif_extractor* dated = NULL;
  kashif_result* result = NULL;
  const kashif_entity* e;
  CHECK_OK(kashif_extractor_create(NULL, &plain));
  CHECK_OK(kashif_options_create(&options));
  CHECK_OK(kashif_options_set_reference_date(options, 2025, 4, 3));
  CHECK_OK(kashif_extractor_create(options, &dated));
  kashif_options_free(options);
  if (plain == NULL || dated == NULL) return;

  CHECK_OK(kashif_extract(plain, text, strlen(text), &result));
  e = FindAt(result, text, "2.5 مليار دولار");
  CHECK(e != NULL && e->type == KASHIF_MONEY && StrEq(e->money_amount, "2500000000") &&
        StrEq(e->money_currency, "USD") && e->date_timex == NULL);
  /* دينار alone names several currencies: no code rather than a guess. */
  e = FindAt(result, text, "5 ملايين دينار");
  CHECK(e != NULL && e->type == KASHIF_MONEY && StrEq(e->money_amount, "5000000") &&
        e->money_currency == NULL);
  /* A full Hijri date always resolves. */
  e = FindAt(result, text, "15 رمضان 1445 هـ");
  CHECK(e != NULL && e->type == KASHIF_DATE && StrEq(e->date_timex, "1445-09-15") &&
        e->date_calendar == KASHIF_CALENDAR_HIJRI && StrEq(e->date_resolved, "2024-03-25") &&
        e->money_amount == NULL);
  /* "yesterday" without a reference date: a value, but nothing to resolve it against. */
  e = FindAt(result, text, "أمس");
  CHECK(e != NULL && e->type == KASHIF_DATE && StrEq(e->date_timex, "XXXX-XX-XX") &&
        e->date_resolved == NULL && e->date_calendar == KASHIF_CALENDAR_GREGORIAN);
  kashif_result_free(result);

  /* The reference date from the options, and one given for a single call. */
  CHECK_OK(kashif_extract(dated, text, strlen(text), &result));
  e = FindAt(result, text, "أمس");
  CHECK(e != NULL && StrEq(e->date_timex, "2025-04-02") && StrEq(e->date_resolved, "2025-04-02"));
  kashif_result_free(result);
  CHECK_OK(kashif_extract_with_reference_date(plain, text, strlen(text), 2024, 3, 1, &result));
  e = FindAt(result, text, "أمس");
  CHECK(e != NULL && StrEq(e->date_resolved, "2024-02-29"));
  kashif_result_free(result);
  kashif_extractor_free(plain);
  kashif_extractor_free(dated);
}

static void TestRangesPercentagesAndTimes(void) {
  const char* text =
      "كلف المشروع بين 3 و5 ملايين دولار ونما الاقتصاد بنسبة 3.5% ووصل الوفد السابعة مساء أمس "
      "وأقلعت الطائرة الساعة 14:00 بتوقيت غرينتش.";
  kashif_options* options = NULL;
  kashif_extractor* extractor = NULL;
  kashif_result* result = NULL;
  const kashif_entity* e;
  CHECK_OK(kashif_options_create(&options));
  CHECK_OK(kashif_options_set_reference_date(options, 2025, 4, 3));
  CHECK_OK(kashif_extractor_create(options, &extractor));
  kashif_options_free(options);
  if (extractor == NULL) return;
  CHECK_OK(kashif_extract(extractor, text, strlen(text), &result));
  e = FindAt(result, text, "بين 3 و5 ملايين دولار");
  CHECK(e != NULL && e->type == KASHIF_MONEY && StrEq(e->money_amount, "3000000") &&
        StrEq(e->money_upper_amount, "5000000") && StrEq(e->money_currency, "USD"));
  e = FindAt(result, text, "3.5%");
  CHECK(e != NULL && e->type == KASHIF_PERCENT && StrEq(e->percent_value, "3.5") &&
        e->percent_upper_value == NULL && e->money_amount == NULL);
  e = FindAt(result, text, "السابعة مساء أمس");
  CHECK(e != NULL && e->type == KASHIF_TIME && StrEq(e->time_timex, "2025-04-02T19:00") &&
        e->time_zone == NULL && e->date_timex == NULL);
  e = FindAt(result, text, "الساعة 14:00 بتوقيت غرينتش");
  CHECK(e != NULL && e->type == KASHIF_TIME && StrEq(e->time_timex, "T14:00") &&
        StrEq(e->time_zone, "GMT"));
  kashif_result_free(result);
  kashif_extractor_free(extractor);
}

static void WriteFile(const char* path, const char* content) {
  FILE* f = fopen(path, "wb");
  if (f == NULL || fputs(content, f) < 0 || fclose(f) != 0) {
    fprintf(stderr, "cannot write %s\n", path);
    exit(2);
  }
}

static void TestGazetteerFiles(const char* dir) {
  char good[1024], bad[1024], missing[1024];
  const char* text = "التقى مروان الزيتوني بممثلي مؤسسة الواحة الخضراء.";
  kashif_options* options = NULL;
  kashif_extractor* extractor = NULL;
  kashif_result* result = NULL;
  snprintf(good, sizeof(good), "%s/c_api_good.tsv", dir);
  snprintf(bad, sizeof(bad), "%s/c_api_bad.tsv", dir);
  snprintf(missing, sizeof(missing), "%s/c_api_no_such_file.tsv", dir);
  WriteFile(good,
            "# name\ttype\tcanonical\n"
            "مروان الزيتوني\tPER\n"
            "مؤسسة الواحة الخضراء\tORG\n");
  WriteFile(bad, "مروان الزيتوني\tPER\nالواحة\tPLANET\n");

  CHECK_OK(kashif_options_create(&options));
  if (options == NULL) return;
  CHECK_OK(kashif_options_add_gazetteer_file(options, good));
  CHECK_OK(kashif_extractor_create(options, &extractor));
  if (extractor != NULL) {
    CHECK_OK(kashif_extract(extractor, text, strlen(text), &result));
    CHECK(HasEntity(result, text, KASHIF_PER, "مروان الزيتوني", 0, NULL));
    CHECK(HasEntity(result, text, KASHIF_ORG, "مؤسسة الواحة الخضراء", 0, NULL));
    kashif_result_free(result);
    kashif_extractor_free(extractor);
  }
  kashif_options_free(options);

  /* A malformed line: creation fails, names the file and the line, and sets *out to NULL. */
  CHECK_OK(kashif_options_create(&options));
  CHECK_OK(kashif_options_add_gazetteer_file(options, bad));
  extractor = (kashif_extractor*)1;
  CHECK(kashif_extractor_create(options, &extractor) == KASHIF_INVALID_ARGUMENT);
  CHECK(extractor == NULL);
  CHECK(strstr(kashif_last_error(), "c_api_bad.tsv:2") != NULL);
  kashif_options_free(options);

  CHECK_OK(kashif_options_create(&options));
  CHECK_OK(kashif_options_add_gazetteer_file(options, missing));
  CHECK(kashif_extractor_create(options, &extractor) == KASHIF_NOT_FOUND);
  CHECK(extractor == NULL);
  CHECK(strstr(kashif_last_error(), "c_api_no_such_file.tsv") != NULL);
  CHECK(kashif_options_add_gazetteer_file(options, "") == KASHIF_INVALID_ARGUMENT);
  kashif_options_free(options);
  remove(good);
  remove(bad);
}

static void TestBadArguments(void) {
  kashif_options* options = NULL;
  kashif_extractor* extractor = NULL;
  kashif_result* result = (kashif_result*)1;
  CHECK_OK(kashif_options_create(&options));
  CHECK(kashif_options_set_reference_date(options, 2025, 2, 29) == KASHIF_INVALID_ARGUMENT);
  CHECK(strstr(kashif_last_error(), "2025-2-29") != NULL);
  CHECK(kashif_options_set_reference_date(options, 2024, 13, 1) == KASHIF_INVALID_ARGUMENT);
  CHECK_OK(kashif_options_set_reference_date(options, 2024, 2, 29));
  CHECK_OK(kashif_options_clear_reference_date(options));
  CHECK(kashif_options_set_date_bias(options, (kashif_date_bias)7) == KASHIF_INVALID_ARGUMENT);
  CHECK_OK(kashif_options_set_date_bias(options, KASHIF_DATE_BIAS_FUTURE));
  CHECK(kashif_options_set_hijri_calendar(options, (kashif_hijri_calendar)7) ==
        KASHIF_INVALID_ARGUMENT);
  CHECK_OK(kashif_options_set_hijri_calendar(options, KASHIF_HIJRI_CIVIL));
  CHECK(kashif_options_set_types(NULL, 0) == KASHIF_INVALID_ARGUMENT);
  CHECK(kashif_extractor_create(options, NULL) == KASHIF_INVALID_ARGUMENT);
  CHECK_OK(kashif_extractor_create(options, &extractor));
  kashif_options_free(options);

  CHECK(kashif_extract(NULL, "x", 1, &result) == KASHIF_INVALID_ARGUMENT);
  CHECK(result == NULL);
  CHECK(kashif_extract(extractor, NULL, 3, &result) == KASHIF_INVALID_ARGUMENT);
  CHECK(strstr(kashif_last_error(), "NULL") != NULL);
  CHECK(kashif_extract(extractor, "x", 1, NULL) == KASHIF_INVALID_ARGUMENT);
  CHECK(kashif_extract_with_reference_date(extractor, "x", 1, 2023, 2, 29, &result) ==
        KASHIF_INVALID_ARGUMENT);
  CHECK(result == NULL);
  CHECK(kashif_result_size(NULL) == 0);
  CHECK(kashif_result_entity(NULL, 0) == NULL);

  /* Every free function accepts NULL. */
  kashif_result_free(NULL);
  kashif_extractor_free(NULL);
  kashif_options_free(NULL);
  kashif_extractor_free(extractor);
}

int main(int argc, char** argv) {
  const char* dir = argc > 1 ? argv[1] : ".";
  TestVersionAndLabels();
  TestDefaultExtractorFindsPlaces();
  TestUserEntriesAndTypeFilter();
  TestMoneyAndDateValues();
  TestRangesPercentagesAndTimes();
  TestGazetteerFiles(dir);
  TestBadArguments();
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("c_api_test: all checks passed\n");
  return 0;
}
