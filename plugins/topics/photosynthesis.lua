-- Topic pack: photosynthesis. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "photosynthesis",
  aliases = { "how plants make food", "photosynthesis in plants", "plant photosynthesis" },
  concepts = {
    { name = "light energy", match = {
      "sunlight", "light energy", "sun", "light", "solar energy", "energy from light" } },
    { name = "chlorophyll", match = {
      "chlorophyll", "chloroplast", "green pigment", "pigment", "thylakoid", "green stuff" } },
    { name = "carbon dioxide", match = {
      "carbon dioxide", "co2", "co 2", "carbon from the air" } },
    { name = "water", match = { "water", "h2o", "through the roots", "from the roots" } },
    { name = "glucose", match = {
      "glucose", "sugar", "carbohydrate", "starch", "makes food", "make food", "makes its own food",
      "make their own food", "c6h12o6", "chemical energy" } },
    { name = "oxygen released", match = {
      "oxygen", "o2", "releases oxygen", "gives off oxygen", "breathe out" } },
    { name = "light and dark reactions", match = {
      "light-dependent", "light dependent", "light reactions", "light reaction", "calvin cycle",
      "dark reactions", "dark reaction", "light-independent", "light independent", "atp", "nadph",
      "two stages", "two steps", "stroma", "carbon fixation" } },
  },
  terms = {
    { name = "Calvin cycle", aliases = { "light-independent reactions", "dark reactions" },
      definition = "the reactions that build sugar from carbon dioxide" },
    { name = "proton gradient",
      definition = "more hydrogen ions on one side of a membrane than the other" },
    { name = "electron transport chain",
      definition = "a row of proteins that pass electrons along and store their energy" },
    { name = "thylakoid", aliases = { "thylakoid membrane" },
      definition = "a flat sac inside a chloroplast where light is caught" },
    { name = "stomata", aliases = { "stoma" },
      definition = "tiny holes in a leaf that let gases in and out" },
  },
}
