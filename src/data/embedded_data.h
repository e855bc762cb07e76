// The data files compiled into the library (see cmake/EmbedData.cmake).
#ifndef KASHIF_SRC_DATA_EMBEDDED_DATA_H_
#define KASHIF_SRC_DATA_EMBEDDED_DATA_H_

#include <cstddef>
#include <string_view>
#include <vector>

// Declares the symbols cmake/EmbedFile.cmake defines for data/<stem>.tsv.
#define KASHIF_DECLARE_EMBEDDED(stem)                 \
  extern const unsigned char kashif_data_##stem[];    \
  extern const std::size_t kashif_data_##stem##_size

// The contents of data/<stem>.tsv as a string_view (global scope only).
#define KASHIF_EMBEDDED(stem)                                                      \
  std::string_view(reinterpret_cast<const char*>(kashif_data_##stem), kashif_data_##stem##_size)

namespace kashif::internal {

struct EmbeddedFile {
  std::string_view name;     // "places.tsv", used in error messages
  std::string_view content;
};

// The built-in gazetteers, in the order they are loaded (first of equals wins).
const std::vector<EmbeddedFile>& BuiltinGazetteerFiles();

}  // namespace kashif::internal

#endif  // KASHIF_SRC_DATA_EMBEDDED_DATA_H_
