# Sources of the matchers: gazetteer, rules, money, dates, and the resolver.
target_sources(kashif PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/match/gazetteer.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/match/resolver.cc)
# Money: amounts next to currencies (data/currencies.tsv).
target_sources(kashif PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/match/money_matcher.cc)
# Dates: the grammar, its word list and the calendar arithmetic under it.
target_sources(kashif PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/match/date_calendar.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/match/date_lexicon.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/match/date_matcher.cc)
# People, organizations and places beyond the lists: context rules over data/ner_*.tsv and
# document-level propagation.
target_sources(kashif PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/match/ner_lexicon.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/match/person_matcher.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/match/org_rules.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/match/place_rules.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/match/propagation.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/match/misc_filter.cc)
