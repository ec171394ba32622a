-- Topic pack: recursion. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "recursion",
  aliases = { "recursive functions", "recursive function", "recursive algorithms", "recursion in programming" },
  concepts = {
    { name = "base case", match = {
      "base case", "base condition", "stopping condition", "stop condition", "terminating condition",
      "termination condition", "exit condition", "simplest case", "trivial case", "stops when",
      "stop when", "stops calling", "when to stop" } },
    { name = "recursive call", match = {
      "calls itself", "call itself", "calling itself", "invokes itself", "recursive call",
      "recursive step", "recursive case", "calls the same function", "function calling itself" } },
    { name = "smaller subproblem", match = {
      "smaller problem", "smaller subproblem", "subproblem", "sub-problem", "smaller input",
      "smaller version", "simpler version", "smaller piece", "smaller instance", "smaller part",
      "simpler problem", "n - 1", "n-1", "one less", "closer to the base case", "break the problem down",
      "breaks the problem down", "break it down" } },
    { name = "call stack", match = {
      "call stack", "the stack", "stack frame", "on the stack", "stack of calls", "pushed onto",
      "each call waits", "waiting calls" } },
    { name = "infinite recursion", match = {
      "infinite recursion", "infinite loop", "stack overflow", "forever", "never stops", "never stop",
      "never ends", "never terminates", "never reaches", "runs out of memory", "without a base case" } },
    { name = "combining results", match = {
      "combine", "return value", "returns the result", "returned value", "result of the call",
      "multiplied by", "multiply", "add up", "adds up", "build up", "builds up", "unwind",
      "on the way back", "passes the result back", "results are combined" } },
    { name = "worked example", match = {
      "factorial", "fibonacci", "tree", "folder", "directory", "nested", "russian doll", "matryoshka",
      "fractal", "sum of a list", "for example", "for instance", "countdown", "mirror" } },
  },
  terms = {
    { name = "stack frame", aliases = { "call frame", "activation record" },
      definition = "the memory one call uses for its own variables while it runs" },
    { name = "call stack",
      definition = "the pile of calls that are still waiting for an answer" },
    { name = "stack overflow",
      definition = "running out of room on the call stack because calls never stop" },
    { name = "tail call", aliases = { "tail recursion" },
      definition = "a call that is the very last thing a function does" },
    { name = "memoization", aliases = { "memoisation" },
      definition = "remembering answers already worked out so they are not worked out again" },
  },
}
