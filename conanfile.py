"""Conan 2 recipe for kashif: `conan create .` builds and tests it (test_package/).

CI cannot run Conan here; .ci/packaging.sh runs the same CMake configure / build / install
this recipe drives (static and shared) and builds test_package/ against the result.
"""
import os
import re

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, load, rmdir

required_conan_version = ">=2.0"


class KashifConan(ConanFile):
    name = "kashif"
    description = ("Finds people, organizations, places, money amounts and dates in Arabic "
                   "text, with exact byte offsets and normalized values.")
    license = "Apache-2.0"
    topics = ("arabic", "nlp", "ner", "named-entity-recognition", "text")
    homepage = "https://github.com/kashif-nlp/kashif"
    url = "https://github.com/kashif-nlp/kashif"
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True}
    # The built-in gazetteers (data/) are compiled into the library, so they travel with it.
    exports_sources = ("CMakeLists.txt", "LICENSE", "cmake/*", "include/*", "src/*", "data/*")

    def set_version(self):
        cmakelists = load(self, os.path.join(self.recipe_folder, "CMakeLists.txt"))
        self.version = self.version or re.search(
            r"project\(kashif\s+VERSION\s+([0-9.]+)", cmakelists).group(1)

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def layout(self):
        cmake_layout(self, src_folder=".")

    def requirements(self):
        # None of their types appear in kashif's public headers: no transitive_headers.
        self.requires("icu/74.2")
        self.requires("re2/20240702")
        self.requires("abseil/20240116.2")

    def validate(self):
        check_min_cppstd(self, 17)

    def generate(self):
        tc = CMakeToolchain(self)
        tc.cache_variables["KASHIF_INSTALL"] = True
        tc.cache_variables["KASHIF_BUILD_TESTS"] = False
        tc.cache_variables["KASHIF_BUILD_BENCHMARKS"] = False
        tc.cache_variables["KASHIF_BUILD_EXAMPLES"] = False
        tc.cache_variables["KASHIF_BUILD_TOOLS"] = False
        tc.cache_variables["KASHIF_FUZZ"] = False
        tc.generate()
        CMakeDeps(self).generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        CMake(self).install()
        # Conan generates its own CMake config and .pc files from package_info().
        rmdir(self, os.path.join(self.package_folder, "lib", "cmake"))
        rmdir(self, os.path.join(self.package_folder, "lib", "pkgconfig"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "kashif")
        self.cpp_info.set_property("cmake_target_name", "kashif::kashif")
        self.cpp_info.set_property("pkg_config_name", "kashif")
        self.cpp_info.libs = ["kashif"]
        # What src/ links (target_link_libraries in src/CMakeLists.txt), as CCI component names.
        self.cpp_info.requires = [
            "icu::icu-uc",
            "icu::icu-i18n",
            "icu::icu-data",
            "re2::re2",
            "abseil::absl_flat_hash_map",
            "abseil::absl_flat_hash_set",
            "abseil::absl_strings",
        ]
        if self.options.shared:
            self.cpp_info.defines = ["KASHIF_SHARED"]
        if self.settings.os in ("Linux", "FreeBSD"):
            self.cpp_info.system_libs = ["m", "pthread"]
