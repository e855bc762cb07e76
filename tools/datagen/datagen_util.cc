#include "datagen_util.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "kashif/normalizer.h"
#include "core/analyzer.h"

namespace kashif::datagen {
namespace {

bool IsArabicMark(UChar32 c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640;
}

std::string CollapseSpaces(const icu::UnicodeString& text) {
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || c == 0x200C || c == 0x200D || c == 0x200F || c == 0x200E) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(' '));
    pending_space = false;
    out.append(c);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return fields;
}

}  // namespace

void Die(const std::string& message) {
  std::cerr << message << "\n";
  std::exit(1);
}

std::string StripMarks(std::string_view utf8) {
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out;
  for (int32_t i = 0; i < in.length();) {
    UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (!IsArabicMark(c)) out.append(c);
  }
  return CollapseSpaces(out);
}

std::string FoldForMatching(std::string_view utf8) {
  // The engine's own match form (every fold on), so two names the generator keeps apart are
  // names the gazetteer can tell apart, and no fold is written down twice.
  static const Normalizer* const match_form = new Normalizer(internal::MatchFormOptions());
  const std::string folded = match_form->NormalizeToString(utf8);
  return CollapseSpaces(icu::UnicodeString::fromUTF8(
      icu::StringPiece(folded.data(), static_cast<int32_t>(folded.size()))));
}

HandList ReadHandList(const std::string& path) {
  std::ifstream in(path);
  if (!in) Die(path + ": cannot open");
  HandList list;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string where = path + ":" + std::to_string(line_number) + ": ";
    if (line.empty() || line[0] == '#') {
      TsvLine comment;
      comment.comment = line.empty() ? std::string("#") : line;
      if (!line.empty()) list.lines.push_back(comment);
      continue;
    }
    if (line[0] == '!') {
      if (line.find('\t') != std::string::npos) Die(where + "an exclusion line is just !NAME");
      std::string name = StripMarks(line.substr(1));
      if (name.empty()) Die(where + "empty exclusion");
      list.excluded_folded.insert(FoldForMatching(name));
      continue;
    }
    std::vector<std::string> fields = SplitTabs(line);
    if (fields.size() < 2 || fields.size() > 3) {
      Die(where + "expected NAME<TAB>TYPE[<TAB>CANONICAL], got " +
          std::to_string(fields.size()) + " fields");
    }
    TsvLine entry;
    entry.name = StripMarks(fields[0]);
    entry.type = fields[1];
    if (fields.size() == 3) entry.canonical = StripMarks(fields[2]);
    if (entry.name.empty()) Die(where + "empty name");
    if (entry.type != "LOC" && entry.type != "ORG" && entry.type != "PER") {
      Die(where + "unknown type '" + entry.type + "'");
    }
    if (entry.canonical == entry.name) entry.canonical.clear();
    list.lines.push_back(entry);
  }
  return list;
}

GazetteerWriter::GazetteerWriter(std::set<std::string> excluded_folded)
    : excluded_folded_(std::move(excluded_folded)) {}

void GazetteerWriter::AddComment(std::string comment) {
  TsvLine line;
  line.comment = std::move(comment);
  lines_.push_back(std::move(line));
}

bool GazetteerWriter::Add(const std::string& raw_name, const std::string& type,
                          const std::string& raw_canonical) {
  std::string name = StripMarks(raw_name);
  std::string canonical = StripMarks(raw_canonical);
  std::string folded = FoldForMatching(name);
  if (name.empty() || excluded_folded_.count(folded) != 0) {
    ++dropped_count_;
    return false;
  }
  if (!seen_.insert({{folded, type}, lines_.size()}).second) {
    ++dropped_count_;
    return false;
  }
  TsvLine line;
  line.name = name;
  line.type = type;
  if (canonical != name) line.canonical = canonical;
  lines_.push_back(std::move(line));
  ++entry_count_;
  return true;
}

void GazetteerWriter::AddAll(const std::vector<TsvLine>& lines) {
  for (const TsvLine& line : lines) {
    if (!line.comment.empty()) {
      AddComment(line.comment);
    } else if (Add(line.name, line.type, line.canonical)) {
      lines_.back().from_hand_list = true;
    } else {
      auto it = seen_.find({FoldForMatching(StripMarks(line.name)), line.type});
      std::string wanted = line.canonical.empty() ? StripMarks(line.name) : line.canonical;
      if (it != seen_.end() && !lines_[it->second].from_hand_list) {
        TsvLine& kept = lines_[it->second];
        std::string kept_canonical = kept.canonical.empty() ? kept.name : kept.canonical;
        if (FoldForMatching(kept_canonical) != FoldForMatching(wanted)) {
          std::cerr << "note: " << kept.name << ": canonical " << kept_canonical << " -> "
                    << wanted << " (hand list)\n";
          kept.canonical = wanted == kept.name ? std::string() : wanted;
          // When the source's entry was itself a canonical form ("مقديشيو"), the source's
          // variants of it follow the new one.
          bool was_canonical = kept_canonical == kept.name;
          for (TsvLine& other : lines_) {
            if (!was_canonical) break;
            if (!other.comment.empty() || other.from_hand_list) continue;
            if (other.type == kept.type && other.canonical == kept_canonical) {
              other.canonical = wanted == other.name ? std::string() : wanted;
            }
          }
        }
        continue;
      }
      std::cerr << "note: dropped duplicate or excluded hand entry: " << line.name << "\t"
                << line.type << "\n";
    }
  }
}

void GazetteerWriter::Write(const std::string& path) const {
  std::ostringstream out;
  for (const TsvLine& line : lines_) {
    if (!line.comment.empty()) {
      out << line.comment << "\n";
      continue;
    }
    out << line.name << "\t" << line.type;
    if (!line.canonical.empty()) out << "\t" << line.canonical;
    out << "\n";
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) Die(path + ": cannot write");
  file << out.str();
  if (!file) Die(path + ": write failed");
}

std::string SourceDirFromArgs(int argc, char** argv, const char* program) {
  if (argc == 3 && std::string(argv[1]) == "--source-dir") return argv[2];
  Die(std::string("usage: ") + program +
      " --source-dir REPO_ROOT\n(rewrites the generated file(s) under REPO_ROOT/data)");
}

}  // namespace kashif::datagen
