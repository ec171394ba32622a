-- Topic pack: derivatives (calculus). Concepts a good explanation covers, for offline
-- gap detection, and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "derivatives",
  aliases = { "derivative", "differentiation", "differential calculus", "calculus derivatives" },
  concepts = {
    { name = "rate of change", match = { "rate of change", "how fast", "changes", "instantaneous" } },
    { name = "slope of the tangent", match = { "slope", "gradient", "tangent", "steepness", "steep" } },
    { name = "limit", match = { "limit", "limits", "approaches", "gets closer", "smaller and smaller", "h goes to 0",
      "h approaches 0", "infinitesimal" } },
    { name = "differentiation rules", match = { "power rule", "chain rule", "product rule", "quotient rule", "bring the power down",
      "n x to the n minus 1" } },
    { name = "worked example", match = { "x squared", "x^2", "2x", "for example", "speed", "velocity" } },
  },
  terms = {
    { name = "tangent line", aliases = { "tangent" }, definition = "a straight line that just touches a curve at one point" },
    { name = "limit", definition = "the value something gets closer and closer to" },
    { name = "chain rule", definition = "how to take the derivative of a function inside another function" },
    { name = "power rule", definition = "x to the n has derivative n times x to the n minus 1" },
    { name = "difference quotient", definition = "change in output divided by change in input over a small step" },
  },
}
