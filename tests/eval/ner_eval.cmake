# Runs `kashif eval` on the NER development corpora in ../shared/data/ner and prints the figures
# (per-type and micro precision / recall / F1). Measures, does not assert: the test fails only
# when the tool fails. Without ../shared (a user's fresh clone) it says so and passes.
#   cmake -DKASHIF=<kashif binary> -DSHARED=<dir holding data/ner> -P ner_eval.cmake
if(NOT EXISTS "${SHARED}/data/ner")
  message(STATUS "skipped: ../shared not found (${SHARED}/data/ner)")
  return()
endif()

# title | files (glob patterns, comma-separated) | types scored
# The three AQMAR articles the rules were never tuned on are also scored apart: they are the
# team's check that a change generalizes (study errors on the others, only measure these).
set(aqmar "${SHARED}/data/ner/aqmar-dev")
set(corpora
  "ANERcorp train|${SHARED}/data/ner/anercorp-train.conll|PER,ORG,LOC"
  "AQMAR dev|${aqmar}/*.txt|PER,ORG,LOC"
  "AQMAR dev, held-out articles|${aqmar}/Raul_Gonzales.txt,${aqmar}/Real_Madrid.txt,${aqmar}/Solaris.txt|PER,ORG,LOC"
  "Wojood sample|${SHARED}/data/ner/wojood-sample-*.txt|PER,ORG,LOC"
  "Wojood sample, money and dates|${SHARED}/data/ner/wojood-sample-*.txt|MONEY,DATE")
foreach(entry IN LISTS corpora)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 title)
  list(GET parts 1 pattern)
  list(GET parts 2 types)
  string(REPLACE "," ";" patterns "${pattern}")
  file(GLOB files ${patterns})
  list(SORT files)
  if(NOT files)
    message(STATUS "skipped: ${title}: no files match ${pattern}")
    continue()
  endif()
  execute_process(COMMAND "${KASHIF}" eval --types ${types} ${files}
                  RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE errors)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "kashif eval failed on ${title} (${status}):\n${errors}")
  endif()
  # Several files: the total is what counts; one file: its own table.
  string(FIND "${output}" "== total" total_at)
  if(total_at GREATER -1)
    string(SUBSTRING "${output}" ${total_at} -1 output)
  endif()
  message(STATUS "${title}: kashif eval --types ${types}\n${output}")
endforeach()
