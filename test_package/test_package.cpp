// Proves the package links and works: one place with a proclitic, its span without it.
#include <cstdio>
#include <string>

#include <kashif/kashif.h>

int main() {
  const std::string text = "وصل الوفد لروسيا أمس.";
  auto extractor = kashif::Extractor::Create();
  if (!extractor.ok()) {
    std::fprintf(stderr, "%s\n", extractor.status().ToString().c_str());
    return 1;
  }
  const std::string place = "روسيا";
  for (const kashif::Entity& e : extractor->Extract(text)) {
    if (e.type == kashif::EntityType::kPlace && e.text(text) == place &&
        e.begin == text.find(place)) {
      std::printf("kashif %s: LOC %zu-%zu ok\n", kashif::Version(), e.begin, e.end);
      return 0;
    }
  }
  std::fprintf(stderr, "kashif %s: the place was not found\n", kashif::Version());
  return 1;
}
