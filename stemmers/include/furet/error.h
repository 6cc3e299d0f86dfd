// The exceptions furet throws: one hierarchy, one kind per action a caller can take.
#ifndef FURET_ERROR_H_
#define FURET_ERROR_H_

#include <memory>
#include <stdexcept>
#include <string>

#include "furet/export.h"

namespace furet {

/// Base of every exception furet throws. what() reads
/// "<what failed> '<file or option>': <reason>", then what to do, if anything,
/// in words ("build one first", "rebuild it from its articles"), never as a
/// command: a program that embeds furet has none to offer. remedy() says the
/// same for a program to word in its own terms (a command line, a button).
class FURET_EXPORT Error : public std::runtime_error {
 public:
  /// What the user can do about the error.
  enum class Remedy {
    kNone,        ///< nothing in general: the message says what failed
    kBuild,       ///< there is no index at index() yet: build one there
    kRebuild,     ///< the index at index() cannot be used as it is: rebuild it from its articles
    kCheck,       ///< the index at index() may be damaged: check it, then rebuild it if it is
    kNewFolder,   ///< index() holds files that are not furet's: build the index in a new folder
    kRetryLater,  ///< another process is updating the index at index(): try again once it is done
  };

  /// An error with no remedy (kNone) and no index.
  using std::runtime_error::runtime_error;
  /// An error whose remedy concerns the index folder `index`, as the caller named
  /// it; "" when it concerns no single local folder (several, or a remote one).
  Error(const std::string& what, Remedy remedy, const std::string& index)
      : std::runtime_error(what),
        remedy_(remedy),
        index_(index.empty() ? nullptr : std::make_shared<const std::string>(index)) {}

  Remedy remedy() const noexcept { return remedy_; }
  /// The index folder the remedy concerns, as the caller named it; "" if none.
  const std::string& index() const noexcept {
    static const std::string none;
    return index_ ? *index_ : none;
  }

 private:
  Remedy remedy_ = Remedy::kNone;
  std::shared_ptr<const std::string> index_;  // shared, as copying an exception must not throw
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
