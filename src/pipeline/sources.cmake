# Sources of the pipeline: the analyzer, the extractor that runs every stage, the public API glue.
target_sources(kashif PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/pipeline/analyzer.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/pipeline/api.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/pipeline/extractor.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/pipeline/vocabulary.cc)
