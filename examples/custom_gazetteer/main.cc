// Adding your own people and organizations at run time, from a TSV file and from code, on top
// of the built-in lists:
//
//   custom_gazetteer [GAZETTEER.tsv]
#include <iostream>
#include <string>

#include <kashif/kashif.h>

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : KASHIF_EXAMPLE_GAZETTEER;

  // Load it yourself to check it (errors say "file:line: reason") ...
  kashif::StatusOr<std::vector<kashif::GazetteerEntry>> entries = kashif::LoadGazetteerFile(path);
  if (!entries.ok()) {
    std::cerr << entries.status().ToString() << "\n";
    return 1;
  }
  std::cout << "loaded " << entries->size() << " entries from " << path << "\n";

  kashif::Options options;
  options.gazetteer_entries = *entries;  // ... or let Create() read it: options.gazetteer_files
  // One more, from code. User entries win over built-in entries of another type.
  options.gazetteer_entries.push_back({kashif::EntityType::kOrganization, "صندوق الواحة", ""});

  auto extractor = kashif::Extractor::Create(options);
  if (!extractor.ok()) {
    std::cerr << extractor.status().ToString() << "\n";
    return 1;
  }
  const std::string text =
      "أعلنت د. سلمى العطار أن مجموعة الأفق الرقمي ستفتح مكتبا في عمّان، "
      "وقال نادر بو خليل إن صندوق الواحة سيموّل مختبرات سنبلة.";
  for (const kashif::Entity& e : extractor->Extract(text)) {
    std::cout << kashif::EntityTypeLabel(e.type) << "\t" << e.text(text) << "\t-> "
              << e.canonical << "\n";
  }
  return 0;
}
