// Small facts about Gregorian calendar days shared by the API and the date matcher.
#ifndef KASHIF_SRC_CORE_CIVIL_DATE_H_
#define KASHIF_SRC_CORE_CIVIL_DATE_H_

#include "kashif/kashif.h"

namespace kashif::internal {

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);  // 0 for a month outside 1-12
// True for a real day of years 1-9999.
bool IsValidCivilDate(const CivilDate& date);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_CORE_CIVIL_DATE_H_
