-- Topic pack: binary search. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "binary search",
  aliases = { "binary search algorithm", "bisection search", "binary chop", "binary searching" },
  concepts = {
    { name = "sorted input", match = {
      "sorted", "sort", "in sorted order", "ordered list", "ordered array", "ascending order",
      "descending order", "alphabetical order", "already ordered", "smallest to largest",
      "lowest to highest" } },
    { name = "middle element", match = {
      "middle", "midpoint", "mid", "halfway", "center", "centre", "median", "mid point" } },
    { name = "comparison with the target", match = {
      "compare", "comparison", "target", "the value you're looking for", "what you're looking for",
      "the one you want", "greater than", "less than", "bigger than", "smaller than", "too high",
      "too low", "too big", "too small", "equal to" } },
    { name = "halving the range", match = {
      "half", "halve", "halves", "halving", "split in two", "divide in two", "cut in half",
      "discard", "eliminate", "throw away", "rule out", "left half", "right half", "lower half",
      "upper half", "narrow down", "narrows down" } },
    { name = "low and high bounds", match = {
      "low and high", "lo and hi", "left and right", "left pointer", "right pointer", "lower bound",
      "upper bound", "start and end", "bounds", "boundaries", "two pointers", "search range",
      "search space", "first and last", "low index", "high index", "low pointer", "high pointer",
      "low end", "high end", "lower end", "upper end" } },
    { name = "not-found case", match = {
      "not found", "not in the list", "not in the array", "isn't there", "is not there",
      "doesn't exist", "does not exist", "empty range", "no elements left", "nothing left",
      "pointers cross", "low is greater than high", "greater than high", "low exceeds high",
      "past each other", "range is empty", "range becomes empty", "return -1", "returns -1",
      "not present", "missing", "passes the high", "passes high", "crosses the high", "low passes",
      "low goes past", "item is not there", "target is not there" } },
    { name = "logarithmic time", match = {
      "log n", "logarithmic", "logarithm", "log2", "log base 2", "log time", "o(log n)",
      "halving each time", "steps grow slowly", "20 steps", "about 20", "30 steps" } },
  },
  terms = {
    { name = "loop invariant",
      definition = "something that stays true every time a loop goes round" },
    { name = "midpoint",
      definition = "the position halfway between the low and high ends" },
    { name = "off-by-one error", aliases = { "off by one" },
      definition = "a mistake where a count or index is one too many or one too few" },
    { name = "search space",
      definition = "the part of the list that could still hold the target" },
  },
}
