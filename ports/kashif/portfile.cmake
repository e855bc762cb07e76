# Overlay port that builds the kashif source tree it lives in:
#   vcpkg install kashif --overlay-ports=<repo>/ports
# (a registry port would fetch a release with vcpkg_from_github instead of this path).
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

vcpkg_check_features(OUT_FEATURE_OPTIONS FEATURE_OPTIONS
  FEATURES
    tools KASHIF_BUILD_TOOLS
)

# vcpkg passes BUILD_SHARED_LIBS from VCPKG_LIBRARY_LINKAGE itself. .ci/packaging.sh runs this
# same configure / build / install by hand, static and shared, and builds test_package/ on it.
vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    ${FEATURE_OPTIONS}
    -DKASHIF_INSTALL=ON
    -DKASHIF_BUILD_TESTS=OFF
    -DKASHIF_BUILD_BENCHMARKS=OFF
    -DKASHIF_BUILD_EXAMPLES=OFF
    -DKASHIF_FUZZ=OFF
  OPTIONS_DEBUG
    -DKASHIF_BUILD_TOOLS=OFF
)
vcpkg_cmake_install()
vcpkg_copy_pdbs()
vcpkg_cmake_config_fixup(PACKAGE_NAME kashif CONFIG_PATH "lib/cmake/kashif")
vcpkg_fixup_pkgconfig()

if("tools" IN_LIST FEATURES)
  vcpkg_copy_tools(TOOL_NAMES kashif AUTO_CLEAN)
endif()

file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug/include" "${CURRENT_PACKAGES_DIR}/debug/share")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
