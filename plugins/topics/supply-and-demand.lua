-- Topic pack: supply and demand. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "supply and demand",
  aliases = { "law of supply and demand", "supply & demand", "supply and demand curves", "market equilibrium" },
  concepts = {
    { name = "law of demand", match = {
      "law of demand", "demand curve", "quantity demanded", "buy less", "buy more", "people want less",
      "people want more", "demand goes down", "demand falls", "demand drops", "demand decreases",
      "slopes down", "downward sloping", "downward-sloping", "fewer buyers", "more buyers" } },
    { name = "law of supply", match = {
      "law of supply", "supply curve", "quantity supplied", "produce more", "produce less", "sell more",
      "make more", "supply goes up", "supply rises", "supply increases", "slopes up", "upward sloping",
      "upward-sloping", "more sellers", "sellers offer more" } },
    { name = "equilibrium", match = {
      "equilibrium", "market clearing", "market-clearing", "curves cross", "curves meet", "intersect",
      "intersection", "balance", "balanced", "supply equals demand", "supply meets demand",
      "demand equals supply", "where they meet", "where they cross" } },
    { name = "shortages", match = {
      "shortage", "not enough", "excess demand", "scarce", "scarcity", "runs out", "run out",
      "sold out", "sells out" } },
    { name = "surpluses", match = {
      "surplus", "excess supply", "too much", "too many", "leftover", "left over", "unsold", "glut",
      "oversupply" } },
    { name = "price adjustment", match = {
      "price goes up", "prices go up", "price rises", "prices rise", "price increases", "price goes down",
      "prices go down", "price falls", "prices fall", "price drops", "prices drop", "raise the price",
      "raise prices", "lower the price", "lower prices", "cut prices", "price adjusts", "prices adjust",
      "higher price", "lower price" } },
    { name = "curve shifts", match = {
      "shift", "shifts", "shifted", "moves to the right", "moves to the left", "moves right", "moves left",
      "change in demand", "change in supply", "increase in demand", "decrease in demand",
      "increase in supply", "decrease in supply" } },
  },
  terms = {
    { name = "equilibrium price", aliases = { "market-clearing price", "clearing price" },
      definition = "the price at which the amount offered equals the amount wanted" },
    { name = "price elasticity", aliases = { "elasticity of demand", "price elasticity of demand" },
      definition = "how much people change what they buy when the price changes" },
    { name = "demand curve",
      definition = "a line showing how much people want to buy at each price" },
    { name = "supply curve",
      definition = "a line showing how much sellers offer at each price" },
    { name = "consumer surplus",
      definition = "the difference between what buyers would pay and what they do pay" },
  },
}
