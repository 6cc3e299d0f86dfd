// Searches a furet index from another program: furet-example INDEX QUERY
#include <furet/searcher.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: furet-example INDEX QUERY\n";
    return 2;
  }
  try {
    furet::Searcher searcher(argv[1]);
    furet::SearchOptions options;
    options.limit = 5;
    const furet::SearchResult result = searcher.search(argv[2], options);
    for (const furet::Hit& hit : result.hits) {
      std::cout << hit.rank << '\t' << hit.path << '\t' << hit.title << '\n';
    }
    return result.hits.empty() ? 1 : 0;
  } catch (const furet::Error& e) {
    std::cerr << "furet-example: " << e.what() << '\n';
    return 2;
  }
}
