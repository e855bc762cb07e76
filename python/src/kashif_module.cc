// The Python module kashif._kashif: pybind11 over the public C++ API (kashif.h, tokenizer.h,
// stemmer.h). It adds nothing to the pipeline: it converts options in, entities out, and maps
// byte offsets to the code-point indices Python strings use. The pure-Python parts of the
// package (kashif/__init__.py, kashif/jsonl.py) sit on top of it.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "kashif/kashif.h"
#include "kashif/stemmer.h"
#include "kashif/tokenizer.h"

namespace py = pybind11;

namespace {

// A Status as the Python exception users expect: ValueError for a bad option or malformed
// content, FileNotFoundError / OSError for files, RuntimeError for a kashif bug.
[[noreturn]] void ThrowStatus(const kashif::Status& status) {
  PyObject* type = PyExc_RuntimeError;
  switch (status.code()) {
    case kashif::StatusCode::kInvalidArgument: type = PyExc_ValueError; break;
    case kashif::StatusCode::kNotFound: type = PyExc_FileNotFoundError; break;
    case kashif::StatusCode::kIoError: type = PyExc_OSError; break;
    default: break;
  }
  PyErr_SetString(type, status.message().c_str());
  throw py::error_already_set();
}

// The UTF-8 bytes of a Python str, without a copy (CPython caches them in the object, which
// the caller keeps alive). Raises TypeError for a non-str, UnicodeEncodeError (a ValueError)
// for a str with lone surrogates.
std::string_view Utf8Of(const py::handle& text, const char* what) {
  if (!PyUnicode_Check(text.ptr())) {
    throw py::type_error(std::string(what) + " must be str, not " +
                         std::string(py::str(py::type::of(text).attr("__name__"))));
  }
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
  if (data == nullptr) throw py::error_already_set();
  return std::string_view(data, static_cast<size_t>(size));
}

// Maps increasing byte offsets of valid UTF-8 to code-point indices, in one forward pass.
class CodePointCounter {
 public:
  explicit CodePointCounter(std::string_view text) : text_(text) {}
  size_t IndexOf(size_t byte_offset) {
    if (byte_offset < byte_) {  // entities come sorted by begin; ends may precede the next begin
      byte_ = 0;
      index_ = 0;
    }
    for (; byte_ < byte_offset && byte_ < text_.size(); ++byte_) {
      if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++index_;
    }
    return index_;
  }

 private:
  std::string_view text_;
  size_t byte_ = 0;
  size_t index_ = 0;
};

std::optional<kashif::CivilDate> DateArgument(const py::object& value, const char* what) {
  if (value.is_none()) return std::nullopt;
  std::string text;
  if (py::isinstance<py::str>(value)) {
    text = value.cast<std::string>();
  } else if (py::hasattr(value, "isoformat") && py::hasattr(value, "day") &&
             !py::hasattr(value, "hour")) {  // a datetime.date, not a datetime
    text = value.attr("isoformat")().cast<std::string>();
  } else {
    throw py::type_error(std::string(what) + " must be a str YYYY-MM-DD or a datetime.date");
  }
  std::optional<kashif::CivilDate> date = kashif::ParseCivilDate(text);
  if (!date) {
    throw py::value_error(std::string(what) + " must be a day written YYYY-MM-DD: " + text);
  }
  return date;
}

// One entity as Python sees it.
struct PyEntity {
  std::string type;
  size_t start = 0, end = 0;            // code-point indices into the Python str
  size_t byte_start = 0, byte_end = 0;  // byte offsets into its UTF-8 encoding
  py::str text;
  py::str canonical;
  py::object value = py::none();

