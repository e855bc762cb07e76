// Your own entity kinds with RE2 patterns: e-mail addresses, phone numbers (Western or
// Arabic-Indic digits) and case numbers, found next to the built-in people and places:
//
//   patterns [PATTERNS.tsv]
#include <iostream>
#include <string>

#include <kashif/kashif.h>

int main(int argc, char** argv) {
  kashif::Options options;
  // Read by Create(); a bad pattern fails it with "file:line: <RE2's message>".
  options.pattern_files.push_back(argc > 1 ? argv[1] : KASHIF_EXAMPLE_PATTERNS);
  // Patterns can come from code too.
  options.patterns.push_back({"URL", R"(https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/%-]*)?)"});

  auto extractor = kashif::Extractor::Create(options);
  if (!extractor.ok()) {
    std::cerr << extractor.status().ToString() << "\n";
    return 1;
  }
  const std::string text =
      "للتواصل مع سلمى العطار في القاهرة: salma.attar@example.org أو ٠١٠٠١٢٣٤٥٦٧ "
      "أو +20 2 2345 6789، والتفاصيل على https://example.org/news في قضية رقم 1234/2024.";
  for (const kashif::Entity& e : extractor->Extract(text)) {
    // EntityTypeLabel(e): the user's label for a pattern's match, PER/ORG/... otherwise.
    std::cout << kashif::EntityTypeLabel(e) << "\t[" << e.begin << ", " << e.end << ")\t"
              << e.text(text) << "\n";
  }
  return 0;
}
