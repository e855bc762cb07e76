# Finds kashif's dependencies and exposes one target name for each, whatever provides it.
# The installed kashifConfig.cmake includes this same file, so consumers resolve them the
# same way the build did.
include(CMakeFindDependencyMacro)

find_package(ICU 60 REQUIRED COMPONENTS uc i18n data)
find_package(absl CONFIG REQUIRED)

# RE2: a CMake config where one exists (vcpkg, Conan, newer distributions); Debian 12's
# libre2-dev ships only re2.pc, so fall back to pkg-config and alias it to re2::re2.
if(NOT TARGET re2::re2)
  find_package(re2 CONFIG QUIET)
  if(NOT re2_FOUND)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(KASHIF_RE2 REQUIRED IMPORTED_TARGET re2)
    add_library(re2::re2 INTERFACE IMPORTED)
    set_target_properties(re2::re2 PROPERTIES INTERFACE_LINK_LIBRARIES PkgConfig::KASHIF_RE2)
  endif()
endif()