  py::tuple State() const {
    return py::make_tuple(type, start, end, byte_start, byte_end, text, canonical, value);
  }
};

// The `value` of a MONEY or DATE entity, key for key the object the CLI writes as JSON: the
// amount is exact (int, or decimal.Decimal when it has a fraction), null fields are None.
py::object ValueOf(const kashif::Entity& e) {
  if (e.money) {
    py::dict value;
    const std::string& amount = e.money->amount;
    if (amount.empty()) {
      value["amount"] = py::none();
    } else if (amount.find('.') == std::string::npos) {
      value["amount"] = py::reinterpret_steal<py::object>(
          PyLong_FromString(amount.c_str(), nullptr, 10));
    } else {
      static const py::handle decimal = [] {  // imported once, kept for the process's life
        return py::object(py::module_::import("decimal").attr("Decimal")).release();
      }();
      value["amount"] = decimal(amount);
    }
    value["currency"] = e.money->currency.empty() ? py::object(py::none())
                                                  : py::object(py::str(e.money->currency));
    return std::move(value);
  }
  if (e.date) {
    py::dict value;
    value["timex"] = py::str(e.date->timex);
    value["calendar"] = e.date->calendar == kashif::Calendar::kHijri ? "hijri" : "gregorian";
    value["resolved"] = e.date->resolved.empty() ? py::object(py::none())
                                                 : py::object(py::str(e.date->resolved));
    return std::move(value);
  }
  return py::none();
}

py::list ToPython(std::string_view text, const std::vector<kashif::Entity>& entities) {
  py::list out(entities.size());
  CodePointCounter counter(text);
  for (size_t i = 0; i < entities.size(); ++i) {
    const kashif::Entity& e = entities[i];
    PyEntity p;
    p.type = kashif::EntityTypeLabel(e);
    p.byte_start = e.begin;
    p.byte_end = e.end;
    p.start = counter.IndexOf(e.begin);
    p.end = counter.IndexOf(e.end);
    p.text = py::str(text.data() + e.begin, e.end - e.begin);
    p.canonical = py::str(e.canonical);
    p.value = ValueOf(e);
    out[i] = py::cast(std::move(p));
  }
  return out;
}

const char* DateBiasName(kashif::DateBias bias) {
  return bias == kashif::DateBias::kFuture ? "future" : "past";
}
const char* HijriName(kashif::HijriCalendar calendar) {
  return calendar == kashif::HijriCalendar::kCivil ? "civil" : "umalqura";
}

// An Extractor plus what pickling needs. Files are read when the extractor is made and their
// entries kept, so an unpickled copy does not need the files (workers on other machines).
class PyExtractor {
 public:
  static PyExtractor Make(const py::object& types, const py::object& reference_date,
                          const std::string& date_bias, const py::object& gazetteer_files,
                          const py::object& patterns_file, const std::string& hijri_calendar,
                          bool use_builtin_gazetteers) {
    kashif::Options options;
    if (!types.is_none()) {
      if (py::isinstance<py::str>(types) || !py::isinstance<py::iterable>(types)) {
        throw py::type_error("types must be a list of labels such as [\"PER\", \"LOC\"]");
      }
      for (const py::handle& item : types) {
        const std::string label(Utf8Of(item, "each type"));
        const std::optional<kashif::EntityType> type = kashif::ParseEntityType(label);
        if (!type) throw py::value_error("unknown entity type in types: \"" + label + "\"");
        options.types.push_back(*type);
      }
    }
    options.reference_date = DateArgument(reference_date, "reference_date");
    if (date_bias == "past" || date_bias == "future") {
      options.date_bias = date_bias == "past" ? kashif::DateBias::kPast : kashif::DateBias::kFuture;
    } else {
      throw py::value_error("date_bias must be \"past\" or \"future\": \"" + date_bias + "\"");
    }
    if (hijri_calendar == "umalqura" || hijri_calendar == "civil") {
      options.hijri_calendar = hijri_calendar == "civil" ? kashif::HijriCalendar::kCivil
                                                         : kashif::HijriCalendar::kUmmAlQura;
    } else {
      throw py::value_error("hijri_calendar must be \"umalqura\" or \"civil\": \"" +
                            hijri_calendar + "\"");
    }
    options.use_builtin_gazetteers = use_builtin_gazetteers;
    if (!gazetteer_files.is_none()) {
      if (py::isinstance<py::str>(gazetteer_files)) {
        throw py::type_error("gazetteer_files must be a list of paths, not a str");
      }
      const py::object fspath = py::module_::import("os").attr("fspath");
      for (const py::handle& file : gazetteer_files) {
        const std::string path = fspath(file).cast<std::string>();
        auto entries = kashif::LoadGazetteerFile(path);
        if (!entries.ok()) ThrowStatus(entries.status());
        for (kashif::GazetteerEntry& entry : *entries) {
          options.gazetteer_entries.push_back(std::move(entry));
        }
      }
    }
    if (!patterns_file.is_none()) {
      const std::string path =
          py::module_::import("os").attr("fspath")(patterns_file).cast<std::string>();
      auto rules = kashif::LoadPatternFile(path);
      if (!rules.ok()) ThrowStatus(rules.status());
      options.patterns = std::move(rules).value();
    }
    return PyExtractor(std::move(options));
  }

