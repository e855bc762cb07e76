# Sources of the C API (include/kashif/kashif_c.h).
target_sources(kashif PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/c_api/kashif_c.cc)
