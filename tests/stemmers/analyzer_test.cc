// The whole French analysis chain on phrases from corpus/.
#include "furet/analysis/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../test_util.h"
#include "furet/error.h"

namespace furet {
namespace {

// Every term (and accent-blind variant) of a text.
std::set<std::string> terms_of(const Analyzer& a, std::string_view text) {
  std::set<std::string> terms;
  for (const Token& t : a.analyze(text)) {
    terms.insert(t.term);
    if (!t.alt_term.empty()) terms.insert(t.alt_term);
  }
  return terms;
}

// A query word matches a document when they share a term.
bool matches(const Analyzer& a, std::string_view query, std::string_view document) {
  const std::set<std::string> doc = terms_of(a, document);
  for (const Token& t : a.analyze(query)) {
    if (doc.count(t.term) || (!t.alt_term.empty() && doc.count(t.alt_term))) return true;
  }
  return false;
}

std::vector<std::string> terms_in_order(const Analyzer& a, std::string_view text) {
  std::vector<std::string> terms;
  for (const Token& t : a.analyze(text)) terms.push_back(t.term);
  return terms;
}

TEST(AnalyzerTest, ElisionWithEitherApostropheGivesTheWordsTerm) {
  Analyzer a;
  const auto plain = terms_in_order(a, "autorisation");
  EXPECT_EQ(terms_in_order(a, "l’autorisation"), plain);
  EXPECT_EQ(terms_in_order(a, "l'autorisation"), plain);
  EXPECT_EQ(terms_in_order(a, "L’AUTORISATION"), plain);
}

TEST(AnalyzerTest, UnaccentedQueryMatchesAccentedText) {
  Analyzer a;
  EXPECT_TRUE(matches(a, "securite", "les États-Unis tentent d’assurer leur sécurité nationale"));
  EXPECT_TRUE(matches(a, "sécurité", "securite nationale"));
  EXPECT_TRUE(matches(a, "geolocalisation", "des fonctionnalités de géolocalisation"));
}

TEST(AnalyzerTest, LigatureMatchesItsSpelledOutForm) {
  Analyzer a;
  EXPECT_TRUE(matches(a, "coeurs", "la puce H20 ait un nombre de cœurs réduit"));
  EXPECT_TRUE(matches(a, "cœur", "au coeur des contrôles"));
}

TEST(AnalyzerTest, ThousandsGroupsAreOneNumberWhateverTheSpace) {
  Analyzer a;
  for (std::string_view text : {"300 000 H20", "300\u00A0000 H20", "300\u202F000 H20"}) {
    const std::vector<Token> tokens = a.analyze(text);
    ASSERT_EQ(tokens.size(), 2u) << text;
    EXPECT_EQ(tokens[0].term, "300000") << text;
    EXPECT_EQ(tokens[0].kind, TokenKind::kNumber);
    EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin).size(),
              text.find(" H20"))
        << "the number's range covers both groups";
  }
  EXPECT_TRUE(matches(a, "300000", "NVIDIA a commandé 300 000 H20 supplémentaires"));
  EXPECT_EQ(terms_in_order(a, "50 000 GPU Nvidia")[0], "50000");
  EXPECT_EQ(terms_in_order(a, "1 000 000")[0], "1000000");
}

TEST(AnalyzerTest, UnrelatedNumbersStaySeparate) {
  Analyzer a;
  EXPECT_EQ(terms_in_order(a, "le 15 mai 2025"),
            (std::vector<std::string>{"le", "15", "mai", "2025"}));
  EXPECT_EQ(terms_in_order(a, "aux 600 000 à 700 000")[1], "600000");
}

TEST(AnalyzerTest, DecimalCommaStays) {
  Analyzer a;
  const std::vector<Token> tokens = a.analyze("2,5 milliards de dollars");
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens[0].term, "2,5");
  EXPECT_EQ(tokens[0].kind, TokenKind::kNumber);
}

