-- Topic pack: big-O notation. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "big-o notation",
  aliases = { "big o notation", "big o", "big-o", "big oh", "asymptotic notation", "time complexity",
              "complexity analysis", "algorithmic complexity" },
  concepts = {
    { name = "growth with input size", match = {
      "input size", "size of the input", "as n grows", "as the input grows", "as the input gets bigger",
      "grows", "growth", "scales", "scale", "how the time changes", "as n increases", "bigger inputs",
      "more elements", "more items" } },
    { name = "counting steps", match = {
      "number of operations", "number of steps", "operations", "steps", "running time", "runtime",
      "run time", "time complexity", "space complexity", "memory", "how long" } },
    { name = "worst case", match = {
      "worst case", "worst-case", "upper bound", "at most", "no worse than", "pessimistic" } },
    { name = "dropping constants", match = {
      "drop the constant", "drop constants", "drop the constants", "ignore constants", "ignore the constant",
      "ignore the constants", "constant factor", "constant factors", "constants don't matter",
      "lower-order terms", "lower order terms", "dominant term", "biggest term", "fastest-growing term",
      "drop the smaller terms", "2n is o(n)", "we ignore" } },
    { name = "common classes", match = {
      "o(1)", "o(n)", "o(log n)", "o(n log n)", "o(n^2)", "o(n2)", "o(n squared)", "linear", "quadratic",
      "logarithmic", "constant time", "exponential" } },
    { name = "large inputs", match = {
      "asymptotic", "asymptotically", "large n", "large inputs", "very large", "approaches infinity",
      "goes to infinity", "in the long run", "for big inputs", "as n gets large", "huge inputs" } },
    { name = "worked example", match = {
      "loop", "nested loop", "nested loops", "binary search", "linear search", "sorting", "sort",
      "bubble sort", "merge sort", "for example", "looking up", "searching a list" } },
  },
  terms = {
    { name = "time complexity",
      definition = "how the number of steps grows with the size of the input" },
    { name = "space complexity",
      definition = "how the memory used grows with the size of the input" },
    { name = "upper bound",
      definition = "a limit the cost never goes above" },
    { name = "amortized", aliases = { "amortised", "amortized time" },
      definition = "averaged over many operations" },
  },
}
