// The environment overrides of a tuning build (see tunable.h).
#include "tunable.h"

#ifdef FURET_RANKING_TUNING
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace furet::detail {

double tunable(const char* name, double value) {
  const std::string variable = std::string("FURET_TUNE_") + name;
  const char* text = std::getenv(variable.c_str());
  if (text == nullptr) return value;
  char* end = nullptr;
  const double tuned = std::strtod(text, &end);
  if (end == text || *end != '\0')
    throw std::invalid_argument(variable + " is not a number: " + text);
  return tuned;
}

}  // namespace furet::detail
#endif