TEST(AnalyzerTest, APercentageStandsBesideItsNumber) {
  Analyzer a;
  // The spaces that may stand inside a number ("300 000") may stand before its sign.
  for (std::string_view text : {"grimpé de 75%", "grimpé de 75 %", "grimpé de 75\u00A0%",
                                "grimpé de 75\u202F%", "grimpé de 75\u2009%"}) {
    const std::vector<Token> tokens = a.analyze(text);
    ASSERT_EQ(tokens.size(), 4u) << text;
    const Token& number = tokens[2];
    const Token& share = tokens[3];
    EXPECT_EQ(number.term, "75") << text;
    EXPECT_EQ(share.term, "75%") << text;
    EXPECT_EQ(share.kind, TokenKind::kCompound) << text;
    EXPECT_FALSE(share.stopword);
    EXPECT_EQ(share.position, number.position) << text;
    EXPECT_EQ(share.begin, number.begin) << text;
    EXPECT_EQ(share.end, text.size()) << "the share's range ends after the sign: " << text;
  }
  EXPECT_EQ(a.analyze("2,5 %").back().term, "2,5%");
  EXPECT_EQ(a.analyze("1 000 %").back().term, "1000%");
  EXPECT_TRUE(matches(a, "75", "une hausse de 75 %"));
  // Two spaces, or a code, are no share.
  EXPECT_EQ(a.analyze("75  %").size(), 1u);
  EXPECT_EQ(a.analyze("H20 %").size(), 1u);
  // A share is a term like any other: none past the longest term kept.
  const std::string longest_number(64, '7');
  ASSERT_EQ(a.analyze(longest_number).size(), 1u);
  EXPECT_EQ(a.analyze(longest_number + "%").size(), 1u);
}

TEST(AnalyzerTest, ModelCodesStayWholeAndUnstemmed) {
  Analyzer a;
  EXPECT_EQ(terms_in_order(a, "H20 H200 H2O B200 R1 6000D"),
            (std::vector<std::string>{"h20", "h200", "h2o", "b200", "r1", "6000d"}));
  const std::vector<Token> rtx = a.analyze("RTX 6000D");
  ASSERT_EQ(rtx.size(), 2u);
  EXPECT_EQ(rtx[1].kind, TokenKind::kCode);
  EXPECT_TRUE(rtx[1].alt_term.empty());
}

TEST(AnalyzerTest, H20NeverMatchesH200) {
  Analyzer a;
  EXPECT_FALSE(matches(a, "H20", "concerne les puces H200"));
  EXPECT_FALSE(matches(a, "H200", "les puces H20 de Nvidia"));
  EXPECT_FALSE(matches(a, "H20", "des GPU H2O"));
  EXPECT_TRUE(matches(a, "h20", "les puces H20 de Nvidia"));
}

TEST(AnalyzerTest, CompoundsAreSearchableAsPartsAndAsWhole) {
  Analyzer a;
  for (std::string_view text : {"sous-utilisés", "États-Unis", "Mar-a-Lago"}) {
    const std::vector<Token> tokens = a.analyze(text);
    ASSERT_GE(tokens.size(), 3u) << text;
    const Token& whole = tokens.back();
    EXPECT_EQ(whole.kind, TokenKind::kCompound) << text;
    EXPECT_EQ(whole.begin, 0u);
    EXPECT_EQ(whole.end, text.size());
    EXPECT_EQ(whole.position, tokens.front().position) << "the whole stands at its first part";
  }
  EXPECT_TRUE(matches(a, "utilisés", "de nombreux centres restent sous-utilisés"));
  EXPECT_TRUE(matches(a, "Etats-Unis", "les États-Unis tentent"));
  EXPECT_TRUE(matches(a, "Lago", "lors d’un dîner à Mar-a-Lago"));
  const auto whole = [&](std::string_view t) { return a.analyze(t).back().term; };
  EXPECT_EQ(whole("États-Unis"), whole("Etats-Unis"));
}

