package dev.prescreen.scoring;

import dev.prescreen.domain.QuestionType;
import dev.prescreen.scoring.nlp.Analyzer;
import dev.prescreen.scoring.nlp.Sentence;
import dev.prescreen.scoring.nlp.Token;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic rubric scorer: OpenNLP sentence split, tokens, universal POS tags and lemmas, then per-type
 * linguistic features (who acted and in which tense, results and whether they are quantified, employers and
 * projects, technologies from a curated lexicon, ordered steps, trade-offs, limits, filler) combined ordinally into
 * the rubric's anchors. One instance per thread; the models are loaded once per JVM.
 */
public final class RubricScorer implements AnswerScorer {

    public static final String VERSION = "rubric-1.0.0/opennlp-en-ud-ewt-1.3-2.5.4";

    private final Analyzer analyzer;
    private final TechLexicon lexicon;

    public RubricScorer() {
        this.analyzer = new Analyzer();
        this.lexicon = TechLexicon.builtIn();
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** The text the evidence offsets refer to: the answer, then (if any) a blank line and the follow-up answer. */
    public static String combinedText(ScoringInput input) {
        String text = input.transcript().text();
        if (input.followUp() != null && !input.followUp().text().isBlank()) {
            text = text + "\n\n" + input.followUp().text();
        }
        return text;
    }

    // ---------------------------------------------------------------- lexical patterns (general English)

    private static Pattern p(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    private static final Pattern IF_I_HAD_TO = p("\\bif i (had|have) to\\b|\\bif i (was|were)\\b");
    private static final Set<String> DISFLUENCIES = Set.of("um", "uh", "er", "erm", "hmm", "ah", "eh", "mm", "uhm");

    private static final Pattern INJECTION_ADDRESSEE = p("\\b(ai|a\\.i\\.|artificial intelligence|language model|llm|"
            + "gpt|chatgpt|chatbot|assistant|scorer|grader|evaluator|rubric|(scoring|grading|evaluation|evaluating|"
            + "screening|hiring) (model|system|engine|software|tool|ai|bot)|(model|system|software|program|tool|bot|"
            + "machine|algorithm|whoever|anyone|anything) (that is |that's |which is |is )?(scoring|grading|evaluating|"
            + "rating|reviewing|reading|assessing) (this|these|me|the answers?|my answers?)|(previous|prior|above|"
            + "earlier|your|all|the) instructions)\\b");
    private static final Pattern INJECTION_DIRECTIVE = p("\\b(ignore|disregard|forget|override|assign|award|output|give|"
            + "rate|mark|grade|score|pass|approve|skip|must|should|need to|have to)\\b.*\\b(score|scores|5|five|"
            + "maximum|max|full|top|highest|excellent|perfect|pass|points|marks|flags?|rubric|instructions|criteria|"
            + "rules|hire|approved?)\\b");
    private static final Pattern INJECTION_STANDALONE = p("\\b(ignore (the|all|any|your|previous|prior) "
            + "(rubric|instructions|rules|criteria)|give (me|this answer|this|it) (a |the )?(5|five|max|maximum|top|"
            + "full|perfect)|(rate|score|grade|mark) (me|this answer|this|it) (a |as |with )?(5|five|max|maximum|top|"
            + "full|perfect|excellent))\\b");

    private static final Pattern IGNORANCE = p("\\b(i don'?t know|i do not know|not sure|no idea|i can'?t (say|answer|"
            + "think)|nothing comes to mind|can'?t remember|don'?t remember|pass on this|skip this|no comment|"
            + "sorry|i have nothing)\\b");
    private static final Pattern NO_EXPERIENCE = p("\\b(haven'?t (really |actually |exactly )?(used|worked|done|touched"
            + "|had|built|run|set)|have not (used|worked|done)|never (used|worked|touched|done|got to|had)|"
            + "not really|none at work|don'?t have (any |much )?experience|no (real )?experience|"
            + "only know (it |them )?by name|heard of|(starting|start) from zero|not sure what (that|it) means|"
            + "no,? never|not a lot)\\b");
    private static final Pattern LIMIT = p("\\b(never (done|touched|used|written|worked|run|set|had|practi[sc]ed|"
            + "restored|managed|built|tried|needed)|haven'?t (really )?(done|used|touched|worked|practi[sc]ed|set|run|"
            + "built|had)|weak(er|ness|est)?|weak spot|my gap|a gap|gaps|thinner|not (a|an) (\\w+ )?(specialist|"
            + "expert)|still (getting better|learning|improving)|i'?d be slow|slow (at|writing)|i missed|"
            + "underestimated|differently|struggle|over-?use|i'?m not (strong|great|good|confident|an expert)|"
            + "basic on|less (experienced|comfortable|experience)|don'?t (really )?(practi[sc]e|know much)|"
            + "only (used|done|know) .{0,30}(side projects|basics|by name)|intermediate|to improve|grow into|"
            + "want to work on|lacking|limited)\\b");
    private static final Pattern RESULT = p("\\b(went (from|down|up|away)|go(es)? (from|down)|dropped|fell|falls? "
            + "(from|to)|cut|cuts|reduced|reduces|decreased|increased|improved|saved|saves|halved|doubled|tripled|"
            + "sped up|shrank|shrunk|eliminated|disappeared|stopped|no longer|anymore|any more|faster|quicker|easier|"
            + "quieter|cheaper|fixed|solved|resolved|passed|handled|lowered|retired|to zero|down to|dropped to|"
            + "more (stable|reliable)|(after|since) (this|that|then|the change|the fix|the release|the migration|it went live)|"
            + "now (a|an|the|our|new|we|it|nobody|people|it's|they|everyone|deploys|releases)|"
            + "since (then|that|we did)|(from|of) (about |around |roughly )?\\S+ (\\S+ ){0,2}to (about |around |under "
            + "|roughly |below )?(\\d|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
            + "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundred|half))");
    private static final Pattern STEP = p("\\b(first(ly)?|then|next|after (that|release|the|a|deploy\\w*|i|we)|"
            + "afterwards|after wards|after(?=\\s*,)|once|finally|from there|second(ly)?|third(ly)?|start(s|ed)? (by|with|from)|"
            + "i start|begin(s)? (by|with)|before (i|we|that|release|the)|at the end|last(ly)?)\\b");
    private static final Pattern REASON = p("\\b(because|since (it|that|the|they|we|those|this)|so that|which means|"
            + "that way|otherwise|to avoid|in order to|so i|so we|so the|to confirm|to see (if|whether|which))\\b");
    private static final Pattern TRADEOFF = p("\\b(trade-?offs?|instead of|rather than|downside|costs?|accept(ing|ed)?|"
            + "whereas|versus|vs\\.?|alternatively|unless|on the other hand|risk(s|y)?|deliberately|however|"
            + "only \\w+( \\w+)? (if|when|once)|"
            + "at the expense|over-?engineer|only (if|when)|but (it|that|this|only|not|then)|not (worth|always)|"
            + "depends? (on|of)|it depends?|sparingly|the catch|price|tempting|prefer|(matters|important|better|worse|"
            + "safer|riskier|cheaper|simpler|slower|faster|easier|harder) (more |less )?than)\\b");
    private static final Pattern CONDITIONAL = p("\\b(if|when|depending on|in our case|in that case|say it'?s|"
            + "for example|for instance|e\\.g\\.)\\b");
    private static final Pattern HABITUAL = p("\\b(usually|always|typically|normally|generally|in general|every time|"
            + "whenever|tend to|most of the time)\\b");
    private static final Pattern DISMISSIVE = p("\\b(just|simply|ha|anyway|no need|no reason|doesn'?t (really )?"
            + "matter|don'?t (really )?(think|worry) about|never (a|an) (problem|issue)|not worth)\\b");
    private static final Pattern FILLER = p("\\b(you know|i mean|kind of|sort of|i guess|basically|stuff|"
            + "or something|what ?ever|so,? yeah|yeah,? so|oh man|okay so|and so on|things like that|like,)");
    private static final Pattern VAGUE = p("\\b(really important|very important|super important|so important|"
            + "best practices?|passionate|right tool|end of the day|the future|(is|are|it'?s|they'?re) (great|good|"
            + "popular|powerful|amazing|everywhere)|really interesting|always learning|everyone|here and there|"
            + "a lot of things|the usual|pretty standard|pretty (comfortable|experienced|strong)|i'?m (very |really |"
            + "quite )?(comfortable|flexible|familiar|excited|good) (with|in|at)|familiar with|big believer|"
            + "up to date|keep .{0,25} in mind|it'?s all about|love (a|to|learning|it))\\b");
    private static final Pattern EVASIVE = p("\\b((rather|prefer to) talk about|more of an? \\w+ thing|not (really )?"
            + "my (area|job|thing|department)|someone else'?s (job|problem))\\b");
    private static final Pattern EMPLOYER = p("\\b((at|in|for|joined|with|from) (a|an|the|my|our|one) "
            + "([\\w'-]+ ){0,4}?(company|startup|start-up|studio|bank|agency|retailer|firm|marketplace|"
            + "consortium|vendor|operator|provider|employer|insurer|fintech|healthtech|consultancy|corporation|"
            + "e-commerce|ecommerce|shop|store|aggregator|publisher|school|university|hospital|lab|manufacturer|"
            + "outsourcing|saas|platform|site|app|business|organi[sz]ation|telecom|airline|utility|government|"
            + "ministry|non-profit|nonprofit|charity|client|customer|maker)s?|"
            + "(at|in) (my|our) (current|last|previous|first|old|actual|former) (job|company|employer|team|role|"
            + "place|work)|(current|last|previous|former) (job|company|employer)|i joined \\w+|"
            + "(company|employer),? (it'?s|it is) (a|an)|network'?s)\\b");
    private static final Pattern PROJECT = p("\\b((the|our|my) ([\\w'-]{2,} ){1,4}?|(a|an) ([\\w'-]{2,} ){2,4}?)(service|pipeline|api|"
            + "system|platform|app|project|feature|tool|cluster|gateway|job|store|engine|server|library|module|"
            + "dashboard|portal|migration|rewrite|endpoint|worker|queue|integration|product|database|schema)\\b");
    private static final Pattern ROLE = p("\\b(as (a|an|the) ((\\w+|\\w+-\\w+) ){0,2}?(junior|senior|lead|developer|"
            + "engineer|intern|architect|manager|owner|head|consultant|contractor|middle|mid-level)|became|promoted|"
            + "(tech|team|platform|performance|engineering) lead|i lead|i led|now i (am|lead|run|manage|own)|"
            + "i'?m (a|the|now) (\\w+ )?(junior|senior|lead|tech lead|owner)|junior|senior|intern(ship)?|"
            + "mid-level|release owner|owner of)\\b");
    private static final Pattern DURATION = p("\\b((\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            + "twelve|fifteen|twenty|a few|several|a couple of|a|half a|a year and a half)(\\+)? (years?|months?)|"
            + "since (19|20)\\d\\d|(in|from|to|until) (19|20)\\d\\d|(19|20)\\d\\d|twenty (twenty|nineteen|"
            + "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen)( \\w+)?|last (year|two years)|"
            + "every day|daily)\\b");
    private static final Pattern QUANTITY = p("(\\b\\d+([.,]\\d+)?\\s?(%|percent|ms|s|x|k|m|gb|mb|tb)?\\b|\\b(one|two|"
            + "three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|"
            + "eighty|ninety|hundred|thousand|million|billion|half|zero|double|twice|triple)\\b|percent|%)");
    private static final Pattern YEAR = p("^(19|20)\\d\\d$");
    private static final Set<String> STATIVE = Set.of("be", "have", "think", "know", "guess", "believe", "feel",
            "like", "love", "mean", "hope", "want", "say", "seem", "need", "enjoy", "remember", "try", "get", "see",
            "learn", "hear", "watch", "read", "study", "prefer", "find", "do", "go", "make", "look", "call", "let", "tell",
            "talk", "keep", "stay", "sound", "understand", "wish", "agree", "consider", "would", "could");
    private static final Set<String> HYP_AUX = Set.of("would", "'d", "could", "should", "might", "'ll", "will",
            "may", "can");
    private static final Set<String> PERFECT_AUX = Set.of("have", "'ve", "has", "had", "was", "were", "did");

    // ---------------------------------------------------------------- analysis

    private enum Subject { I, WE, OTHER }

    private enum Tense { PAST, PRESENT, HYPOTHETICAL }

    private record Clause(Subject subject, Tense tense, Token verb, int index, boolean action) {
    }

    /** Everything measured on one answer. */
    private static final class Features {
        int words;
        int sentences;
        Set<String> techs = new HashSet<>();
        Set<String> concepts = new HashSet<>();
        int quantities;
        int durations;
        int iActions;
        int iConcrete;
        int iConcreteHyp;
        int iPast;
        int iHyp;
        int weActions;
        int wePast;
        int weHyp;
        int hypClauses;
        int results;
        int quantResults;
        int employers;
        int projects;
        int roles;
        int limits;
        int noExperience;
        int ignorance;
        int fillers;
        int vague;
        int steps;
        int reasons;
        int tradeoffs;
        int conditionals;
        int habitual;
        int dismissive;
        int evasive;
        int listWords;
        int listItems;
        int vagueSentences;
        int concreteSentences;
        int injectionSentences;
        int ifIHadTo;

        Map<String, Double> asMap() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("words", (double) words);
            m.put("sentences", (double) sentences);
            m.put("technologies", (double) techs.size());
            m.put("concept_hits", (double) concepts.size());
            m.put("quantities", (double) quantities);
            m.put("durations", (double) durations);
            m.put("i_actions", (double) iActions);
            m.put("i_past", (double) iPast);
            m.put("i_concrete", (double) iConcrete);
            m.put("i_concrete_hyp", (double) iConcreteHyp);
            m.put("we_actions", (double) weActions);
            m.put("we_past", (double) wePast);
            m.put("hypothetical_clauses", (double) hypClauses);
            m.put("results", (double) results);
            m.put("quantified_results", (double) quantResults);
            m.put("employers", (double) employers);
            m.put("projects", (double) projects);
            m.put("roles", (double) roles);
            m.put("limits", (double) limits);
            m.put("no_experience", (double) noExperience);
            m.put("ignorance", (double) ignorance);
            m.put("fillers", (double) fillers);
            m.put("vague", (double) vague);
            m.put("steps", (double) steps);
            m.put("reasons", (double) reasons);
            m.put("tradeoffs", (double) tradeoffs);
            m.put("conditionals", (double) conditionals);
            m.put("habitual", (double) habitual);
            m.put("dismissive", (double) dismissive);
            m.put("evasive", (double) evasive);
            m.put("list_share", words == 0 ? 0.0 : round((double) listWords / words));
            m.put("list_items", (double) listItems);
            m.put("vague_sentence_share", sentences == 0 ? 0.0 : round((double) vagueSentences / sentences));
            m.put("concrete_sentence_share", sentences == 0 ? 0.0 : round((double) concreteSentences / sentences));
            m.put("injection_sentences", (double) injectionSentences);
            return m;
        }

        double listShare() {
            return words == 0 ? 0 : (double) listWords / words;
        }

        double vagueShare() {
            return sentences == 0 ? 1 : (double) vagueSentences / sentences;
        }

        double concreteShare() {
            return sentences == 0 ? 0 : (double) concreteSentences / sentences;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    public ScoreCard score(ScoringInput input) {
        String text = combinedText(input);
        List<Evidence> evidence = new ArrayList<>();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        List<Sentence> sentences = analyzer.analyze(text);

        // 1. Instructions to the scorer are flagged and removed; the rest is scored on its own merits.
        List<Sentence> kept = new ArrayList<>();
        int injections = 0;
        for (Sentence s : sentences) {
            String st = text.substring(s.start(), s.end());
            boolean injection = INJECTION_STANDALONE.matcher(st).find()
                    || (INJECTION_ADDRESSEE.matcher(st).find() && INJECTION_DIRECTIVE.matcher(st).find());
            if (injection) {
                injections++;
                flags.add(Flag.PROMPT_INJECTION);
                evidence.add(new Evidence("injection", s.start(), s.end(), st));
            } else {
                kept.add(s);
            }
        }

        boolean derived = input.concepts().isEmpty();
        List<String> conceptNames = derived ? questionConcepts(input.questionText()) : input.concepts();
        List<ConceptMatcher.Concept> concepts = ConceptMatcher.compile(conceptNames, lexicon);
        Features f = measure(text, kept, concepts, evidence);
        f.injectionSentences = injections;

        Decision d = decide(input.type(), f, concepts.isEmpty() ? 0 : derived ? 1 : 2, flags);
        flags.addAll(d.flags);
        Map<String, Double> features = f.asMap();
        return new ScoreCard(d.score, RubricAnchors.anchor(input.type(), d.score), d.reason, dedupe(evidence), flags,
                features, VERSION);
    }

    private static final Set<String> GENERIC_QUESTION_NOUNS = Set.of("time", "case", "experience", "background",
            "track", "record", "level", "exposure", "familiarity", "example", "way", "thing", "lot", "kind", "question",
            "situation", "moment", "us", "you", "something", "anything", "answer", "role", "job", "day", "years");

    /** For a question without curated concepts (e.g. written by a recruiter): its nouns and technologies. */
    private List<String> questionConcepts(String question) {
        List<String> out = new ArrayList<>();
        for (Sentence s : analyzer.analyze(question)) {
            List<String> forms = s.tokens().stream().map(Token::form).toList();
            for (TechLexicon.Match m : lexicon.find(forms)) {
                out.add(m.term());
            }
            for (Token t : s.tokens()) {
                if ((t.is("NOUN") || t.is("PROPN")) && t.isWord() && t.form().length() > 2
                        && !GENERIC_QUESTION_NOUNS.contains(t.form()) && !out.contains(t.form())) {
                    out.add(t.form());
                }
            }
        }
        return out;
    }

    private static List<Evidence> dedupe(List<Evidence> evidence) {
        Map<String, Evidence> unique = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            unique.putIfAbsent(e.kind() + ":" + e.start() + ":" + e.end(), e);
        }
        List<Evidence> out = new ArrayList<>(unique.values());
        out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : a.kind().compareTo(b.kind()));
        return out.size() > 40 ? out.subList(0, 40) : out;
    }

