// The list of embedded gazetteer files.
#include "data/embedded_data.h"

KASHIF_DECLARE_EMBEDDED(places);
KASHIF_DECLARE_EMBEDDED(organizations);
KASHIF_DECLARE_EMBEDDED(people);

namespace kashif::internal {

const std::vector<EmbeddedFile>& BuiltinGazetteerFiles() {
  static const auto* files = new std::vector<EmbeddedFile>{
      {"places.tsv", KASHIF_EMBEDDED(places)},
      {"organizations.tsv", KASHIF_EMBEDDED(organizations)},
      {"people.tsv", KASHIF_EMBEDDED(people)},
  };
  return *files;
}

}  // namespace kashif::internal
