-- Topic pack: Newton's laws of motion. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "newton's laws",
  aliases = { "newtons laws", "newton laws", "newton's laws of motion", "newtons laws of motion",
              "laws of motion", "newton's three laws", "newtonian mechanics" },
  concepts = {
    { name = "inertia", match = {
      "inertia", "first law", "1st law", "at rest stays at rest", "stays at rest", "stay at rest",
      "remains at rest", "keeps moving", "keep moving", "keeps going", "constant velocity",
      "constant speed", "unless acted on", "unless acted upon", "unless a force", "unless something pushes" } },
    { name = "f = ma", match = {
      "f = ma", "f=ma", "f equals ma", "second law", "2nd law", "mass times acceleration",
      "force equals mass", "proportional to the force", "acceleration is proportional",
      "more force", "heavier things need more force", "harder to push" } },
    { name = "action and reaction", match = {
      "equal and opposite", "action and reaction", "third law", "3rd law", "reaction force",
      "every action", "pushes back", "push back", "pushes you back", "pairs of forces", "force pair" } },
    { name = "net force", match = {
      "net force", "sum of the forces", "sum of forces", "resultant force", "total force",
      "balanced forces", "unbalanced force", "unbalanced forces", "forces cancel", "cancel out",
      "add up the forces" } },
    { name = "acceleration", match = {
      "acceleration", "accelerate", "accelerates", "speeds up", "speed up", "slows down", "slow down",
      "change in velocity", "changes its velocity", "changes speed", "change direction" } },
    { name = "friction", match = {
      "friction", "air resistance", "drag", "why things stop", "rolling ball stops", "slows it down" } },
  },
  terms = {
    { name = "net force", aliases = { "resultant force" },
      definition = "all the pushes and pulls on an object added together" },
    { name = "inertial frame", aliases = { "inertial frame of reference", "inertial reference frame" },
      definition = "a point of view that is not itself speeding up or turning" },
    { name = "momentum",
      definition = "how hard a moving thing is to stop: its mass times its speed" },
    { name = "newton",
      definition = "the unit of force: the push that speeds one kilogram up by one metre per second every second" },
  },
}
