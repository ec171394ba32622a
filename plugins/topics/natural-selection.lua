-- Topic pack: evolution by natural selection. Concepts a good explanation covers, for
-- offline gap detection, and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "natural selection",
  aliases = { "evolution", "evolution by natural selection", "darwinian evolution", "survival of the fittest" },
  concepts = {
    { name = "variation", match = { "variation", "vary", "differ", "different", "differences", "mutation", "mutations" } },
    { name = "inheritance", match = { "inherit", "inherited", "passed on", "pass on", "offspring", "genes", "parents" } },
    { name = "more offspring than survive", match = { "not all survive", "competition", "compete", "struggle",
      "more offspring", "limited food", "too many" } },
    { name = "differential survival", match = { "survive", "survives", "better suited", "more likely to",
      "reproduce more", "fitter", "advantage" } },
    { name = "change over generations", match = { "generations", "over time", "gradually", "population changes",
      "more common" } },
    { name = "worked example", match = { "moths", "peppered moth", "giraffe", "finches", "antibiotic", "bacteria",
      "for example" } },
  },
  terms = {
    { name = "adaptation", aliases = { "adaptations" }, definition = "a trait that helps a living thing survive where it lives" },
    { name = "fitness", definition = "how many young an organism leaves that survive" },
    { name = "mutation", aliases = { "mutations" }, definition = "a random change in the DNA" },
    { name = "gene pool", definition = "all the genes in a population" },
    { name = "selective pressure", aliases = { "selection pressure" },
      definition = "something in the surroundings that makes some traits survive better" },
  },
}
