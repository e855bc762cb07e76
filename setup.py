"""Builds the module kashif._kashif with the project's own CMake (option KASHIF_BUILD_PYTHON).

Metadata is in pyproject.toml. No download happens: CMake finds ICU, RE2, Abseil and
pybind11 on the system, as in any other kashif build. Extra CMake arguments (a compiler
launcher, a prefix path) can be passed in KASHIF_CMAKE_ARGS; KASHIF_JOBS sets the build's
parallelism (default 2).
"""

import os
import re
import shlex
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.abspath(__file__))


def project_version():
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        return re.search(r"project\(kashif\s+VERSION\s+([0-9.]+)", f.read()).group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = os.path.abspath(os.path.join(self.build_temp, "cmake"))
        configure = [
            "cmake", "-S", ROOT, "-B", build_dir,
            "-DCMAKE_BUILD_TYPE=Release",
            "-DKASHIF_BUILD_PYTHON=ON",
            "-DKASHIF_BUILD_TESTS=OFF",
            "-DKASHIF_BUILD_BENCHMARKS=OFF",
            "-DKASHIF_BUILD_EXAMPLES=OFF",
            "-DKASHIF_BUILD_TOOLS=OFF",
            "-DKASHIF_INSTALL=OFF",
            "-DPython3_EXECUTABLE=" + sys.executable,
        ]
        try:  # pybind11 from pip (an isolated build) knows where its CMake files are
            import pybind11
            configure.append("-Dpybind11_DIR=" + pybind11.get_cmake_dir())
        except ImportError:
            pass  # Debian's pybind11-dev: found in /usr/lib/cmake
        configure += shlex.split(os.environ.get("KASHIF_CMAKE_ARGS", ""))
        subprocess.check_call(configure)
        subprocess.check_call(["cmake", "--build", build_dir, "--target", "kashif_python",
                               "-j", os.environ.get("KASHIF_JOBS", "2")])
        built = os.path.join(build_dir, "python", "kashif")
        module = [f for f in os.listdir(built) if f.startswith("_kashif") and f.endswith(".so")]
        if len(module) != 1:
            raise RuntimeError("expected one _kashif module in %s, found %s" % (built, module))
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(os.path.join(built, module[0]), target)


setup(
    version=project_version(),
    ext_modules=[Extension("kashif._kashif", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
)
