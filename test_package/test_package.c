/* The same check through the C API. */
#include <stdio.h>
#include <string.h>

#include <kashif/kashif_c.h>

int main(void) {
  const char* text = "وصل الوفد لروسيا أمس.";
  kashif_extractor* extractor = NULL;
  kashif_result* result = NULL;
  int found = 0;
  size_t i;
  if (kashif_extractor_create(NULL, &extractor) != KASHIF_OK ||
      kashif_extract(extractor, text, strlen(text), &result) != KASHIF_OK) {
    fprintf(stderr, "%s\n", kashif_last_error());
    kashif_extractor_free(extractor);
    return 1;
  }
  for (i = 0; i < kashif_result_size(result); ++i) {
    const kashif_entity* e = kashif_result_entity(result, i);
    found |= e->type == KASHIF_LOC && strcmp(e->canonical, "روسيا") == 0 &&
             e->begin == (size_t)(strstr(text, "روسيا") - text);
  }
  kashif_result_free(result);
  kashif_extractor_free(extractor);
  printf("kashif %s (C API): %s\n", kashif_version(), found ? "ok" : "place not found");
  return found ? 0 : 1;
}
