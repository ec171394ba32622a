/// Realistic explanations of recursion: varied sentences (definitions, hedges, jargon, examples,
/// ordering words) repeated in a shifting order until the text is long enough.
enum Prose {
    static let sentences = [
        "Recursion is when a function solves a problem by calling itself on a smaller version of the same problem.",
        "Every recursive function needs a base case, which is the simplest input where the answer is known directly.",
        "I think the base case is basically the stopping condition, so the function does not call itself forever.",
        "For example, the factorial of five is five times the factorial of four, and so on down to one.",
        "First you check the base case, then you make the recursive call, and finally you combine the results.",
        "Each call gets its own stack frame, which holds the local variables and the place to return to.",
        "The call stack grows with every nested call and shrinks again as each call returns its value.",
        "If the input never gets smaller, the recursion never reaches the base case and the stack overflows.",
        "Maybe the easiest way to picture it is a set of Russian dolls, each one holding a smaller doll inside.",
        "Fibonacci numbers are a classic example, although the naive version recomputes the same values many times.",
        "Memoization fixes that by caching results, so each subproblem is solved only once.",
        "Tail recursion means the recursive call is the very last thing the function does before it returns.",
        "Some compilers turn tail calls into loops, which means the stack does not grow at all.",
        "Walking a tree is naturally recursive, because every subtree is itself a smaller tree.",
        "To sum a list recursively, you add the first element to the sum of the rest of the list.",
        "The empty list is the base case there, and its sum is simply zero.",
        "I'm not totally sure, but I believe any recursive algorithm can also be written with an explicit stack.",
        "Divide and conquer algorithms such as merge sort split the input in half and recurse on both halves.",
        "Second, you have to convince yourself that every call moves closer to the base case.",
        "In other words, some measure of the input, like its length, must strictly decrease on each call.",
        "This is similar to proof by induction, where the base case and the inductive step mirror each other.",
        "It sort of feels like magic at first, because you trust the smaller call to already work.",
        "Mutual recursion happens when two functions call each other, like isEven and isOdd.",
        "Clearly, the depth of the recursion matters, since each level uses a little more memory.",
    ]

    /// About `words` words (whole sentences, so slightly more), starting at sentence `seed`.
    static func text(words: Int, seed: Int = 0) -> String {
        var out: [String] = []
        var count = 0
        var index = seed
        var round = 0
        while count < words {
            // A different stride (coprime with the count) each round: every round is a new order.
            let stride = [1, 5, 7, 11, 13][round % 5]
            let sentence = sentences[(index * stride + round) % sentences.count]
            out.append(sentence)
            count += sentence.split(separator: " ").count
            index += 1
            if index % sentences.count == 0 { round += 1 }
        }
        return out.joined(separator: " ")
    }

    /// One explanation of roughly 60 words, different for each turn number.
    static func explanation(turn: Int) -> String {
        text(words: 55 + turn % 4 * 5, seed: turn * 3)
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }
}
