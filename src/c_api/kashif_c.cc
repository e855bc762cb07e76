// The C API: a thin shell over kashif::Extractor. Every entry point catches everything, because
// a C++ exception unwinding into C code is undefined behaviour.
#include "kashif/kashif_c.h"

#include <cstdio>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kashif/kashif.h"
#include "text/utf8.h"

struct kashif_options {
  kashif::Options options;
};

struct kashif_extractor {
  explicit kashif_extractor(kashif::Extractor e) : extractor(std::move(e)) {}
  kashif::Extractor extractor;
};

struct kashif_result {
  // `views` point into `entities`' strings, which are not touched again after they are built.
  std::vector<kashif::Entity> entities;
  std::vector<kashif_entity> views;
};

namespace {

thread_local std::string last_error;

// Takes the message by pointer so that building the argument cannot throw at the call site.
kashif_status Fail(kashif_status status, const char* message) {
  try {
    last_error = message;
  } catch (...) {
    // The message could not be stored; the status alone still says what happened.
    last_error.clear();
  }
  return status;
}
kashif_status Fail(kashif_status status, const std::string& message) {
  return Fail(status, message.c_str());
}

kashif_status FromStatus(const kashif::Status& status) {
  switch (status.code()) {
    case kashif::StatusCode::kOk:
      return KASHIF_OK;
    case kashif::StatusCode::kInvalidArgument:
      return Fail(KASHIF_INVALID_ARGUMENT, status.message());
    case kashif::StatusCode::kNotFound:
      return Fail(KASHIF_NOT_FOUND, status.message());
    case kashif::StatusCode::kIoError:
      return Fail(KASHIF_IO_ERROR, status.message());
    case kashif::StatusCode::kInternal:
      break;
  }
  return Fail(KASHIF_INTERNAL, status.message());
}

// Runs `body` and turns any exception into a status.
template <typename Body>
kashif_status Guard(Body&& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(KASHIF_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return Fail(KASHIF_INTERNAL, std::string("unexpected error: ") + e.what());
  } catch (...) {
    return Fail(KASHIF_INTERNAL, "unexpected error");
  }
}

bool ValidType(kashif_entity_type type) {
  return static_cast<unsigned>(type) < static_cast<unsigned>(kashif::kEntityTypeCount);
}

bool ValidDate(int year, int month, int day, kashif::CivilDate* date) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  char text[11];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02d", year, month, day);
  std::optional<kashif::CivilDate> parsed = kashif::ParseCivilDate(text);
  if (!parsed) return false;
  *date = *parsed;
  return true;
}

kashif_status BadDate(int year, int month, int day) {
  char message[96];
  std::snprintf(message, sizeof(message), "reference date %d-%d-%d is not a calendar day", year,
                month, day);
  return Fail(KASHIF_INVALID_ARGUMENT, message);
}

const char* OrNull(const std::string& s) { return s.empty() ? nullptr : s.c_str(); }

kashif_status Extract(const kashif_extractor* extractor, const char* text, size_t length,
                      const std::optional<kashif::CivilDate>& reference_date,
                      kashif_result** out) {
  if (out == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  if (extractor == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "extractor is NULL");
  if (text == nullptr && length != 0) {
    return Fail(KASHIF_INVALID_ARGUMENT, "text is NULL but length is not 0");
  }
  return Guard([&] {
    auto result = std::make_unique<kashif_result>();
    std::string_view input = text == nullptr ? std::string_view() : std::string_view(text, length);
    const kashif::Extractor& x = extractor->extractor;
    x.Extract(input, reference_date ? reference_date : x.options().reference_date,
              &result->entities);
    result->views.reserve(result->entities.size());
    for (const kashif::Entity& e : result->entities) {
      kashif_entity view = {};
      view.type = static_cast<kashif_entity_type>(e.type);
      view.begin = e.begin;
      view.end = e.end;
      view.canonical = e.canonical.c_str();
      view.label = kashif::EntityTypeLabel(e);  // points into e.label or at a static string
      if (e.money) {
        view.money_amount = e.money->amount.c_str();
        view.money_currency = OrNull(e.money->currency);
        view.money_upper_amount = OrNull(e.money->upper_amount);
      }
      if (e.date) {
        view.date_timex = e.date->timex.c_str();
        view.date_resolved = OrNull(e.date->resolved);
        view.date_calendar = e.date->calendar == kashif::Calendar::kHijri
                                 ? KASHIF_CALENDAR_HIJRI
                                 : KASHIF_CALENDAR_GREGORIAN;
      }
      if (e.percent) {
        view.percent_value = e.percent->value.c_str();
        view.percent_upper_value = OrNull(e.percent->upper_value);
      }
      if (e.time) {
        view.time_timex = e.time->timex.c_str();
        view.time_zone = OrNull(e.time->zone);
      }
      result->views.push_back(view);
    }
    *out = result.release();
    return KASHIF_OK;
  });
}

}  // namespace

