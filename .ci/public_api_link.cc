// Calls every non-inline function the public headers declare, so that linking it against a
// shared libkashif proves each one is exported (a member of a struct not marked KASHIF_EXPORT
// links against the static library but not against the shared one). Run by .ci/packaging.sh.
#include <cstdio>
#include <string>
#include <vector>

#include <kashif/kashif.h>
#include <kashif/kashif_c.h>
#include <kashif/normalizer.h>
#include <kashif/number.h>
#include <kashif/status.h>
#include <kashif/stemmer.h>
#include <kashif/tokenizer.h>

int main() {
  int failures = 0;
  auto check = [&](bool ok, const char* what) {
    if (!ok) {
      std::fprintf(stderr, "public_api_link: %s\n", what);
      ++failures;
    }
  };
  check(std::string(kashif::Version()) == KASHIF_VERSION_STRING, "Version");
  check(std::string(kashif::EntityTypeLabel(kashif::EntityType::kPlace)) == "LOC", "Label");
  check(kashif::ParseEntityType("gpe") == kashif::EntityType::kPlace, "ParseEntityType");
  auto date = kashif::ParseCivilDate("2024-02-29");
  check(date && kashif::FormatCivilDate(*date) == "2024-02-29", "CivilDate");
  check(kashif::ParseGazetteerTsv("x\tPER\n", "inline").ok(), "ParseGazetteerTsv");
  check(!kashif::LoadGazetteerFile("/nonexistent/kashif.tsv").ok(), "LoadGazetteerFile");
  check(!kashif::Status(kashif::StatusCode::kNotFound, "x").ToString().empty(), "Status");

  auto extractor = kashif::Extractor::Create();
  check(extractor.ok(), "Extractor::Create");
  if (extractor.ok()) {
    const std::string text = "في القاهرة أمس";
    std::vector<kashif::Entity> entities;
    extractor->Extract(text, std::nullopt, &entities);
    check(!extractor->Extract(text).empty(), "Extract");
    check(!extractor->Extract(text, *date).empty(), "Extract with date");
    kashif::ReleaseThreadScratch();
    check(!extractor->Extract(text).empty(), "Extract after ReleaseThreadScratch");
    check(extractor->options().use_builtin_gazetteers, "options");
  }

  kashif::Normalizer normalizer;
  const std::string marked = "أَكَلَت";  // marks inside the word map back with their letters
  kashif::NormalizedText normalized = normalizer.Normalize(marked);
  check(normalized.text == "اكلت", "Normalize");
  check(normalized.ToSource(0, normalized.text.size()) ==
            std::pair<size_t, size_t>(0, marked.size()),
        "NormalizedText::ToSource");
  std::string appended;
  normalizer.AppendNormalized("إ", &appended);
  check(appended == "ا" && normalizer.NormalizeToString("ى") == "ي", "AppendNormalized");

  kashif::Tokenizer tokenizer;
  std::vector<kashif::Token> tokens;
  tokenizer.Tokenize("في 2024", &tokens);
  check(tokens.size() == 2 && tokenizer.Tokenize("a b").size() == 2, "Tokenize");
  check(std::string(kashif::TokenKindName(tokens[1].kind)) == "number", "TokenKindName");

  auto stemmer = kashif::Stemmer::Create();
  check(stemmer.ok(), "Stemmer::Create");
  if (stemmer.ok()) {
    kashif::Segmentation segmentation = stemmer->Segment("والكتاب");
    check(segmentation.HasArticle(), "Segmentation::HasArticle");
    std::string stem;
    stemmer->AppendLightStem("والكتاب", &stem);
    check(stem == stemmer->LightStem("والكتاب"), "LightStem");
  }

  check(kashif::ParseNumber("ثلاثة") == std::string("3"), "ParseNumber");
  check(kashif::ParseNumberExpression("الحادي عشر").has_value(), "ParseNumberExpression");
  check(kashif::FindNumbers("دفع 12 ألف").size() == 1, "FindNumbers");

  check(std::string(kashif_version()) == KASHIF_VERSION_STRING, "kashif_version");
  kashif_release_thread_scratch();
  if (failures == 0) std::printf("public_api_link: every public function links and runs\n");
  return failures == 0 ? 0 : 1;
}