TEST(AnalyzerTest, OffsetsPointIntoTheOriginalText) {
  Analyzer a;
  const std::string text =
      "L’autorisation de vente des H200 en Chine : « 300\u202F000 » cœurs, États-Unis, qu’il";
  for (const Token& t : a.analyze(text)) {
    ASSERT_LE(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    const std::string surface = text.substr(t.begin, t.end - t.begin);
    EXPECT_EQ(a.fold_word(surface).empty(), false) << t.term;
  }
  const std::vector<Token> tokens = a.analyze(text);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "autorisation");
  const auto coeurs =
      std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.term == "coeur"; });
  ASSERT_NE(coeurs, tokens.end());
  EXPECT_EQ(text.substr(coeurs->begin, coeurs->end - coeurs->begin), "cœurs");
}

TEST(AnalyzerTest, StopwordsKeepTheirPositions) {
  Analyzer a;
  const std::vector<Token> tokens = a.analyze("la capacité de calcul");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_TRUE(tokens[0].stopword);
  EXPECT_FALSE(tokens[1].stopword);
  EXPECT_TRUE(tokens[2].stopword);
  for (std::size_t i = 0; i < tokens.size(); ++i) EXPECT_EQ(tokens[i].position, i + 1);
}

TEST(AnalyzerTest, AcronymsInCapitalsAreNotStopwords) {
  Analyzer a;
  const std::vector<Token> tokens = a.analyze("l’AI Diffusion Rule, il ai");
  ASSERT_GE(tokens.size(), 5u);
  EXPECT_FALSE(tokens[0].stopword) << "AI, an acronym";
  EXPECT_TRUE(tokens[4].stopword) << "ai, a form of avoir";
  EXPECT_EQ(tokens[0].term, tokens[4].term) << "one term: the flag only weighs the query";
}

TEST(AnalyzerTest, InterrogativesAreStopwords) {
  Analyzer a;
  for (const Token& t : a.analyze("Quelles combien pourquoi")) EXPECT_TRUE(t.stopword) << t.term;
  // "quoi" asks as "quel" does: "FICOBA, c'est quoi ?" is a question about FICOBA.
  const std::vector<Token> tokens = a.analyze("FICOBA, c'est quoi ?");
  ASSERT_FALSE(tokens.empty());
  EXPECT_FALSE(tokens.front().stopword);
  for (std::size_t i = 1; i < tokens.size(); ++i) EXPECT_TRUE(tokens[i].stopword) << tokens[i].term;
}

TEST(AnalyzerTest, InflectionsConflate) {
  Analyzer a;
  EXPECT_TRUE(matches(a, "licence", "les licences seraient accordées"));
  EXPECT_TRUE(matches(a, "entraînement", "pour entraîner son modèle"));
  EXPECT_TRUE(matches(a, "entrainement", "pour entraîner son modèle"));
  EXPECT_TRUE(matches(a, "commandés", "ses commandes de puces"));
  EXPECT_TRUE(matches(a, "inquiétudes", "minimiser les inquiétudes"));
  EXPECT_TRUE(matches(a, "autorisation", "la Chine est enfin autorisée"));
}

// Snowball leaves the forms of irregular and -dre verbs apart ("conçu" ->
// "conçu", "concevoir" -> "concevoir", "concevant" -> "concev"; "interdit" ->
// "interd" but "interdites" -> "interdit"): the verb table joins them.
TEST(AnalyzerTest, FormsOfOneVerbShareATerm) {
  Analyzer a;
  for (std::string_view form :
       {"conçu", "conçue", "concu", "conçoivent", "Concevons", "concevra"}) {
    EXPECT_EQ(terms_in_order(a, form), terms_in_order(a, "concevoir")) << form;
  }
  for (std::string_view form : {"vendu", "vend", "vendent", "vendions", "vendrait"}) {
    EXPECT_EQ(terms_in_order(a, form), terms_in_order(a, "vendre")) << form;
  }
  EXPECT_TRUE(matches(a, "interdites", "l'AI Diffusion Rule interdit toute livraison"));
  EXPECT_FALSE(matches(a, "suspension", "ils ont suspendu"))
      << "a noun is not its verb: derivation is left to the stemmer";
  EXPECT_TRUE(matches(a, "suspendre", "ils ont suspendu les contrôles"));
  EXPECT_TRUE(matches(a, "prendre", "les mesures prises"));
  EXPECT_FALSE(matches(a, "concevoir", "vendre"));
}

