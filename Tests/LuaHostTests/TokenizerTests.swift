import Testing
@testable import LuaHost

@Suite struct TokenizerTests {
    // MARK: Words

    @Test func wordsKeepInnerApostrophesHyphensAndUnderscores() {
        #expect(Tokenizer.words(in: "Don’t panic: it's a well-known snake_case IPv6 thing.")
            == ["Don't", "panic", "it's", "a", "well-known", "snake_case", "IPv6", "thing"])
    }

    @Test func punctuationAtTheEdgesOfAWordIsNotPartOfIt() {
        #expect(Tokenizer.words(in: "'quoted' students' x--y -dash _under_ (paren) rock'n'roll")
            == ["quoted", "students", "x", "y", "dash", "under", "paren", "rock'n'roll"])
    }

    @Test func numbersWithDecimalPointsOrThousandsSeparatorsAreOneWord() {
        #expect(Tokenizer.words(in: "Pi is 3.14, not 1,000; count 1, 2, 3.")
            == ["Pi", "is", "3.14", "not", "1,000", "count", "1", "2", "3"])
    }

    @Test func wordsInOtherScriptsAndWithAccentsAreKeptWhole() {
        #expect(Tokenizer.words(in: "Café naïve 東京 e\u{301}cole — Ünïcödé!")
            == ["Café", "naïve", "東京", "e\u{301}cole", "Ünïcödé"])
    }

    @Test func emptyOrBlankTextHasNoWordsOrSentences() {
        #expect(Tokenizer.words(in: "").isEmpty)
        #expect(Tokenizer.words(in: " \n\t— … ").isEmpty)
        #expect(Tokenizer.sentences(in: "").isEmpty)
        #expect(Tokenizer.sentences(in: "  \n\n \t").isEmpty)
    }

    // MARK: Sentences

    @Test func sentencesEndAtTerminatorsBeforeACapitalOrTheEnd() {
        #expect(Tokenizer.sentences(in: "  Hello world. This is fine!  Is it? Yes")
            == ["Hello world.", "This is fine!", "Is it?", "Yes"])
    }

    @Test func abbreviationsAndInitialsDoNotEndASentence() {
        #expect(Tokenizer.sentences(in: "This is e.g. a test. Dr. Smith met J. K. Rowling. See Fig. 3 and the U.S. Army. Done.")
            == ["This is e.g. a test.", "Dr. Smith met J. K. Rowling.", "See Fig. 3 and the U.S. Army.", "Done."])
    }

    @Test func decimalPointsDoNotEndASentence() {
        #expect(Tokenizer.sentences(in: "Pi is 3.14 roughly. It was 1999. 2000 came next.")
            == ["Pi is 3.14 roughly.", "It was 1999.", "2000 came next."])
    }

    @Test func aRunOfTerminatorsCountsOnce() {
        #expect(Tokenizer.sentences(in: "What?! Really... Yes!!! Wait… What?")
            == ["What?!", "Really...", "Yes!!!", "Wait…", "What?"])
    }

    @Test func closingQuotesAndBracketsStayWithTheirSentence() {
        #expect(Tokenizer.sentences(in: #"He said "Stop." "Why?" she asked. (See above.) He said “Hi.” ‘Yes.’ Then left."#)
            == [#"He said "Stop.""#, #""Why?" she asked."#, "(See above.)", "He said “Hi.”", "‘Yes.’", "Then left."])
    }

    @Test func aLowerCaseWordAfterATerminatorContinuesTheSentence() {
        #expect(Tokenizer.sentences(in: "Is it? no way. ok then.") == ["Is it? no way. ok then."])
    }

    @Test func blankLinesEndParagraphsButSingleLineBreaksDoNot() {
        #expect(Tokenizer.sentences(in: "First line\ncontinues here\n\nSecond paragraph\r\n  \r\nThird")
            == ["First line\ncontinues here", "Second paragraph", "Third"])
    }

    @Test func listItemsAreSentencesWithoutTheirMarkers() {
        let text = "Steps:\n- mix flour\n* add water\n1. knead it. Then rest.\n2) bake\n  • cool"
        #expect(Tokenizer.sentences(in: text)
            == ["Steps:", "mix flour", "add water", "knead it.", "Then rest.", "bake", "cool"])
        #expect(Tokenizer.sentences(in: "1. First step. 2 more to go.") == ["First step.", "2 more to go."])
    }

    @Test func sentencesInOtherLanguagesAndScripts() {
        #expect(Tokenizer.sentences(in: "¿Qué? ¡Sí! Ésta es. Ok.") == ["¿Qué?", "¡Sí!", "Ésta es.", "Ok."])
    }

    @Test func largeAndPathologicalInputsStayFast() {
        let paragraph = "The quick fox, who wasn't well-known, jumped 3.14 m. Then what? Mr. Smith said \"no\"!\n\n- item\n\n"
        let prose = String(repeating: paragraph, count: 1_000)
        let dots = String(repeating: "a.", count: 20_000) + String(repeating: ".", count: 20_000)
        let started = ContinuousClock.now
        #expect(Tokenizer.words(in: prose).count == 1_000 * 16)
        #expect(Tokenizer.sentences(in: prose).count == 1_000 * 4)
        #expect(Tokenizer.words(in: dots).count == 20_000)
        #expect(Tokenizer.sentences(in: dots).count == 1)
        #expect(ContinuousClock.now - started < .seconds(5), "tokenising should take linear time")
    }
}
