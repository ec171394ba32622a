-- Topic pack: linked lists. Concepts a good explanation covers, for offline gap detection,
-- and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "linked lists",
  aliases = { "linked list", "singly linked list", "doubly linked list" },
  concepts = {
    { name = "nodes", match = { "node", "nodes", "element holds", "each item holds" } },
    { name = "next pointer", match = { "pointer", "pointers", "next", "reference", "points to", "link", "links" } },
    { name = "head", match = { "head", "first node", "start of the list" } },
    { name = "end of the list", match = { "null", "nil", "none", "tail", "last node", "points to nothing", "end of the list" } },
    { name = "insertion and deletion", match = { "insert", "insertion", "delete", "deletion", "remove", "add a node",
      "rewire", "change the pointer" } },
    { name = "sequential access only", match = { "walk", "traverse", "one by one", "from the start", "no index",
      "o(n)", "can't jump", "cannot jump" } },
  },
  terms = {
    { name = "node", definition = "one box in the list holding a value and a link to the next box" },
    { name = "head pointer", aliases = { "head" }, definition = "the link to the first node" },
    { name = "null pointer", aliases = { "null" }, definition = "a link that points to nothing, marking the end" },
    { name = "doubly linked list", definition = "a list whose nodes also link back to the previous node" },
    { name = "random access", definition = "jumping straight to any position by its number" },
  },
}
