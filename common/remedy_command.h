// How furet's programs word an error's remedy: as the furet-index command that carries it out.
// The library's messages name no command (furet/error.h); its programs can.
#ifndef FURET_COMMON_REMEDY_COMMAND_H_
#define FURET_COMMON_REMEDY_COMMAND_H_

#include <string>

#include "furet/error.h"

namespace furet {

/// The furet-index command line that carries out `remedy` for the index folder `index`, with
/// `rebuild_options` (such as "--shards 4") in a rebuild's; "" when there is none to run.
inline std::string remedy_command(Error::Remedy remedy, const std::string& index,
                                  const std::string& rebuild_options = "") {
  const std::string rebuild = "furet-index --rebuild " +
                              (rebuild_options.empty() ? "" : rebuild_options + " ") + "--index " +
                              index + " PATH...";
  switch (remedy) {
    case Error::Remedy::kBuild:
      return "furet-index --index " + index + " PATH...";
    case Error::Remedy::kRebuild:
      return rebuild;
    case Error::Remedy::kCheck:
      return "furet-index --check --index " + index + ", then " + rebuild;
    case Error::Remedy::kNewFolder:
      return "furet-index --index NEW_FOLDER PATH...";  // never the folder of other files
    case Error::Remedy::kNone:
    case Error::Remedy::kRetryLater:  // the message says it: nothing to run yet
      break;
  }
  return {};
}

/// `e`'s message as furet's programs print it: the library's words, then the command that does
/// what they advise when it concerns one index folder. Not yet terminal-safe.
inline std::string error_text(const Error& e, const std::string& rebuild_options = "") {
  const std::string command =
      e.index().empty() ? std::string() : remedy_command(e.remedy(), e.index(), rebuild_options);
  return command.empty() ? std::string(e.what()) : e.what() + ("; run: " + command);
}

}  // namespace furet

#endif  // FURET_COMMON_REMEDY_COMMAND_H_
