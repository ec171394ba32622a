-- Topic pack: sorting algorithms. Concepts a good explanation covers, for offline gap
-- detection, and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "sorting",
  aliases = { "sorting algorithms", "sorting algorithm", "sort algorithms", "merge sort", "quicksort", "bubble sort" },
  concepts = {
    { name = "comparisons", match = { "compare", "compares", "comparison", "comparisons", "bigger", "smaller", "less than" } },
    { name = "swapping or merging", match = { "swap", "swaps", "merge", "merges", "merging", "partition", "pivot" } },
    { name = "divide and conquer", match = { "divide and conquer", "split", "splits", "halves", "halve", "recursively" } },
    { name = "running time", match = { "n log n", "o(n log n)", "n squared", "o(n^2)", "quadratic", "faster", "slower" } },
    { name = "stability", match = { "stable", "stability", "equal elements", "keeps the order", "original order" } },
    { name = "worked example", match = { "for example", "cards", "books", "numbers", "5, 2", "list like" } },
  },
  terms = {
    { name = "pivot", definition = "the element quicksort splits the others around" },
    { name = "stable sort", aliases = { "stable sorting" }, definition = "a sort that keeps equal items in their original order" },
    { name = "in-place", aliases = { "in place" }, definition = "using no extra list, only swaps in the original one" },
    { name = "divide and conquer", definition = "splitting a problem into halves, solving each, then combining" },
    { name = "comparison sort", definition = "a sort that only ever asks whether one item is smaller than another" },
  },
}