    private Features measure(String text, List<Sentence> sentences, List<ConceptMatcher.Concept> concepts,
                             List<Evidence> evidence) {
        Features f = new Features();
        boolean anyAction = false;
        for (Sentence s : sentences) {
            List<Token> tokens = new ArrayList<>();
            for (Token t : s.tokens()) {
                if (!DISFLUENCIES.contains(t.form())) {
                    tokens.add(t);
                }
            }
            int words = (int) tokens.stream().filter(Token::isWord).count();
            if (words == 0) {
                continue;
            }
            f.words += words;
            f.sentences++;
            String st = text.substring(s.start(), s.end());

            // technologies
            List<String> forms = tokens.stream().map(Token::form).toList();
            int techHere = 0;
            boolean[] marks = new boolean[tokens.size()];
            List<TechLexicon.Match> techMatches = lexicon.find(forms);
            for (TechLexicon.Match m : techMatches) {
                Token first = tokens.get(m.from());
                if (m.to() - m.from() == 1 && (first.is("VERB") || first.is("AUX")
                        || (m.from() > 0 && tokens.get(m.from() - 1).form().equals("the")
                        && first.form().equals("rest")))) {
                    continue;
                }
                f.techs.add(m.term());
                techHere++;
                for (int k = m.from(); k < m.to(); k++) {
                    marks[k] = true;
                }
                Token last = tokens.get(m.to() - 1);
                evidence.add(new Evidence("technology", first.start(), last.end(),
                        text.substring(first.start(), last.end())));
            }
            // concepts
            int conceptsHere = ConceptMatcher.match(concepts, tokens, techMatches, f.concepts, marks);
            for (int k = 0; k < tokens.size(); k++) {
                if (QUANTITY.matcher(tokens.get(k).form()).matches()) {
                    marks[k] = true;
                }
            }

            // clauses: who acts, in which tense
            List<Clause> clauses = clauses(tokens);
            boolean actionHere = false;
            for (int ci = 0; ci < clauses.size(); ci++) {
                Clause c = clauses.get(ci);
                if (c.subject == Subject.I && (c.action || c.tense == Tense.HYPOTHETICAL)
                        && !STATIVE.contains(c.verb.lemma())) {
                    int end = Math.min(tokens.size(), c.index + 12);
                    for (int k = c.index + 1; k < end; k++) {
                        if (subjectOf(tokens.get(k)) != null) {
                            end = k;
                        }
                    }
                    boolean concreteObject = false;
                    for (int k = c.index; k < end && !concreteObject; k++) {
                        concreteObject = marks[k];
                    }
                    if (concreteObject) {
                        if (c.tense == Tense.HYPOTHETICAL) {
                            f.iConcreteHyp++;
                        } else {
                            f.iConcrete++;
                        }
                    }
                }
                if (c.tense == Tense.HYPOTHETICAL && (c.subject == Subject.I || c.subject == Subject.WE)
                        && !STATIVE.contains(c.verb.lemma())) {
                    f.hypClauses++;
                    if (c.subject == Subject.I) {
                        f.iHyp++;
                    } else {
                        f.weHyp++;
                    }
                    evidence.add(new Evidence("hypothetical", c.verb.start(), c.verb.end(), text.substring(c.verb.start(), c.verb.end())));
                    continue;
                }
                if (!c.action) {
                    continue;
                }
                if (c.subject == Subject.I) {
                    f.iActions++;
                    actionHere = true;
                    if (c.tense == Tense.PAST) {
                        f.iPast++;
                    }
                    evidence.add(new Evidence("own_action", c.verb.start(), c.verb.end(), text.substring(c.verb.start(), c.verb.end())));
                } else if (c.subject == Subject.WE) {
                    f.weActions++;
                    if (c.tense == Tense.PAST) {
                        f.wePast++;
                    }
                    evidence.add(new Evidence("team_action", c.verb.start(), c.verb.end(), text.substring(c.verb.start(), c.verb.end())));
                }
            }
            if (IF_I_HAD_TO.matcher(st).find()) {
                f.ifIHadTo++;
            }

            int quantities = 0;
            for (Token t : tokens) {
                if (QUANTITY.matcher(t.form()).matches() && !YEAR.matcher(t.form()).matches()) {
                    quantities++;
                }
            }
            if (st.contains("%")) {
                quantities++;
            }
            int durations = count(DURATION, st, s.start(), "duration", evidence);
            f.durations += durations;
            f.quantities += Math.max(0, quantities - durations);
            int employers = count(EMPLOYER, st, s.start(), "named_employer", evidence);
            if (employers == 0) {
                employers = namedOrganisation(tokens, text, evidence);
            }
            f.employers += employers;
            int projects = 0;
            if (actionHere || f.iActions > 0) {
                projects = count(PROJECT, st, s.start(), "named_project", evidence);
                f.projects += projects;
            }
            f.roles += count(ROLE, st, s.start(), "role", evidence);
            f.limits += count(LIMIT, st, s.start(), "limit", evidence);
            f.noExperience += count(NO_EXPERIENCE, st, s.start(), "no_experience", evidence);
            f.ignorance += count(IGNORANCE, st, s.start(), "no_answer", evidence);
            f.fillers += count(FILLER, st, s.start(), null, evidence);
            int vague = count(VAGUE, st, s.start(), "vague", evidence);
            f.vague += vague;
            f.steps += count(STEP, st, s.start(), "step", evidence);
            f.reasons += count(REASON, st, s.start(), "reason", evidence);
            f.tradeoffs += count(TRADEOFF, st, s.start(), "trade_off", evidence);
            f.conditionals += count(CONDITIONAL, st, s.start(), null, evidence);
            f.habitual += count(HABITUAL, st, s.start(), null, evidence);
            f.dismissive += count(DISMISSIVE, st, s.start(), null, evidence);
            f.evasive += count(EVASIVE, st, s.start(), "evasive", evidence);

            anyAction |= actionHere || f.weActions > 0;
            Matcher rm = RESULT.matcher(st);
            if (anyAction && rm.find()) {
                f.results++;
                boolean quantified = quantities - durations > 0 || st.contains("to zero");
                if (quantified) {
                    f.quantResults++;
                }
                evidence.add(new Evidence(quantified ? "measurable_result" : "result", s.start(), s.end(), st));
            }

            // lists of short items without a clause
            measureLists(tokens, f, text, evidence);

            boolean concrete = techHere > 0 || quantities > 0 || employers > 0 || projects > 0
                    || (actionHere && conceptsHere > 0);
            if (concrete) {
                f.concreteSentences++;
            }
            boolean selfAssessment = LIMIT.matcher(st).find();
            if (words < 4 && vague == 0 && !concrete) {
                f.sentences--; // a one- or two-word sentence ("intermediate.") is neither vague nor concrete
            } else if (!concrete && !selfAssessment && (conceptsHere == 0 || vague > 0) && !actionHere) {
                f.vagueSentences++;
            }
        }
        return f;
    }

