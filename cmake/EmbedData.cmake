# kashif_embed_data(<out-var> OUTPUT_DIR <dir> FILES <file>...)
#
# Turns each data file into a C++ source that defines
#   extern const unsigned char kashif_data_<stem>[]; extern const size_t kashif_data_<stem>_size;
# so the library carries its gazetteers and lexicons with it and needs no files at run time.
# The conversion runs at build time and is redone when the data file changes.
function(kashif_embed_data out_var)
  cmake_parse_arguments(ARG "" "OUTPUT_DIR" "FILES" ${ARGN})
  set(sources)
  foreach(file IN LISTS ARG_FILES)
    get_filename_component(stem "${file}" NAME_WE)
    string(MAKE_C_IDENTIFIER "${stem}" symbol)
    set(output "${ARG_OUTPUT_DIR}/embedded_${symbol}.cc")
    add_custom_command(
      OUTPUT "${output}"
      COMMAND ${CMAKE_COMMAND} -DINPUT=${file} -DOUTPUT=${output} -DSYMBOL=${symbol}
              -P "${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake"
      DEPENDS "${file}" "${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake"
      COMMENT "Embedding ${stem} data"
      VERBATIM)
    list(APPEND sources "${output}")
  endforeach()
  set(${out_var} ${sources} PARENT_SCOPE)
endfunction()
