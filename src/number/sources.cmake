# Sources of the number stage: exact decimals, the number grammar and the public number API.
target_sources(kashif PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/number/decimal.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/number/number_parser.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/number/number.cc)
