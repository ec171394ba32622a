---@meta teachback
-- LuaCATS description of the teachback scripting API (v1), for editor completion.
-- Point your language server at this file (e.g. `"workspace.library": ["<teachback>/plugins"]`).
-- teachback never loads it: it holds declarations only. The spec classes below are checked by
-- teachback's tests against the schemas registration enforces (Sources/LuaHost/Schema.swift):
-- a key not declared here is refused with `unknown field 'x' (did you mean 'y'?)`.

---The analysis shape shared by heuristics, modes and Claude (field names as in JSON). What a
---heuristic returns may hold only these fields; a score outside [0, 1] (or NaN, inf) fails the
---heuristic for that turn. In JSON a `source` says where an analysis came from: `local`
---(heuristics), `claude`, or `claude+local` (Claude's scores with local list items added).
---@class teachback.Analysis
---@field confidence_score? number 0..1: how sure the explainer sounds
---@field clarity_score? number 0..1: how easy the explanation is to follow
---@field knowledge_gaps? string[] concepts missing or left vague
---@field unexplained_jargon? string[] terms used without being explained
---@field strengths? string[] what the explanation does well
---@field notes? string[] free-form remarks shown by `teachback analyze --verbose`
---@field covered? string[] names of the topic pack's concepts this text covers: the session remembers them (`ctx.covered`)

---@class teachback.PastTurn
---@field explanation string
---@field question string
---@field analysis teachback.Analysis
---@field answered boolean whether the next explanation answered this turn's question

---@class teachback.Concept
---@field name string the concept as shown in a gap ("base case")
---@field match? string[] phrases that count as mentioning it (matched on Porter stems; default: name)

---@class teachback.Term
---@field name string the term as shown ("stack frame"); one word or several
---@field aliases? string[] other spellings that are the same term (matched on Porter stems)
---@field definition string required: a short plain definition (the five-year-old can say it back)

---What `analyze` receives besides the text.
---@class teachback.Context
---@field topic string
---@field mode string
---@field number integer this turn's number, from 1
---@field history teachback.PastTurn[] earlier turns of the session (made on first use, a fresh copy each call)
---@field concepts? teachback.Concept[] the concepts of the topic pack matching `topic`, if any
---@field terms? teachback.Term[] the technical terms of that topic pack, if any
---@field covered string[] concepts covered in earlier turns of this session (a heuristic's `covered`): not gaps any more

---What `prompt`, `fallback` and `on_turn` receive.
---@class teachback.Turn
---@field topic string
---@field mode string
---@field number integer this turn's number, from 1
---@field explanation string
---@field analysis teachback.Analysis merged so far (local in parallel and offline mode)
---@field history teachback.PastTurn[] earlier turns (made on first use, a fresh copy each call)
---@field asked string[] questions already asked in this session (made on first use, likewise)
---@field covered string[] concepts covered in this session, this explanation included: never ask about them
---@field shaky string[] covered earlier, but only in turns that sounded unsure (confidence below 0.5): a follow-up may ask
---@field terms? teachback.Term[] the matched topic pack's terms with their definitions (prompt and fallback only)
---@field last_claude_analysis? teachback.Analysis Claude's analysis of the previous explanation, when it made one
---@field question? string the question asked (on_turn only)

---What `greeting`, `system` functions and session hooks receive.
---@class teachback.Session
---@field id string
---@field topic string
---@field mode string
---@field turns integer turns so far

---@class teachback.ModeSpec
---@field name string required, matches [a-z0-9-]+
---@field description? string
---@field greeting? string|fun(session: teachback.Session): string `{topic}` is replaced
---@field system? string|fun(session: teachback.Session): string Claude's system prompt; `{topic}` is replaced
---@field prompt? fun(turn: teachback.Turn): string the question request's user message
---@field fallback fun(turn: teachback.Turn): string required: the offline question (`persona.fallback` of modes/lib/persona.lua is a shared one)
---@field temperature? number sent to Claude only when set
---@field max_tokens? integer sent to Claude only when set

---@class teachback.HeuristicSpec
---@field name string required, matches [a-z0-9-]+
---@field description? string
---@field weight? number default 1.0; scores are weight-averaged across heuristics
---@field analyze fun(text: string, ctx: teachback.Context): teachback.Analysis required; scores must be finite and within [0, 1]

---@class teachback.TopicSpec
---@field name string required
---@field aliases? string[]
---@field concepts teachback.Concept[] required
---@field terms? teachback.Term[] the topic's technical terms: jargon when used without a definition

---@class teachback.CommandSpec
---@field name string required, matches [a-z0-9-]+; invoked as `:name`
---@field usage? string
---@field help? string
---@field run fun(args: string, session: teachback.Session?): string|nil required; `session` is nil when no session is active; returns text to print

---@class teachback.Timeouts
---@field connect? number default 5; each 0.1..600
---@field stall? number no byte received; default 15
---@field total? number the whole call; default 60

---@class teachback.Price
---@field input number USD per million input tokens
---@field output number USD per million output tokens

---@class teachback.ConfigSpec
---@field model? string
---@field parallel? boolean
---@field analytics_every? integer 1..100000
---@field history_turns? integer earlier turns sent to Claude in full, 1..50 (default 6); older ones summarised
---@field prices? table<string, teachback.Price> USD per million tokens, by model id
---@field timeouts? teachback.Timeouts seconds per Claude call
---@field max_retries? integer retries after a failed Claude call, 0..10 (default 2)
---@field busy_timeout? number seconds a database write waits for another process's lock, 0..600 (default 5)

---@class teachback
teachback = {}

---Register a student persona. Only while the file loads.
---@param spec teachback.ModeSpec
function teachback.mode(spec) end

---Register a local analysis heuristic. Only while the file loads.
---@param spec teachback.HeuristicSpec
function teachback.heuristic(spec) end

---Register a topic pack for offline gap detection. Only while the file loads.
---@param spec teachback.TopicSpec
function teachback.topic(spec) end

---Register a REPL command `:name`; `run(args, session)` gets `session == nil` when no session
---is active. Only while the file loads.
---@param spec teachback.CommandSpec
function teachback.command(spec) end

---Called after every turn.
---@param fn fun(turn: teachback.Turn)
function teachback.on_turn(fn) end

---Called when a session starts (`:teach`, `:resume`).
---@param fn fun(session: teachback.Session)
function teachback.on_session_start(fn) end

---Called when a session ends (new `:teach`, `:quit`).
---@param fn fun(session: teachback.Session)
function teachback.on_session_end(fn) end

---Settings; only in `$XDG_CONFIG_HOME/teachback/init.lua`. `:reload` applies them again.
---@param spec teachback.ConfigSpec
function teachback.config(spec) end

---Words of `text` in order, as written: letters and digits, with inner `'`, `-` and `_` kept.
---@param text string
---@return string[]
function teachback.words(text) end

---Sentences of `text`, split after `.`, `!`, `?` (not inside numbers, abbreviations like "e.g.") and at blank lines.
---@param text string
---@return string[]
function teachback.sentences(text) end

---Syllables in one English word (vowel groups with English corrections; at least 1).
---@param word string
---@return integer
function teachback.syllables(word) end

---Porter (1980) stem of one word, lower-cased.
---@param word string
---@return string
function teachback.stem(word) end

---Whether `word` (any case) is in the shipped common-English word list.
---@param word string
---@return boolean
function teachback.is_common(word) end

---Write a line to teachback's log with this call's `file:line` (so does `print`): the last 500
---lines are kept; `:log [N]` shows them, `:plugins` the last few of each file, and with
---`--verbose` each goes to stderr at once.
---@param msg string|number
function teachback.log(msg) end
