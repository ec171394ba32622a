-- Topic pack: inflation. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "inflation",
  aliases = { "price inflation", "rising prices", "inflation rate" },
  concepts = {
    { name = "a general rise in prices", match = { "prices rise", "prices go up", "price level", "cost more",
      "costs more", "more expensive", "rise in prices", "prices rising" } },
    { name = "purchasing power", match = { "buys less", "buy less", "purchasing power", "worth less", "value of money" } },
    { name = "measuring with a price index", match = { "cpi", "consumer price index", "basket", "index", "percent a year",
      "% a year", "per year" } },
    { name = "causes of inflation", match = { "demand", "money supply", "printing money", "print money", "costs", "wages",
      "too much money", "oil" } },
    { name = "the central bank's response", match = { "central bank", "interest rate", "interest rates", "federal reserve",
      "the fed", "bank of england", "ecb", "raise rates" } },
    { name = "worked example", match = { "for example", "a loaf", "bread", "coffee", "used to cost", "%" } },
  },
  terms = {
    { name = "purchasing power", definition = "how much a sum of money can buy" },
    { name = "consumer price index", aliases = { "cpi" }, definition = "the price of a fixed basket of everyday goods, tracked over time" },
    { name = "interest rate", aliases = { "interest rates", "base rate" },
      definition = "what it costs to borrow money, as a share of the loan per year" },
    { name = "money supply", definition = "how much money there is in the economy" },
    { name = "deflation", definition = "prices falling in general" },
  },
}
