// Symbol visibility for furet's public API.
#ifndef FURET_EXPORT_H_
#define FURET_EXPORT_H_

// Everything is hidden by default; the public API is marked FURET_EXPORT.
#if defined(__GNUC__) || defined(__clang__)
#define FURET_EXPORT __attribute__((visibility("default")))
#else
#define FURET_EXPORT
#endif

#endif  // FURET_EXPORT_H_
