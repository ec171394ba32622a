-- Topic pack: the TCP/IP layers. Concepts a good explanation covers, for offline gap
-- detection, and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "tcp/ip layers",
  aliases = { "tcp ip layers", "tcp/ip model", "tcp ip model", "network layers", "osi model", "internet protocol suite" },
  concepts = {
    { name = "link layer", match = { "link layer", "ethernet", "wi-fi", "wifi", "mac address", "physical" } },
    { name = "internet layer", match = { "internet layer", "network layer", "ip", "ip address", "routing", "router", "routers" } },
    { name = "transport layer", match = { "transport layer", "tcp", "udp", "port", "ports" } },
    { name = "application layer", match = { "application layer", "http", "https", "dns", "smtp", "browser" } },
    { name = "encapsulation", match = { "encapsulat", "wrap", "wraps", "envelope", "header", "headers", "inside another" } },
    { name = "each layer's job", match = { "each layer", "only talks to", "job of", "responsible for", "separation" } },
  },
  terms = {
    { name = "packet", aliases = { "packets" }, definition = "a small chunk of data with an address on it" },
    { name = "encapsulation", definition = "wrapping each layer's data inside the next layer's envelope" },
    { name = "header", aliases = { "headers" }, definition = "the label a layer puts in front of the data" },
    { name = "port number", aliases = { "port" }, definition = "the number that says which program on a computer gets the data" },
    { name = "MAC address", definition = "the fixed address of a network card on the local network" },
  },
}