    /** "at Spotify", "for Zalando": a preposition of employment before a proper noun that is no technology. */
    private int namedOrganisation(List<Token> tokens, String text, List<Evidence> evidence) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token next = tokens.get(i + 1);
            if (EMPLOYMENT_PREPOSITIONS.contains(tokens.get(i).form()) && next.is("PROPN")
                    && lexicon.find(List.of(next.form())).isEmpty()) {
                evidence.add(new Evidence("named_employer", next.start(), next.end(),
                        text.substring(next.start(), next.end())));
                return 1;
            }
        }
        return 0;
    }

    private static final java.util.Set<String> EMPLOYMENT_PREPOSITIONS = java.util.Set.of("at", "for", "joined");

    private static int count(Pattern pattern, String st, int offset, String kind, List<Evidence> evidence) {
        Matcher m = pattern.matcher(st);
        int n = 0;
        while (m.find()) {
            n++;
            if (kind != null) {
                evidence.add(new Evidence(kind, offset + m.start(), offset + m.end(), m.group()));
            }
        }
        return n;
    }

    /** Runs of comma-separated short items (no pronoun, no auxiliary): the shape of a keyword list. */
    private static void measureLists(List<Token> tokens, Features f, String text, List<Evidence> evidence) {
        List<List<Token>> items = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            if (t.form().equals(",") || t.form().equals(";") || t.form().equals(":") || t.form().equals(".")
                    || t.form().equals("?")) {
                items.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        items.add(current);
        List<List<Token>> run = new ArrayList<>();
        for (List<Token> item : items) {
            boolean shortItem = isListItem(item);
            if (shortItem) {
                run.add(item);
            } else {
                flushRun(run, f, text, evidence);
                run.clear();
            }
        }
        flushRun(run, f, text, evidence);
    }

    private static boolean isListItem(List<Token> item) {
        List<Token> words = item.stream().filter(Token::isWord).filter(t -> !t.form().equals("and")
                && !t.form().equals("or") && !t.form().equals("plus")).toList();
        if (words.isEmpty() || words.size() > 8) {
            return false;
        }
        for (Token t : words) {
            if (t.is("PRON") || t.is("AUX") || t.form().equals("i")) {
                return false;
            }
        }
        return true;
    }

    private static void flushRun(List<List<Token>> run, Features f, String text, List<Evidence> evidence) {
        if (run.size() < 4) {
            return;
        }
        int words = 0;
        for (List<Token> item : run) {
            words += (int) item.stream().filter(Token::isWord).count();
        }
        f.listWords += words;
        f.listItems += run.size();
        List<Token> first = run.get(0);
        List<Token> last = run.get(run.size() - 1);
        int start = first.get(0).start();
        int end = last.get(last.size() - 1).end();
        evidence.add(new Evidence("keyword_list", start, end, text.substring(start, end)));
    }

    /** The subject a pronoun token introduces ("i", "we", "i've", "we'd", ...), or null if it is no subject. */
    private static Subject subjectOf(Token t) {
        String form = t.form();
        int apostrophe = form.indexOf('\'');
        String pronoun = apostrophe > 0 ? form.substring(0, apostrophe) : form;
        if (!(t.tag().startsWith("PRON") || pronoun.equals("i"))) {
            return null;
        }
        return switch (pronoun) {
            case "i" -> Subject.I;
            case "we" -> Subject.WE;
            case "you", "they", "he", "she", "it", "that", "this", "there", "which", "who", "everyone", "someone",
                 "nobody", "everything", "everybody", "people" -> Subject.OTHER;
            default -> null;
        };
    }

    /** The tense an auxiliary (alone or contracted, "'ve", "'d") gives the verb it governs; null if none. */
    private static Tense auxTense(String form) {
        int apostrophe = form.indexOf('\'');
        String aux = apostrophe >= 0 ? form.substring(apostrophe) : form;
        if (HYP_AUX.contains(aux) || aux.equals("wo") || aux.equals("ca")) {
            return Tense.HYPOTHETICAL;
        }
        if (PERFECT_AUX.contains(aux) || aux.equals("'ve")) {
            return Tense.PAST;
        }
        return null;
    }

    /** Verb clauses with their subject (I, we, other) and tense (past, present, hypothetical). */
    private static List<Clause> clauses(List<Token> tokens) {
        List<Clause> out = new ArrayList<>();
        Subject current = Subject.OTHER;
        Tense currentTense = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Subject introduced = subjectOf(t);
            if (introduced != null) {
                current = introduced;
                currentTense = t.form().contains("'") ? auxTense(t.form()) : null;
                continue;
            }
            if (!t.is("VERB")) {
                if ((t.is("NOUN") || t.is("PROPN")) && i + 1 < tokens.size()
                        && (tokens.get(i + 1).is("VERB") || tokens.get(i + 1).is("AUX"))) {
                    current = Subject.OTHER;
                    currentTense = null;
                }
                if (t.is("AUX") && auxTense(t.form()) == Tense.HYPOTHETICAL) {
                    currentTense = Tense.HYPOTHETICAL;
                }
                continue;
            }
            // look back over auxiliaries and adverbs to the subject
            Tense tense = null;
            int j = i - 1;
            while (j >= 0) {
                Token b = tokens.get(j);
                if (b.is("AUX")) {
                    Tense at = auxTense(b.form());
                    if (at == Tense.HYPOTHETICAL || tense == null) {
                        tense = at != null ? at : tense;
                    }
                    j--;
                } else if (b.is("ADV") || (b.is("PART") && !b.form().equals("to"))) {
                    j--;
                } else {
                    break;
                }
            }
            boolean infinitive = j >= 0 && tokens.get(j).form().equals("to");
            boolean directSubject = false;
            if (j >= 0) {
                Token b = tokens.get(j);
                Subject s = subjectOf(b);
                if (s != null) {
                    current = s;
                    directSubject = true;
                    if (j > 0 && tokens.get(j - 1).form().equals("if") && tense == Tense.PAST) {
                        tense = Tense.HYPOTHETICAL; // "if i was working with ...", "if i had ..."
                    }
                    if (b.form().contains("'")) {
                        Tense at = auxTense(b.form());
                        if (tense == null || at == Tense.HYPOTHETICAL) {
                            tense = at != null ? at : tense;
                        }
                    }
                    currentTense = tense;
                } else if (b.is("NOUN") || b.is("PROPN") || b.is("NUM")) {
                    current = Subject.OTHER;
                    currentTense = null;
                    directSubject = true;
                }
            }
            if (infinitive) {
                continue;
            }
            String f = t.form();
            if (tense == null) {
                boolean coordinated = !directSubject;
                if (coordinated && currentTense == Tense.HYPOTHETICAL) {
                    tense = Tense.HYPOTHETICAL;
                } else if (f.endsWith("ing")) {
                    if (j >= 0 && tokens.get(j).is("AUX")) {
                        tense = Tense.PRESENT;
                    } else if (coordinated) {
                        continue; // a gerund or participle, not a clause of its own
                    } else {
                        tense = Tense.PRESENT;
                    }
                } else if (!f.equals(t.lemma()) && !(f.endsWith("s") && !f.endsWith("ss")
                        && f.length() > t.lemma().length())) {
                    tense = Tense.PAST;
                } else if (coordinated && currentTense == Tense.PAST) {
                    tense = Tense.PAST;
                } else {
                    tense = Tense.PRESENT;
                }
            }
            if (directSubject) {
                currentTense = tense;
            }
            boolean action = !STATIVE.contains(t.lemma());
            out.add(new Clause(current, tense, t, i, action));
        }
        return out;
    }

    // ---------------------------------------------------------------- decision per type

    private record Decision(int score, String reason, Set<Flag> flags) {
    }

    /**
     * @param conceptSource 0: no concepts (relevance not checked), 1: concepts derived from the question's nouns
     *                      (only a total miss counts as off-topic), 2: the bank's curated concepts
     */
    private static Decision decide(QuestionType type, Features f, int conceptSource, Set<Flag> alreadyFlagged) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        // empty, silence or "I don't know" alone
        boolean substantive = f.techs.size() + f.concepts.size() + f.iActions + f.weActions + f.durations > 1;
        if (f.words == 0 || (f.ignorance > 0 && !substantive && f.words < 25) || f.words < 3) {
            flags.add(Flag.NO_ANSWER);
            return new Decision(1, alreadyFlagged.contains(Flag.PROMPT_INJECTION)
                    ? "Nothing but an instruction to the scorer: no answer." : "No answer given.", flags);
        }
        // relevance first
        boolean offTopic = conceptSource == 2 ? f.words >= 12
                && (f.concepts.isEmpty() || (f.concepts.size() == 1 && f.words >= 35 && f.techs.size() <= 2))
                : conceptSource == 1 && f.words >= 20 && f.concepts.isEmpty();
        if (offTopic) {
            flags.add(Flag.OFF_TOPIC);
            int s = (f.iActions >= 2 && f.techs.size() >= 1) ? 2 : 1;
            return new Decision(s, "Does not address the question asked (none of its concepts appear).", flags);
        }
        boolean stuffing = f.listItems >= 6 && f.listShare() >= 0.4 && f.iPast < 3;
        if (stuffing) {
            flags.add(Flag.KEYWORD_STUFFING);
        }
        Decision d = switch (type) {
            case GENERAL -> general(f, stuffing);
            case BEHAVIORAL -> behavioral(f, flags);
            case EXPERIENCE -> experience(f, flags);
            case SITUATIONAL -> situational(f);
        };
        int score = d.score;
        String reason = d.reason;
        if (stuffing && score > 2) {
            score = 2;
            reason = "A list of technologies or buzzwords without claims about what the candidate did (capped at 2). "
                    + reason;
        }
        flags.addAll(d.flags);
        return new Decision(score, reason, flags);
    }

    private static int concreteness(Features f) {
        int c = 0;
        if (!f.techs.isEmpty()) {
            c++;
        }
        if (f.techs.size() >= 3) {
            c++;
        }
        if (f.quantities + f.durations > 0) {
            c++;
        }
        if (f.employers + f.projects > 0) {
            c++;
        }
        if (f.iActions >= 2) {
            c++;
        }
        return c;
    }

    private static Decision general(Features f, boolean stuffing) {
        Set<Flag> none = Set.of();
        int c = concreteness(f);
        if (stuffing) {
            return new Decision(f.iActions == 0 ? 1 : 2, "Buzzwords listed without substance.", none);
        }
        if (f.evasive > 0 && f.iConcrete == 0) {
            return new Decision(1, "Avoids the question (deflects to something else).", none);
        }
        if (f.techs.isEmpty() && f.quantities + f.durations == 0 || c == 0) {
            if (f.employers + f.projects > 0 || f.iConcrete > 0) {
                return new Decision(2, "Mostly vague: a claim of experience with almost nothing concrete.", none);
            }
            return new Decision(1, "Avoids the question: no concrete fact, technology or own experience.", none);
        }
        double vagueShare = f.vagueShare();
        if (c <= 1 || vagueShare >= 0.5) {
            return new Decision(2, "Mostly vague or rambling, little substance.", none);
        }
        if (c == 2 || vagueShare >= 0.34) {
            return new Decision(3, "Relevant but generic; few concrete facts.", none);
        }
        if (f.fillers >= 3) {
            return new Decision(3, "Relevant and partly concrete, but with noticeable filler.", none);
        }
        if (f.limits >= 2 && f.techs.size() + f.quantities + f.durations <= f.limits) {
            return new Decision(3, "Honest about limits, but says more about what is missing than about what was done.",
                    none);
        }
        boolean selfAware = f.limits > 0;
        boolean clean = vagueShare < 0.2 && f.fillers + f.vague <= 1;
        if (selfAware && clean) {
            return new Decision(5, "Direct and concrete, names real technologies and facts, and states limits.", none);
        }
        return new Decision(4, selfAware ? "Direct and concrete with some filler or a tangent."
                : "Direct, relevant and concrete, but no limits acknowledged.", none);
    }

    private static Decision behavioral(Features f, Set<Flag> flags) {
        // Speakers of other languages often tell a past story in the present tense ("last year i write a server"):
        // a story anchored in a place or time, told without habits or conditionals, counts as past.
        boolean anchored = f.employers + f.projects > 0 || f.durations > 0;
        int iPast = f.iPast;
        int wePast = f.wePast;
        if (anchored && f.habitual == 0 && f.hypClauses == 0) {
            iPast = Math.max(iPast, f.iActions);
            wePast = Math.max(wePast, f.weActions);
        }
        int past = iPast + wePast;
        boolean hypotheticalDominant = f.hypClauses >= 2
                && (f.hypClauses > past || (f.ifIHadTo > 0 && f.noExperience > 0));
        if (hypotheticalDominant) {
            flags.add(Flag.HYPOTHETICAL);
            boolean hint = past >= 1 || f.noExperience > 0;
            return new Decision(hint ? 2 : 1, hint
                    ? "Mostly hypothetical (\"I would\") with only a hint of real experience."
                    : "Purely hypothetical: no past example.", flags);
        }
        if (past < 1 || (past < 2 && f.iConcrete == 0 && f.results == 0)) {
            if (f.iActions + f.weActions >= 2 || f.habitual > 0) {
                return new Decision(2, "Describes how they usually work, not one specific past example.", flags);
            }
            return new Decision(1, "No example at all.", flags);
        }
        if (wePast >= 2 && iPast * 3 <= wePast) {
            flags.add(Flag.WE_NOT_I);
            return new Decision(3, "A past example told with \"we\": the candidate's own part is unclear.", flags);
        }
        if (iPast >= 1 && f.iConcrete >= 1 && f.quantResults > 0) {
            return new Decision(5, "A specific past situation, own actions in the first person and a measurable result.",
                    flags);
        }
        if (iPast >= 1 && f.iConcrete >= 1 && f.results > 0) {
            return new Decision(4, "A specific past example with own actions; the result is not quantified.", flags);
        }
        return new Decision(3, "A past example but vague, or without a result.", flags);
    }

    private static Decision experience(Features f, Set<Flag> flags) {
        boolean named = f.employers + f.projects > 0;
        boolean noExperience = (f.noExperience > 0 && (f.techs.size() < 2 || f.iConcrete == 0))
                || (f.noExperience >= 2 && f.noExperience > f.iActions && !named);
        if (noExperience && f.quantResults == 0) {
            return new Decision(1, "No relevant experience expressed.", flags);
        }
        if (f.hypClauses >= 2 && f.hypClauses > f.iPast + f.wePast) {
            flags.add(Flag.HYPOTHETICAL);
            return new Decision(2, "Hypothetical rather than actual experience.", flags);
        }
        if (named && f.quantResults > 0 && f.iConcrete >= 2 && (f.roles > 0 || f.durations > 0)) {
            return new Decision(5, "Names employers or projects, roles and durations, technologies, and measurable "
                    + "outcomes.", flags);
        }
        if (named && f.iConcrete >= 1 && (f.results > 0 || f.iConcrete >= 2)) {
            return new Decision(4, "A specific project or employer with concrete technologies; outcomes without numbers.",
                    flags);
        }
        if ((named && (f.iConcrete >= 1 || f.weActions >= 2)) || ((f.techs.size() >= 2 || f.durations > 0)
                && (f.iConcrete >= 1 || f.durations > 0) && f.vagueShare() < 0.5)) {
            return new Decision(3, "Some specifics (technologies, years) but no identifiable project, employer or outcome.",
                    flags);
        }
        if (f.iActions + f.weActions == 0 && f.vague == 0 && f.habitual == 0) {
            return new Decision(1, "Evasive: no experience of the candidate's own is expressed.", flags);
        }
        return new Decision(2, "General statements only, nothing concrete.", flags);
    }

    private static Decision situational(Features f) {
        Set<Flag> none = Set.of();
        int tech = f.techs.size();
        int actions = f.iConcrete + f.iConcreteHyp;
        boolean structured = f.steps >= 2 || (f.steps >= 1 && f.conditionals >= 1) || actions >= 3;
        boolean reasoning = f.reasons + f.tradeoffs > 0;
        if (f.sentences <= 2 && f.words < 30 && (f.dismissive > 0 || tech == 0)) {
            return new Decision(1, "A single line, dismissive of the complexity.", none);
        }
        if (f.words < 20 || (f.steps == 0 && !reasoning && f.conditionals == 0 && actions < 3)) {
            return new Decision(2, "A shallow list of steps or buzzwords with no reasoning.", none);
        }
        boolean weighed = f.tradeoffs >= 2 || (f.tradeoffs >= 1 && f.reasons >= 2);
        if (structured && tech >= 3 && weighed && f.conditionals >= 1) {
            return new Decision(5, "Ordered steps, concrete techniques, trade-offs weighed and adapted to context.",
                    none);
        }
        if ((structured && tech >= 3) || (tech >= 2 && f.conditionals >= 1 && reasoning)) {
            return new Decision(4, "Structured and concrete, little discussion of trade-offs.", none);
        }
        return new Decision(3, "Some reasoning, but unordered or generic.", none);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