  explicit PyExtractor(kashif::Options options) {
    auto extractor = kashif::Extractor::Create(options);
    if (!extractor.ok()) ThrowStatus(extractor.status());
    extractor_.emplace(std::move(extractor).value());
  }

  py::list Extract(const py::object& text, const py::object& reference_date) const {
    const std::string_view utf8 = Utf8Of(text, "text");
    std::optional<kashif::CivilDate> date = extractor_->options().reference_date;
    if (!reference_date.is_none()) date = DateArgument(reference_date, "reference_date");
    std::vector<kashif::Entity> entities;
    {
      py::gil_scoped_release release;
      extractor_->Extract(utf8, date, &entities);
    }
    return ToPython(utf8, entities);
  }

  py::list ExtractBatch(const py::iterable& texts, const py::object& threads_arg,
                        const py::object& reference_date) const {
    std::vector<py::object> keep;  // owns the strs whose UTF-8 `inputs` points into
    std::vector<std::string_view> inputs;
    for (const py::handle& text : texts) {
      inputs.push_back(Utf8Of(text, "each text"));
      keep.push_back(py::reinterpret_borrow<py::object>(text));
    }
    size_t threads = std::max(1u, std::thread::hardware_concurrency());
    if (!threads_arg.is_none()) {
      const long n = threads_arg.cast<long>();
      if (n < 1) throw py::value_error("threads must be at least 1: " + std::to_string(n));
      threads = static_cast<size_t>(n);
    }
    std::optional<kashif::CivilDate> date = extractor_->options().reference_date;
    if (!reference_date.is_none()) date = DateArgument(reference_date, "reference_date");
    std::vector<std::vector<kashif::Entity>> results(inputs.size());
    {
      py::gil_scoped_release release;
      std::atomic<size_t> next{0};
      auto work = [&] {
        for (size_t i; (i = next.fetch_add(1)) < inputs.size();) {
          extractor_->Extract(inputs[i], date, &results[i]);
        }
      };
      threads = std::min(threads, inputs.size());
      std::vector<std::thread> pool;
      for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
      work();
      for (std::thread& t : pool) t.join();
    }
    py::list out(inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) out[i] = ToPython(inputs[i], results[i]);
    return out;
  }

  // The options as keyword arguments of the constructor (for repr) plus what files held.
  py::dict State() const {
    const kashif::Options& o = extractor_->options();
    py::dict state;
    py::list types;
    for (kashif::EntityType type : o.types) types.append(kashif::EntityTypeLabel(type));
    state["types"] = o.types.empty() ? py::object(py::none()) : py::object(types);
    state["reference_date"] = o.reference_date
                                  ? py::object(py::str(kashif::FormatCivilDate(*o.reference_date)))
                                  : py::object(py::none());
    state["date_bias"] = DateBiasName(o.date_bias);
    state["hijri_calendar"] = HijriName(o.hijri_calendar);
    state["use_builtin_gazetteers"] = o.use_builtin_gazetteers;
    py::list entries;
    for (const kashif::GazetteerEntry& e : o.gazetteer_entries) {
      entries.append(py::make_tuple(kashif::EntityTypeLabel(e.type), e.name, e.canonical));
    }
    state["gazetteer_entries"] = entries;
    py::list patterns;
    for (const kashif::PatternRule& p : o.patterns) {
      patterns.append(py::make_tuple(p.label, p.pattern, p.priority));
    }
    state["patterns"] = patterns;
    return state;
  }

