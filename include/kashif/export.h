// Symbol visibility for kashif's public API. The library is built with hidden visibility, so
// only what is marked KASHIF_EXPORT is visible from a shared build.
#ifndef KASHIF_EXPORT_H_
#define KASHIF_EXPORT_H_

#if defined(_WIN32)
#if defined(KASHIF_SHARED) && defined(KASHIF_BUILDING)
#define KASHIF_EXPORT __declspec(dllexport)
#elif defined(KASHIF_SHARED)
#define KASHIF_EXPORT __declspec(dllimport)
#else
#define KASHIF_EXPORT
#endif
#else
#define KASHIF_EXPORT __attribute__((visibility("default")))
#endif

#endif  // KASHIF_EXPORT_H_
