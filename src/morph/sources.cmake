# Sources of the morph stage.
target_sources(kashif PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/morph/letters.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/morph/stemmer.cc
)
