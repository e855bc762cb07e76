// Gazetteer TSV files as Extractor::Create() reads them: with each entry's line, so that an
// entry refused later (no word to match) is reported as FILE:LINE like a parse error.
#ifndef KASHIF_SRC_EXTRACT_GAZETTEER_FILE_H_
#define KASHIF_SRC_EXTRACT_GAZETTEER_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/kashif.h"

namespace kashif::internal {

// ParseGazetteerTsv, and the line of each entry in *lines (when not null).
StatusOr<std::vector<GazetteerEntry>> ParseGazetteerTsvLines(std::string_view content,
                                                             std::string_view source_name,
                                                             std::vector<uint32_t>* lines);
// Reads a user's TSV file (gazetteer or patterns) whole. A directory, a missing or unreadable
// file is an error that names the path and says why.
Status ReadGazetteerFile(const std::string& path, std::string* content);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_EXTRACT_GAZETTEER_FILE_H_