extern "C" {

const char* kashif_version(void) { return kashif::Version(); }

const char* kashif_status_name(kashif_status status) {
  switch (status) {
    case KASHIF_OK:
      return "ok";
    case KASHIF_INVALID_ARGUMENT:
      return "invalid argument";
    case KASHIF_NOT_FOUND:
      return "not found";
    case KASHIF_IO_ERROR:
      return "i/o error";
    case KASHIF_INTERNAL:
      return "internal";
    case KASHIF_OUT_OF_MEMORY:
      return "out of memory";
  }
  return "unknown status";
}

const char* kashif_entity_type_label(kashif_entity_type type) {
  if (type == KASHIF_CUSTOM) return kashif::EntityTypeLabel(kashif::EntityType::kCustom);
  if (!ValidType(type)) return "?";
  return kashif::EntityTypeLabel(static_cast<kashif::EntityType>(type));
}

const char* kashif_last_error(void) { return last_error.c_str(); }

kashif_status kashif_options_create(kashif_options** out) {
  if (out == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  return Guard([&] {
    *out = new kashif_options();
    return KASHIF_OK;
  });
}

void kashif_options_free(kashif_options* options) { delete options; }

kashif_status kashif_options_set_types(kashif_options* options, unsigned type_mask) {
  if (options == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "options is NULL");
  return Guard([&] {
    if ((type_mask & ~KASHIF_ALL_TYPES) != 0) {
      return Fail(KASHIF_INVALID_ARGUMENT,
                  "type mask has bits outside KASHIF_ALL_TYPES: " + std::to_string(type_mask));
    }
    options->options.types.clear();
    if (type_mask == KASHIF_ALL_TYPES) return KASHIF_OK;
    for (int t = 0; t < kashif::kEntityTypeCount; ++t) {
      if (type_mask & KASHIF_TYPE_BIT(t)) {
        options->options.types.push_back(static_cast<kashif::EntityType>(t));
      }
    }
    return KASHIF_OK;
  });
}

kashif_status kashif_options_set_reference_date(kashif_options* options, int year, int month,
                                                int day) {
  if (options == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "options is NULL");
  kashif::CivilDate date;
  if (!ValidDate(year, month, day, &date)) return BadDate(year, month, day);
  options->options.reference_date = date;
  return KASHIF_OK;
}

kashif_status kashif_options_clear_reference_date(kashif_options* options) {
  if (options == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "options is NULL");
  options->options.reference_date.reset();
  return KASHIF_OK;
}

kashif_status kashif_options_set_date_bias(kashif_options* options, kashif_date_bias bias) {
  if (options == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "options is NULL");
  switch (bias) {
    case KASHIF_DATE_BIAS_PAST:
      options->options.date_bias = kashif::DateBias::kPast;
      return KASHIF_OK;
    case KASHIF_DATE_BIAS_FUTURE:
      options->options.date_bias = kashif::DateBias::kFuture;
      return KASHIF_OK;
  }
  return Fail(KASHIF_INVALID_ARGUMENT, "unknown date bias");
}

kashif_status kashif_options_set_hijri_calendar(kashif_options* options,
                                                kashif_hijri_calendar calendar) {
  if (options == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "options is NULL");
  switch (calendar) {
    case KASHIF_HIJRI_UMM_AL_QURA:
      options->options.hijri_calendar = kashif::HijriCalendar::kUmmAlQura;
      return KASHIF_OK;
    case KASHIF_HIJRI_CIVIL:
      options->options.hijri_calendar = kashif::HijriCalendar::kCivil;
      return KASHIF_OK;
  }
  return Fail(KASHIF_INVALID_ARGUMENT, "unknown Hijri calendar");
}

kashif_status kashif_options_set_builtin_gazetteers(kashif_options* options, int enabled) {
  if (options == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "options is NULL");
  options->options.use_builtin_gazetteers = enabled != 0;
  return KASHIF_OK;
}

kashif_status kashif_options_add_gazetteer_file(kashif_options* options, const char* path) {
  if (options == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "options is NULL");
  if (path == nullptr || *path == '\0') return Fail(KASHIF_INVALID_ARGUMENT, "path is empty");
  return Guard([&] {
    options->options.gazetteer_files.emplace_back(path);
    return KASHIF_OK;
  });
}

kashif_status kashif_options_add_gazetteer_entry(kashif_options* options,
                                                 kashif_entity_type type, const char* name,
                                                 const char* canonical) {
  if (options == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "options is NULL");
  if (type != KASHIF_PER && type != KASHIF_ORG && type != KASHIF_LOC) {
    return Fail(KASHIF_INVALID_ARGUMENT, "gazetteer entries must be PER, ORG or LOC");
  }
  if (name == nullptr || *name == '\0') return Fail(KASHIF_INVALID_ARGUMENT, "name is empty");
  if (!kashif::internal::IsValidUtf8(name) ||
      (canonical != nullptr && !kashif::internal::IsValidUtf8(canonical))) {
    return Fail(KASHIF_INVALID_ARGUMENT, "name or canonical is not valid UTF-8");
  }
  return Guard([&] {
    kashif::GazetteerEntry entry;
    entry.type = static_cast<kashif::EntityType>(type);
    entry.name = name;
    if (canonical != nullptr) entry.canonical = canonical;
    options->options.gazetteer_entries.push_back(std::move(entry));
    return KASHIF_OK;
  });
}

kashif_status kashif_options_add_pattern_file(kashif_options* options, const char* path) {
  if (options == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "options is NULL");
  if (path == nullptr || *path == '\0') return Fail(KASHIF_INVALID_ARGUMENT, "path is empty");
  return Guard([&] {
    options->options.pattern_files.emplace_back(path);
    return KASHIF_OK;
  });
}

kashif_status kashif_options_add_pattern(kashif_options* options, const char* label,
                                         const char* pattern, int priority) {
  if (options == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "options is NULL");
  if (label == nullptr || pattern == nullptr) {
    return Fail(KASHIF_INVALID_ARGUMENT, "label or pattern is NULL");
  }
  return Guard([&] {
    options->options.patterns.push_back({label, pattern, priority});
    return KASHIF_OK;
  });
}

kashif_status kashif_extractor_create(const kashif_options* options, kashif_extractor** out) {
  if (out == nullptr) return Fail(KASHIF_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  return Guard([&] {
    kashif::StatusOr<kashif::Extractor> extractor =
        kashif::Extractor::Create(options != nullptr ? options->options : kashif::Options());
    if (!extractor.ok()) return FromStatus(extractor.status());
    *out = new kashif_extractor(std::move(extractor).value());
    return KASHIF_OK;
  });
}

void kashif_release_thread_scratch(void) { kashif::ReleaseThreadScratch(); }

void kashif_extractor_free(kashif_extractor* extractor) { delete extractor; }

kashif_status kashif_extract(const kashif_extractor* extractor, const char* text, size_t length,
                             kashif_result** out) {
  return Extract(extractor, text, length, std::nullopt, out);
}

kashif_status kashif_extract_with_reference_date(const kashif_extractor* extractor,
                                                 const char* text, size_t length, int year,
                                                 int month, int day, kashif_result** out) {
  if (out != nullptr) *out = nullptr;
  kashif::CivilDate date;
  if (!ValidDate(year, month, day, &date)) return BadDate(year, month, day);
  return Extract(extractor, text, length, date, out);
}

size_t kashif_result_size(const kashif_result* result) {
  return result == nullptr ? 0 : result->views.size();
}

const kashif_entity* kashif_result_entity(const kashif_result* result, size_t i) {
  if (result == nullptr || i >= result->views.size()) return nullptr;
  return &result->views[i];
}

void kashif_result_free(kashif_result* result) { delete result; }

}  // extern "C"
