/* Searches a furet index through the C API: furet-c-example INDEX QUERY */
#include <furet/furet.h>
#include <stdio.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: furet-c-example INDEX QUERY\n");
    return 2;
  }
  const char* index = argv[1];
  furet_searcher* searcher = NULL;
  if (furet_open(&index, 1, &searcher) != FURET_OK) {
    fprintf(stderr, "furet-c-example: %s\n", furet_error_message());
    return 2;
  }
  furet_search_options options;
  furet_search_options_init(&options);
  options.limit = 5;
  furet_results* results = NULL;
  if (furet_search(searcher, argv[2], &options, &results) != FURET_OK) {
    fprintf(stderr, "furet-c-example: %s\n", furet_error_message());
    furet_close(searcher);
    return 2;
  }
  const size_t count = furet_results_count(results);
  for (size_t i = 0; i < count; ++i) {
    printf("%zu\t%.3f\t%s\t%zu highlights\n", furet_hit_rank(results, i),
           furet_hit_score(results, i), furet_hit_path(results, i),
           furet_hit_highlight_count(results, i));
  }
  furet_results_free(results);
  furet_close(searcher);
  return count > 0 ? 0 : 1;
}
