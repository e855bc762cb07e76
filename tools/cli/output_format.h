// How `kashif extract` writes its results. One OutputFormat per --format value; each gets the
// documents in input order, possibly in several chunks (a large text file is streamed).
#ifndef KASHIF_TOOLS_CLI_OUTPUT_FORMAT_H_
#define KASHIF_TOOLS_CLI_OUTPUT_FORMAT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/kashif.h"

namespace kashif::cli {

// A piece of one input document with its entities.
struct DocumentChunk {
  // For a file: the JSON string of its name; for a JSONL line: the "id" value as JSON.
  std::string id_json;
  bool from_file = true;     // file input ("file" key) or JSONL input ("id" key)
  std::string text;          // this chunk's bytes
  size_t base_offset = 0;    // where the chunk starts in its document
  bool first = true;         // the document's first chunk
  bool last = true;          // the document's last chunk
  std::vector<Entity> entities;  // offsets relative to `text`
  std::string error;         // non-empty: the document failed (first == last == true)
};

class OutputFormat {
 public:
  virtual ~OutputFormat() = default;
  virtual void Begin(std::string* out) {}
  virtual void Write(const DocumentChunk& chunk, std::string* out) = 0;
  virtual void End(std::string* out) {}
};

// Appends one entity as a JSON object: {"type","start","end","text","canonical","value"}.
void AppendEntityJson(const Entity& entity, std::string_view text, size_t base_offset,
                      std::string* out);

// The value column of the text format: "324000000000 USD", "3000000/5000000 USD" (a range),
// "2025-04-02 → 2025-04-02" (a date), "3.5%", "3/5%", "T14:00 GMT"; empty for names.
std::string ValueText(const Entity& entity);

// text, json or jsonl; nullptr for another name.
std::unique_ptr<OutputFormat> MakeOutputFormat(const std::string& name);

}  // namespace kashif::cli

#endif  // KASHIF_TOOLS_CLI_OUTPUT_FORMAT_H_
