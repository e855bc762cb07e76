// Small public functions: version, labels, dates, status text, gazetteer and pattern TSV parsing.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "kashif/kashif.h"
#include "core/civil_date.h"
#include "extract/gazetteer_file.h"
#include "extract/pattern_rules.h"
#include "match/pattern/pattern_matcher.h"
#include "text/lines.h"
#include "text/utf8.h"

namespace kashif {

const char* Version() { return KASHIF_VERSION_STRING; }

std::string Status::ToString() const {
  const char* name = "ok";
  switch (code_) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: name = "invalid argument"; break;
    case StatusCode::kNotFound: name = "not found"; break;
    case StatusCode::kIoError: name = "I/O error"; break;
    case StatusCode::kInternal: name = "internal error"; break;
  }
  return std::string(name) + ": " + message_;
}

const char* EntityTypeLabel(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kOrganization: return "ORG";
    case EntityType::kPlace: return "LOC";
    case EntityType::kMoney: return "MONEY";
    case EntityType::kDate: return "DATE";
    case EntityType::kPercent: return "PERCENT";
    case EntityType::kTime: return "TIME";
    case EntityType::kCustom: return "CUSTOM";
  }
  return "?";
}

const char* EntityTypeLabel(const Entity& entity) {
  return entity.type == EntityType::kCustom && !entity.label.empty() ? entity.label.c_str()
                                                                      : EntityTypeLabel(entity.type);
}

std::optional<EntityType> ParseEntityType(std::string_view label) {
  std::string upper(label);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (upper == "PER" || upper == "PERS" || upper == "PERSON") return EntityType::kPerson;
  if (upper == "ORG" || upper == "ORGANIZATION") return EntityType::kOrganization;
  if (upper == "LOC" || upper == "GPE" || upper == "PLACE") return EntityType::kPlace;
  if (upper == "MONEY") return EntityType::kMoney;
  if (upper == "DATE") return EntityType::kDate;
  if (upper == "PERCENT") return EntityType::kPercent;
  if (upper == "TIME") return EntityType::kTime;
  return std::nullopt;
}


std::optional<CivilDate> ParseCivilDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  CivilDate date{parts[0], parts[1], parts[2]};
  if (!internal::IsValidCivilDate(date)) return std::nullopt;
  return date;
}

std::string FormatCivilDate(const CivilDate& date) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Calls row(fields, line_number) for each data line of a user's TSV (blank lines and '#' comments skipped)
// that has 2 or 3 tab-separated fields; `row` returns the reason the line is bad, or "". The
// first bad line is the error: "<source_name>:<line>: <reason>". `columns` names the fields.
template <typename Row>
Status ForEachUserTsvRow(std::string_view content, std::string_view source_name,
                         const char* columns, Row row) {
  internal::LineReader lines(content);
  std::string_view line;
  while (lines.Next(&line)) {
    std::string reason;
    if (!internal::IsValidUtf8(line)) {
      reason = "invalid UTF-8";
    } else if (Trim(line).empty() || line.front() == '#') {
      continue;
    } else {
      const std::vector<std::string_view> fields = internal::SplitFields(line);
      if (fields.size() < 2 || fields.size() > 3) {
        reason = std::string("expected 2 or 3 tab-separated columns (") + columns + "), found " +
                 std::to_string(fields.size());
      } else {
        reason = row(fields, lines.line_number());
      }
    }
    if (!reason.empty()) {
      return Status(StatusCode::kInvalidArgument, std::string(source_name) + ":" +
                                                      std::to_string(lines.line_number()) +
                                                      ": " + reason);
    }
  }
  return Status::Ok();
}

}  // namespace

namespace internal {

StatusOr<std::vector<GazetteerEntry>> ParseGazetteerTsvLines(std::string_view content,
                                                             std::string_view source_name,
                                                             std::vector<uint32_t>* entry_lines) {
  std::vector<GazetteerEntry> entries;
  const Status status = ForEachUserTsvRow(
      content, source_name, "NAME, TYPE[, CANONICAL]",
      [&](const std::vector<std::string_view>& fields, size_t line) -> std::string {
        const std::string_view name = Trim(fields[0]);
        if (name.empty()) return "empty name";
        const std::string_view label = Trim(fields[1]);
        const std::optional<EntityType> type = ParseEntityType(label);
        if (!type || (*type != EntityType::kPerson && *type != EntityType::kOrganization &&
                      *type != EntityType::kPlace)) {
          return "unknown type \"" + std::string(label) + "\" (expected PER, ORG or LOC)";
        }
        GazetteerEntry entry;
        entry.type = *type;
        entry.name = std::string(name);
        entry.canonical = fields.size() == 3 ? std::string(Trim(fields[2])) : std::string();
        if (entry.canonical.empty()) entry.canonical = entry.name;
        entries.push_back(std::move(entry));
        if (entry_lines) entry_lines->push_back(static_cast<uint32_t>(line));
        return "";
      });
  if (!status.ok()) return status;
  return entries;
}

Status ReadGazetteerFile(const std::string& path, std::string* content) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status(StatusCode::kInvalidArgument, path + ": is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot open file");
  content->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return Status(StatusCode::kIoError, path + ": read error");
  return Status::Ok();
}

std::string PatternRuleProblem(const PatternRule& rule) {
  if (ParseEntityType(rule.label)) {
    return "label \"" + rule.label + "\" is a built-in entity type; choose another name";
  }
  return PatternRuleError(rule);
}

}  // namespace internal

StatusOr<std::vector<GazetteerEntry>> ParseGazetteerTsv(std::string_view content,
                                                        std::string_view source_name) {
  return internal::ParseGazetteerTsvLines(content, source_name, nullptr);
}

StatusOr<std::vector<GazetteerEntry>> LoadGazetteerFile(const std::string& path) {
  std::string content;
  Status status = internal::ReadGazetteerFile(path, &content);
  if (!status.ok()) return status;
  return ParseGazetteerTsv(content, path);
}

StatusOr<std::vector<PatternRule>> ParsePatternTsv(std::string_view content,
                                                  std::string_view source_name) {
  std::vector<PatternRule> rules;
  const Status status = ForEachUserTsvRow(
      content, source_name, "LABEL, PATTERN[, PRIORITY]",
      [&](const std::vector<std::string_view>& fields, size_t) -> std::string {
        PatternRule rule;
        rule.label = std::string(Trim(fields[0]));
        // The pattern is taken as written (spaces are part of a pattern); a tab in it is \t.
        rule.pattern = std::string(fields[1]);
        if (fields.size() == 3) {
          const std::string priority(Trim(fields[2]));
          const bool digits = !priority.empty() && priority.size() <= 3 &&
                              priority.find_first_not_of("0123456789") == std::string::npos;
          if (!digits || std::stoi(priority) > 255) {
            return "priority must be a whole number from 0 to 255: \"" + priority + "\"";
          }
          rule.priority = std::stoi(priority);
        }
        std::string reason = internal::PatternRuleProblem(rule);
        if (reason.empty()) rules.push_back(std::move(rule));
        return reason;
      });
  if (!status.ok()) return status;
  return rules;
}

StatusOr<std::vector<PatternRule>> LoadPatternFile(const std::string& path) {
  std::string content;
  Status status = internal::ReadGazetteerFile(path, &content);
  if (!status.ok()) return status;
  return ParsePatternTsv(content, path);
}

}  // namespace kashif
