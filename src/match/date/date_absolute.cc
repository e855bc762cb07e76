#include "match/date/date_grammar.h"

namespace kashif::internal::date_grammar {

// A month: a name (paired forms "أبريل/نيسان", "نيسان (أبريل)" read as one), "شهر ثلاثة",
// "الشهر الثامن", "الشهر القادم".
std::optional<Grammar::MonthRef> Grammar::Month(size_t i, bool allow_proclitic) const {
  MonthRef r;
  size_t j = i;
  if (auto w = Word(i, K::kMonthWord, allow_proclitic)) {
    r.skip_bytes = w->skip_bytes;
    r.with_month_word = true;
    j = w->end_token;
    // "الشهر القادم" / "الشهر الماضي"
    if (auto rel = Word(j, K::kRel)) {
      r.end_token = rel->end_token;
      r.month_offset = rel->word.direction;
      return r;
    }
  }
  const bool after_word = j != i;
  std::optional<DateWordHit> name = Word(j, K::kMonth, !after_word && allow_proclitic);
  if (!name) name = Word(j, K::kHijriMonth, !after_word && allow_proclitic);
  if (name) {
    if (!after_word) r.skip_bytes = name->skip_bytes;
    r.calendar = name->word.kind == K::kHijriMonth ? Calendar::kHijri : Calendar::kGregorian;
    r.month = name->word.month;
    r.named = true;
    r.weak = name->word.weak;
    r.bound = name->word.bound;
    r.end_token = name->end_token;
    if (r.calendar == Calendar::kGregorian) ExtendPaired(&r);
    // "شهر رمضان المبارك"
    if (auto e = Word(r.end_token, K::kEpithet)) r.end_token = e->end_token;
    return r;
  }
  if (!after_word) return std::nullopt;
  // "شهر 3", "شهر ثلاثة", "الشهر الثامن".
  std::optional<Num> n = NumberAt(j);
  if (!n || n->value < 1 || n->value > 12) return std::nullopt;
  // "طوال شهر واحد": one month, not January ("الشهر الأول" and "شهر 1" are January).
  if (n->words && !n->ordinal && n->value == 1) return std::nullopt;
  r.month = n->value;
  r.end_token = n->end;
  return r;
}

// "أبريل/نيسان", "أبريل / نيسان", "نيسان (أبريل)": the second name of the same month.
void Grammar::ExtendPaired(MonthRef* r) const {
  size_t j = r->end_token;
  if (IsSlash(j)) {
    auto w = Word(j + 1, K::kMonth);
    if (w && w->word.month == r->month) r->end_token = w->end_token;
    return;
  }
  if (IsPunct(j, "(")) {
    auto w = Word(j + 1, K::kMonth);
    if (w && w->word.month == r->month && IsPunct(w->end_token, ")")) {
      r->end_token = w->end_token + 1;
    }
  }
}

// A year number at i, with an optional "(...)" around it and an era marker after it.
std::optional<Grammar::YearRef> Grammar::YearNumber(size_t i, bool with_word, bool allow_proclitic,
                                                    bool allow_paren) const {
  YearRef r;
  size_t j = i;
  bool paren = false;
  if (allow_paren && IsPunct(j, "(")) {
    paren = true;
    ++j;
  }
  std::optional<Num> n;
  size_t min_digits = with_word ? 3 : 4;
  if (auto d = DigitToken(j)) {
    n = Num{*d, static_cast<uint32_t>(j + 1), 0, false, false};
  } else if (with_word) {
    n = NumberAt(j, allow_proclitic && !paren && j == i);
    if (n && n->ordinal) n.reset();
    if (n) r.skip_bytes = n->skip;
  } else if (allow_proclitic && j == i && IsKind(j, TokenKind::kNumber)) {
    return std::nullopt;
  }
  if (!n || n->value < 1 || n->value > 2200) return std::nullopt;
  r.year = n->value;
  j = n->end;
  if (paren) {
    if (!IsPunct(j, ")")) return std::nullopt;
    ++j;
  }
  if (auto e = Era(j); e && !Has(e->end_token, K::kNotEraAfter)) {
    r.era = e->word.era == DateEra::kHijri ? Calendar::kHijri : Calendar::kGregorian;
    r.bc = e->word.era == DateEra::kBeforeCommonEra;
    j = e->end_token;
  }
  // Short years only before "ق.م" ("عام 331 ق.م"); otherwise "عام 48" is not a year.
  if (r.bc) min_digits = 1;
  if (n->words ? (!r.bc && n->value < 100) : doc_.Key(n->end - 1).size() < min_digits) {
    return std::nullopt;
  }
  if (!n->words && doc_.Key(n->end - 1).size() > 4) return std::nullopt;
  r.end_token = static_cast<uint32_t>(j);
  return r;
}

// "عام 2022", "سنة 1990م", "العام ( 1948 )", "1445 هـ", "السنة القادمة", "هذا العام".
std::optional<Grammar::YearRef> Grammar::Year(size_t i, bool allow_proclitic,
                                              bool need_word) const {
  if (auto w = Word(i, K::kYearWord, allow_proclitic)) {
    if (!w->word.IsDual()) {
      if (auto r = YearNumber(w->end_token, true, false)) {
        r->skip_bytes = w->skip_bytes;
        r->with_word = true;
        return r;
      }
    }
  }
  if (auto w = Word(i, K::kUnitDef, allow_proclitic);
      w && w->word.unit == DateUnit::kYear && w->word.count == 1) {
    if (auto rel = Word(w->end_token, K::kRel)) {
      if (!AdjectiveUse(i, rel->word)) {
        YearRef r;
        r.end_token = rel->end_token;
        r.skip_bytes = w->skip_bytes;
        r.offset = rel->word.direction;
        r.with_word = true;
        return r;
      }
    }
  }
  if (auto t = Word(i, K::kThis, allow_proclitic)) {
    auto w = Word(t->end_token, K::kUnitDef);
    if (w && w->word.unit == DateUnit::kYear) {
      YearRef r;
      r.end_token = w->end_token;
      r.skip_bytes = t->skip_bytes;
      r.offset = 0;
      r.with_word = true;
      return r;
    }
  }
  if (need_word) return std::nullopt;
  auto r = YearNumber(i, false, allow_proclitic);
  if (r && !r->era && (r->year < 1000)) return std::nullopt;
  return r;
}

// "العام" / "عام" after a definite noun, before a word that is also an adjective (السابق، الحالي:
// `weak`), is the adjective "general" ("الأمين العام السابق"); before الماضي / المقبل it is the
// year ("ارتفع الإنتاج الصناعي العام الماضي").
bool Grammar::AdjectiveUse(size_t i, const DateWord& rel) const {
  if (i == 0) return false;
  // Only عام has that second sense; سنة does not.
  static const std::string kAam = [] {
    std::string k;
    Analyzer().AppendMatchForm("العام", &k);
    return k;
  }();
  if (doc_.Key(i) != kAam) return false;
  // "الأمين العام المقبل": after a title, whatever follows.
  if (Has(i - 1, K::kNotBeforeWeekday, true)) return true;
  if (!rel.weak) return false;
  std::string_view prev = doc_.Key(i - 1);
  return prev.size() > 4 && prev.substr(0, 4) == kArticle && !lex_Has(i - 1);
}

// An optional year after a day and month: "[،] [من|في|ل|ب] (عام 2022 | 2022 | السنة القادمة)".
std::optional<Grammar::YearRef> Grammar::TrailingYear(size_t i) const {
  size_t j = i;
  if (IsComma(j) || IsSlash(j)) ++j;  // "كانون الأول / ( 1986 )", "20 / شعبان / 1428"
  bool via_word = false;
  if (auto c = Word(j, K::kCue); c && c->end_token == j + 1) {
    // "من عام 2014", "في سنة 2014"
    if (auto y = Year(j + 1, false, true)) return y;
    via_word = true;
  }
  (void)via_word;
  // "لعام 2014", "بعام 2014", "عام 2014", "2014", "2014م"
  if (auto y = Year(j, true, true)) return y;
  if (auto y = YearNumber(j, false, false)) {
    if (y->year >= 1 && (doc_.Key(IsPunct(j, "(") ? j + 1 : j).size() >= 3)) return y;
  }
  // "الخامس من مارس ألفين وتسعة عشر"
  if (std::optional<Num> n = NumberAt(j);
      n && n->words && !n->ordinal && n->value >= 1000 && n->value <= 2200) {
    YearRef r;
    r.year = n->value;
    r.end_token = n->end;
    return r;
  }
  return std::nullopt;
}

// "المقبل" / "الماضي" after a month name: which way the date points. Returns the new end.
size_t Grammar::TrailingDirection(size_t end, Abs* a) const {
  auto rel = Word(end, K::kRel);
  if (!rel) return end;
  if (rel->word.direction != 0) {
    a->direction = rel->word.direction;
  } else {
    a->this_year = true;  // "10 أبريل الجاري"
  }
  return rel->end_token;
}

// The month `m` and the year after it, if one follows, into *a: the end of both.
size_t Grammar::MonthAndYear(const MonthRef& m, Abs* a) const {
  a->calendar = m.calendar;
  if (m.month_offset) {
    a->month_offset = m.month_offset;
  } else {
    a->month = m.month;
  }
  if (auto y = TrailingYear(m.end_token)) {
    ApplyYear(*y, a);
    return y->end_token;
  }
  return m.end_token;
}

void Grammar::ApplyYear(const YearRef& y, Abs* a) const {
  if (y.offset) {
    a->year_offset = y.offset;
    return;
  }
  a->year = y.year;
  a->year_said = true;
  a->bc = y.bc;
  if (y.era == Calendar::kHijri && a->calendar == Calendar::kGregorian && a->month == 0) {
    a->calendar = Calendar::kHijri;
  }
  if (a->calendar == Calendar::kHijri && y.era != Calendar::kHijri && y.year > 1600) {
    a->gregorian_year_for_hijri_month = true;
  }
}

// Day-month-year, month-year, year, numeric dates; with "أوائل / منتصف / أواخر" in front.
// Range() reads one at the token where Single() reads one again; the last few are kept.
std::optional<Grammar::AbsParse> Grammar::CalendarDate(size_t i, bool allow_proclitic) const {
  for (const CalendarMemo& m : calendar_memo_) {
    if (m.tag == i + 1 && m.allow_proclitic == allow_proclitic) return m.parse;
  }
  CalendarMemo& m = calendar_memo_[calendar_memo_next_++ % kCalendarMemoSize];
  m.parse = ParseCalendarDate(i, allow_proclitic);
  m.tag = i + 1;
  m.allow_proclitic = allow_proclitic;
  return m.parse;
}

std::optional<Grammar::AbsParse> Grammar::ParseCalendarDate(size_t i, bool allow_proclitic) const {
  std::optional<AbsParse> best;
  auto consider = [&](std::optional<AbsParse> p) {
    if (p && (!best || p->end_token > best->end_token)) best = std::move(p);
  };
  consider(DayMonth(i, allow_proclitic));
  consider(MonthYear(i, allow_proclitic));
  consider(YearOnly(i, allow_proclitic));
  consider(Numeric(i, allow_proclitic));
  consider(DayWordNumeric(i, allow_proclitic));
  consider(PartOf(i, allow_proclitic));
  return best;
}

bool Grammar::CueBefore(size_t i) const {
  if (i == 0) return false;
  // "يناير ومارس": a month right after another month name.
  if (auto m = Word(i - 1, K::kMonth); m && !m->word.weak) return true;
  auto c = Word(i - 1, K::kCue, true);
  return c.has_value() || Has(i - 1, K::kDateCue, true);
}

// "27 فبراير 2022", "الرابع من ابريل", "اليوم الأول من شهر ثلاثة", "15 رمضان 1445 هـ".
std::optional<Grammar::AbsParse> Grammar::DayMonth(size_t i, bool allow_proclitic) const {
  uint32_t skip = 0;
  size_t j = SkipDayWord(i, allow_proclitic, &skip);
  const bool day_word = j != i;
  std::optional<Num> day = DayNumber(j, allow_proclitic && !day_word);
  if (!day) return std::nullopt;
  if (!day_word) skip = day->skip;
  j = day->end;
  // "20 / شعبان / 1428 هجرية", "15-يناير-2020"
  const bool dashed = IsDash(j) && !day->words;
  if ((IsSlash(j) && !day->words) || dashed) ++j;
  bool via_min = false;
  if (auto m = Word(j, K::kRangeFrom); m && !m->word.between) {
    // "الرابع من ابريل" (من, not بين)
    via_min = true;
  }
  std::optional<MonthRef> month = Month(via_min ? j + 1 : j, false);
  if (!month && !via_min) month = Month(j, true);  // "ثالث يوم ... بايلول"
  if (!month && !via_min) {
    // "يوم 20 الجاري": a day of the current month.
    if (auto rel = Word(j, K::kRel); rel && rel->word.direction == 0) {
      Abs a;
      a.day = day->value;
      a.month_offset = 0;
      return AbsParse{rel->end_token, skip, a};
    }
  }
  if (!month || month->month_offset) {
    if (month && month->month_offset) {
      Abs a;
      a.day = day->value;
      a.month_offset = month->month_offset;
      return AbsParse{month->end_token, skip, a};
    }
    return std::nullopt;
  }
  // A word ordinal with a bare number-named month ("الثالث من شهر عشرة") is fine; a digit
  // day before "شهر N" too.
  Abs a;
  a.calendar = month->calendar;
  a.month = month->month;
  a.day = day->value;
  size_t end = month->end_token;
  // "15-يناير-2020" is dashed through; "4 - صفر" is a score.
  if (dashed && (!IsDash(end) || !TrailingYear(end + 1))) return std::nullopt;
  if (auto y = TrailingYear(dashed ? end + 1 : end)) {
    ApplyYear(*y, &a);
    end = y->end_token;
  } else {
    end = TrailingDirection(end, &a);
  }
  return AbsParse{static_cast<uint32_t>(end), skip, a};
}

// "فبراير 2022", "في فبراير", "شهر رمضان", "يونيو / حزيران 2004", "شباط ( 28 / 2 / 1945 )".
std::optional<Grammar::AbsParse> Grammar::MonthYear(size_t i, bool allow_proclitic) const {
  std::optional<MonthRef> month = Month(i, allow_proclitic);
  if (!month) return std::nullopt;
  Abs a;
  a.calendar = month->calendar;
  if (month->month_offset) {
    a.month_offset = month->month_offset;
    return AbsParse{month->end_token, month->skip_bytes, a};
  }
  a.month = month->month;
  size_t end = month->end_token;
  // A month name followed by the full date in parentheses.
  if (IsPunct(end, "(")) {
    if (auto n = Numeric(end + 1, false);
        n && n->abs.month == a.month && IsPunct(n->end_token, ")")) {
      n->end_token += 1;
      n->skip_bytes = month->skip_bytes;
      return n;
    }
  }
  if (auto y = TrailingYear(end)) {
    ApplyYear(*y, &a);
    return AbsParse{y->end_token, month->skip_bytes, a};
  }
  if (const size_t after = TrailingDirection(end, &a); after != end) {
    return AbsParse{static_cast<uint32_t>(after), month->skip_bytes, a};
  }
  // "اغسطس 27" is read only inside ranges; a bare month needs to be unambiguous or cued.
  if (!month->named && !month->with_month_word) return std::nullopt;
  if (month->weak && !month->with_month_word && !CueBefore(i)) return std::nullopt;
  if (month->bound && !month->with_month_word) return std::nullopt;
  if (month->calendar == Calendar::kHijri && month->weak && !month->with_month_word &&
      !CueBefore(i)) {
    return std::nullopt;
  }
  return AbsParse{static_cast<uint32_t>(end), month->skip_bytes, a};
}

// "عام 2022", "سنة 1990م", "1445 هـ", "العام المقبل", "هذه السنة", "في 1948".
std::optional<Grammar::AbsParse> Grammar::YearOnly(size_t i, bool allow_proclitic) const {
  std::optional<YearRef> y = Year(i, allow_proclitic, true);
  if (!y) {
    // A bare year: a four-digit number with an era, after a cue, or standing alone before
    // punctuation (not "/" or "-", which continue paths, numbers and codes).
    y = YearNumber(i, false, false, /*allow_paren=*/false);
    if (!y) return std::nullopt;
    // "القرن 17 ق.م": the number of a century before the common era, not a year.
    if (y->bc && i > 0 && Has(i - 1, K::kCenturyWord, true)) return std::nullopt;
    if (!y->era) {
      const bool plausible = y->year >= 1800 && y->year <= 2100;
      const size_t next = y->end_token;
      const bool alone = next >= Size() ||
                         (IsKind(next, TokenKind::kPunctuation) && !IsSlash(next) && !IsDash(next));
      // "الانتفاضة الأولى 1987": a year names the event before it.
      const bool after_definite =
          i > 0 && IsKind(i - 1, TokenKind::kArabicWord) && doc_.Key(i - 1).size() > 6 &&
          doc_.Key(i - 1).substr(0, 4) == kArticle && y->year >= 1900 && y->year <= 2100;
      if (!plausible || (!CueBefore(i) && !alone && !after_definite)) return std::nullopt;
      // "في 1500 شخص": a count, not a year; after منذ / حتى it can only be a year.
      if (IsKind(next, TokenKind::kArabicWord) && !lex_Has(next) && !CueWord(next) &&
          !TemporalCueBefore(i) && !after_definite) {
        return std::nullopt;
      }
    }
  }
  Abs a;
  ApplyYear(*y, &a);
  if (y->era == Calendar::kHijri) a.calendar = Calendar::kHijri;
  return AbsParse{y->end_token, y->skip_bytes, a};
}

bool Grammar::TemporalCueBefore(size_t i) const {
  if (i == 0) return false;
  auto c = Word(i - 1, K::kCue, true);
  return c && c->word.temporal;
}

bool Grammar::CueWord(size_t i) const {
  return Has(i, K::kCue, true) || Has(i, K::kRangeAnd, true) || Has(i, K::kRangeTo, true);
}

// "27/2/2025", "٢٧/٢/٢٠٢٥", "2025-02-27", "15 / 1 / 1959", "21/09" (after a weekday or يوم).
// A date standing alone in parentheses is the date without them ("( 1948 )" → "1948"); callers
// that read a word before it (بتاريخ، a month) take the parentheses in with `allow_paren`.
// "يوم 5/4 الماضي", "يوم 21/09": a day and month in digits after يوم.
std::optional<Grammar::AbsParse> Grammar::DayWordNumeric(size_t i, bool allow_proclitic) const {
  uint32_t skip = 0;
  const size_t j = SkipDayWord(i, allow_proclitic, &skip);
  if (j == i) return std::nullopt;
  std::optional<AbsParse> n = Numeric(j, false, /*allow_two=*/true);
  if (!n) return std::nullopt;
  n->skip_bytes = skip;
  return n;
}

std::optional<Grammar::AbsParse> Grammar::Numeric(size_t i, bool allow_proclitic, bool allow_two,
                                                  bool allow_paren) const {
  // At most three parts; a fourth makes no date.
  std::string_view parts[3];
  size_t count = 0;
  size_t end = i;
  bool paren = false;
  if (allow_paren && IsPunct(i, "(")) {
    paren = true;
    ++end;
  }
  if (!IsKind(end, TokenKind::kNumber)) return std::nullopt;
  std::string_view key = doc_.Key(end);
  char sep = 0;
  for (char c : {'/', '-', '.'}) {
    if (key.find(c) != std::string_view::npos) sep = c;
  }
  if (sep != 0) {
    // One token: "27/2/2025".
    size_t start = 0;
    while (true) {
      if (count == 3) return std::nullopt;
      size_t p = key.find(sep, start);
      parts[count++] = key.substr(start, p == std::string_view::npos ? p : p - start);
      if (p == std::string_view::npos) break;
      start = p + 1;
    }
    ++end;
  } else {
    // Spaced: "15 / 1 / 1959".
    parts[count++] = key;
    ++end;
    while (count < 3 && (IsSlash(end) || IsDash(end)) && IsKind(end + 1, TokenKind::kNumber) &&
           Digits(doc_.Key(end + 1))) {
      parts[count++] = doc_.Key(end + 1);
      end += 2;
    }
  }
  if (paren) {
    if (!IsPunct(end, ")")) return std::nullopt;
    ++end;
  }
  int v[3] = {0, 0, 0};
  for (size_t k = 0; k < count; ++k) {
    auto d = Digits(parts[k]);
    if (!d) return std::nullopt;
    v[k] = *d;
  }
  Abs a;
  const size_t first = paren ? i + 1 : i;
  const bool cued = CueBefore(first);
  const bool slashed = sep == '/' || (sep == 0 && IsSlash(first + 1));
  if (count == 3) {
    if (parts[0].size() == 4) {
      a.year = v[0], a.month = v[1], a.day = v[2];
    } else if (parts[2].size() == 4) {
      a.day = v[0], a.month = v[1], a.year = v[2];
      // Month-first (American) order when the first number cannot be a month.
      if (a.month > 12 && a.day <= 12) std::swap(a.day, a.month);
    } else if (cued && parts[2].size() == 2 && parts[0].size() <= 2 && parts[1].size() <= 2 &&
               !IsSlash(end) && !IsDash(end)) {
      // "بتاريخ 7-11-19": a two-digit year is 2000-2049 or 1950-1999.
      a.day = v[0], a.month = v[1], a.year = v[2] < 50 ? 2000 + v[2] : 1900 + v[2];
    } else {
      return std::nullopt;
    }
    a.year_said = true;
    // A Hijri date is checked against the Hijri calendar: "29-02-1445 هـ" has no Gregorian twin.
    std::optional<DateWordHit> era = Era(end);
    if (era && era->word.era == DateEra::kHijri) {
      a.calendar = Calendar::kHijri;
      if (!HijriToG(a.year, a.month, a.day)) return std::nullopt;
    } else if (!IsValidCivil(a.year, a.month, a.day)) {
      return std::nullopt;
    }
    if (era) end = era->end_token;
  } else if (count == 2 && cued && slashed && parts[0].size() <= 2 && parts[1].size() == 4 &&
             v[0] >= 1 && v[0] <= 12 && v[1] >= 1000) {
    // "في 7/2019": a month and a year after a preposition.
    a.month = v[0], a.year = v[1];
    a.year_said = true;
  } else if (count == 2 && parts[0].size() <= 2 && parts[1].size() <= 2 &&
             (allow_two || (cued && v[0] > v[1] && slashed))) {
    // "يوم السبت 21/09"; "في 17/6" (not "في 3/4", a fraction).
    a.day = v[0], a.month = v[1];
    if (a.month < 1 || a.month > 12 || a.day < 1 || a.day > DaysInMonth(2000, a.month)) {
      return std::nullopt;
    }
    end = TrailingDirection(end, &a);
  } else {
    return std::nullopt;
  }
  (void)allow_proclitic;
  return AbsParse{static_cast<uint32_t>(end), 0, a};
}

}  // namespace kashif::internal::date_grammar