// A form two verbs share ("vis": voir and vivre), or that is more often another
// word ("revenus": income; "entreprise": a company), keeps its own stem; so do
// the imperfect subjunctive's forms, which are nouns as often ("permissions").
TEST(AnalyzerTest, AmbiguousVerbFormsAreLeftToTheStemmer) {
  Analyzer a;
  EXPECT_FALSE(matches(a, "vis", "voir"));
  EXPECT_FALSE(matches(a, "vis", "vivre"));
  EXPECT_FALSE(matches(a, "revenus", "il revient"));
  EXPECT_FALSE(matches(a, "entreprise", "il entreprend"));
  EXPECT_FALSE(matches(a, "permissions", "cela permet"));
  EXPECT_FALSE(matches(a, "primes", "il prend"));
  // Modal verbs are not in the table: "le pouvoir" is not "il peut".
  EXPECT_FALSE(matches(a, "pouvoir", "il peut"));
}

TEST(AnalyzerTest, EmptyAndPunctuationOnlyGiveNoTokens) {
  Analyzer a;
  EXPECT_TRUE(a.analyze("").empty());
  EXPECT_TRUE(a.analyze("  … « » — ! ?").empty());
}

TEST(AnalyzerTest, OverlongTokensAreDropped) {
  Analyzer a;
  const std::string noise(5000, 'x');
  EXPECT_TRUE(a.analyze(noise).empty());
  EXPECT_EQ(a.analyze(noise + " puce").size(), 1u);
}

TEST(AnalyzerTest, UnknownConfigurationIsRefused) {
  EXPECT_THROW(Analyzer("fr-snowball/999"), IncompatibleIndex);
  EXPECT_NO_THROW(Analyzer(Analyzer().config_string()));
}

// A copy shares none of the original's mutable parts (ICU break iterator,
// cache of analysed words, Snowball stemmer): on the same text it gives the
// original's tokens, whichever is used first; and the two used at once from
// two threads still give them, where shared parts would mix the threads'
// words or crash (a copy sharing the Xapian::Stem does, run after run).
TEST(AnalyzerTest, CopiesAnalyseIndependently) {
  const std::string first = testing::read_file(testing::corpus_file("004_a22323992858b2dd.txt"));
  const std::string second = testing::read_file(testing::corpus_file("000_a6889a2d8a781125.txt"));
  ASSERT_FALSE(first.empty() || second.empty());
  Analyzer original;
  const std::vector<Token> first_tokens = original.analyze(first);
  const std::vector<Token> second_tokens = Analyzer().analyze(second);

  Analyzer copy = original;  // of an original whose cache is full of `first`
  EXPECT_TRUE(copy.analyze(first) == first_tokens);
  EXPECT_TRUE(copy.analyze(second) == second_tokens);
  EXPECT_TRUE(original.analyze(first) == first_tokens);  // after the copy's use
  Analyzer assigned;
  assigned = copy;
  EXPECT_TRUE(assigned.analyze(second) == second_tokens);
  EXPECT_TRUE(copy.analyze(second) == second_tokens);

  // At once, from the first word: a fresh pair each round, since each
  // analyses a word once and then reads it from its cache.
  int mismatches = 0;
  for (int round = 0; round < 50; ++round) {
    Analyzer fresh;
    Analyzer fresh_copy = fresh;
    std::atomic<bool> started{false};
    bool first_same = false;
    std::thread other([&] {
      started = true;
      first_same = fresh.analyze(first) == first_tokens;
    });
    while (!started) std::this_thread::yield();
    const bool second_same = fresh_copy.analyze(second) == second_tokens;
    other.join();
    mismatches += (first_same ? 0 : 1) + (second_same ? 0 : 1);
  }
  EXPECT_EQ(mismatches, 0);
}

}  // namespace
}  // namespace furet