  static PyExtractor FromState(const py::dict& state) {
    PyExtractor base = Make(state["types"], state["reference_date"],
                            state["date_bias"].cast<std::string>(), py::none(), py::none(),
                            state["hijri_calendar"].cast<std::string>(),
                            state["use_builtin_gazetteers"].cast<bool>());
    kashif::Options options = base.extractor_->options();
    for (const py::handle& item : state["gazetteer_entries"]) {
      const auto entry = item.cast<std::tuple<std::string, std::string, std::string>>();
      const std::optional<kashif::EntityType> type = kashif::ParseEntityType(std::get<0>(entry));
      if (!type) throw py::value_error("unknown entity type in pickled state");
      options.gazetteer_entries.push_back({*type, std::get<1>(entry), std::get<2>(entry)});
    }
    for (const py::handle& item : state["patterns"]) {
      const auto rule = item.cast<std::tuple<std::string, std::string, int>>();
      options.patterns.push_back({std::get<0>(rule), std::get<1>(rule), std::get<2>(rule)});
    }
    return PyExtractor(std::move(options));
  }

  std::string Repr() const {
    const kashif::Options& o = extractor_->options();
    std::string types;
    for (kashif::EntityType type : o.types) {
      types += std::string(types.empty() ? "" : ", ") + "'" + kashif::EntityTypeLabel(type) + "'";
    }
    return "kashif.Extractor(types=" + (o.types.empty() ? "None" : "[" + types + "]") +
           ", reference_date=" +
           (o.reference_date ? "'" + kashif::FormatCivilDate(*o.reference_date) + "'" : "None") +
           ", date_bias='" + DateBiasName(o.date_bias) + "', gazetteer entries: " +
           std::to_string(o.gazetteer_entries.size()) + ")";
  }

 private:
  std::optional<kashif::Extractor> extractor_;
};

// A token as Python sees it: the CLI's JSON fields (start, end, kind, text) with start/end as
// code-point indices, plus the byte offsets.
struct PyToken {
  size_t start = 0, end = 0, byte_start = 0, byte_end = 0;
  std::string kind;
  py::str text;
};

py::list Tokenize(const py::object& text) {
  const std::string_view utf8 = Utf8Of(text, "text");
  std::vector<kashif::Token> tokens;
  {
    py::gil_scoped_release release;
    kashif::Tokenizer().Tokenize(utf8, &tokens);
  }
  py::list out(tokens.size());
  CodePointCounter counter(utf8);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const kashif::Token& t = tokens[i];
    PyToken p;
    p.byte_start = t.begin;
    p.byte_end = t.end;
    p.start = counter.IndexOf(t.begin);
    p.end = counter.IndexOf(t.end);
    p.kind = kashif::TokenKindName(t.kind);
    p.text = py::str(utf8.data() + t.begin, t.end - t.begin);
    out[i] = py::cast(std::move(p));
  }
  return out;
}

// One word's segmentation: the fields of `kashif stem --format json`.
struct PySegmentation {
  py::str word;
  std::vector<std::string> proclitics;
  py::str stem;
  std::vector<std::string> suffixes;
  std::vector<std::string> enclitics;
  py::str light_stem;
};

const kashif::Stemmer& DefaultStemmer() {
  static const kashif::Stemmer* stemmer = [] {
    auto created = kashif::Stemmer::Create();
    if (!created.ok()) ThrowStatus(created.status());
    return new kashif::Stemmer(std::move(created).value());
  }();
  return *stemmer;
}

std::vector<std::string> Forms(const kashif::Affix* affixes, size_t count) {
  std::vector<std::string> forms;
  for (size_t i = 0; i < count; ++i) forms.emplace_back(affixes[i].form);
  return forms;
}

