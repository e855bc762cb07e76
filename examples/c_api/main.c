/* The minimal example in C: entities with their values, through kashif/kashif_c.h. */
#include <stdio.h>
#include <string.h>

#include <kashif/kashif_c.h>

int main(void) {
  const char* text = "وصل وزير الخارجية إلى موسكو قادما من القاهرة يوم الخميس.";
  kashif_options* options = NULL;
  kashif_extractor* extractor = NULL;
  kashif_result* result = NULL;
  size_t i;

  /* "يوم الخميس" resolves against this day. */
  if (kashif_options_create(&options) != KASHIF_OK ||
      kashif_options_set_reference_date(options, 2025, 4, 3) != KASHIF_OK ||
      kashif_extractor_create(options, &extractor) != KASHIF_OK) {
    fprintf(stderr, "kashif: %s\n", kashif_last_error());
    kashif_options_free(options);
    return 1;
  }
  kashif_options_free(options); /* the extractor keeps its own copy */

  if (kashif_extract(extractor, text, strlen(text), &result) != KASHIF_OK) {
    fprintf(stderr, "kashif: %s\n", kashif_last_error());
    kashif_extractor_free(extractor);
    return 1;
  }
  printf("kashif %s\n", kashif_version());
  for (i = 0; i < kashif_result_size(result); ++i) {
    const kashif_entity* e = kashif_result_entity(result, i);
    printf("%s\t[%zu, %zu)\t%.*s", kashif_entity_type_label(e->type), e->begin, e->end,
           (int)(e->end - e->begin), text + e->begin);
    if (e->money_amount != NULL) {
      printf("\tamount=%s currency=%s", e->money_amount,
             e->money_currency != NULL ? e->money_currency : "?");
    }
    if (e->date_timex != NULL) {
      printf("\ttimex=%s resolved=%s", e->date_timex,
             e->date_resolved != NULL ? e->date_resolved : "-");
    }
    printf("\n");
  }
  kashif_result_free(result);
  kashif_extractor_free(extractor);
  return 0;
}
