-- Topic pack: plate tectonics. Concepts a good explanation covers, for offline gap
-- detection, and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "plate tectonics",
  aliases = { "tectonic plates", "continental drift", "plate movement" },
  concepts = {
    { name = "plates", match = { "plate", "plates", "pieces", "crust", "lithosphere" } },
    { name = "mantle convection", match = { "mantle", "convection", "hot rock", "currents", "heat from inside" } },
    { name = "boundaries", match = { "boundary", "boundaries", "collide", "pull apart", "slide past", "divergent",
      "convergent", "transform", "subduction" } },
    { name = "earthquakes and volcanoes", match = { "earthquake", "earthquakes", "volcano", "volcanoes", "eruption" } },
    { name = "slow movement", match = { "centimetres a year", "centimeters a year", "slowly", "as fast as fingernails",
      "millions of years" } },
    { name = "evidence for moving plates", match = { "fossils", "coastlines", "fit together", "like a jigsaw", "magnetic stripes", "evidence" } },
  },
  terms = {
    { name = "lithosphere", definition = "the hard outer shell of the Earth, broken into plates" },
    { name = "subduction zone", aliases = { "subduction" }, definition = "a place where one plate slides under another" },
    { name = "mantle convection", aliases = { "convection current", "convection currents" },
      definition = "hot rock rising and cool rock sinking slowly inside the Earth" },
    { name = "divergent boundary", definition = "where two plates move apart and new crust forms" },
    { name = "fault line", aliases = { "fault" }, definition = "a crack where rocks on each side move past each other" },
  },
}
