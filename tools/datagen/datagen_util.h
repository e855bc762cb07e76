// Shared pieces of the data generators (gen_places, gen_organizations, gen_demonyms): reading
// the hand-written source lists, folding names for duplicate detection, and writing the
// generated TSV files under data/.
//
// The generators are developer tools: they run on a machine with ICU (and optionally Debian
// iso-codes) and their output, data/*.tsv, is committed. The library never runs them.
#ifndef KASHIF_TOOLS_DATAGEN_DATAGEN_UTIL_H_
#define KASHIF_TOOLS_DATAGEN_DATAGEN_UTIL_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kashif::datagen {

// The matching form of a name: marks and tatweel removed, alef / alef maqsura / teh marbuta /
// hamza-on-carrier folded, spaces collapsed. It mirrors kashif::NormalizerOptions with every
// fold on, which is how the extractor compares names; it is reimplemented here with ICU so the
// data can be regenerated without a working build of the library.
std::string FoldForMatching(std::string_view utf8);

// Removes Arabic marks (tashkeel, shadda, superscript alef) and tatweel and trims spaces, so
// names from sources that vocalize (iso-codes) are written the way news text writes them.
std::string StripMarks(std::string_view utf8);

// One line of a generated gazetteer file, or a comment / blank line kept for readability.
struct TsvLine {
  std::string comment;  // non-empty: written as is (must start with '#'); the rest is unused
  std::string name;
  std::string type;
  std::string canonical;  // empty: the name is its own canonical form
  bool from_hand_list = false;
};

// A hand-written source list: gazetteer lines (NAME<TAB>TYPE[<TAB>CANONICAL]), '#' comments,
// blank lines, and exclusion lines "!NAME" that stop NAME (any type, any source) from being
// written: that is how names from ICU that are ordinary Arabic words are kept out.
struct HandList {
  std::vector<TsvLine> lines;
  std::set<std::string> excluded_folded;  // FoldForMatching of each "!NAME"
};
// Reads a hand-written list; exits with "file:line: reason" on a malformed line.
HandList ReadHandList(const std::string& path);

// Collects lines, dropping any (folded name, type) pair already present and any excluded name,
// and writes them out.
class GazetteerWriter {
 public:
  explicit GazetteerWriter(std::set<std::string> excluded_folded);
  void AddComment(std::string comment);
  // Returns false when the line was dropped (duplicate or excluded).
  bool Add(const std::string& name, const std::string& type, const std::string& canonical);
  // Adds hand-written lines. A hand line that repeats a name from ICU/iso-codes with another
  // canonical form sets that entry's canonical form: the team's choice wins over the source's
  // spelling ("مقديشيو" becomes a variant of "مقديشو").
  void AddAll(const std::vector<TsvLine>& lines);
  int entry_count() const { return entry_count_; }
  int dropped_count() const { return dropped_count_; }
  // Writes the file; exits with a message on failure.
  void Write(const std::string& path) const;

 private:
  std::set<std::string> excluded_folded_;
  // (folded name, type) -> index in lines_.
  std::map<std::pair<std::string, std::string>, size_t> seen_;
  std::vector<TsvLine> lines_;
  int entry_count_ = 0;
  int dropped_count_ = 0;
};

// Parses "--source-dir DIR" (the repository root); exits with usage otherwise.
std::string SourceDirFromArgs(int argc, char** argv, const char* program);

[[noreturn]] void Die(const std::string& message);

}  // namespace kashif::datagen

#endif  // KASHIF_TOOLS_DATAGEN_DATAGEN_UTIL_H_
