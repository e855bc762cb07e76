#!/usr/bin/env bash
# What the vcpkg port (ports/kashif) and the Conan recipe (conanfile.py) do, without vcpkg or
# Conan: the same CMake configure / build / install, static and shared (BUILD_SHARED_LIBS=ON),
# then test_package/ built against each install with find_package(kashif CONFIG REQUIRED) and
# run. For the shared library, checks that only the public API is exported.
#
#   .ci/packaging.sh [WORK_DIR]      (default: build-packaging in the repository)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$repo/build-packaging}
jobs=${KASHIF_JOBS:-2}

fail() { echo "packaging: FAIL: $*" >&2; exit 1; }

# The options both recipes pass (see ports/kashif/portfile.cmake and conanfile.py generate()).
recipe_options=(
  -DCMAKE_BUILD_TYPE=Release
  -DKASHIF_INSTALL=ON
  -DKASHIF_BUILD_TESTS=OFF
  -DKASHIF_BUILD_BENCHMARKS=OFF
  -DKASHIF_BUILD_EXAMPLES=OFF
  -DKASHIF_BUILD_TOOLS=OFF
  -DKASHIF_FUZZ=OFF
)

check_exports() {
  local lib=$1
  # Every dynamic symbol the library defines, demangled. Allowed: the C API (kashif_*) and the
  # public C++ API (kashif::..., not kashif::internal::...; a public class's private members
  # may mention internal types in their signatures). Weak definitions of standard-library
  # templates instantiated in our code (std::vector<...>::_M_realloc_insert and the like) have
  # default visibility by libstdc++'s own declaration and are merged with the application's
  # copies, so they are counted but not refused.
  local symbols
  symbols=$(nm -D --defined-only "$lib" | awk '{ print $2 "\t" $3 }' | c++filt)
  local bad
  bad=$(printf '%s\n' "$symbols" | awk -F'\t' '
    $2 ~ /^kashif_[a-z_]+$/ { next }
    $2 ~ /^((typeinfo|typeinfo name|vtable) for )?kashif::internal::/ { print; next }
    $2 ~ /^(typeinfo|typeinfo name|vtable) for kashif::/ { next }
    $2 ~ /^(\(anonymous namespace\)|)kashif::/ { next }
    $1 ~ /^[WVu]$/ && $2 ~ /^(std::|void std::|bool std::|__gnu_cxx::|operator|typeinfo for std::|typeinfo name for std::|vtable for std::)/ { next }
    { print }')
  local public weak
  public=$(printf '%s\n' "$symbols" | awk -F'\t' '$2 ~ /^kashif(_|::)/' | wc -l)
  weak=$(printf '%s\n' "$symbols" | awk -F'\t' '$1 ~ /^[WVu]$/ && $2 !~ /kashif/' | wc -l)
  if [[ -n $bad ]]; then
    printf '%s\n' "$bad" | head -n 40 >&2
    fail "$lib exports $(printf '%s\n' "$bad" | wc -l) symbols outside the public API"
  fi
  # Nested helper classes of public classes are exported with them; say so, so they can be
  # moved to kashif::internal.
  local nested
  nested=$(printf '%s\n' "$symbols" | awk -F'\t' '$2 ~ /^kashif::[A-Za-z]+::Tables::/ { print "  " $2 }')
  [[ -z $nested ]] || printf 'packaging: warning: internal helpers exported with a public class:\n%s\n' "$nested"
  echo "  exports: $public kashif symbols, $weak weak std template instantiations, nothing else"
}

# Conan builds from the recipe's exports_sources only: build the static package from a copy
# holding just those, so a file the build needs but the recipe does not export fails here.
conan_source=$work/conan-exported-sources
rm -rf "$conan_source"
mkdir -p "$conan_source"
exports=$(python3 - "$repo/conanfile.py" <<'PY'
import ast, sys
tree = ast.parse(open(sys.argv[1]).read())
for node in ast.walk(tree):
    if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "exports_sources":
        print(" ".join(ast.literal_eval(node.value)))
PY
)
[[ -n $exports ]] || fail "no exports_sources in conanfile.py"
(cd "$repo" && for pattern in $exports; do
   for path in ${pattern%/\*}; do
     if [[ -e $path ]]; then cp -r --parents "$path" "$conan_source/"; fi
   done
 done)

for kind in static shared; do
  shared=OFF
  source=$conan_source  # static: as Conan builds it
  if [[ $kind == shared ]]; then
    shared=ON
    source=$repo        # shared: as the vcpkg overlay port builds it (the whole tree)
  fi
  build=$work/$kind/build
  prefix=$work/$kind/prefix
  rm -rf "$work/$kind"
  mkdir -p "$work/$kind"
  echo "== $kind: configure / build / install (BUILD_SHARED_LIBS=$shared)"
  cmake -S "$source" -B "$build" "${recipe_options[@]}" -DBUILD_SHARED_LIBS=$shared \
    -DCMAKE_INSTALL_PREFIX="$prefix" > "$work/$kind.configure.log" \
    || { cat "$work/$kind.configure.log"; fail "$kind configure"; }
  cmake --build "$build" -j"$jobs" > "$work/$kind.build.log" 2>&1 \
    || { tail -n 50 "$work/$kind.build.log"; fail "$kind build"; }
  cmake --install "$build" > "$work/$kind.install.log" \
    || { cat "$work/$kind.install.log"; fail "$kind install"; }

  if [[ $kind == shared ]]; then
    lib=$(find "$prefix" -name 'libkashif.so.*.*' | head -n1)
    [[ -n $lib ]] || fail "no versioned libkashif.so in $prefix"
    soname=$(objdump -p "$lib" | awk '/SONAME/ { print $2 }')
    [[ $soname == libkashif.so.* ]] || fail "unexpected SONAME '$soname'"
    [[ -z $(find "$prefix" -name 'libkashif.a') ]] || fail "shared build installed a .a too"
    echo "  $lib, SONAME $soname"
    check_exports "$lib"
  else
    [[ -n $(find "$prefix" -name 'libkashif.a') ]] || fail "no libkashif.a in $prefix"
  fi

  echo "== $kind: test_package against the install"
  tp=$work/$kind/test_package
  cmake -S "$repo/test_package" -B "$tp" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
    > "$work/$kind.test_package.log" || { cat "$work/$kind.test_package.log"; fail "configure"; }
  cmake --build "$tp" -j"$jobs" >> "$work/$kind.test_package.log" 2>&1 \
    || { tail -n 30 "$work/$kind.test_package.log"; fail "$kind test_package build"; }
  if [[ $kind == shared ]]; then
    # Whole output first: with pipefail, `ldd | grep -q` fails when grep exits at the first
    # match and ldd's next write gets SIGPIPE (it did on a loaded CI machine).
    linked=$(ldd "$tp/test_package")
    [[ $linked == *libkashif.so*"$prefix"* ]] \
      || { echo "$linked"; fail "test_package is not linked to the installed libkashif.so"; }
  fi
  "$tp/test_package"
  "$tp/test_package_c"
  # Every public function, linked against this install (catches a shared build that forgot to
  # export a member of a public struct).
  c++ -std=c++17 -o "$tp/public_api_link" "$repo/.ci/public_api_link.cc" -I"$prefix/include" \
    $([[ $kind == shared ]] && echo -DKASHIF_SHARED) \
    $(PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name kashif.pc)") \
      pkg-config --libs $([[ $kind == static ]] && echo --static) kashif) \
    -Wl,-rpath,"$prefix/lib" || fail "$kind: a public function does not link"
  "$tp/public_api_link"
done
echo "packaging: static and shared installs pass test_package"
