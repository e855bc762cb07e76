# Install rules: headers, the library, the CMake package (kashifConfig.cmake, version file,
# exported targets, the dependency finder) and kashif.pc. Included by the root CMakeLists.txt
# when KASHIF_INSTALL is on.
include(CMakePackageConfigHelpers)

set(KASHIF_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/kashif"
    CACHE STRING "Where kashifConfig.cmake goes, relative to the prefix")

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/kashif"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        COMPONENT kashif_development
        FILES_MATCHING PATTERN "*.h")
install(FILES "${PROJECT_BINARY_DIR}/include/kashif/version.h"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/kashif"
        COMPONENT kashif_development)

install(TARGETS kashif
        EXPORT kashifTargets
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT kashif_runtime
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT kashif_runtime
                NAMELINK_COMPONENT kashif_development
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT kashif_development
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

install(EXPORT kashifTargets
        NAMESPACE kashif::
        FILE kashifTargets.cmake
        DESTINATION "${KASHIF_INSTALL_CMAKEDIR}"
        COMPONENT kashif_development)

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/kashifConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/kashifConfig.cmake"
  INSTALL_DESTINATION "${KASHIF_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/kashifConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMajorVersion)
# The consumer's find_dependency() calls live in KashifDependencies.cmake, shared with the build,
# so an installed kashif finds RE2 the same way (CMake config, else pkg-config) as the build did.
install(FILES
          "${PROJECT_BINARY_DIR}/kashifConfig.cmake"
          "${PROJECT_BINARY_DIR}/kashifConfigVersion.cmake"
          "${PROJECT_SOURCE_DIR}/cmake/KashifDependencies.cmake"
        DESTINATION "${KASHIF_INSTALL_CMAKEDIR}"
        COMPONENT kashif_development)

# pkg-config. A shared kashif needs nothing more at link time; a static one needs ICU, RE2 and
# the Abseil libraries it uses (pkg-config --static pulls them from Requires.private /
# Libs.private).
set(KASHIF_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
set(KASHIF_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
if(IS_ABSOLUTE "${KASHIF_PC_LIBDIR}")
  set(KASHIF_PC_LIBDIR_FULL "${KASHIF_PC_LIBDIR}")
else()
  set(KASHIF_PC_LIBDIR_FULL "\${prefix}/${KASHIF_PC_LIBDIR}")
endif()
if(IS_ABSOLUTE "${KASHIF_PC_INCLUDEDIR}")
  set(KASHIF_PC_INCLUDEDIR_FULL "${KASHIF_PC_INCLUDEDIR}")
else()
  set(KASHIF_PC_INCLUDEDIR_FULL "\${prefix}/${KASHIF_PC_INCLUDEDIR}")
endif()
# Abseil's pkg-config names match its CMake component names (absl_flat_hash_map ...), so the
# private requirement list is derived from what the library links, not written twice.
set(KASHIF_PC_REQUIRES_PRIVATE "icu-uc icu-i18n re2")
get_target_property(_kashif_links kashif LINK_LIBRARIES)
foreach(_lib IN LISTS _kashif_links)
  if(_lib MATCHES "^absl::(.+)$")
    string(APPEND KASHIF_PC_REQUIRES_PRIVATE " absl_${CMAKE_MATCH_1}")
  endif()
endforeach()
# Debian and Conan ship absl_*.pc; when a distribution does not, the libraries still resolve
# through Libs.private, which lists the same names explicitly.
set(KASHIF_PC_LIBS_PRIVATE "")
if(NOT BUILD_SHARED_LIBS)
  set(KASHIF_PC_LIBS_PRIVATE "-lstdc++ -lm")
  find_package(Threads QUIET)
  if(CMAKE_THREAD_LIBS_INIT)
    string(APPEND KASHIF_PC_LIBS_PRIVATE " ${CMAKE_THREAD_LIBS_INIT}")
  endif()
endif()
# Relative to the .pc file, so the installed tree can be moved (vcpkg, Conan, packagers' DESTDIR).
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(KASHIF_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _kashif_pc_up "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
  string(REGEX REPLACE "/$" "" _kashif_pc_up "${_kashif_pc_up}")
  set(KASHIF_PC_PREFIX "\${pcfiledir}/${_kashif_pc_up}")
endif()
# A shared build's headers need KASHIF_SHARED on Windows (dllimport); harmless elsewhere.
set(KASHIF_PC_CFLAGS "")
if(BUILD_SHARED_LIBS)
  set(KASHIF_PC_CFLAGS " -DKASHIF_SHARED")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/kashif.pc.in" "${PROJECT_BINARY_DIR}/kashif.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/kashif.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
        COMPONENT kashif_development)
