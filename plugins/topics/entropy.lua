-- Topic pack: entropy (thermodynamics). Concepts a good explanation covers, for offline
-- gap detection, and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "entropy",
  aliases = { "thermodynamic entropy", "second law of thermodynamics", "the second law" },
  concepts = {
    { name = "number of arrangements", match = { "arrangements", "microstates", "ways to arrange", "number of ways",
      "configurations" } },
    { name = "spreading of energy", match = { "spread out", "spreads out", "dispers", "energy spreads", "even out", "evens out" } },
    { name = "second law", match = { "second law", "never decreases", "always increases", "tends to increase",
      "isolated system" } },
    { name = "direction of time", match = { "arrow of time", "irreversible", "can't go back", "cannot go back",
      "doesn't unmix", "never unmix" } },
    { name = "worked example", match = { "ice", "melt", "melts", "milk in coffee", "room gets messy", "for example",
      "gas fills", "perfume" } },
  },
  terms = {
    { name = "microstate", aliases = { "microstates" }, definition = "one exact arrangement of all the particles" },
    { name = "isolated system", definition = "a system that swaps neither energy nor matter with anything outside" },
    { name = "second law of thermodynamics", aliases = { "second law" },
      definition = "the rule that total entropy of an isolated system never goes down" },
    { name = "heat death", definition = "a far future where energy is spread so evenly nothing more can happen" },
  },
}
