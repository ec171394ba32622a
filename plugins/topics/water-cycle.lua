-- Topic pack: the water cycle. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "water cycle",
  aliases = { "the water cycle", "hydrologic cycle", "hydrological cycle", "the hydrologic cycle" },
  concepts = {
    { name = "evaporation", match = {
      "evaporation", "evaporate", "evaporates", "evaporated", "turns into vapor", "turns into vapour",
      "water vapor", "water vapour", "turns into gas", "dries up" } },
    { name = "condensation", match = {
      "condensation", "condense", "condenses", "condensed", "clouds form", "forms clouds", "form clouds",
      "cloud", "droplets" } },
    { name = "precipitation", match = {
      "precipitation", "rain", "snow", "hail", "sleet", "drizzle", "falls back", "fall back down" } },
    { name = "collection", match = {
      "collection", "collects", "collect", "runoff", "run-off", "runs off", "river", "lake", "ocean",
      "sea", "flows back", "flows downhill", "streams" } },
    { name = "transpiration", match = {
      "transpiration", "transpire", "transpires", "plants release", "plants give off", "through their leaves",
      "from leaves", "from the leaves", "plants breathe out water", "evapotranspiration" } },
    { name = "infiltration", match = {
      "infiltration", "infiltrate", "soaks into", "soak into", "soaks in", "seeps", "groundwater",
      "ground water", "into the ground", "into the soil", "aquifer" } },
    { name = "the sun's energy", match = {
      "sun", "sunlight", "solar", "heat", "heats", "warms", "warm", "energy" } },
  },
  terms = {
    { name = "transpiration",
      definition = "water leaving plants through their leaves as vapour" },
    { name = "water vapour", aliases = { "water vapor" },
      definition = "water as an invisible gas in the air" },
    { name = "groundwater",
      definition = "water stored in the soil and rock underground" },
    { name = "dew point",
      definition = "the temperature at which air is so cool that vapour turns to droplets" },
  },
}
