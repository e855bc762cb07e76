// The user-gazetteer TSV loader: entries are valid (non-empty trimmed UTF-8 names, PER / ORG /
// LOC, no tabs or line breaks), errors name the source and a real line, writing the entries back
// out and parsing again gives the same entries, and an extractor built from them alone works.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "kashif/kashif.h"
#include "text/utf8.h"

namespace {

bool HasEdgeSpace(std::string_view s) {
  return !s.empty() && (s.front() == ' ' || s.front() == '\r' || s.back() == ' ' ||
                        s.back() == '\r');
}

void CheckField(std::string_view s) {
  FUZZ_CHECK(!s.empty());
  FUZZ_CHECK(s.find('\t') == std::string_view::npos);
  FUZZ_CHECK(s.find('\n') == std::string_view::npos);
  FUZZ_CHECK(!HasEdgeSpace(s));
  FUZZ_CHECK(kashif::internal::IsValidUtf8(s));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16384) return 0;
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  auto parsed = kashif::ParseGazetteerTsv(content, "fuzz.tsv");
  if (!parsed.ok()) {
    kashif::fuzz::CheckTsvError(parsed.status(), content, "fuzz.tsv");
    return 0;
  }
  const std::vector<kashif::GazetteerEntry>& entries = *parsed;
  // The comment line keeps a name that starts with U+FEFF from being read as the file's BOM.
  std::string rewritten = "# rewritten\n";
  for (const kashif::GazetteerEntry& e : entries) {
    FUZZ_CHECK(e.type == kashif::EntityType::kPerson ||
               e.type == kashif::EntityType::kOrganization ||
               e.type == kashif::EntityType::kPlace);
    CheckField(e.name);
    CheckField(e.canonical);
    // A name that starts with '#' was indented in the source; keep it from reading as a comment.
    if (e.name[0] == '#') rewritten += ' ';
    rewritten += e.name + "\t" + kashif::EntityTypeLabel(e.type) + "\t" + e.canonical + "\n";
  }
  auto reparsed = kashif::ParseGazetteerTsv(rewritten, "rewritten.tsv");
  FUZZ_CHECK(reparsed.ok());
  FUZZ_CHECK(reparsed->size() == entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    FUZZ_CHECK((*reparsed)[i].type == entries[i].type);
    FUZZ_CHECK((*reparsed)[i].name == entries[i].name);
    FUZZ_CHECK((*reparsed)[i].canonical == entries[i].canonical);
  }

  // The entries alone make an extractor (or a clear error); it then finds its own names.
  if (entries.size() > 64) return 0;  // keeps each run fast
  kashif::Options options;
  options.use_builtin_gazetteers = false;
  options.gazetteer_entries = entries;
  auto extractor = kashif::Extractor::Create(options);
  if (!extractor.ok()) {
    FUZZ_CHECK(!extractor.status().message().empty());
    return 0;
  }
  const std::vector<kashif::Entity> found = extractor->Extract(content);
  size_t previous_end = 0;
  for (const kashif::Entity& e : found) {
    FUZZ_CHECK(e.begin < e.end && e.end <= content.size() && e.begin >= previous_end);
    previous_end = e.end;
  }
  return 0;
}