PySegmentation Stem(const py::object& word) {
  const std::string_view utf8 = Utf8Of(word, "word");
  const kashif::Stemmer& stemmer = DefaultStemmer();
  const kashif::Segmentation seg = stemmer.Segment(utf8);
  PySegmentation p;
  p.word = py::reinterpret_borrow<py::str>(word);
  p.proclitics = Forms(seg.proclitics.data(), seg.proclitic_count);
  const std::string_view stem = seg.Stem(utf8);
  p.stem = py::str(stem.data(), stem.size());
  p.suffixes = Forms(seg.suffixes.data(), seg.suffix_count);
  p.enclitics = Forms(seg.enclitics.data(), seg.enclitic_count);
  p.light_stem = py::str(stemmer.LightStem(utf8));
  return p;
}

void BindValueTypes(py::module_& m) {
  py::class_<PyEntity>(m, "Entity",
                       "One entity found in a text. start/end index the Python str (code "
                       "points, half-open: text[start:end] == entity.text); byte_start/byte_end "
                       "are the same span in the UTF-8 bytes. value: a dict for MONEY "
                       "({'amount', 'currency'}) and DATE ({'timex', 'calendar', 'resolved'}), "
                       "else None.")
      .def_readonly("type", &PyEntity::type, "The label: PER, ORG, LOC, MONEY, DATE, or a user pattern's label.")
      .def_readonly("start", &PyEntity::start, "Code-point index of the first character.")
      .def_readonly("end", &PyEntity::end, "Code-point index one past the last character.")
      .def_readonly("byte_start", &PyEntity::byte_start, "Byte offset in the UTF-8 text.")
      .def_readonly("byte_end", &PyEntity::byte_end, "Byte offset one past the end.")
      .def_readonly("text", &PyEntity::text, "The entity as written in the text.")
      .def_readonly("canonical", &PyEntity::canonical,
                    "The normalized, proclitic-free name (or surface form).")
      .def_readonly("value", &PyEntity::value,
                    "MONEY: {'amount': int | decimal.Decimal | None, 'currency': str | None}; "
                    "DATE: {'timex': str, 'calendar': 'gregorian' | 'hijri', 'resolved': str | "
                    "None}; otherwise None.")
      .def("__repr__",
           [](const PyEntity& e) {
             return "Entity(type=" + std::string(py::repr(py::str(e.type))) +
                    ", start=" + std::to_string(e.start) + ", end=" + std::to_string(e.end) +
                    ", text=" + std::string(py::repr(e.text)) +
                    ", value=" + std::string(py::repr(e.value)) + ")";
           })
      .def("__eq__",
           [](const PyEntity& a, const py::object& b) {
             if (!py::isinstance<PyEntity>(b)) return false;
             return a.State().equal(b.cast<const PyEntity&>().State());
           })
      .def(py::pickle([](const PyEntity& e) { return e.State(); },
                      [](const py::tuple& t) {
                        if (t.size() != 8) throw py::value_error("bad Entity state");
                        PyEntity e;
                        e.type = t[0].cast<std::string>();
                        e.start = t[1].cast<size_t>();
                        e.end = t[2].cast<size_t>();
                        e.byte_start = t[3].cast<size_t>();
                        e.byte_end = t[4].cast<size_t>();
                        e.text = t[5];
                        e.canonical = t[6];
                        e.value = t[7];
                        return e;
                      }));
  m.attr("Entity").attr("__hash__") = py::none();

  py::class_<PyToken>(m, "Token",
                      "One token: the fields of `kashif tokenize --format json` (start, end, "
                      "kind, text), start/end as code-point indices, plus byte_start/byte_end.")
      .def_readonly("start", &PyToken::start)
      .def_readonly("end", &PyToken::end)
      .def_readonly("byte_start", &PyToken::byte_start)
      .def_readonly("byte_end", &PyToken::byte_end)
      .def_readonly("kind", &PyToken::kind,
                    "arabic, latin, number, punct, symbol or other (an emoji, an invalid byte).")
      .def_readonly("text", &PyToken::text)
      .def("__repr__", [](const PyToken& t) {
        return "Token(start=" + std::to_string(t.start) + ", end=" + std::to_string(t.end) +
               ", kind='" + t.kind + "', text=" + std::string(py::repr(t.text)) + ")";
      });

  py::class_<PySegmentation>(m, "Segmentation",
                             "One word's parts: the fields of `kashif stem --format json`.")
      .def_readonly("word", &PySegmentation::word)
      .def_readonly("proclitics", &PySegmentation::proclitics,
                    "و ف ب ك ل س ال, left to right (the merged article لل as ['ل', 'ال']).")
      .def_readonly("stem", &PySegmentation::stem, "The stem as written (with any marks).")
      .def_readonly("suffixes", &PySegmentation::suffixes, "Inflectional suffixes (ة ات ان ...).")
      .def_readonly("enclitics", &PySegmentation::enclitics, "Pronoun enclitics (ه ها هم ...).")
      .def_readonly("light_stem", &PySegmentation::light_stem,
                    "The normalized stem for search indexing.")
      .def("__repr__", [](const PySegmentation& s) {
        return "Segmentation(word=" + std::string(py::repr(s.word)) +
               ", proclitics=" + std::string(py::repr(py::cast(s.proclitics))) +
               ", stem=" + std::string(py::repr(s.stem)) +
               ", suffixes=" + std::string(py::repr(py::cast(s.suffixes))) +
               ", enclitics=" + std::string(py::repr(py::cast(s.enclitics))) +
               ", light_stem=" + std::string(py::repr(s.light_stem)) + ")";
      });
}

}  // namespace

