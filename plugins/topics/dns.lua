-- Topic pack: DNS. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "dns",
  aliases = { "domain name system", "dns lookup", "dns resolution", "how dns works" },
  concepts = {
    { name = "turning names into addresses", match = { "ip address", "address", "translate", "translates", "phone book",
      "phonebook", "look up the address", "name into a number", "names into numbers" } },
    { name = "resolver", match = { "resolver", "recursive resolver", "your isp", "asks on your behalf",
      "dns server", "8.8.8.8", "1.1.1.1" } },
    { name = "hierarchy of servers", match = { "root server", "root servers", "top-level domain", "tld",
      ".com", "hierarchy", "authoritative", "nameserver", "name server", "delegat" } },
    { name = "caching", match = { "cache", "caches", "cached", "caching", "remember", "remembers", "ttl",
      "time to live" } },
    { name = "record types", match = { "a record", "aaaa", "cname", "mx record", "record", "records" } },
    { name = "worked example", match = { "for example", "example.com", "google.com", "when you type", "www" } },
  },
  terms = {
    { name = "resolver", aliases = { "recursive resolver" },
      definition = "the server that goes and finds the answer for you" },
    { name = "authoritative server", aliases = { "authoritative name server", "authoritative nameserver" },
      definition = "the server that holds the real records for a domain" },
    { name = "TTL", aliases = { "time to live" }, definition = "how long an answer may be kept in a cache" },
    { name = "CNAME", aliases = { "cname record" }, definition = "a record saying one name is another name's alias" },
    { name = "top-level domain", aliases = { "tld" }, definition = "the last part of a name, such as .com or .org" },
  },
}
