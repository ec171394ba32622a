-- Topic pack: public-key cryptography. Concepts a good explanation covers, for offline
-- gap detection, and the technical terms it uses, each with a short definition.
teachback.topic {
  name = "public-key cryptography",
  aliases = { "public key cryptography", "asymmetric cryptography", "asymmetric encryption", "rsa",
              "public-key encryption", "public key encryption" },
  concepts = {
    { name = "key pair", match = { "key pair", "pair of keys", "two keys", "public key and a private key",
      "public and private key", "public and private keys" } },
    { name = "sharing the public key", match = { "public key", "share", "shared", "anyone can", "publish", "give out" } },
    { name = "keeping the private key secret", match = { "private key", "secret", "keep it", "never share", "only you" } },
    { name = "encryption", match = { "encrypt", "encrypts", "encrypted", "encryption", "lock", "locks" } },
    { name = "decryption", match = { "decrypt", "decrypts", "decrypted", "decryption", "unlock", "unlocks", "open it" } },
    { name = "digital signatures", match = { "sign", "signs", "signature", "signatures", "signed", "prove who" } },
    { name = "a problem hard to reverse", match = { "factor", "factoring", "prime", "primes", "hard to reverse", "one-way",
      "discrete log", "impossible to work out", "would take" } },
  },
  terms = {
    { name = "private key", definition = "the secret half of the key pair, kept only by its owner" },
    { name = "public key", definition = "the half of the key pair anyone may have" },
    { name = "digital signature", aliases = { "signature" },
      definition = "data made with a private key that proves who sent a message" },
    { name = "ciphertext", definition = "a message after it has been scrambled" },
    { name = "trapdoor function", aliases = { "one-way function" },
      definition = "something easy to compute but very hard to undo without a secret" },
  },
}
