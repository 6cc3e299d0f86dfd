#!/usr/bin/env python3
"""Searches a furet index from Python through libfuret.so and ctypes.

Usage: search.py INDEX QUERY [LIBFURET]   (LIBFURET defaults to libfuret.so.0
on the library path)
"""
import ctypes
import sys


def load(path):
    lib = ctypes.CDLL(path)
    lib.furet_error_message.restype = ctypes.c_char_p
    lib.furet_open.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t,
                               ctypes.POINTER(ctypes.c_void_p)]
    lib.furet_search.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p,
                                 ctypes.POINTER(ctypes.c_void_p)]
    lib.furet_close.argtypes = [ctypes.c_void_p]
    lib.furet_results_free.argtypes = [ctypes.c_void_p]
    lib.furet_results_count.argtypes = [ctypes.c_void_p]
    lib.furet_results_count.restype = ctypes.c_size_t
    for field in ("path", "title", "passage"):
        fn = getattr(lib, "furet_hit_" + field)
        fn.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
        fn.restype = ctypes.c_char_p
    lib.furet_hit_score.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    lib.furet_hit_score.restype = ctypes.c_double
    return lib


def search(lib, index, query):
    """The hits of `query` as (score, path, passage) tuples."""
    locations = (ctypes.c_char_p * 1)(index.encode())
    searcher = ctypes.c_void_p()
    if lib.furet_open(locations, 1, ctypes.byref(searcher)) != 0:
        raise RuntimeError(lib.furet_error_message().decode())
    try:
        results = ctypes.c_void_p()
        if lib.furet_search(searcher, query.encode(), None, ctypes.byref(results)) != 0:
            raise RuntimeError(lib.furet_error_message().decode())
        try:
            return [(lib.furet_hit_score(results, i),
                     lib.furet_hit_path(results, i).decode(),
                     lib.furet_hit_passage(results, i).decode())
                    for i in range(lib.furet_results_count(results))]
        finally:
            lib.furet_results_free(results)
    finally:
        lib.furet_close(searcher)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    lib = load(sys.argv[3] if len(sys.argv) == 4 else "libfuret.so.0")
    hits = search(lib, sys.argv[1], sys.argv[2])
    for rank, (score, path, passage) in enumerate(hits, 1):
        print(f"{rank}\t{score:.3f}\t{path}\t{passage[:80]}")
    sys.exit(0 if hits else 1)


if __name__ == "__main__":
    main()
