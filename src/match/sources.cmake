# Sources of the matchers: gazetteer, rules, money, dates, and the resolver.
target_sources(kashif PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/match/gazetteer.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/match/resolver.cc)
