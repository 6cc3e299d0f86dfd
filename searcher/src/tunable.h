// Ranking constants, overridable for tuning studies without rebuilding.
#ifndef FURET_SEARCHER_SRC_TUNABLE_H_
#define FURET_SEARCHER_SRC_TUNABLE_H_

namespace furet::detail {

/// The ranking constant `name`, whose value is `value`. A build configured with
/// -DFURET_RANKING_TUNING=ON instead takes FURET_TUNE_<name> from the
/// environment when it is set (bench/relevance/tune.py); other builds never
/// read the environment.
#ifdef FURET_RANKING_TUNING
double tunable(const char* name, double value);
#else
constexpr double tunable(const char* /*name*/, double value) { return value; }
#endif

}  // namespace furet::detail

#endif  // FURET_SEARCHER_SRC_TUNABLE_H_
