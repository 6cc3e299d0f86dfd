// The programs' words for an error's remedy: the furet-index command that carries it out.
#include "remedy_command.h"

#include <gtest/gtest.h>

#include <string>

#include "furet/error.h"

namespace furet {
namespace {

using Remedy = Error::Remedy;

TEST(RemedyCommandTest, EachRemedyIsOneCommandLine) {
  EXPECT_EQ(remedy_command(Remedy::kBuild, "news"), "furet-index --index news PATH...");
  EXPECT_EQ(remedy_command(Remedy::kRebuild, "news"), "furet-index --rebuild --index news PATH...");
  EXPECT_EQ(remedy_command(Remedy::kRebuild, "news", "--shards 4"),
            "furet-index --rebuild --shards 4 --index news PATH...");
  EXPECT_EQ(remedy_command(Remedy::kCheck, "news"),
            "furet-index --check --index news, then furet-index --rebuild --index news PATH...");
  EXPECT_EQ(remedy_command(Remedy::kNone, "news"), "");
  EXPECT_EQ(remedy_command(Remedy::kRetryLater, "news"), "");
}

// Followed to the letter, the advice never writes into the folder of someone's files.
TEST(RemedyCommandTest, ANewFolderIsNeverTheOneRefused) {
  EXPECT_EQ(remedy_command(Remedy::kNewFolder, "notes"), "furet-index --index NEW_FOLDER PATH...");
}

TEST(RemedyCommandTest, ErrorTextIsTheMessageThenTheCommand) {
  EXPECT_EQ(
      error_text(IndexNotFound("no index at 'news': build one first", Remedy::kBuild, "news")),
      "no index at 'news': build one first; run: furet-index --index news PATH...");
  EXPECT_EQ(error_text(IoError("cannot read 'a.txt': gone")), "cannot read 'a.txt': gone");
  // Shards named one by one: no single folder to rebuild.
  EXPECT_EQ(error_text(IncompatibleIndex("index 'a, b' ...; rebuild it", Remedy::kRebuild, "")),
            "index 'a, b' ...; rebuild it");
  EXPECT_EQ(error_text(IndexLocked("index 'news' is being updated", Remedy::kRetryLater, "news")),
            "index 'news' is being updated");
}

}  // namespace
}  // namespace furet
