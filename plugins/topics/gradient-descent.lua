-- Topic pack: gradient descent. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "gradient descent",
  aliases = { "stochastic gradient descent", "sgd", "gradient-descent", "batch gradient descent" },
  concepts = {
    { name = "loss function", match = {
      "loss", "loss function", "cost function", "cost", "error", "objective", "objective function",
      "how wrong", "how bad" } },
    { name = "gradient", match = {
      "gradient", "derivative", "derivatives", "slope", "partial derivative", "steepness", "how steep" } },
    { name = "downhill direction", match = {
      "downhill", "down the hill", "opposite direction", "opposite of the gradient", "negative gradient",
      "minus the gradient", "steepest descent", "steepest way down", "go down", "goes down", "move down",
      "walk down" } },
    { name = "learning rate", match = {
      "learning rate", "step size", "size of the step", "how big a step", "how far to move", "alpha", "eta" } },
    { name = "repeated updates", match = {
      "repeat", "repeats", "iterate", "iteration", "iterations", "over and over", "again and again",
      "each step", "every step", "update the weights", "updates the weights", "update the parameters",
      "updates the parameters", "epoch", "epochs", "loop" } },
    { name = "convergence", match = {
      "minimum", "minimise", "minimize", "converge", "converges", "convergence", "lowest point",
      "bottom of the valley", "bottom", "stops changing", "until it stops" } },
    { name = "local minima", match = {
      "local minimum", "local minima", "stuck", "saddle point", "overshoot", "overshoots", "diverge",
      "diverges", "too big a step", "too large", "bounce around" } },
  },
  terms = {
    { name = "learning rate", aliases = { "step size" },
      definition = "how big a step is taken each time" },
    { name = "loss function", aliases = { "cost function" },
      definition = "a formula that scores how wrong the predictions are" },
    { name = "local minimum", aliases = { "local minima" },
      definition = "a low point that is lower than its neighbours but not the lowest of all" },
    { name = "partial derivative",
      definition = "how much the output changes when one input changes a little" },
    { name = "mini-batch", aliases = { "mini batch" },
      definition = "a small random handful of the training examples" },
  },
}
