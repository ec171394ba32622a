-- Topic pack: mitosis. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "mitosis",
  aliases = { "cell division", "mitotic division", "the cell cycle" },
  concepts = {
    { name = "copying the DNA", match = { "copies its dna", "copy of the dna", "replicat", "duplicat", "copied",
      "two copies", "interphase" } },
    { name = "condensing chromosomes", match = { "condense", "condenses", "coil", "coils", "prophase", "visible" } },
    { name = "lining up in the middle", match = { "line up", "lines up", "middle", "metaphase", "equator", "centre", "center" } },
    { name = "pulling the copies apart", match = { "pulled apart", "pull apart", "separate", "separated", "anaphase",
      "spindle", "opposite ends", "opposite poles" } },
    { name = "two identical daughter cells", match = { "two identical", "identical cells", "daughter cells", "two cells",
      "cytokinesis", "splits in two", "telophase" } },
    { name = "why cells divide", match = { "growth", "grow", "repair", "replace", "heal", "why cells divide" } },
  },
  terms = {
    { name = "chromosome", aliases = { "chromosomes" }, definition = "a tightly wound strand of DNA" },
    { name = "sister chromatids", aliases = { "chromatid", "chromatids" },
      definition = "the two identical copies of a chromosome, joined in the middle" },
    { name = "spindle fibres", aliases = { "spindle fibers", "spindle" },
      definition = "thin threads that pull the copies apart" },
    { name = "cytokinesis", definition = "the cell pinching in two at the end" },
    { name = "centromere", definition = "the point where the two copies of a chromosome are joined" },
  },
}
