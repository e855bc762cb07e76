// The README program: find the entities in one Arabic sentence.
#include <iostream>
#include <string>

#include <kashif/kashif.h>

int main() {
  const std::string text = "وصل وزير الخارجية إلى موسكو قادما من القاهرة يوم الخميس.";
  auto extractor = kashif::Extractor::Create();
  if (!extractor.ok()) {
    std::cerr << extractor.status().ToString() << "\n";
    return 1;
  }
  for (const kashif::Entity& e : extractor->Extract(text)) {
    std::cout << kashif::EntityTypeLabel(e.type) << "\t[" << e.begin << ", " << e.end << ")\t"
              << e.text(text) << "\n";
  }
}