PYBIND11_MODULE(_kashif, m) {
  m.doc() = "kashif: people, organizations, places, money amounts and dates in Arabic text.";
  m.attr("__version__") = kashif::Version();
  BindValueTypes(m);

  py::class_<PyExtractor>(m, "Extractor",
                          "Finds entities in Arabic text. Immutable and thread-safe once made; "
                          "extract() releases the GIL. Pickles by its options (the gazetteer "
                          "and pattern files' entries travel with it).")
      .def(py::init(&PyExtractor::Make), py::kw_only(), py::arg("types") = py::none(),
           py::arg("reference_date") = py::none(), py::arg("date_bias") = "past",
           py::arg("gazetteer_files") = py::none(), py::arg("patterns_file") = py::none(),
           py::arg("hijri_calendar") = "umalqura", py::arg("use_builtin_gazetteers") = true,
           "types: labels to report (None: all); reference_date: 'YYYY-MM-DD' or datetime.date, "
           "resolves relative dates; date_bias: 'past' or 'future'; gazetteer_files: TSV files "
           "NAME<TAB>TYPE[<TAB>CANONICAL]; patterns_file: user patterns, LABEL<TAB>RE2 PATTERN"
           "[<TAB>PRIORITY] (docs/patterns.md); hijri_calendar: 'umalqura' or 'civil'. Raises "
           "ValueError for a bad option or a malformed file, OSError (FileNotFoundError) for "
           "a file that cannot be read.")
      .def("extract", &PyExtractor::Extract, py::arg("text"),
           py::arg("reference_date") = py::none(),
           "The entities of `text` (a str), sorted by start, never overlapping. reference_date "
           "overrides the extractor's for this call.")
      .def("extract_batch", &PyExtractor::ExtractBatch, py::arg("texts"), py::kw_only(),
           py::arg("threads") = py::none(), py::arg("reference_date") = py::none(),
           "extract() over many texts on `threads` threads (None: all cores), without the GIL. "
           "Returns one list of entities per text, in input order.")
      .def("__repr__", &PyExtractor::Repr)
      .def(py::pickle([](const PyExtractor& e) { return e.State(); },
                      [](const py::dict& state) { return PyExtractor::FromState(state); }));

  m.def("tokenize", &Tokenize, py::arg("text"),
        "The tokens of `text`: words, numbers, punctuation and symbols with their spans.");
  m.def("stem", &Stem, py::arg("word"),
        "Clitic segmentation and light stem of one word (as `kashif stem`).");
  m.def(
      "parse_date",
      [](const py::object& value) {
        return kashif::FormatCivilDate(*DateArgument(value, "date"));
      },
      py::arg("date"),
      "Checks a 'YYYY-MM-DD' day (or datetime.date) and returns it as 'YYYY-MM-DD'; raises "
      "ValueError otherwise.");
}
