// Where furet's programs find the index when no --index is given.
#ifndef FURET_COMMON_DEFAULT_INDEX_H_
#define FURET_COMMON_DEFAULT_INDEX_H_

#include <cstdlib>
#include <string>

namespace furet {

/// $FURET_INDEX when set and not empty, else ".furet" in the working directory.
inline std::string default_index() {
  const char* env = std::getenv("FURET_INDEX");
  return env && *env ? env : ".furet";
}

}  // namespace furet

#endif  // FURET_COMMON_DEFAULT_INDEX_H_
