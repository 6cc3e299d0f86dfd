// The exceptions furet throws: one hierarchy, one kind per action a caller can take.
#ifndef FURET_ERROR_H_
#define FURET_ERROR_H_

#include <stdexcept>
#include <string>

#include "furet/export.h"

namespace furet {

/// Base of every exception furet throws. what() reads
/// "<what failed> '<file or option>': <reason>".
class FURET_EXPORT Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// No index at the given location (it was never built, or the path is wrong).
class FURET_EXPORT IndexNotFound : public Error {
 public:
  using Error::Error;
};

/// Another process holds the index's write lock.
class FURET_EXPORT IndexLocked : public Error {
 public:
  using Error::Error;
};

/// The index was built by a schema or analysis version this build does not know.
class FURET_EXPORT IncompatibleIndex : public Error {
 public:
  using Error::Error;
};

/// Reading or writing a file or the index failed (full disk, permissions, corruption).
class FURET_EXPORT IoError : public Error {
 public:
  using Error::Error;
};

/// A caller passed a value outside what the API accepts.
class FURET_EXPORT InvalidArgument : public Error {
 public:
  using Error::Error;
};

}  // namespace furet

#endif  // FURET_ERROR_H_
