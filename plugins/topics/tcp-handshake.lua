-- Topic pack: the TCP three-way handshake. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "tcp handshake",
  aliases = { "tcp three-way handshake", "three-way handshake", "tcp 3-way handshake", "3-way handshake",
              "tcp connection setup", "tcp connection establishment" },
  concepts = {
    { name = "client and server", match = { "client", "server", "the two hosts", "both computers", "both sides" } },
    { name = "syn", match = { "syn", "synchronize", "synchronise", "synchronization", "synchronisation" } },
    { name = "syn-ack", match = {
      "syn-ack", "syn ack", "synack", "syn/ack", "syn and ack", "syn plus ack", "acknowledges the syn",
      "acknowledge the syn", "its own syn" } },
    { name = "final ack", match = {
      "final ack", "last ack", "third step", "third message", "third packet", "sends an ack",
      "sends ack", "sends back an ack", "send an ack", "sends an acknowledgment", "sends an acknowledgement",
      "responds with an ack", "responds with ack", "replies with an ack", "replies with ack",
      "acknowledges the syn-ack", "acknowledges the server", "client acks", "then ack", "and then an ack" } },
    { name = "sequence numbers", match = {
      "sequence number", "seq number", "initial sequence", "isn", "seq", "numbering the bytes", "sequence" } },
    { name = "three steps", match = {
      "three-way", "three way", "3-way", "3 way", "three steps", "3 steps", "three messages",
      "three packets", "three segments" } },
    { name = "purpose of the handshake", match = {
      "reliable", "reliability", "both sides agree", "agree on", "make sure both", "ready to send",
      "ready to receive", "before sending data", "before any data", "connection is established",
      "establish a connection", "establishes a connection", "connection is open" } },
  },
  terms = {
    { name = "congestion window", aliases = { "cwnd" },
      definition = "how much data the sender may have in flight before hearing back" },
    { name = "sequence number", aliases = { "initial sequence number" },
      definition = "the position of a byte in the stream of data" },
    { name = "backlog queue", aliases = { "syn queue", "accept queue" },
      definition = "connections waiting for the handshake to finish" },
    { name = "round trip time", aliases = { "round-trip time", "rtt" },
      definition = "how long a message takes to go there and back" },
    { name = "SYN flood",
      definition = "an attack that sends many SYNs and never finishes the handshakes" },
  },
}
