#include "match/date/date_grammar.h"

namespace kashif::internal::date_grammar {

// "أوائل مارس", "نهاية العام", "منتصف 2019", "نهاية الأسبوع الماضي", "عطلة نهاية الأسبوع".
std::optional<Grammar::AbsParse> Grammar::PartOf(size_t i, bool allow_proclitic) const {
  auto p = Word(i, K::kPart, allow_proclitic);
  if (!p) return std::nullopt;
  const DatePart part = p->word.part;
  const size_t j = p->end_token;
  if (auto m = MonthYear(j, false)) {
    if (m->abs.day == 0 && m->abs.weekday == 0) {
      m->abs.part = part;
      m->skip_bytes = p->skip_bytes;
      return m;
    }
  }
  if (auto m = Month(j, false); m && m->month_offset) {
    Abs a;
    a.month_offset = m->month_offset;
    a.part = part;
    return AbsParse{m->end_token, p->skip_bytes, a};
  }
  if (auto y = Year(j, false, false)) {
    Abs a;
    ApplyYear(*y, &a);
    if (y->era == Calendar::kHijri) return std::nullopt;
    a.part = part;
    return AbsParse{y->end_token, p->skip_bytes, a};
  }
  // "نهاية العام" / "بداية السنة" alone: this year.
  if (auto w = Word(j, K::kUnitDef); w && w->word.count == 1) {
    if (w->word.unit == DateUnit::kYear && !Has(w->end_token, K::kRel)) {
      Abs a;
      a.year_offset = 0;
      a.part = part;
      return AbsParse{w->end_token, p->skip_bytes, a};
    }
    if (w->word.unit == DateUnit::kMonth && !Has(w->end_token, K::kRel)) {
      Abs a;
      a.month_offset = 0;
      a.part = part;
      return AbsParse{w->end_token, p->skip_bytes, a};
    }
  }
  return std::nullopt;
}

// "الربع الأول من العام الحالي" (2025-Q1), "النصف الثاني من 2024" (2024-H2).
std::optional<Parse> Grammar::YearFraction(size_t i, bool allow_proclitic) const {
  auto w = Word(i, K::kYearFraction, allow_proclitic);
  if (!w) return std::nullopt;
  const int parts = w->word.parts;
  std::optional<Num> n = NumberAt(w->end_token);
  if (!n || !n->ordinal || n->value < 1 || n->value > parts) return std::nullopt;
  size_t j = n->end;
  if (auto f = Word(j, K::kRangeFrom); f && !f->word.between && f->end_token == j + 1) ++j;
  std::optional<YearRef> y = Year(j, false, false);
  if (!y || y->era == Calendar::kHijri || y->bc) return std::nullopt;
  const int year = y->offset ? (ref_ ? ref_->year + *y->offset : 0) : y->year;
  const int months = 12 / parts;
  const int first = (n->value - 1) * months + 1;
  const std::string suffix = (parts == 4 ? "-Q" : "-H") + std::to_string(n->value);
  DateOut out;
  if (year == 0) {
    out.timex = "XXXX" + suffix;
  } else {
    const int last = first + months - 1;
    out.timex = FormatYear(year) + suffix;
    out.span = Span{CivilDate{year, first, 1}, CivilDate{year, last, DaysInMonth(year, last)},
                    Grain::kMonth};
  }
  return Parse{y->end_token, w->skip_bytes, std::move(out)};
}

// "الثمانينيات", "ثمانينيات القرن الماضي", "التسعينات من القرن العشرين", "القرن التاسع عشر",
// "القرن الـ21", "القرن الماضي".
std::optional<Parse> Grammar::DecadeOrCentury(size_t i, bool allow_proclitic) const {
  if (auto d = Word(i, K::kDecade, allow_proclitic)) {
    size_t j = d->end_token;
    if (auto f = Word(j, K::kRangeFrom); f && f->end_token == j + 1) ++j;
    int century = 0;  // 0-based hundreds: 19 for the twentieth century
    size_t end = d->end_token;
    if (auto c = CenturyAt(j)) {
      century = c->first;
      end = c->second;
    }
    if (century < 0) return std::nullopt;
    if (century == 0) century = 19;  // a decade alone: of the twentieth century
    const int start = century * 100 + d->word.decade * 10;
    DateOut out;
    out.timex = std::to_string(start / 10);
    out.span = Span{CivilDate{start, 1, 1}, CivilDate{start + 9, 12, 31}, Grain::kYear};
    return Parse{static_cast<uint32_t>(end), d->skip_bytes, std::move(out)};
  }
  // [part] century | millennium: "أواخر القرن العشرين", "مطلع الألفية الثالثة".
  uint32_t skip = 0;
  size_t j = i;
  std::optional<DatePart> part;
  if (auto p = Word(i, K::kPart, allow_proclitic)) {
    part = p->word.part;
    skip = p->skip_bytes;
    j = p->end_token;
  }
  const bool first = j == i;
  int start = 0, years = 0;
  uint32_t end = 0;
  std::string timex;
  if (auto w = Word(j, K::kCenturyWord, first && allow_proclitic)) {
    auto c = CenturyAt(j);
    if (!c || c->first <= 0) return std::nullopt;
    if (first) skip = w->skip_bytes;
    start = c->first * 100;
    years = 100;
    end = c->second;
    timex = std::to_string(c->first);
  } else if (auto m = Word(j, K::kMillenniumWord, first && allow_proclitic)) {
    // "الألفية الثالثة": the years 2000-2999, as "القرن العشرين" is 1900-1999.
    std::optional<Num> n = NumberAt(m->end_token);
    if (!n || n->value < 1 || n->value > 3) return std::nullopt;
    if (first) skip = m->skip_bytes;
    start = (n->value - 1) * 1000;
    years = 1000;
    end = n->end;
    timex = std::to_string(n->value - 1);
  } else {
    return std::nullopt;
  }
  // "الألفية الثالثة ق.م": before the common era, not read.
  if (auto era = Era(end); era && era->word.era == DateEra::kBeforeCommonEra) return std::nullopt;
  if (part) {
    // Its first, middle or last tenth (a decade of a century, a century of a millennium), and
    // for a millennium's start its first decade ("مطلع الألفية": the 2000s).
    const int tenth = years / 10;
    const int from = *part == DatePart::kEarly ? 0 : *part == DatePart::kMid ? 5 : 9;
    start += from * tenth;
    years = years == 1000 && *part == DatePart::kEarly ? 10 : tenth;
  }
  DateOut out;
  out.timex = std::move(timex);
  out.span = Span{CivilDate{start, 1, 1}, CivilDate{start + years - 1, 12, 31}, Grain::kYear};
  return Parse{end, skip, std::move(out)};
}

// "صيف 2021", "الشتاء الماضي", "صيف العام الماضي"; "العام الدراسي 2024/2025", "العام الدراسي
// الحالي". Seasons are the meteorological ones of the northern hemisphere: spring March-May,
// summer June-August, autumn September-November, winter December-February, named by the year
// of its January. A school year runs from September to June.
std::optional<Parse> Grammar::SeasonExpr(size_t i, bool allow_proclitic) const {
  auto w = Word(i, K::kSeason, allow_proclitic);
  if (!w) return std::nullopt;
  const Season season = w->word.season;
  const size_t j = w->end_token;
  if (season == Season::kSchoolYear) return SchoolYear(j, w->skip_bytes);
  static constexpr const char* kCodes[] = {"", "SP", "SU", "FA", "WI"};
  static constexpr int kFirstMonth[] = {0, 3, 6, 9, 12};
  const int first_month = kFirstMonth[static_cast<int>(season)];
  // The season of year y: [y first_month, + 2 months]; winter starts in December of y - 1.
  auto span_of = [&](int y) {
    const CivilDate a{first_month == 12 ? y - 1 : y, first_month, 1};
    const CivilDate b = AddMonths(a, 2);
    return Span{a, CivilDate{b.year, b.month, DaysInMonth(b.year, b.month)}, Grain::kMonth};
  };
  DateOut out;
  uint32_t end = 0;
  if (std::optional<YearRef> y = TrailingYear(j); y && !y->bc && y->era != Calendar::kHijri) {
    const int year = y->offset ? (ref_ ? ref_->year + *y->offset : 0) : y->year;
    end = y->end_token;
    out.timex = (year != 0 ? FormatYear(year) : std::string("XXXX")) + "-" +
                kCodes[static_cast<int>(season)];
    if (year != 0) out.span = span_of(year);
  } else if (auto rel = Word(j, K::kRel)) {
    // "الشتاء الماضي": the last one over before the reference date; "المقبل": the next one
    // to start after it; "الحالي": the one around it, else this year's.
    end = rel->end_token;
    out.timex = std::string("XXXX-") + kCodes[static_cast<int>(season)];
    if (ref_) {
      const int dir = rel->word.direction;
      out.span = span_of(ref_->year);
      for (int k = 0; k < 4; ++k) {
        // Past: this year's, then earlier ones; next and current: last year's, then later ones.
        const Span sp = span_of(dir < 0 ? ref_->year + 1 - k : ref_->year - 1 + k);
        const bool fits =
            dir < 0   ? DaysBetween(sp.last, *ref_) > 0
            : dir > 0 ? DaysBetween(*ref_, sp.first) > 0
                      : DaysBetween(sp.first, *ref_) >= 0 && DaysBetween(*ref_, sp.last) >= 0;
        if (fits) {
          out.span = sp;
          break;
        }
      }
    }
  } else {
    return std::nullopt;
  }
  return Parse{end, w->skip_bytes, std::move(out)};
}

// After "العام الدراسي": "2024/2025" (or "2024 / 2025"), or الحالي / المقبل / الماضي.
std::optional<Parse> Grammar::SchoolYear(size_t j, uint32_t skip) const {
  int first = 0;
  uint32_t end = 0;
  if (IsKind(j, TokenKind::kNumber)) {
    const std::string_view key = doc_.Key(j);
    std::optional<int> y1, y2;
    if (key.size() == 9 && key[4] == '/') {
      y1 = Digits(key.substr(0, 4));
      y2 = Digits(key.substr(5));
      end = static_cast<uint32_t>(j + 1);
    } else if (key.size() == 4 && (IsSlash(j + 1) || IsDash(j + 1)) &&
               IsKind(j + 2, TokenKind::kNumber) && doc_.Key(j + 2).size() == 4) {
      y1 = Digits(key);
      y2 = Digits(doc_.Key(j + 2));
      end = static_cast<uint32_t>(j + 3);
    }
    if (!y1 || !y2 || *y2 != *y1 + 1) return std::nullopt;
    first = *y1;
  } else if (auto rel = Word(j, K::kRel)) {
    end = rel->end_token;
    if (ref_) first = (ref_->month >= 9 ? ref_->year : ref_->year - 1) + rel->word.direction;
  } else {
    return std::nullopt;
  }
  DateOut out;
  if (first == 0) {
    out.timex = "XXXX-09/XXXX-06";
  } else {
    out.span = Span{CivilDate{first, 9, 1}, CivilDate{first + 1, 6, 30}, Grain::kMonth};
    out.timex = FormatSpan(*out.span);
  }
  return Parse{end, skip, std::move(out)};
}

// "القرن العشرين" → {19, end}; "القرن الماضي" from the reference date; {-1, end} when the
// century is relative and no reference date is known.
std::optional<std::pair<int, uint32_t>> Grammar::CenturyAt(size_t i) const {
  auto w = Word(i, K::kCenturyWord, true);
  if (!w) return std::nullopt;
  size_t j = w->end_token;
  if (auto rel = Word(j, K::kRel)) {
    if (!ref_) return std::make_pair(-1, rel->end_token);
    return std::make_pair(ref_->year / 100 + rel->word.direction, rel->end_token);
  }
  // "القرن الـ21": the article written apart from the digits.
  if (j < Size() && IsKind(j, TokenKind::kArabicWord) && IsKind(j + 1, TokenKind::kNumber) &&
      doc_.tokens[j + 1].glued_to_previous) {
    ++j;
  }
  std::optional<Num> n = NumberAt(j);
  if (!n || n->value < 1 || n->value > 21) return std::nullopt;
  return std::make_pair(n->value - 1, n->end);
}

// "من 13 إلى 15 تموز", "بين عامي 2001 و2005", "1936 - 1939", "من عام 2001 إلى عام 2005",
// "بين يناير ومارس", "اغسطس 27 الى 29", "من 27-29 من الشهر الثامن", "من الأحد إلى الخميس".
std::optional<Parse> Grammar::Range(size_t i) const {
  RangeStart r;
  r.at = i;
  if (auto f = Word(i, K::kRangeFrom, true)) {
    r.from_word = true;
    r.skip = f->skip_bytes;
    r.between = f->word.between;  // بين (takes و, not إلى)
    r.at = f->end_token;
  }
  const size_t j = r.at;
  if (auto w = Word(j, K::kYearWord, !r.from_word)) {
    if (auto p = YearWordRange(r, *w)) return p;
    if (w->word.IsDual()) return std::nullopt;
  }
  if (auto m = Month(j, !r.from_word); m && !m->month_offset) {
    if (auto p = MonthDaysRange(r, *m)) return p;
  }
  if (IsKind(j, TokenKind::kNumber)) {
    if (std::optional<Parse> p = NumberRange(r)) return p;
  }
  if (r.from_word && !r.between) {
    if (auto p = WeekdayRange(r)) return p;
  }
  return GeneralRange(r);
}

// "بين عامي 2001 و2005", "عامي 2001 و 2005"; "عام 1931/1932", "عام ( 1931 / 1932 )": a season
// or fiscal year across two years.
std::optional<Parse> Grammar::YearWordRange(const RangeStart& r, const DateWordHit& w) const {
  const uint32_t skip = r.from_word ? r.skip : w.skip_bytes;
  if (w.word.IsDual()) {
    auto a = YearNumber(w.end_token, true, false);
    if (!a) return std::nullopt;
    std::optional<YearRef> b;
    if (auto c = Word(a->end_token, K::kRangeAnd); c) b = YearNumber(c->end_token, true, false);
    if (!b) return std::nullopt;
    return YearRange(*a, *b, skip);
  }
  size_t k = w.end_token;
  const bool paren = IsPunct(k, "(");
  if (paren) ++k;
  std::optional<int> y1, y2;
  size_t e = k;
  if (IsKind(k, TokenKind::kNumber)) {
    const std::string_view key = doc_.Key(k);
    if (key.size() == 9 && key[4] == '/') {
      y1 = Digits(key.substr(0, 4));
      y2 = Digits(key.substr(5));
      e = k + 1;
    } else if (key.size() == 4 && IsSlash(k + 1) && IsKind(k + 2, TokenKind::kNumber) &&
               doc_.Key(k + 2).size() == 4) {
      y1 = Digits(key);
      y2 = Digits(doc_.Key(k + 2));
      e = k + 3;
    }
  }
  if (!y1 || !y2 || *y2 != *y1 + 1 || (paren && !IsPunct(e, ")"))) return std::nullopt;
  YearRef a, b;
  a.year = *y1;
  b.year = *y2;
  b.end_token = static_cast<uint32_t>(paren ? e + 1 : e);
  if (auto era = Era(b.end_token)) {
    a.era = b.era = era->word.era == DateEra::kHijri ? Calendar::kHijri : Calendar::kGregorian;
    b.end_token = era->end_token;
  }
  return YearRange(a, b, skip);
}

// "اغسطس 27 الى 29", "أغسطس 20-24": a month, then its days.
std::optional<Parse> Grammar::MonthDaysRange(const RangeStart& r, const MonthRef& m) const {
  int first = 0, last = 0;
  size_t end = 0;
  if (std::optional<Num> d1 = DayNumber(m.end_token); d1 && !d1->words) {
    auto to = Word(d1->end, K::kRangeTo);
    std::optional<Num> d2 = to ? DayNumber(to->end_token) : std::nullopt;
    if (!d2) return std::nullopt;
    first = d1->value;
    last = d2->value;
    end = d2->end;
  } else if (auto days = DayPair(m.end_token)) {
    first = days->first;
    last = days->second;
    end = m.end_token + 1;
  } else {
    return std::nullopt;
  }
  if (last <= first) return std::nullopt;
  Abs a;
  MonthRef days_after = m;
  days_after.end_token = static_cast<uint32_t>(end);
  end = MonthAndYear(days_after, &a);
  Abs b = a;
  a.day = first;
  b.day = last;
  return Combine(a, b, static_cast<uint32_t>(end), r.from_word ? r.skip : m.skip_bytes);
}

// The days of one token "27-29" (1..31, the first before the second), or nullopt.
std::optional<std::pair<int, int>> Grammar::DayPair(size_t t) const {
  if (!IsKind(t, TokenKind::kNumber)) return std::nullopt;
  const std::string_view key = doc_.Key(t);
  const size_t dash = key.find('-');
  if (dash == std::string_view::npos || key.size() > 5) return std::nullopt;
  auto d1 = Digits(key.substr(0, dash));
  auto d2 = Digits(key.substr(dash + 1));
  if (!d1 || !d2 || *d1 < 1 || *d2 > 31 || *d2 <= *d1) return std::nullopt;
  return std::make_pair(*d1, *d2);
}

// Two years around a dash, "1936 - 1939" or one token "1936-1939"; days of one token before
// a month, "27-29 تموز", "من 27-29 من الشهر الثامن".
std::optional<Parse> Grammar::NumberRange(const RangeStart& r) const {
  const size_t j = r.at;
  const std::string_view key = doc_.Key(j);
  std::optional<int> y1, y2;
  size_t after = 0;
  if (key.size() == 4 && IsDash(j + 1) && IsKind(j + 2, TokenKind::kNumber) &&
      doc_.Key(j + 2).size() == 4) {
    y1 = Digits(key);
    y2 = Digits(doc_.Key(j + 2));
    after = j + 3;
  } else if (key.size() == 9 && key[4] == '-') {
    y1 = Digits(key.substr(0, 4));
    y2 = Digits(key.substr(5));
    after = j + 1;
  }
  if (y1 && y2 && *y1 >= 1000 && *y2 > *y1 && *y2 <= 2200) {
    YearRef a, b;
    a.year = *y1;
    b.year = *y2;
    b.end_token = static_cast<uint32_t>(after);
    if (auto e = Era(after)) {
      a.era = b.era = e->word.era == DateEra::kHijri ? Calendar::kHijri : Calendar::kGregorian;
      b.end_token = e->end_token;
    }
    // One token "2020-2022" is a range of years when something says so, or when both are
    // recent years close together ("الفترة 2020-2022").
    const bool recent = *y1 >= 1900 && *y2 <= 2100 && *y2 - *y1 <= 30;
    if (after == j + 3 || r.from_word || Has(j > 0 ? j - 1 : Size(), K::kCue, true) ||
        b.end_token >= Size() || IsKind(b.end_token, TokenKind::kPunctuation) || b.era || recent) {
      return YearRange(a, b, r.skip);
    }
    return std::nullopt;
  }
  auto days = DayPair(j);
  if (!days) return std::nullopt;
  size_t k = j + 1;
  if (auto f = Word(k, K::kRangeFrom); f && f->end_token == k + 1) ++k;
  std::optional<MonthRef> m = Month(k, false);
  if (!m) return std::nullopt;
  Abs a;
  const size_t end = MonthAndYear(*m, &a);
  Abs b = a;
  a.day = days->first;
  b.day = days->second;
  return Combine(a, b, static_cast<uint32_t>(end), r.skip);
}

// "من الأحد إلى الخميس": the days from the first weekday to the second, the second one where
// the bias puts a bare weekday.
std::optional<Parse> Grammar::WeekdayRange(const RangeStart& r) const {
  auto w1 = Word(r.at, K::kWeekday, false, /*allow_weak=*/false);
  if (!w1) return std::nullopt;
  auto to = Word(w1->end_token, K::kRangeTo, true);
  auto w2 = to ? Word(to->end_token, K::kWeekday, false, false) : std::nullopt;
  if (!w2 || w2->word.weekday == w1->word.weekday) return std::nullopt;
  const int a = w1->word.weekday;
  const int b = w2->word.weekday;
  DateOut out;
  out.timex = "XXXX-WXX-" + std::to_string(a) + "/XXXX-WXX-" + std::to_string(b);
  if (ref_) {
    const int days = (b - a + 7) % 7;
    CivilDate first, last;
    if (Future()) {
      first = WeekdayNear(*ref_, a, true, false);
      last = AddDays(first, days);
    } else {
      last = WeekdayNear(*ref_, b, false, false);
      first = AddDays(last, -days);
    }
    out.span = Span{first, last, Grain::kDay};
  }
  return Parse{w2->end_token, r.skip, std::move(out)};
}

// A bare year as the left side of a range after بين / من: "بين 2016 و2019".
std::optional<Grammar::AbsParse> Grammar::RangeYear(size_t j) const {
  auto y = YearNumber(j, false, false, /*allow_paren=*/false);
  if (!y || y->year < 1900 || y->year > 2100) return std::nullopt;
  AbsParse p;
  p.end_token = y->end_token;
  ApplyYear(*y, &p.abs);
  return p;
}

// General: X (إلى | حتى | و | -) Y, where X may lack the month or year that Y gives.
std::optional<Parse> Grammar::GeneralRange(const RangeStart& r) const {
  const size_t j = r.at;
  const bool from_word = r.from_word;
  const bool between = r.between;
  uint32_t skip = r.skip;
  std::optional<AbsParse> left;
  std::optional<Num> left_day;
  if (auto c = CalendarDate(j, !from_word)) left = c;
  if (!left && from_word) left = RangeYear(j);
  if (!left) {
    left_day = DayNumber(j, !from_word);
    if (!left_day) return std::nullopt;
  }
  size_t k = left ? left->end_token : left_day->end;
  // The connector.
  size_t right_start = 0;
  bool right_proclitic = false;
  if (auto t = Word(k, K::kRangeTo, true)) {
    if (between) return std::nullopt;
    right_start = t->end_token;
  } else if (IsDash(k)) {
    if (between) return std::nullopt;
    right_start = k + 1;
  } else if (between || from_word) {
    if (auto c = Word(k, K::kRangeAnd, true); c && c->end_token == k + 1 && c->skip_bytes == 0) {
      right_start = k + 1;
    } else if (between) {
      // "ومارس", "و2005": the conjunction glued to the next word.
      right_start = k;
      right_proclitic = true;
    }
  }
  if (right_start == 0) return std::nullopt;
  // "13 إلى 15 تموز" without من: only days in digits, then a day and a month.
  const bool bare_days = !from_word && !left && !left_day->words && !IsDash(k);
  if (!from_word && !left && !bare_days) return std::nullopt;
  if (!from_word && left && left->abs.day == 0 && left->abs.month == 0 && !IsDash(k)) {
    // "2001 إلى 2005" without من: too easily a count.
    return std::nullopt;
  }
  std::optional<AbsParse> right = CalendarDate(right_start, right_proclitic);
  if (right_proclitic && right && right->skip_bytes == 0) return std::nullopt;
  if (!right) {
    // "من 2001 إلى 2005": a bare year on the right.
    auto y = YearNumber(right_start, false, right_proclitic);
    if (!y) return std::nullopt;
    AbsParse p;
    p.end_token = y->end_token;
    ApplyYear(*y, &p.abs);
    right = p;
  }
  if (bare_days && (right->abs.month == 0 || right->abs.day <= left_day->value)) {
    return std::nullopt;
  }
  Abs a;
  if (left) {
    a = left->abs;
  } else {
    a = right->abs;
    a.day = left_day->value;
    if (right->abs.day == 0) return std::nullopt;
  }
  Abs b = right->abs;
  // The left side borrows what only the right side says.
  if (a.year == 0 && !a.year_offset && (b.year != 0 || b.year_offset) &&
      (a.month != 0 || a.day != 0)) {
    a.year = b.year;
    a.year_said = b.year_said;
    a.year_offset = b.year_offset;
    if (a.calendar != b.calendar && a.month != 0) return std::nullopt;
  }
  if (!from_word && left) skip = left->skip_bytes;
  return Combine(a, b, right->end_token, skip);
}

std::optional<Parse> Grammar::YearRange(const YearRef& ya, const YearRef& yb, uint32_t skip) const {
  Abs a, b;
  ApplyYear(ya, &a);
  ApplyYear(yb, &b);
  if (yb.era == Calendar::kHijri) a.calendar = b.calendar = Calendar::kHijri;
  if (b.year <= a.year) return std::nullopt;
  return Combine(a, b, yb.end_token, skip);
}

}  // namespace kashif::internal::date_grammar
