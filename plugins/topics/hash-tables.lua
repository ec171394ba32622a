-- Topic pack: hash tables. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "hash tables",
  aliases = { "hash table", "hash map", "hashmap", "hash maps", "hashmaps", "dictionaries", "hashing" },
  concepts = {
    { name = "hash function", match = {
      "hash function", "hashing function", "hash code", "hashcode", "hash value", "hashes the key",
      "hash the key", "hash of the key", "hashed key", "turns the key into", "converts the key",
      "maps the key", "key into a number", "key into an index" } },
    { name = "key-value pairs", match = {
      "key-value", "key value", "keys and values", "key and value", "key and its value",
      "key to a value", "keys to values", "look up by key", "lookup by key", "dictionary" } },
    { name = "buckets", match = {
      "bucket", "slot", "array index", "index into", "index in the array", "position in the array",
      "underlying array", "array of", "an array", "the array" } },
    { name = "collisions", match = {
      "collision", "collide", "collides", "same index", "same bucket", "same slot", "same hash",
      "same position", "same spot" } },
    { name = "collision resolution", match = {
      "chaining", "separate chaining", "linked list", "open addressing", "linear probing", "probing",
      "probe", "next free slot", "next empty slot", "next open slot", "list in each bucket",
      "list of entries" } },
    { name = "constant-time lookup", match = {
      "o(1)", "constant time", "constant-time", "fast lookup", "quick lookup", "very fast",
      "instant", "instantly", "without searching", "doesn't have to search", "no matter how many" } },
    { name = "resizing", match = {
      "load factor", "resize", "resizing", "rehash", "rehashing", "grow the table", "grows the table",
      "double the size", "doubles the size", "bigger array", "too full", "gets full", "fills up" } },
  },
  terms = {
    { name = "hash function",
      definition = "a rule that turns a key into a number" },
    { name = "load factor",
      definition = "how full the table is: entries divided by slots" },
    { name = "open addressing", aliases = { "linear probing" },
      definition = "on a clash, looking for the next free slot in the array" },
    { name = "separate chaining", aliases = { "chaining" },
      definition = "keeping a small list of entries in each slot" },
    { name = "hash collision",
      definition = "two keys that land in the same slot" },
  },
}
