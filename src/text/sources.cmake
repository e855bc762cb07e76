# Sources of the text stage: UTF-8, character classes, normalizer, tokenizer.
target_sources(kashif PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/text/char_class.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/text/normalizer.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/text/tokenizer.cc)
